"""A story full of Turkish capitals: 'İ' lower-cases to two characters, which once shifted
every keyword the scanner found after it by one, so a trigger at the end of a sentence
was looked for in the next one and lost. Sentences written for these tests."""

from __future__ import annotations

from ingest.extraction.text.document import read_document
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.tokens import lower_in_place


def test_lower_in_place_keeps_every_offset() -> None:
    text = "İSTANBUL İzmir Iİı"
    low = lower_in_place(text)
    assert len(low) == len(text) and low.startswith("istanbul izmir")


def test_the_scanner_finds_a_keyword_in_its_own_sentence_after_turkish_capitals() -> None:
    text = "İİİİİİİİİİİİ İstanbul İzmir. Police in İstanbul said the site was banned. Nothing else."
    found = [text[a:b] for a, b in Scanner(read_document(text)).spans(("banned",))]
    assert found == ["Police in İstanbul said the site was banned."]
