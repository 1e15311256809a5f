"""A person "who operated (owns, ran) X" is X's operator (owner, head); an agentless arrest
placed abroad ("arrested on money laundering allegations in Greece", "extradited to
France") is not the act of the body the story named before, nor of a court with no seat
of its own in another country. Issue 12 point 1 (affiliations; precision guards);
sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_who_operated_makes_an_operator() -> None:
    found = relations_of(
        "Korvane Corp and its owner Tom Reyes, who operated the Quorvex Exchange, have had"
        " $140m frozen by New Zealand police."
    )
    assert any(
        s == "Tom Reyes" and k == "AFFILIATED_WITH" and t.startswith("Quorvex") for s, k, t in found
    ), found


def test_an_arrest_abroad_is_not_the_local_courts() -> None:
    found = relations_of(
        "New Zealand police froze the accounts of Korvane Corp. An application to the High"
        " Court is pending. Tom Reyes was arrested on money laundering allegations in Greece"
        " in 2017 and has since been extradited to France."
    )
    assert not any(k == "INVESTIGATED" and t == "Tom Reyes" for _, k, t in found), found
