"""Try a costly regex only where a match can start: at the words every match begins with.

CPython's `re` tries a case-insensitive alternation such as `ENDING` ("lift|rescind|...|
revoke|...") at every position of the text it searches, and a handful of those patterns
cost about a tenth of the extractor's time. `gate(pattern)` reads, from the pattern's own
parse tree, the lower-case strings one of which every match starts with (`literals`:
"lift", "rescind", ...; lookarounds and `\\b` before them consume nothing and are
skipped; an optional part, "(?:was )?granted", gives literals with it and without it),
and whether a `\\b` stands before them. A `GatedPattern` then finds those strings in
the searched span with one Aho-Corasick pass and tries the pattern only at them, with
`re.Pattern.match` at the same `endpos`, so the matches are exactly those of the plain
pattern (`\\b` and lookbehinds see the text before `pos` in both).

Nothing is written by hand, so a branch added to a gated pattern is gated too; a
branch no literal starts (`\\d+`, `[A-Z]\\w*`) makes `gate` raise at import, and the
pattern must then stay ungated. The parse tree is `re._parser`'s, a CPython internal
that has kept its shape from 3.11 to 3.13 (tests/test_literal_gate.py runs every gated
pattern both ways over the corpora). The gate compares lower-cased text with lower-cased
literals: the four characters `re.IGNORECASE` equates with an ASCII letter that
`str.lower` does not map to it (or maps to two characters) are folded by hand.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from re import _constants as sre  # type: ignore[attr-defined,unused-ignore]  # private: module doc
from re import _parser  # type: ignore[attr-defined,unused-ignore]
from typing import Any

import ahocorasick

from ingest.regex_cache import gate_literals

__all__ = ["GatedPattern", "fold", "gate", "gated_if_possible", "required_literals"]

# Beyond these, literals stop growing: a shorter prefix of a match is as safe a gate.
_MAX_LITERALS = 400
_MAX_LENGTH = 12
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
# Non-ASCII characters `re.IGNORECASE` matches with an ASCII letter where `str.lower`
# does not give that letter, or gives more than one character (U+0130 -> "i̇").
_FOLD = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}

# A prefix being read: its text so far, whether it can still grow, whether a `\b`
# stands at its start.
_Prefix = tuple[str, bool, bool]


def required_literals(
    pattern: re.Pattern[str], max_literals: int = _MAX_LITERALS
) -> tuple[frozenset[str], bool]:
    """(lower-case strings one of which starts every match, whether a `\\b` precedes
    them); `ValueError` when a match can start otherwise. A one-shot command keeps them on
    disk between runs (ingest/regex_cache.py): reading them parses the pattern anew.

    `max_literals`: how many literals the prefixes may grow to before they stop growing
    (a pattern whose optional opening words multiply its prefixes, "in|during ... May
    2021", needs more than the default to reach a word every match holds)."""
    key = pattern.pattern if max_literals == _MAX_LITERALS else f"{pattern.pattern}\0{max_literals}"
    found = gate_literals((key, pattern.flags), lambda: _literals_or_none(pattern, max_literals))
    if found is None:
        raise ValueError(_NO_LITERAL.format(pattern.pattern[:80]))
    return found


_NO_LITERAL = "no literal starts every match of {!r}"


def _literals_or_none(
    pattern: re.Pattern[str], max_literals: int
) -> tuple[frozenset[str], bool] | None:
    """`_read_literals`, or None where some match starts with no literal (kept as such)."""
    try:
        return _read_literals(pattern, max_literals)
    except ValueError:
        return None


def _read_literals(
    pattern: re.Pattern[str], max_literals: int = _MAX_LITERALS
) -> tuple[frozenset[str], bool]:
    found = _walk(list(_parser.parse(pattern.pattern, pattern.flags)), max_literals, top=True)
    literals = {text for text, _, _ in found}
    if "" in literals:
        raise ValueError(_NO_LITERAL.format(pattern.pattern[:80]))
    # a literal that extends another finds nothing the shorter one misses
    literals = {t for t in literals if not any(t[:k] in literals for k in range(1, len(t)))}
    bounded = (
        all(b for _, _, b in found)
        and not pattern.flags & re.ASCII
        and all(t[0].isalnum() or t[0] == "_" for t in literals)
    )
    return frozenset(literals), bounded


def _walk(items: list[tuple[Any, Any]], limit: int, top: bool = False) -> set[_Prefix]:
    """The prefixes a sequence of parsed items gives every match (see `_Prefix`); at the
    `top` of the pattern, reading stops once a match can start with no literal."""
    found: set[_Prefix] = {("", True, False)}
    for op, av in items:
        if not any(grows for _, grows, _ in found) or (
            top and any(not text and not grows for text, grows, _ in found)
        ):
            break
        if op in _ZERO_WIDTH:
            if op is sre.AT and av is sre.AT_BOUNDARY:
                found = {(t, g, b or (g and not t)) for t, g, b in found}
            continue
        if op is sre.LITERAL and av < 128:
            found = _extend(found, {(chr(av).lower(), True, False)}, limit)
        elif op is sre.SUBPATTERN:
            found = _extend(found, _walk(list(av[-1]), limit), limit)
        elif op is sre.BRANCH:
            found = _extend(found, set().union(*(_walk(list(alt), limit) for alt in av[1])), limit)
        elif op is sre.IN and len(av) <= 4 and all(o is sre.LITERAL and a < 128 for o, a in av):
            found = _extend(found, {(chr(a).lower(), True, False) for _, a in av}, limit)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and av[:2] == (0, 1):
            # an optional part ("(?:was )?granted"): a match starts with it or without it
            found = found | _extend(found, _walk(list(av[2]), limit), limit)
        else:  # anything else consumes text no literal names: stop here
            found = {(t, False, b) for t, _, b in found}
    return found


def _extend(found: set[_Prefix], tails: set[_Prefix], limit: int) -> set[_Prefix]:
    """Every growing prefix followed by each tail; past the limits, the prefixes stop."""
    out: set[_Prefix] = set()
    for text, grows, bounded in found:
        if not grows:
            out.add((text, grows, bounded))
            continue
        for tail, tail_grows, tail_bounded in tails:
            joined = text + tail
            out.add(
                (
                    joined[:_MAX_LENGTH],
                    tail_grows and len(joined) < _MAX_LENGTH,
                    bounded or (not text and tail_bounded),
                )
            )
    if len(out) > limit:
        return {(t, False, b) for t, _, b in found}
    return out


@dataclass(frozen=True)
class GatedPattern:
    """A compiled pattern whose `search` and `finditer` try it only where one of its
    `literals` starts (see the module's doc); everything else is the pattern's own."""

    pattern: re.Pattern[str]
    literals: frozenset[str]
    bounded: bool
    _automaton: Any = field(repr=False, compare=False)

    @property
    def groupindex(self) -> Any:
        return self.pattern.groupindex

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(string, pos, endpos)

    def fullmatch(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> re.Match[str] | None:
        return self.pattern.fullmatch(string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """`pattern.search(string, pos, endpos)`."""
        match = self.pattern.match
        for start in self.starts(string, pos, endpos):
            m = match(string, start, endpos)
            if m is not None:
                return m
        return None

    def finditer(
        self, string: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(string, pos, endpos)`."""
        return self._matches(string, self.starts(string, pos, endpos), endpos)

    def finditer_folded(
        self, string: str, folded: str, pos: int, endpos: int
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(string, pos, endpos)`, where `folded` is `fold(string)`: the
        caller folds a document once for every pattern and span it searches."""
        return self._matches(string, self._starts_in(string, folded, pos, endpos), endpos)

    def finditer_at(
        self, string: str, starts: list[int], endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        """`pattern.finditer(string, pos, endpos)`, where `starts` are the offsets
        `starts(string, pos, endpos)` gives (read beforehand for many patterns and spans at
        once: `gate_pass`)."""
        return self._matches(string, starts, endpos)

    def _matches(self, string: str, starts: list[int], endpos: int) -> Iterator[re.Match[str]]:
        match = self.pattern.match
        done = 0
        for start in starts:
            if start < done:
                continue
            m = match(string, start, endpos)
            if m is not None:
                done = m.end()
                yield m

    def starts(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[int]:
        """Where in `string[pos:endpos]` a match may start, in order."""
        size = len(string)
        pos = min(max(pos, 0), size)
        endpos = min(max(endpos, 0), size)
        window = string if pos == 0 and endpos == size else string[pos:endpos]
        found = {pos + end - len(word) + 1 for end, word in self._automaton.iter(fold(window))}
        if self.bounded:
            found = {s for s in found if not s or not _is_word(string[s - 1])}
        return sorted(found)

    def _starts_in(self, string: str, folded: str, pos: int, endpos: int) -> list[int]:
        """`starts(string, pos, endpos)` read from the whole string's fold: the literals are
        ASCII, and folding a window gives the same ASCII characters at the same offsets as
        the whole string's fold does there (only a final sigma lowers by its context)."""
        size = len(string)
        pos = min(max(pos, 0), size)
        endpos = min(max(endpos, 0), size)
        found = {end - len(word) + 1 for end, word in self._automaton.iter(folded, pos, endpos)}
        if self.bounded:
            found = {s for s in found if not s or not _is_word(string[s - 1])}
        return sorted(found)


def fold(text: str) -> str:
    """`text` lower-cased as the gate compares it with its literals, one character for one."""
    low = text.lower()
    # U+0130 lowers to two characters (caught by the length); `in` is far faster here
    # than a regex class of non-Latin-1 characters, which `re` tests character by character
    if len(low) != len(text) or "\u0131" in text or "\u017f" in text:
        return "".join(_FOLD.get(ord(c), c.lower()[:1]) for c in text)
    return low


def _is_word(char: str) -> bool:
    """What `re` counts as a word character for `\\b` (Unicode patterns)."""
    return char.isalnum() or char == "_"


def gate(pattern: re.Pattern[str], max_literals: int = _MAX_LITERALS) -> GatedPattern:
    """`pattern`, tried only where a match can start; `ValueError` when some match
    starts with no literal (keep such a pattern ungated)."""
    literals, bounded = required_literals(pattern, max_literals)
    automaton = ahocorasick.Automaton()
    for word in literals:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return GatedPattern(pattern, literals, bounded, automaton)


def gated_if_possible(
    pattern: re.Pattern[str], max_literals: int = _MAX_LITERALS
) -> re.Pattern[str] | GatedPattern:
    """`gate(pattern)`, or `pattern` itself where some match starts with no literal."""
    try:
        return gate(pattern, max_literals)
    except ValueError:
        return pattern
