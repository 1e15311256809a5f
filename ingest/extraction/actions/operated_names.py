"""A firm named only as what another runs: "fined the local operator of exchange X".

When the object of an action is a descriptor whose head is the operator, owner, parent
or unit *of* a named firm, the action falls on that unnamed operator, not on the firm
named inside the descriptor: "the court fined the Australian operator of exchange X"
did not fine X; "The operator of platform X, Y Pte Ltd, is under investigation" puts Y
(told in apposition) under investigation, not X. An apposition after a named target
("fined Y, the operator of X") is left alone: there the target is Y, told first.
"""

from __future__ import annotations

import re

# the descriptor up to the operated firm's name (the gap text before that name)
_HEAD = (
    r"(?:[Tt]he |[Aa]n? |[Ii]ts )(?:[\w-]+ ){0,3}?(?:operator|owner|parent(?: company| firm"
    r"| group)?|arm|unit|subsidiary|affiliate|division|branch) of (?:the )?(?:[\w.'-]+ ){0,4}?"
    # people counted as those who run it: "Two operators of the exchange service X"
    r"|(?:[Tt]he )?(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]everal|[Bb]oth|[2-9]) (?:[\w-]+ )?"
    r"(?:operators|owners) of (?:the )?(?:[\w.'-]+ ){0,4}?"
)
_AFTER_VERB = re.compile(r" " + _HEAD)
_CLAUSE_OPENING = re.compile(r"\s*" + _HEAD)


_HEAD_NOUNS = frozenset(
    ("operator", "owner", "parent", "arm", "unit", "subsidiary", "affiliate", "division", "branch")
)


def operator_descriptor(text: str, start: int, end: int) -> bool:
    """Whether the span is a descriptor's bare head followed by "of" ("The operator" in
    "The operator of platform X"): it names the operator, which the name after it is not."""
    words = text[start:end].lower().split()
    return bool(words) and words[-1] in _HEAD_NOUNS and text.startswith(" of ", end)


def operated_object(text: str, verb_end: int, name_start: int) -> bool:
    """Whether the name at `name_start` sits inside a descriptor that is the verb's object
    ("fined the local operator of exchange X": X)."""
    return _AFTER_VERB.fullmatch(text, verb_end, name_start) is not None


def operated_subject(text: str, sentence_start: int, name_start: int) -> bool:
    """Whether the name at `name_start` sits inside a descriptor opening the sentence
    ("The operator of platform X, Y Pte Ltd, is under investigation": X)."""
    return _CLAUSE_OPENING.fullmatch(text, sentence_start, name_start) is not None
