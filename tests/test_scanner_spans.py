"""A scanner's sentence sets (bit masks from one automaton pass, unions by `|`) are the
sentences in which a stem occurs, counted where the occurrence starts; `also` keeps those
holding a word of both lists. Checked against a plain search of every occurrence, over
every corpus document and texts of our own, for words the automaton knows and new ones."""

from __future__ import annotations

import json
import re
from bisect import bisect_right

import pytest
from conftest import CORPUS

from ingest.extraction.text.document import Document, read_document
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.tokens import lower_in_place

OWN = [
    "The SEC fined Acme. Regulators banned two apps.\n\nThe ban was lifted in May. "
    "Acme said it would appeal; the fine stands.",
    "\u0130stanbul police banned it. The ban, the BAN and the bans: banned, unbanned.",
    "x" * 70 + ". One more sentence about a fine. And a last one with nothing.",
]
STEMS = [
    ("ban",),
    ("fine", "fined", "ban"),
    ("said", "says", "appeal", "never-seen-word-xyz"),
    ("the ", " the", "a"),
    ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
    ("regulator", "watchdog", "police", "court"),
    ("zzz-not-there",),
    ("lifted", "unbanned", "stands."),
]


def _docs() -> list[Document]:
    texts = list(OWN)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((CORPUS / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return [read_document(t) for t in texts]


def _plain(doc: Document, stems: tuple[str, ...]) -> list[tuple[int, int]]:
    low = lower_in_place(doc.text)
    starts = [s.start for s in doc.sentences]
    hit = set()
    for stem in stems:
        for m in re.finditer(re.escape(stem), low) if stem else ():
            i = bisect_right(starts, m.start()) - 1
            if i >= 0:
                hit.add(i)
    # overlapping occurrences: re.finditer skips them, str.find from each next offset not
    for stem in stems:
        pos = low.find(stem) if stem else -1
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            if i >= 0:
                hit.add(i)
            pos = low.find(stem, pos + 1)
    return [(doc.sentences[i].start, doc.sentences[i].end) for i in sorted(hit)]


def test_spans_are_the_sentences_a_stem_occurs_in() -> None:
    docs = _docs()
    for doc in docs:
        scanner = Scanner(doc)
        for stems in STEMS:
            assert scanner.spans(stems) == _plain(doc, stems), stems
            assert scanner.spans(stems) == _plain(doc, stems)  # cached: the same answer


def test_also_keeps_the_sentences_holding_words_of_both_lists() -> None:
    pattern = re.compile(r"[^.]+")
    for doc in _docs():
        for stems, also in zip(STEMS, reversed(STEMS), strict=True):
            both = set(_plain(doc, stems)) & set(_plain(doc, also))
            found = [m.span() for m in Scanner(doc).finditer(pattern, stems, also=also)]
            want = [m.span() for s, e in sorted(both) for m in pattern.finditer(doc.text, s, e)]
            assert found == want


def test_an_empty_stem_is_refused_not_looped_on() -> None:
    """An empty word occurs everywhere: asking for it once never returned."""
    scanner = Scanner(read_document(OWN[0]))
    with pytest.raises(ValueError, match="empty stem"):
        scanner.mask(("",))
    with pytest.raises(ValueError, match="empty stem"):
        scanner.mask(("fine", ""))
