"""The `structure` stage: where entities sit, who owns whom, who holds which role.

`firm_places` (based, began, operate: from phrases) with `phrase_subjects` (which
firms a phrase is about), `ownership` (SUBSIDIARY_OF), `body_seats` (LOCATED_IN),
`place_nesting` (PART_OF), `structure_relations` (the stage: `read_structure`),
`affiliations` (AFFILIATED_WITH: `read_affiliations`).
"""
