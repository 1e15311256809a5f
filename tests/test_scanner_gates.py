"""A scanner runs a gated pattern over a document's sentences with the document folded
once (`literal_gate.fold`, `GatedPattern.finditer_folded`), not each sentence lowered
anew: over every corpus document and hostile ones, each gated trigger row and date form
finds through the scanner exactly what its plain pattern finds there."""

from __future__ import annotations

import json
import re

import pytest
from conftest import CORPUS

from ingest.extraction.actions import date_mentions
from ingest.extraction.actions.trigger_patterns import ALSO
from ingest.extraction.actions.triggers import GATED, SEARCHED
from ingest.extraction.text.document import Document, read_document
from ingest.extraction.text.literal_gate import GatedPattern
from ingest.extraction.text.scanning import Scanner

HOSTILE = [
    "\u0130stanbul regulators lifted the ban. The l\u0131cence was revo\u212aed on Monday.",
    "ΟΔΟΣ Exchange was banned. The SEC fined ΣΑΣ Ltd; ΣLIFT was lifted in May 2021.",
    "The \u017fettlement was reached. X was banned in June last year and fined in 2021.",
]


def _docs() -> list[Document]:
    texts = list(HOSTILE)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((CORPUS / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return [read_document(text) for text in texts]


DOCS = _docs()
Case = tuple[re.Pattern[str], GatedPattern, tuple[str, ...], tuple[str, ...]]
ROWS: list[Case] = [
    (row[2], gated, row[4], ALSO.get(row[2], ()))
    for row, gated in zip(GATED, SEARCHED, strict=True)
    if isinstance(gated, GatedPattern)
]
FORMS: list[Case] = [
    (plain, gated, (), ())
    for (_, plain), (_, gated, _) in zip(
        date_mentions._FORMS, date_mentions._FORMS_AND_NEEDS, strict=True
    )
    if isinstance(gated, GatedPattern)
]


def _spans(found: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in found]  # type: ignore[attr-defined]


def test_there_are_gated_rows_and_forms() -> None:
    assert len(ROWS) > 50 and len(FORMS) > 5


@pytest.mark.parametrize(("plain", "gated", "stems", "also"), ROWS + FORMS)
def test_a_gated_pattern_finds_through_the_scanner_what_the_plain_one_finds(
    plain: re.Pattern[str], gated: GatedPattern, stems: tuple[str, ...], also: tuple[str, ...]
) -> None:
    for doc in DOCS:
        words = stems or ("a", "e", "i", "o", "u", "1", "2")  # a form: nearly every sentence
        want = _spans(Scanner(doc).finditer(plain, words, also=also))
        assert _spans(Scanner(doc).finditer(gated, words, also=also)) == want
