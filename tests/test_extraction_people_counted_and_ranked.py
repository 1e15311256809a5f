"""People counted in two conjuncts are one group ("Four teachers and a businessman", five
people); people counted by their trade are a group ("four teachers"); a police or military
rank written short before a name titles a person ("DCP David Misime"). Issue 12 point 1
(unnamed groups, person names with titles); sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of


def test_two_conjuncts_of_people_are_one_group() -> None:
    out = extract(
        "Four teachers and a businessman have been arrested by the Tanzanian police over a"
        " crypto scam."
    )
    groups = [e for e in out.entities if e.unnamed and e.type == "Person"]
    assert [g.count for g in groups] == [5], groups
    found = relations_of(
        "Four teachers and a businessman have been arrested by the Tanzanian police over a"
        " crypto scam."
    )
    assert ("Tanzanian police", "INVESTIGATED", "Four teachers and a businessman") in found


def test_people_counted_by_their_trade() -> None:
    out = extract("Thai police arrested four teachers in Bangkok on Monday.")
    groups = [e for e in out.entities if e.unnamed and e.type == "Person"]
    assert [g.count for g in groups] == [4], groups


def test_a_short_police_rank_titles_a_person() -> None:
    found = relations_of(
        "According to DCP David Misime, spokesperson for the Tanzanian Police Force, the"
        " suspects set up fake companies."
    )
    assert ("David Misime", "AFFILIATED_WITH", "Tanzanian Police Force") in found, found
