"""Where a pattern that opens with a lookahead can begin: its first character class, alone.

`re` searches a pattern that opens with a literal or a character class by jumping, in C,
to the characters that can begin a match. A pattern that opens with a lookahead, as the
name cues do ("(?!(?:It|This|...|Yesterday)\\b)(?P<n>[A-Z]...) (?:is|was) a ..."), loses
that: it is tried at every position of the text, each try running the lookahead's whole
alternation, for a few matches an article; five such cue rows cost about a twentieth of
the extractor's time. `opening_class(pattern)` reads, from the pattern's own parse tree
(`re._parser`, as `literal_gate` does), the first item that consumes text, inside groups,
with the zero-width items right after it, and writes those alone as a pattern of their
own (classes, literals and lookarounds of them; any other shape keeps the pattern as it
is): it matches at every position where the whole one can begin a match (and maybe
elsewhere). Given as
`starts` to `Scanner.finditer`/`finditer_in`, which try the whole pattern only there, it
gives the same matches (tests/test_class_lead.py compares them).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined,unused-ignore]  # private: module doc
from re import _parser  # type: ignore[attr-defined,unused-ignore]
from typing import Any

from ingest.regex_cache import parsed_fact

__all__ = ["opening_class"]

_ZERO_WIDTH = (sre.ASSERT, sre.ASSERT_NOT, sre.AT)
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


def opening_class(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The starts finder of a pattern that opens with zero-width items before a character
    class or a literal; None for any other pattern (`re` skips ahead by itself, or no
    single item begins every match)."""
    if not pattern.pattern.startswith(_LOOKAROUNDS):
        return None  # (parsing a long pattern costs a millisecond: not for nothing)
    # a one-shot command keeps the source between runs (ingest/regex_cache.py)
    key = (f"opening class\0{pattern.pattern}", pattern.flags)
    source = parsed_fact(key, lambda: _opening_source(pattern))
    return None if source is None else re.compile(source, pattern.flags)


def _opening_source(pattern: re.Pattern[str]) -> str | None:
    """The source of `opening_class(pattern)`, None for the patterns it leaves alone."""
    tree = _parser.parse(pattern.pattern, pattern.flags)
    items = list(tree.data)
    if not items or items[0][0] not in (sre.ASSERT, sre.ASSERT_NOT):
        return None
    opening = _opening(items)
    return None if opening is None else _source(opening)


def _opening(items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]] | None:
    """The first consuming item of `items` (a class or a literal, maybe inside plain
    groups) and the zero-width items right after it; None when another item comes first."""
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op in (sre.IN, sre.LITERAL):
            after = []
            for item in items[index + 1 :]:
                if item[0] not in (sre.ASSERT, sre.ASSERT_NOT) or _has_groupref(item):
                    break
                after.append(item)
            return [(op, av), *after]
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            if add_flags or del_flags:
                return None
            return _opening(list(body.data))
        return None
    return None


def _has_groupref(item: tuple[Any, Any]) -> bool:
    """Whether a lookaround refers to a group (which the opening alone does not hold)."""
    return "GROUPREF" in repr(item)


_CATEGORIES = {
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
}
_LOOKS = {
    (sre.ASSERT, 1): "(?=",
    (sre.ASSERT, -1): "(?<=",
    (sre.ASSERT_NOT, 1): "(?!",
    (sre.ASSERT_NOT, -1): "(?<!",
}


def _source(items: list[tuple[Any, Any]]) -> str | None:
    """Pattern text for parsed `items` of the shapes an opening has; None for others."""
    parts = []
    for op, av in items:
        if op is sre.LITERAL:
            part: str | None = re.escape(chr(av))
        elif op is sre.ANY:
            part = "."
        elif op is sre.IN:
            part = _class(av)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            inner = _source(list(av[1]))
            part = None if inner is None else _LOOKS[(op, av[0])] + inner + ")"
        else:
            part = None
        if part is None:
            return None
        parts.append(part)
    return "".join(parts)


def _class(members: list[tuple[Any, Any]]) -> str | None:
    parts: list[str] = []
    for op, av in members:
        if op is sre.NEGATE and not parts:
            parts.append("^")
        elif op is sre.LITERAL:
            parts.append(_in_class(av))
        elif op is sre.RANGE:
            parts.append(_in_class(av[0]) + "-" + _in_class(av[1]))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return None
    return "[" + "".join(parts) + "]"


def _in_class(code: int) -> str:
    char = chr(code)
    return "\\" + char if char in "\\]^-[" else char
