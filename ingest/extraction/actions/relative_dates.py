"""A date inside a relative clause set off by commas is its own verb's.

"The SEC charged X, who founded Korvex in 2018, with fraud": 2018 is when X founded the
firm, not when the SEC charged X, and it is no date of the article's news either.
"""

from __future__ import annotations

import re

_RELATIVE = re.compile(r", (?:who|which|whose) [^,;.\n]{1,120}(?:,|(?=\.))")
_REACH = 160  # characters around a date where its clause may open or close


def in_relative_clause(text: str, start: int, end: int, unless_at: int = -1) -> bool:
    """Whether [start, end) lies inside a relative clause (one not holding `unless_at`)."""
    for clause in _RELATIVE.finditer(text, max(0, start - _REACH), end + _REACH):
        if clause.start() <= start and end <= clause.end():
            if not clause.start() <= unless_at < clause.end():
                return True
    return False
