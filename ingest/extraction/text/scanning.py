"""Run a regex only over the sentences that contain one of its key words.

Most extraction regexes (triggers, cues, alias phrases) can only match where a
particular word occurs. Scanning a whole article with each of about a hundred of
them dominated the extractor's time; finding the words first and running the regex
over those sentences alone is several times faster. The key words of every gate
are found in one Aho-Corasick pass over the document (a `str.find` loop per word
cost more than the regexes it gated); a word first seen in a later gate is looked
up with `str.find` for that document and joins the automaton for the next one. Where a
gated pattern (`literal_gate`) can start is read the same way, for every such pattern at
once (`gate_pass`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from typing import Any

import ahocorasick

from ingest.extraction.text.document import Document
from ingest.extraction.text.gate_pass import GatePass
from ingest.extraction.text.literal_gate import GatedPattern, fold
from ingest.extraction.text.tokens import lower_in_place

_PENDING: set[str] = set()  # gate words seen since the automaton was last built
# (automaton or None, the words it holds); replaced whole, so threads see one or the other
_BUILT: list[tuple[Any, frozenset[str]]] = [(None, frozenset())]


def register_words(words: Iterable[str]) -> None:
    """Put `words` (non-empty, lower case) in the automaton the next document is indexed
    with: a table known at import then never needs `str.find` per word and document."""
    _PENDING.update(words)


def _automaton() -> tuple[Any, frozenset[str]]:
    """The automaton over every gate word seen so far, rebuilt when new ones arrived."""
    automaton, words = _BUILT[0]
    if _PENDING - words:
        words = words | frozenset(list(_PENDING))
        automaton = ahocorasick.Automaton()
        for word in words:
            automaton.add_word(word, word)
        automaton.make_automaton()
        _BUILT[0] = (automaton, words)
    return automaton, words


class Scanner:
    """Keyword-gated regex search over one document's sentences."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text
        self.low = lower_in_place(doc.text)
        self._starts = [s.start for s in doc.sentences]
        self._sents = doc.sentences
        self._bounds = [(s.start, s.end) for s in doc.sentences]
        self._cache: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._mask_cache: dict[tuple[str, ...], int] = {}
        # per known word, the sentences holding it as a bit mask (bit i: sentence i): a
        # union of sentence sets is one integer `|`, and most are unions of a few words
        self._by_word: dict[str, int] | None = None
        self._words: frozenset[str] = frozenset()
        self._folded: str | None = None
        self._gates: GatePass | None = None

    @property
    def folded(self) -> str:
        """The text as gated patterns compare it (`literal_gate.fold`), folded once."""
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def spans(self, stems: tuple[str, ...]) -> list[tuple[int, int]]:
        """(start, end) of the sentences containing any of `stems` (lower case)."""
        found = self._cache.get(stems)
        if found is None:
            found = self._cache[stems] = self.bounds_of(self._mask(stems))
        return found

    def _mask(self, stems: tuple[str, ...]) -> int:
        """The sentences containing any of `stems`, as a bit mask."""
        found = self._mask_cache.get(stems)
        if found is not None:
            return found
        by_word = self._by_word if self._by_word is not None else self._index()
        words = self._words
        hit = 0
        if words.issuperset(stems):  # the usual case: one set operation, no loop over stems
            for stem in by_word.keys() & stems:
                hit |= by_word[stem]
        else:
            for stem in stems:
                sents = by_word.get(stem)
                if sents is not None:
                    hit |= sents
                elif stem not in words:
                    sents = by_word[stem] = self._find(stem)
                    _PENDING.add(stem)
                    hit |= sents
        self._mask_cache[stems] = hit
        return hit

    def mask(self, stems: tuple[str, ...]) -> int:
        """The sentences containing any of `stems`, as a bit mask (bit i: sentence i)."""
        return self._mask(stems)

    def word_masks(self) -> tuple[dict[str, int], frozenset[str]]:
        """(sentence mask of each automaton word the document holds, every automaton word
        it was indexed with): a known word absent from the first holds no sentence."""
        by_word = self._by_word if self._by_word is not None else self._index()
        return by_word, self._words

    def bounds_of(self, mask: int) -> list[tuple[int, int]]:
        """(start, end) of the sentences of `mask`, in order."""
        bounds = self._bounds
        found = []
        while mask:
            low = mask & -mask
            found.append(bounds[low.bit_length() - 1])
            mask ^= low
        return found

    def finditer(
        self,
        pattern: re.Pattern[str] | GatedPattern,
        stems: Iterable[str],
        starts: re.Pattern[str] | None = None,
        also: tuple[str, ...] = (),
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer` restricted to the sentences that hold one of `stems`.

        With `also`, the sentences must hold one of those words too (other words every
        match contains).

        `starts`, when given, must match at every position where `pattern` (which must
        not match the empty string) can begin a match; `pattern` is then tried only
        there, which gives the same matches, faster when trying it everywhere is costly.
        """
        stems = tuple(stems)
        if also:
            spans = self.bounds_of(self._mask(stems) & self._mask(also))
        else:
            spans = self.spans(stems)
        return self.finditer_in(pattern, spans, starts)

    def finditer_in(
        self,
        pattern: re.Pattern[str] | GatedPattern,
        spans: list[tuple[int, int]],
        starts: re.Pattern[str] | None = None,
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer` over each of `spans` (sentence bounds, in order), as `finditer`
        searches the sentences it picks (`starts`: see there)."""
        text = self.text
        if starts is None and isinstance(pattern, GatedPattern):
            folded = self.folded
            gates = self._gate_pass()
            for start, end in spans:
                at = gates.starts_in(pattern, start, end)
                if at is None:
                    yield from pattern.finditer_folded(text, folded, start, end)
                else:
                    yield from pattern.finditer_at(text, at, end)
            return
        for start, end in spans:
            if starts is None:
                yield from pattern.finditer(text, start, end)
                continue
            done = start
            for cand in starts.finditer(text, start, end):
                pos = cand.start()
                if pos < done:
                    continue
                m = pattern.match(text, pos, end)
                if m is not None:
                    done = max(m.end(), pos + 1)
                    yield m

    def _gate_pass(self) -> GatePass:
        """Every gated pattern's starts in the document, read once (`gate_pass`)."""
        if self._gates is None:
            self._gates = GatePass(self.text, self.folded)
        return self._gates

    def _index(self) -> dict[str, int]:
        """Sentence masks of the known words present, from one automaton pass over the text.

        A known word absent from `_by_word` occurs in no sentence.
        """
        automaton, self._words = _automaton()
        by_word: dict[str, int] = {}
        if automaton is not None and self._starts:
            starts = self._starts
            get = by_word.get
            for end_idx, word in automaton.iter(self.low):
                i = bisect_right(starts, end_idx - len(word) + 1) - 1
                if i >= 0:
                    by_word[word] = get(word, 0) | (1 << i)
        self._by_word = by_word
        return by_word

    def _find(self, stem: str) -> int:
        """Sentence mask of those holding `stem` (a word not yet in the automaton)."""
        if not stem:
            raise ValueError("an empty stem holds every sentence: name a word")
        hit = 0
        pos = self.low.find(stem)
        while pos >= 0:
            i = bisect_right(self._starts, pos) - 1
            if i >= 0:
                hit |= 1 << i
                pos = self.low.find(stem, self._sents[i].end)
            else:
                pos = self.low.find(stem, pos + 1)
        return hit


def scanner_of(doc: Document) -> Scanner:
    """The document's scanner, built once."""
    found = doc.__dict__.get("_scanner")
    if found is None:
        found = doc.__dict__["_scanner"] = Scanner(doc)
    return found
