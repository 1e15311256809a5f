"""A court or judge named by the place before the noun ("A Seoul appeals court", "an
Istanbul court", "a Manhattan federal judge") is the court there, as "a court in Seoul"
is; a sentence it hands down is the prosecution that convicted (SUED), as "a conviction
against X" is (issue 12, descriptive actors). Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, types_by_name


@pytest.mark.parametrize(
    ("sentence", "court"),
    [
        ("A Seoul appeals court ordered Zenmo Exchange to pay 3 billion won.", "court in Seoul"),
        ("A Lagos high court froze the accounts of Zenmo Exchange.", "court in Lagos"),
        ("An Istanbul court sentenced Tarik Demiralp to 11 years in prison.", "court in Istanbul"),
    ],
)
def test_the_place_before_a_court_seats_it(sentence: str, court: str) -> None:
    out = extract(sentence)
    assert types_by_name(out).get(court) == "Court", types_by_name(out)
    assert any(source == court for source, _, _ in actions(out)), actions(out)


def test_a_demonym_before_court_is_no_place_court() -> None:
    out = extract("A Turkish court shut down the website of Zenmo Exchange.")
    assert "court in Turkey" not in types_by_name(out), types_by_name(out)


def test_a_court_that_sentences_a_person_convicted_them() -> None:
    out = extract("An Istanbul court sentenced Tarik Demiralp to 11 years in prison.")
    assert ("court in Istanbul", "SUED", "Tarik Demiralp") in actions(out), actions(out)
    out = extract(
        "Tarik Demiralp was sentenced to 25 years in prison by a Manhattan federal judge."
    )
    assert ("court in Manhattan", "SUED", "Tarik Demiralp") in actions(out), actions(out)


def test_a_sentence_still_to_come_is_no_action() -> None:
    out = extract("The judge will sentence the founder of Zenmo Exchange next month.")
    assert not any(t[1] == "SUED" for t in actions(out)), actions(out)
