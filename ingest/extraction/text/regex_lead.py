"""Let the regex engine skip ahead: move a leading `\\b` behind the first letter it guards.

CPython's `re` search tries a pattern at every position unless the pattern opens with
a literal or a character class (or an alternation whose branches all open with a
literal); then it jumps straight to the candidate characters. A word boundary before a
letter opens most of our patterns and disables that. `\\bword` matches exactly where
`w(?<!\\w.)ord` does (the lookbehind checks the character before the letter, as `\\b`
did), so `lead` rewrites the two forms we use, `\\bword...` and `\\b(?:one|two)...`,
and returns any other pattern unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_BOUNDARY_AFTER_FIRST = r"(?<!\w.)"


def lead(pattern: str) -> str:
    """`pattern` with its opening `\\b` moved behind the first letter of each branch."""
    if not pattern.startswith(r"\b"):
        return pattern
    rest = pattern[2:]
    if _letter_first(rest):
        return rest[0] + _BOUNDARY_AFTER_FIRST + rest[1:]
    if not rest.startswith("(?:"):
        return pattern
    end = _closing(rest)
    if end < 0 or rest[end + 1 : end + 2] in ("?", "*", "+", "{"):
        return pattern
    branches = _branches(rest[3:end])
    if not all(_letter_first(b) for b in branches):
        return pattern
    return "(?:" + "|".join(b[0] + _BOUNDARY_AFTER_FIRST + b[1:] for b in branches) + rest[end:]


def compile_lead(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(lead(pattern), flags)`."""
    return re.compile(lead(pattern), flags)


def _letter_first(branch: str) -> bool:
    """Whether a branch opens with one plain ASCII letter (not quantified)."""
    return (
        bool(branch)
        and branch[0].isascii()
        and branch[0].isalpha()
        and branch[1:2] not in ("?", "*", "+", "{")
    )


# what `_structure` reads: an escape, a character class (both skipped whole), or a
# parenthesis or bar; one C-level search instead of a Python loop over every character
_STRUCTURE = re.compile(r"\\.|\[(?:\\.|[^\]\\])*\]|[()|]", re.S)


def _structure(text: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) for each parenthesis and bar outside
    escapes and character classes: what both `_closing` and `_branches` walk."""
    depth = 0
    for m in _STRUCTURE.finditer(text):
        c = m.group()
        if len(c) == 1:
            depth += (c == "(") - (c == ")")
            yield m.start(), c, depth


def _closing(text: str) -> int:
    """Index of the ')' closing the group that opens `text`, or -1."""
    return next((i for i, c, depth in _structure(text) if c == ")" and depth == 0), -1)


def _branches(body: str) -> list[str]:
    """`body` split at its top-level '|'."""
    cuts = [i for i, c, depth in _structure(body) if c == "|" and depth == 0]
    return [body[a + 1 : b] for a, b in zip([-1, *cuts], [*cuts, len(body)], strict=True)]
