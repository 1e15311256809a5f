"""A person named with the firm or body they are from is affiliated with it ("Dan Orr from
Harbour Vale Markets Limited said"), with the role a copula gave just before ("its chief
executive is Dan Orr from ..."); a place they are from is no organisation. Sentences
written for these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of


def test_a_person_from_a_firm_is_affiliated_with_it() -> None:
    out = extract(
        "The fund claims its chief executive is Dan Orr from Harbour Vale Markets Limited."
    )
    names = {e.id: e.name for e in out.entities}
    roles = {
        (names[r.source], names[r.target]): r.properties.get("role")
        for r in out.relations
        if r.type == "AFFILIATED_WITH"
    }
    assert roles.get(("Dan Orr", "Harbour Vale Markets Limited")) == "chief executive", roles


def test_a_person_from_a_place_is_affiliated_with_nothing() -> None:
    rels = relations_of(
        "Dan Orr from Malta said the claims were false. Pia Lind from Zolta Ltd agreed."
    )
    assert not any(t[0] == "Dan Orr" and t[1] == "AFFILIATED_WITH" for t in rels), rels
    assert ("Pia Lind", "AFFILIATED_WITH", "Zolta Ltd") in rels, rels
