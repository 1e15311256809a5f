"""Two people told as one ("a Brazilian couple", "the duo") are a group of two, and the
same couple when told again; "a couple of weeks" is no one. Issue 12 point 1 (unnamed
groups); sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of


def test_a_couple_is_a_group_of_two() -> None:
    text = (
        "Argentina's federal police have arrested a Brazilian couple accused of running a"
        " crypto Ponzi scheme. The duo was held in Escobar."
    )
    groups = [e for e in extract(text).entities if e.unnamed and e.type == "Person"]
    assert [g.count for g in groups] == [2], groups
    assert any(k == "INVESTIGATED" and t == "Brazilian couple" for _, k, t in relations_of(text))


def test_a_couple_of_weeks_is_nobody() -> None:
    out = extract("Thai police shut down Quorvex Ltd a couple of weeks after the raid.")
    assert not [e for e in out.entities if e.unnamed and e.type == "Person"], out.entities
