"""The lower-case strings one of which every match of a pattern contains, read from its parse tree.

The scanner (`scanning.Scanner.finditer`) runs a pattern only in the sentences holding one
of its hand-written stems, so a stem list that misses a word of the pattern silently drops
the matches that use it ("NAME, a subsidiary of ..." where the stems had no "subsidiary").
`required_word_sets(pattern)` reads the pattern's `re._parser` tree (as `literal_gate`
does) and gives sets of lower-case strings such that every match contains at least one
string of EACH set, anywhere in it (a cue opens with a name group, so the words are
inside the match, not at its start); `stems_cover` then says whether the stems are a
safe gate: some set whose every string contains a stem.

How the tree is read: a literal, or a small class of literals (`[,;]`, `\\d`), matches a
known string; a sequence joins the known strings of its neighbouring parts into longer
runs ("(?:was )?granted" gives "granted" and "was granted"), and every run that cannot be
skipped is a set of its own. A part whose strings are not known still tells what its
matches start and end with, so a run goes on across it: in ", an? (?:\\w+ )?arm" the
text before "arm" ends with " " whether the optional word is there or not, which gives
" arm". An alternation gives the union of one set per branch (none when a branch requires
nothing); a part that may be absent (`?`, `*`, `{0,n}`) requires nothing. Lookbehinds,
negative lookaheads and anchors consume nothing and are skipped; a positive lookahead's
strings count (see `required_word_sets`). Past `_MAX_RUN` strings, a run is cut to the
end its strings share. Strings are lower-cased character by character as
`tokens.lower_in_place` lowers the scanned text, whatever the pattern's flags or inline
`(?i:...)` say (a case-sensitive match holds its lower-cased literal in the lower-cased
text too). Not handled (rare in these English texts): the few non-ASCII characters
`re.IGNORECASE` equates with an ASCII letter they do not lower to (U+017F 'ſ' for 's'),
and digits of other scripts, which `\\d` matches too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined,unused-ignore]  # private: module doc
from re import _parser  # type: ignore[attr-defined,unused-ignore]
from typing import Any

__all__ = ["required_word_sets", "required_words", "stems_cover", "uncovered_words"]

_MAX_RUN = 64  # known strings of a run; past it the run is cut to what its strings share
_MAX_CLASS = 16  # characters of a class read as known one-character strings
_MAX_SETS = 8  # sets kept per node, best first
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = tuple(
    getattr(sre, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(sre, name)
)
_GROUPS = tuple(getattr(sre, name) for name in ("ATOMIC_GROUP",) if hasattr(sre, name))
_DIGITS = frozenset("0123456789")
_NOTHING = frozenset({""})

_Sets = tuple[frozenset[str], ...]


@dataclass(frozen=True)
class _Info:
    """What a part of a pattern tells. `exact`: every string it can match, when few and
    known ("" when it may match nothing). `sets`: sets one string of each of which every
    match of the part contains. `starts` / `ends`: strings one of which a non-empty match
    starts / ends with ({""}: unknown). `empty`: whether it may match nothing. `ahead`: for
    a lookahead, what it requires of the text after it (see `required_word_sets`)."""

    exact: frozenset[str] | None
    sets: _Sets = ()
    starts: frozenset[str] = _NOTHING
    ends: frozenset[str] = _NOTHING
    empty: bool = False
    ahead: _Info | None = None


_EMPTY = _Info(_NOTHING, empty=True)
_UNKNOWN = _Info(None)


def _known(exact: frozenset[str]) -> _Info:
    return _Info(exact, starts=exact, ends=exact, empty="" in exact)


def required_word_sets(
    pattern: re.Pattern[str], prefer: Iterable[str] = ()
) -> list[frozenset[str]]:
    """Sets of lower-case strings: every match of `pattern` contains one string of each set,
    best first (the most letters in its shortest string; with `prefer`, the sets whose every
    string holds one of those words come first, which lets `uncovered_words` find them
    among many). Empty when nothing is required of every match.

    A positive lookahead's strings count as the match's: the scanner searches a sentence
    with its end as `endpos`, so what a lookahead requires lies in the sentence too."""
    info = _Reader(tuple(prefer)).sequence(list(_parser.parse(pattern.pattern, pattern.flags)))
    return list(info.sets)


def required_words(pattern: re.Pattern[str]) -> frozenset[str]:
    """The most specific set of lower-case strings one of which every match of `pattern`
    contains; `ValueError` when no string is required of every match."""
    sets = required_word_sets(pattern)
    if not sets:
        raise ValueError(f"no string is in every match of {pattern.pattern[:80]!r}")
    return sets[0]


def uncovered_words(pattern: re.Pattern[str], stems: Iterable[str]) -> frozenset[str] | None:
    """None when `stems` are a safe gate for `pattern` (some required set whose every
    string contains a stem); otherwise the strings of the best set that contain no stem
    (an empty set when nothing is required of every match: no stem can be proven)."""
    stems = tuple(stems)
    sets = required_word_sets(pattern, stems)
    if sets and _holds(sets[0], stems):
        return None
    return frozenset(w for w in sets[0] if not any(s in w for s in stems)) if sets else frozenset()


def stems_cover(pattern: re.Pattern[str], stems: Iterable[str]) -> bool:
    """Whether every match of `pattern` contains one of `stems` (as far as the parse tree shows)."""
    return uncovered_words(pattern, stems) is None


def _holds(words: frozenset[str], stems: tuple[str, ...]) -> bool:
    return bool(stems) and all(any(s in w for s in stems) for w in words)


def _lower(text: str) -> str:
    """`text` lower-cased as `tokens.lower_in_place` lowers the scanned text."""
    return "".join(c.lower()[:1] for c in text)


def _minimal(words: Iterable[str]) -> frozenset[str]:
    """`words` without those containing another: "granted" holds whenever "was granted" does."""
    kept: list[str] = []
    for w in sorted(set(words), key=len):
        if not any(k in w for k in kept):
            kept.append(w)
    return frozenset(kept)


def _shared_end(words: frozenset[str]) -> str:
    """The longest string every one of `words` ends with."""
    first = min(words, key=len)
    size = len(first)
    while size and not all(w.endswith(first[len(first) - size :]) for w in words):
        size -= 1
    return first[len(first) - size :]


def _shared_start(words: frozenset[str]) -> str:
    """The longest string every one of `words` starts with."""
    first = min(words, key=len)
    size = len(first)
    while size and not all(w.startswith(first[:size]) for w in words):
        size -= 1
    return first[:size]


def _join(left: frozenset[str], right: frozenset[str]) -> frozenset[str]:
    """Every string of `left` followed by every string of `right`; past `_MAX_RUN`, what
    the strings of `left` end with and those of `right` start with, shared."""
    if len(left) * len(right) > _MAX_RUN:
        left = frozenset({_shared_end(left)})
        if len(right) > _MAX_RUN:
            right = frozenset({_shared_start(right)})
    return frozenset(a + b for a in left for b in right)


def _score(words: frozenset[str]) -> tuple[int, int, int]:
    """Most letters or digits in the shortest string first (", a " says little), then the
    longest shortest string, then fewest strings."""
    letters = min(sum(c.isalnum() for c in w) for w in words)
    return (-letters, -min(map(len, words)), len(words))


class _Reader:
    """Reads a parse tree; `prefer` ranks first the sets its words cover."""

    def __init__(self, prefer: tuple[str, ...]) -> None:
        self.prefer = prefer

    def best(self, sets: Iterable[frozenset[str]]) -> _Sets:
        unique = {s for s in sets if s and "" not in s}
        ranked = sorted(unique, key=lambda s: (not _holds(s, self.prefer), _score(s), sorted(s)))
        return tuple(ranked[:_MAX_SETS])

    def node(self, op: Any, av: Any) -> _Info:
        """What one parsed item tells (see `_Info`)."""
        if op is sre.ASSERT and av[0] == 1:  # a lookahead: its text follows, inside the span
            return _Info(_NOTHING, empty=True, ahead=self.sequence(list(av[1])))
        if op in _ZERO_WIDTH:
            return _EMPTY
        if op is sre.LITERAL:
            return _known(frozenset({_lower(chr(av))}))
        if op is sre.IN:
            return self.char_class(av)
        if op is sre.SUBPATTERN:
            return self.sequence(list(av[-1]))
        if op in _GROUPS:
            return self.sequence(list(av))
        if op is sre.BRANCH:
            return self.branch([self.sequence(list(alt)) for alt in av[1]])
        if op in _REPEATS:
            return self.repeat(av[0], av[1], self.sequence(list(av[2])))
        return _UNKNOWN  # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS, ...

    def char_class(self, av: Any) -> _Info:
        """A class of a few known characters (`[,;]`, `[Bb]`, `\\d`), else unknown."""
        chars: set[str] = set()
        for item_op, item_av in av:
            if item_op is sre.LITERAL:
                chars.add(_lower(chr(item_av)))
            elif item_op is sre.RANGE and item_av[1] - item_av[0] < _MAX_CLASS:
                chars.update(_lower(chr(c)) for c in range(item_av[0], item_av[1] + 1))
            elif item_op is sre.CATEGORY and item_av is sre.CATEGORY_DIGIT:
                chars.update(_DIGITS)  # other scripts' digits: see the module's doc
            else:  # NEGATE, another category, a wide range: not a few known characters
                return _UNKNOWN
        return _known(frozenset(chars)) if len(chars) <= _MAX_CLASS else _UNKNOWN

    def repeat(self, low: int, high: int, sub: _Info) -> _Info:
        if sub.exact is not None and high == low and len(sub.exact) ** low <= _MAX_RUN:
            exact = _NOTHING
            for _ in range(low):
                exact = _join(exact, sub.exact)
            return _known(exact)
        if sub.exact is not None and (low, high) == (0, 1):
            return _known(sub.exact | _NOTHING)
        starts, ends = sub.starts, sub.ends
        if low == 0:
            return _Info(None, (), starts, ends, True)
        return _Info(None, sub.sets, starts, ends, sub.empty)

    def sequence(self, items: list[tuple[Any, Any]]) -> _Info:
        """A sequence: runs of known strings joined across neighbouring parts (`run`: strings
        one of which the text read so far ends with), plus the sets of each part."""
        run = _NOTHING
        whole = True  # every part so far had known strings, joined into `run`
        starts: frozenset[str] | None = None
        empty = True
        sets: list[frozenset[str]] = []
        for op, av in items:
            info = self.node(op, av)
            if info.ahead is not None:
                ahead = info.ahead
                sets.extend(ahead.sets)
                sets.append(_minimal(_join(run, ahead.exact or ahead.starts)))
                continue
            empty = empty and info.empty
            if info.exact is not None:
                if len(run) * len(info.exact) > _MAX_RUN:  # `_join` cuts `run`: keep it whole
                    sets.append(_minimal(run))
                    if whole:
                        whole = False
                        starts = _minimal_starts(run)
                run = _join(run, info.exact)
                continue
            sets.append(_minimal(run))
            sets.extend(info.sets)
            if whole:
                whole = False
                starts = run if info.empty else _join(run, info.starts)
            if info.empty:  # absent, the text still ends with `run`
                run = _minimal_ends(run | info.ends)
            else:
                sets.append(_minimal(_join(run, info.starts)))
                run = info.ends
        sets.append(_minimal(run))
        if whole:
            return _Info(run, self.best(sets), run, run, "" in run)
        return _Info(None, self.best(sets), starts or _NOTHING, run, empty)

    def branch(self, branches: list[_Info]) -> _Info:
        """An alternation: a match contains a string of one set of the branch it took."""
        if all(b.exact is not None for b in branches):
            exact = frozenset().union(*(b.exact for b in branches if b.exact is not None))
            if len(exact) <= _MAX_RUN:
                return _Info(exact, self.branch_sets(branches), exact, exact, "" in exact)
        return _Info(
            None,
            self.branch_sets(branches),
            _minimal_starts(frozenset().union(*(b.starts for b in branches))),
            _minimal_ends(frozenset().union(*(b.ends for b in branches))),
            any(b.empty for b in branches),
        )

    def branch_sets(self, branches: list[_Info]) -> _Sets:
        if any(not b.sets for b in branches):
            return ()
        # unions of one set per branch, kept to the best few as branches are added
        combined: list[frozenset[str]] = [frozenset()]
        for b in branches:
            combined = list(self.best({_minimal(c | s) for c in combined for s in b.sets}))
        return self.best(combined)


def _minimal_ends(words: frozenset[str]) -> frozenset[str]:
    """`words` without those ending with another (a text ending with "a " ends with " ")."""
    out: list[str] = []
    for w in sorted(words, key=len):
        if not any(w.endswith(k) for k in out):
            out.append(w)
    return frozenset(out)


def _minimal_starts(words: frozenset[str]) -> frozenset[str]:
    """`words` without those starting with another."""
    out: list[str] = []
    for w in sorted(words, key=len):
        if not any(w.startswith(k) for k in out):
            out.append(w)
    return frozenset(out)
