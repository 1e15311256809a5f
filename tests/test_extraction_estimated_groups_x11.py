"""A group counted by an estimate ("approximately 190 crypto accounts") has no count and
keeps the estimate in its words; accounts keep where they are held ("accounts at X") in
theirs; a bound ("more than 1,100 suspects") keeps its number. Sentences written for these
tests."""

from __future__ import annotations

from extraction_support import extract


def _groups(text: str) -> dict[str, int | None]:
    return {e.name: e.count for e in extract(text).entities if e.type in ("Account", "Person")}


def test_an_estimated_group_has_no_count_and_keeps_its_words() -> None:
    groups = _groups("Poland has seized approximately 190 crypto accounts at Zolta Exchange.")
    assert groups == {"approximately 190 crypto accounts at Zolta Exchange": None}, groups
    groups = _groups("The Enforcement Directorate froze 12 bank accounts at Kirov Bank in March.")
    assert groups == {"bank accounts at Kirov Bank": 12}, groups
    groups = _groups(
        "The Ministry of Public Security detained more than 1,100 suspects accused of fraud."
    )
    assert list(groups.values()) == [1100], groups
