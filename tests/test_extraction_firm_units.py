"""A known firm's name with a newsroom or research word is another thing than the firm and
no person (issue 12, organisations found from their shape): "Kraken Daily said" is an
outlet, "Binance Research wrote" a unit of Binance, "the Daily Ledger" an outlet, none of
them a person or the firm itself. Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract, types_by_name


@pytest.mark.parametrize(
    ("sentence", "name", "expected"),
    [
        ("Binance Research wrote that the ban would last.", "Binance Research", "Company"),
        ("The ban would last for years, Kraken Daily said.", "Kraken Daily", "MediaOutlet"),
        (
            "The governor told the Daily Ledger that the ban stays. Zentrix Exchange was fined "
            "by the Securities and Exchange Commission.",
            "Daily Ledger",
            "MediaOutlet",
        ),
        ("Coinbase News reported that the regulator had acted.", "Coinbase News", "MediaOutlet"),
    ],
)
def test_a_firm_name_with_a_newsroom_or_research_word_is_its_own_entity(
    sentence: str, name: str, expected: str
) -> None:
    types = types_by_name(extract(sentence))
    assert types.get(name) == expected, types
    assert "Person" not in types.values(), types


def test_the_firm_alone_keeps_its_own_type() -> None:
    types = types_by_name(extract("Binance Research wrote a report. Binance said it would appeal."))
    assert types.get("Binance") == "Exchange", types
    assert types.get("Binance Research") == "Company", types
