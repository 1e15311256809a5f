"""A one-word name a person noun introduces ("one individual named Bang", "a suspect
identified only as Park": privacy rules often leave one name) is a person, and the
action on the unnamed individual is the named one's. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_a_person_noun_introduces_a_one_word_name() -> None:
    out = extract(
        "Prosecutors in Seoul issued an arrest warrant for one individual named Brandt, a "
        "majority shareholder of Zolta Ltd."
    )
    assert types_by_name(out).get("Brandt") == "Person", types_by_name(out)
    found = actions(out)
    assert any(t[1] == "INVESTIGATED" and t[2] == "Brandt" for t in found), found
    assert not any(t[2] == "individual" for t in found), found
    # a firm naming a partner names no person
    assert types_by_name(extract("The firm named Kovex as its partner.")).get("Kovex") != "Person"


def test_a_suspect_identified_only_by_one_name() -> None:
    found = actions(
        extract(
            "The Seoul Southern District Prosecutors' Office issued an arrest warrant for a "
            "suspect identified only as Park."
        )
    )
    assert any(t[1] == "INVESTIGATED" and t[2] == "Park" for t in found), found
