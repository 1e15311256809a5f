"""`triggers.ALSO_OF_ROW` is each trigger row's `ALSO` words, looked up once at import
(a compiled pattern's hash reads its whole code): the triggers found with it are those
found looking each row's words up by its pattern, over every corpus article and
sentences of our own."""

from __future__ import annotations

import json

import pytest
from conftest import require_corpus

from ingest.extraction.actions import triggers
from ingest.extraction.actions.trigger_patterns import ALSO
from ingest.extraction.text.document import read_document
from ingest.extraction.text.scanning import Scanner

OWN = [
    "The FCA fined Acme $3.6 million on Monday; it imposed penalties of US$3 million on X.",
    "Regulators banned Beta and blocked Gamma. The court lifted the ban on Delta in 2023.",
]


def test_each_row_has_the_words_its_pattern_has() -> None:
    assert triggers.ALSO_OF_ROW == [ALSO.get(row[2], ()) for row in triggers.GATED]
    assert any(triggers.ALSO_OF_ROW), "no row has ALSO words: this test checks nothing"


def test_the_triggers_are_those_of_a_lookup_by_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = list(OWN)
    corpus_dir = require_corpus("seed", "dev", "dev2")  # (the test's figures count on them)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((corpus_dir / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    docs = [read_document(t) for t in texts]
    found = [triggers.find_triggers(d.text, 0, Scanner(d)) for d in docs]
    # the plain path: no row's words (every sentence with a stem), then the words looked
    # up per row by pattern must give the same triggers as the list
    looked_up = [ALSO.get(row[2], ()) for row in triggers.GATED]
    monkeypatch.setattr(triggers, "ALSO_OF_ROW", looked_up)
    assert [triggers.find_triggers(d.text, 0, Scanner(d)) for d in docs] == found
    assert sum(map(len, found)) > 100
