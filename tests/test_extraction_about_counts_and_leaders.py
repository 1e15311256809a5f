""" "About" after a warning (an alert, a concern) says what it is about, so the number after
it is a count ("a warning about 12 exchanges": twelve), while "blocked about 12 websites"
is an estimate; "the leader of" a body titles its head. Issue 12 point 1 (unnamed groups;
person titles); sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of


def _counts(text: str) -> list[int | None]:
    return [e.count for e in extract(text).entities if e.unnamed]


def test_a_warning_about_a_number_counts() -> None:
    text = "Mexico's Financial Intelligence Unit issued a warning about 12 crypto exchanges."
    assert _counts(text) == [12]


def test_about_before_a_number_after_a_verb_is_an_estimate() -> None:
    assert _counts("The SEC blocked about 12 websites in May.") == [None]


def test_the_leader_of_a_body_heads_it() -> None:
    found = relations_of(
        "Ann Lee, the leader of the Financial Intelligence Unit, warned investors about Quorvex"
        " Ltd."
    )
    assert ("Ann Lee", "AFFILIATED_WITH", "Financial Intelligence Unit") in found, found
    assert ("Financial Intelligence Unit", "WARNED", "Quorvex Ltd") in found, found
