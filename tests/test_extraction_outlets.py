"""News outlets a story cites (issue 12, entities on real reporting): wires and papers
beyond the English-language majors are in the gazetteer, and an outlet the gazetteer does
not know is typed by what the text calls it ("crypto publication X", "the daily Y"),
while a site named by its domain stays a website. Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import types_of as _types


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("According to Interfax, the central bank warned Norvik Pay on Monday.", "Interfax"),
        ("The regulator fined Norvik Pay, TASS reported.", "TASS"),
        ("Kommersant first reported that prosecutors had raided Norvik Pay.", "Kommersant"),
        ("The watchdog fined Norvik Pay, Bernama said.", "Bernama"),
        ("Haaretz reported that the Israel Securities Authority warned Norvik Pay.", "Haaretz"),
        ("Police raided Norvik Pay, Folha de S.Paulo reported.", "Folha de S.Paulo"),
    ],
)
def test_wires_and_national_papers_are_outlets(sentence: str, outlet: str) -> None:
    assert _types(sentence).get(outlet) == "MediaOutlet", _types(sentence)


@pytest.mark.parametrize(
    ("sentence", "outlet"),
    [
        ("Crypto publication Zembly reported that the court blocked Norvik Pay.", "Zembly"),
        ("The business daily Tagesmarkt said the regulator fined Norvik Pay.", "Tagesmarkt"),
        ("Legal information site RAVEL said the court blocked Norvik Pay.", "RAVEL"),
        ("The Telegram channel Kriptoteka said prosecutors charged Norvik Pay.", "Kriptoteka"),
    ],
)
def test_an_outlet_named_after_what_it_is_is_an_outlet(sentence: str, outlet: str) -> None:
    assert _types(sentence).get(outlet) == "MediaOutlet", _types(sentence)


def test_a_site_named_by_its_domain_or_a_word_after_a_daily_is_not_an_outlet() -> None:
    types = _types(
        "A court blocked the information portal Coininfo.ru in May. A daily Trading "
        "update from the exchange followed."
    )
    assert types.get("Coininfo.ru") != "MediaOutlet", types
    assert "Trading" not in types, types
