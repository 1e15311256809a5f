"""Run a regex only over the sentences that contain one of its key words.

Most extraction regexes (triggers, cues, alias phrases) can only match where a
particular word occurs. Scanning a whole article with each of about a hundred of
them dominated the extractor's time; finding the words with `str.find` first and
running the regex over those sentences alone is several times faster.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator

from ingest.extraction.sentences import Document


class Scanner:
    """Keyword-gated regex search over one document's sentences."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.low = doc.text.lower()
        self._starts = [s.start for s in doc.sentences]
        self._sents = doc.sentences
        self._cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def spans(self, stems: tuple[str, ...]) -> list[tuple[int, int]]:
        """(start, end) of the sentences containing any of `stems` (lower case)."""
        found = self._cache.get(stems)
        if found is not None:
            return found
        hit: set[int] = set()
        for stem in stems:
            pos = self.low.find(stem)
            while pos >= 0:
                i = bisect_right(self._starts, pos) - 1
                if i >= 0:
                    hit.add(i)
                    pos = self.low.find(stem, self._sents[i].end)
                else:
                    pos = self.low.find(stem, pos + 1)
        found = [(self._sents[i].start, self._sents[i].end) for i in sorted(hit)]
        self._cache[stems] = found
        return found

    def finditer(self, pattern: re.Pattern[str], stems: Iterable[str]) -> Iterator[re.Match[str]]:
        """`pattern.finditer` restricted to the sentences that hold one of `stems`."""
        for start, end in self.spans(tuple(stems)):
            yield from pattern.finditer(self.text, start, end)


def scanner_of(doc: Document) -> Scanner:
    """The document's scanner, built once."""
    found = doc.__dict__.get("_scanner")
    if found is None:
        found = doc.__dict__["_scanner"] = Scanner(doc)
    return found
