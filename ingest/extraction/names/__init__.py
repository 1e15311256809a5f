"""The `names` stage: every span of the text that names an entity, with its type.

`gazetteer_index` (the curated names as one automaton, cached on disk), `org_names`
(types from head words), `type_cues` (types from context), `person_names` (people
by titles, roles and appositions), `name_runs` (capitalised runs as candidates),
`untyped_names` (types from lists, the surname habit, brand extensions),
`candidates` (the `Candidate` record; longest match wins), `recognition` (all of
them: `find_names`).
"""
