"""A directive whose object span is negated was never given.

"told Reuters it had not given the exchange any deadline to cease its operations": the
span between the verb and "to cease" holds a clause of its own, and that clause denies
the directive. The hedge check reads the words before a trigger; for an object-span
construction the denial can sit inside the span, so `negated_span` reads that too.
"""

from __future__ import annotations

import re

_NEGATION = re.compile(r"\b(?:not|never|no|neither|nor)\b|n't\b")
# a relative clause describing the one directed: "ordered X, which is not licensed, to stop"
_RELATIVE = re.compile(r"\b(?:which|who|whose)\b")


def negated_span(text: str, obj_start: int, obj_end: int) -> bool:
    """Whether the object span of a directive ("told X ... to stop") holds a negation
    outside a relative clause describing its object."""
    if obj_start < 0:
        return False
    negation = _NEGATION.search(text, obj_start, obj_end)
    return negation is not None and _RELATIVE.search(text, obj_start, negation.start()) is None
