"""Conduct named by a gerund as the object of a prohibition or a warning.

"warned consumers against buying digital currencies", "barred lenders from trading in
cryptocurrencies", "the ban on dealing in virtual currencies": the gerund phrase names
the activity the action falls on, as written. Only after "against", "from" or "on" (the
prepositions that carry what a rule forbids or warns of): "accused of using
cryptocurrencies to ..." names no activity.
"""

from __future__ import annotations

import re

_GERUNDS = (
    "dealing",
    "trading",
    "using",
    "buying",
    "selling",
    "investing",
    "holding",
    "issuing",
    "accepting",
    "offering",
    "promoting",
    "facilitating",
    "transacting",
    "exchanging",
)
# the crypto thing the gerund acts on: "(virtual|digital|crypto) currencies",
# "cryptocurrencies", "crypto assets", "digital tokens", "bitcoin"
_CRYPTO_OBJECT = (
    r"(?:virtual|digital|crypto|private|unbacked)[- ](?:currenc(?:y|ies)|assets?|tokens?|coins?)"
    r"|(?:(?:virtual|digital|private|unbacked)[- ])?(?:cryptocurrenc(?:y|ies)|bitcoins?)"
    r"|crypto(?:-assets?)?"
)
GERUND_OBJECT = re.compile(
    r"\b(?P<prep>against|from|on) "
    rf"(?P<what>(?:{'|'.join(_GERUNDS)})(?: (?:in|with))? (?:{_CRYPTO_OBJECT}))\b"
)
GERUND_STEMS = _GERUNDS

# what must stand before the preposition: a prohibition or a warning before "from"
# ("barred lenders from", "warned the public from using ..."), a warning or prohibition
# before "against", a prohibition noun right before "on"
_GOVERNS = {
    "from": re.compile(
        r"\b(?:bar|ban|prohibit|forb[ai]d|restrict|stop|prevent|block|exclud|suspend|halt"
        r"|warn|caution)\w*"
        r"\b(?P<rest>[^,;:.]{0,60}) $"
    ),
    "against": re.compile(
        r"\b(?:warn|caution|advis|alert|ban|campaign|crack|prohibit|rul)\w*"
        r"\b(?P<rest>[^,;:.]{0,60}) $"
    ),
    "on": re.compile(
        r"\b(?:ban|bans|prohibition|curbs|restrictions|moratorium|crackdown)(?P<rest>) $"
    ),
}
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are)(?: also| now| later)? $")
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n't\b")


def governed(text: str, prep_start: int, prep: str) -> bool:
    """Whether the preposition at `prep_start` carries what a rule forbids or warns of:
    a prohibition or warning word before it, not negated ("has not stopped X from")."""
    before = text[max(0, prep_start - 90) : prep_start]
    hit = _GOVERNS[prep].search(before)
    if hit is None:
        return False
    head = before[max(0, hit.start() - 12) : hit.start()]
    if prep == "from" and _PASSIVE_BEFORE.search(head):
        return False  # "the two men were barred from trading ...": the men are the target
    return not _NEGATION.search(head) and not _NEGATION.search(hit.group("rest"))
