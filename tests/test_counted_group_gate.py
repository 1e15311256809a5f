"""Counted groups are looked for only in sentences that also name a head word
(`unnamed_groups._HEAD_WORDS`, read from the head patterns): every match of the counted
group pattern holds one, so the gated scan finds what a scan of every sentence with a
number finds, over every corpus document and sentences of our own."""

from __future__ import annotations

import json

from conftest import require_corpus

from ingest.extraction.references import unnamed_groups as ug
from ingest.extraction.text.document import read_document
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.tokens import lower_in_place

OWN = [
    "Regulators blocked 13 apps and two websites, and froze 40 bank accounts belonging to "
    "three people. Five Mobile Apps and 7 URLs were removed; 12 Web Sites stayed.",
    "The 3 firms paid; 2,000 investors lost money; nine others and four co-founders were "
    "charged. In 2021, 15 percent of 300 respondents said so.",
    "Six crypto exchange operators, 11 service providers and 3 trading platforms were "
    "named; 8 Social Media accounts and 20 domain names were seized. 45 minutes later.",
]


def _texts() -> list[str]:
    texts = list(OWN)
    corpus_dir = require_corpus("seed", "dev", "dev2")  # (the test's figures count on them)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((corpus_dir / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return texts


def _found(text: str, gated: bool) -> list[tuple[int, int]]:
    scanner = Scanner(read_document(text))
    also = ug._HEAD_WORDS if gated else ()
    return [m.span() for m in scanner.finditer(ug.COUNTED_GROUP, ug._NUMBER_STEMS, also=also)]


def test_every_counted_group_holds_a_head_word() -> None:
    found = 0
    for text in _texts():
        for m in ug.COUNTED_GROUP.finditer(text):
            low = lower_in_place(m.group())
            assert any(word in low for word in ug._HEAD_WORDS), m.group()
            found += 1
    assert found > 20


def test_the_gated_scan_finds_what_the_plain_scan_finds() -> None:
    for text in _texts():
        assert _found(text, gated=True) == _found(text, gated=False)
    assert len(_found(OWN[0], gated=True)) >= 4
