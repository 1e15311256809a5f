"""Which rows of a fixed pattern table can match in a document, found in one pass.

The trigger and cue tables ask the scanner, row by row, for the sentences holding one of
a row's key words: about 220 `Scanner.finditer` calls per article, most of them for rows
whose words the article never uses, and the per-call work (a generator, a cache lookup
keyed by a tuple of words) cost a tenth of the extractor's time. A `StemRows` table knows,
per key word, the rows that name it, so `hit_rows` reads the document's word masks once
and gives every row its sentences together; a row none of whose words occur costs
nothing. The sentences are exactly those `Scanner.finditer(pattern, stems, also=also)`
searches (tests/test_stem_rows.py compares them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ingest.extraction.text.literal_gate import GatedPattern
from ingest.extraction.text.scanning import Scanner, register_words

__all__ = ["StemRows", "hit_rows", "row_matches"]

Spans = list[tuple[int, int]]


class StemRows:
    """A table's key words (`stems`) and second words (`also`, empty: none), row by row."""

    def __init__(self, stems: Sequence[Sequence[str]], also: Sequence[Sequence[str]]) -> None:
        if len(stems) != len(also):
            raise ValueError("one `also` entry per row")
        self.stems = [tuple(s) for s in stems]
        self.also = [tuple(a) for a in also]
        self.stem_rows = _rows_of_words(self.stems)
        self.also_rows = _rows_of_words(self.also)
        self.with_also = [i for i, words in enumerate(self.also) if words]
        self.words = frozenset(self.stem_rows) | frozenset(self.also_rows)
        if "" in self.words:  # (the scanner's `str.find` loop never ends on one)
            raise ValueError("an empty key word")
        register_words(self.words)
        # the last automaton word set found to hold every word (the check reads them all)
        self.covered_by: frozenset[str] | None = None


def _rows_of_words(rows: list[tuple[str, ...]]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, words in enumerate(rows):
        for word in dict.fromkeys(words):
            found.setdefault(word, []).append(i)
    return found


def hit_rows(scanner: Scanner, table: StemRows) -> list[tuple[int, Spans]]:
    """(row index, the sentences its pattern is searched in) of every row with at least
    one such sentence, in row order."""
    return [(i, scanner.bounds_of(mask)) for i, mask in enumerate(_masks(scanner, table)) if mask]


def _masks(scanner: Scanner, table: StemRows) -> list[int]:
    by_word, known = scanner.word_masks()
    if known is not table.covered_by and not table.words <= known:
        # a word the automaton lacked (a table built after the document was indexed)
        return [
            scanner.mask(stems) & scanner.mask(also) if also else scanner.mask(stems)
            for stems, also in zip(table.stems, table.also, strict=True)
        ]
    table.covered_by = known  # the automaton's word set, kept until it is rebuilt
    masks = _or_masks(by_word, table.stem_rows, len(table.stems))
    if table.with_also:
        also_masks = _or_masks(by_word, table.also_rows, len(table.stems))
        for i in table.with_also:
            masks[i] &= also_masks[i]
    return masks


def _or_masks(by_word: dict[str, int], rows_of: dict[str, list[int]], size: int) -> list[int]:
    """Per row, the union of the sentence masks of its words."""
    masks = [0] * size
    for word in by_word.keys() & rows_of.keys():
        mask = by_word[word]
        for i in rows_of[word]:
            masks[i] |= mask
    return masks


def row_matches(
    text: str,
    scanner: Scanner | None,
    patterns: Sequence[re.Pattern[str] | GatedPattern],
    table: StemRows,
    starts: Sequence[re.Pattern[str] | None] = (),
) -> Iterator[tuple[int, Iterator[re.Match[str]]]]:
    """(row index, its pattern's matches) of a table's rows, in order: with a `scanner`
    (over `text`, the document), only the rows whose words the document holds, searched
    in their sentences (tried only where the row's `starts` pattern, if any, matches:
    `Scanner.finditer`); without, every row over all of `text`."""
    if scanner is None:
        for i, pattern in enumerate(patterns):
            yield i, pattern.finditer(text)
        return
    for i, spans in hit_rows(scanner, table):
        yield i, scanner.finditer_in(patterns[i], spans, starts[i] if starts else None)
