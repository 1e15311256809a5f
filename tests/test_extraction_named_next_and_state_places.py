"""One unnamed person an action falls on, named next by the same action, is that person;
a place the gazetteer does not know, written before a state or province, is part of it."""

from __future__ import annotations

from extraction_support import actions, extract, triples


def test_an_unnamed_person_named_next_by_the_same_action_is_no_second_party() -> None:
    found = actions(
        extract(
            "FinCEN announced a civil monetary penalty against an individual for operating a "
            "peer-to-peer exchanger. FinCEN assessed a $35,350 civil monetary penalty against "
            "Eric Powers."
        )
    )
    assert found == {("Financial Crimes Enforcement Network", "FINED", "Eric Powers")}, found
    # another action, or another actor, keeps the unnamed person
    found = actions(extract("Police arrested a man in Lagos. The EFCC later charged Eric Powers."))
    assert ("Nigeria Police Force", "INVESTIGATED", "man") in found, found


def test_a_place_before_a_state_is_part_of_it() -> None:
    rels = triples(extract("FinCEN fined Eric Powers of Kern County, California for fraud."))
    assert ("Kern County", "PART_OF", "California") in rels, rels
    rels = triples(extract("Zolta Ltd was raided in Fresno, California."))
    assert ("Fresno", "PART_OF", "California") in rels, rels
    # a list of places is no nesting
    rels = triples(extract("Zolta Ltd operates in Springfield, California and Texas."))
    assert not {r for r in rels if r[1] == "PART_OF"}, rels
