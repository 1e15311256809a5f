"""Where every gated pattern a scanner searches can start, from one pass over a document.

`Scanner.finditer_in` searches a gated pattern (`literal_gate`) sentence by sentence:
each search runs the pattern's own automaton over the sentence, then sorts what it
found, and an article's trigger rows alone make about ninety such searches. A `GatePass`
runs one automaton over the document's fold holding the literals of every gated pattern
searched so far, and keeps, per pattern, where its literals stand (after no word
character where the pattern wants a `\\b` there). A sentence's starts are then those of
its span whose literal ends inside it: what the pattern's own automaton over that span
gives (`GatedPattern._starts_in`). A pattern first searched after the pass was built is
searched as before and joins the automaton for the next document.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import ahocorasick

from ingest.extraction.text.literal_gate import GatedPattern

_PENDING: dict[int, GatedPattern] = {}  # searched since the automaton was last built
# (automaton or None, ids of the patterns it holds); replaced whole, so threads see one
_BUILT: list[tuple[Any, frozenset[int]]] = [(None, frozenset())]


def note(pattern: GatedPattern) -> None:
    """Put `pattern` in the automaton the next document is read with."""
    _PENDING[id(pattern)] = pattern


def _automaton() -> tuple[Any, frozenset[int]]:
    """The automaton over every noted pattern's literals, rebuilt when new ones came; a
    literal's value: its length and the (pattern id, bounded) pairs it opens."""
    automaton, ids = _BUILT[0]
    if _PENDING.keys() - ids:
        patterns = dict(_PENDING)
        by_literal: dict[str, list[tuple[int, bool]]] = {}
        for pid, pattern in patterns.items():
            for literal in pattern.literals:
                by_literal.setdefault(literal, []).append((pid, pattern.bounded))
        automaton = ahocorasick.Automaton()
        for literal, owners in by_literal.items():
            automaton.add_word(literal, (len(literal), tuple(owners)))
        automaton.make_automaton()
        ids = frozenset(patterns)
        _BUILT[0] = (automaton, ids)
    return automaton, ids


def _is_word(char: str) -> bool:
    """What `re` counts as a word character for `\\b` (as `literal_gate._is_word`)."""
    return char.isalnum() or char == "_"


class GatePass:
    """Per gated pattern, where its literals stand in one document."""

    def __init__(self, text: str, folded: str) -> None:
        automaton, self._ids = _automaton()
        found: dict[int, list[tuple[int, int]]] = {}
        if automaton is not None:
            for end_idx, (size, owners) in automaton.iter(folded):
                start = end_idx - size + 1
                after_word = start > 0 and _is_word(text[start - 1])
                for pid, bounded in owners:
                    if not (bounded and after_word):
                        found.setdefault(pid, []).append((start, end_idx + 1))
        self._hits = {pid: sorted(hits) for pid, hits in found.items()}
        self._firsts = {pid: [s for s, _ in hits] for pid, hits in self._hits.items()}

    def starts_in(self, pattern: GatedPattern, pos: int, endpos: int) -> list[int] | None:
        """Where in `text[pos:endpos]` a match of `pattern` may start, in order (a span
        inside the text); None for a pattern the pass does not hold."""
        pid = id(pattern)
        if pid not in self._ids:
            note(pattern)
            return None
        firsts = self._firsts.get(pid)
        if firsts is None:
            return []
        hits = self._hits[pid]
        out: list[int] = []
        for i in range(bisect_left(firsts, pos), len(firsts)):
            start, end = hits[i]
            if start >= endpos:
                break
            if end <= endpos and (not out or out[-1] != start):
                out.append(start)
        return out
