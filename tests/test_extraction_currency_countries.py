"""An article that names no place takes its country from the one national currency it
names ("fined 2.5 billion won by the FSC": South Korea's FSC); a dollar says nothing, and
two national currencies settle nothing. Issue 12 point 1 (ambiguous bodies settled by
country); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of

from ingest.extraction.entities.currency_countries import currency_countries


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("fined 2.5 billion won", ["South Korea"]),
        ("fined NT$1.5 million", ["Taiwan"]),
        ("fined Rs 18.82 crore", ["India"]),
        ("fined $1.5 million", []),
        ("won the case", []),
    ],
)
def test_currency_countries(text: str, countries: list[str]) -> None:
    assert currency_countries(text) == countries


def test_a_korean_currency_settles_an_ambiguous_fsc() -> None:
    got = relations_of("Korvex Ltd was fined 2.5 billion won by the FSC.")
    assert ("Financial Services Commission of South Korea", "FINED", "Korvex Ltd") in got


def test_two_national_currencies_settle_nothing() -> None:
    got = relations_of("Korvex Ltd was fined 2.5 billion won and NT$3 million by the FSC.")
    assert ("Financial Services Commission of South Korea", "FINED", "Korvex Ltd") not in got
