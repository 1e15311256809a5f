"""A court named by its country's demonym is the one court the story names there, even
when the story seats that court nowhere ("the Argentine courts have ordered ... the measure,
approved by the Fourth Court of Guarantees"); "the Argentine courts" with no court named
is no actor. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_the_demonym_courts_are_the_one_court_named_later() -> None:
    out = extract(
        "The Argentine courts have ordered the blocking of access to Korvane Exchange in "
        "Argentina. The measure, approved by the Ninth Court of Guarantees, took effect on "
        "Monday."
    )
    blocked = {(s, t) for s, a, t in actions(out) if a == "BLOCKED"}
    assert blocked == {("Ninth Court of Guarantees", "Korvane Exchange")}, actions(out)


def test_a_demonym_court_in_a_story_of_its_country() -> None:
    out = extract(
        "A Chilean court has ordered Velmora SpA to pay 2 million pesos. The ruling of the "
        "Fifth Civil Court of Santiago was published in Chile on Friday."
    )
    courts = {n for n, t in types_by_name(out).items() if t == "Court"}
    assert "Chilean court" not in courts, types_by_name(out)


def test_demonym_courts_with_no_court_named_act_for_nobody() -> None:
    out = extract("The Argentine courts have ordered the blocking of access to Binance.")
    assert not {t for t in actions(out) if t[1] == "BLOCKED"}, actions(out)
    assert "Court" not in types_by_name(out).values(), types_by_name(out)
