"""`fold` (gazetteer_index) rewrites only the non-ASCII characters: it gives what folding
every character one by one gives, on every corpus article and on hostile strings."""

from __future__ import annotations

import json

from conftest import CORPUS

from ingest.extraction.names.gazetteer_index import _base_char, fold
from ingest.extraction.text.tokens import lower_in_place

HOSTILE = [
    "",
    "plain ascii",
    "Société Générale’s “crypto” unit — İstanbul, ŞAHİN, Ærø, ß, ﬁnance, Ω, 東京",
    "\u0130" * 5 + "x\u0307y",
    "e\u0301 combining",
]


def _one_by_one(text: str) -> str:
    return "".join(_base_char(c) for c in lower_in_place(text))


def test_fold_rewrites_exactly_what_a_per_character_fold_does() -> None:
    texts = list(HOSTILE)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((CORPUS / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    assert any(not t.isascii() for t in texts)
    for text in texts:
        folded = fold(text)
        assert folded == _one_by_one(text)
        assert len(folded) == len(text)
