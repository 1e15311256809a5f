"""Who acts when the text names a person or a court only by its country: an officeholder
titled by a public body acts for it ("New York Attorney General Letitia James sued X"),
a court named by a demonym is that country's court ("A Turkish court sentenced X"), and
"the Istanbul court" is the court the place seats (issue 12 point 1: descriptive actors).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, types_by_name


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "New York Attorney General Letitia James sued Gemini Trust Company on Friday.",
            "New York State Attorney General",
        ),
        (
            "SEC Chair Gary Gensler sued Coinbase in June.",
            "U.S. Securities and Exchange Commission",
        ),
    ],
)
def test_an_officeholder_titled_by_a_body_acts_for_it(sentence: str, body: str) -> None:
    out = extract(sentence)
    assert {s for s, a, t in actions(out) if a == "SUED"} == {body}, actions(out)


def test_a_firms_officer_acts_for_nobody() -> None:
    out = extract("Binance CEO Richard Teng sued Coinbase on Monday.")
    assert not {t for t in actions(out) if t[1] == "SUED"}, actions(out)


@pytest.mark.parametrize(
    "sentence",
    [
        "A Russian court sentenced Tarik Demiralp to 11 years in prison.",
        "On Monday, a Turkish court ordered the arrest of Tarik Demiralp.",
    ],
)
def test_a_court_named_by_its_demonym_acts(sentence: str) -> None:
    out = extract(sentence)
    courts = {n for n, t in types_by_name(out).items() if t == "Court"}
    assert courts and courts <= {"Russian court", "Turkish court"}, types_by_name(out)
    assert {s for s, a, t in actions(out) if t == "Tarik Demiralp"} == courts, actions(out)


def test_a_demonym_court_is_the_court_the_article_seats_in_that_country() -> None:
    out = extract(
        "The Supreme Court of Russia heard the case of Tarik Demiralp. Later, a Russian "
        "court sentenced Tarik Demiralp to 11 years in prison."
    )
    assert "Russian court" not in types_by_name(out), types_by_name(out)
    assert ("Supreme Court of Russia", "SUED", "Tarik Demiralp") in actions(out), actions(out)


def test_the_place_court_with_a_definite_article() -> None:
    out = extract("The Istanbul court charged Thodex founder Tarik Demiralp on Monday.")
    assert ("court in Istanbul", "SUED", "Tarik Demiralp") in actions(out), actions(out)
