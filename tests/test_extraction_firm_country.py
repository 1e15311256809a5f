"""The country a story is about when it names none (issue 12, descriptive actors): the
seat of the firms it names settles an ambiguous body ("the Financial Intelligence Unit
suspended Upbit" is Korea's unit); any place, body, demonym or dateline still wins.
Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract


def _bodies(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.type == "Regulator"}


def test_the_firms_seat_settles_an_ambiguous_body_in_a_story_naming_no_country() -> None:
    bodies = _bodies(
        "The Financial Intelligence Unit said on Wednesday that it had suspended Upbit for "
        "three months over customer identification failures."
    )
    assert "Korea Financial Intelligence Unit" in bodies, bodies


def test_a_named_country_still_wins_over_the_firms_seat() -> None:
    bodies = _bodies(
        "India's Financial Intelligence Unit said on Wednesday that it had fined Upbit over "
        "customer identification failures."
    )
    assert "Korea Financial Intelligence Unit" not in bodies, bodies
