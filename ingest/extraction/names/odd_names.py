"""Names capitalised runs miss: "1000X", "bitcastle LLC", "dYdX", "Executive Order 14024".

Capitalised runs stop at a lower-case or digit-led word. A lower-case word with a
legal form after it ("bitcastle LLC") is a company outright; a digit-led or
inner-capital word ("1000X", "dYdX") is only a candidate that
`untyped_names.typed_by_lists` may type when it is listed with typed firms ("Bybit,
OKX, 1000X and XT.COM"). A numbered executive order is a law.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate, overlap

_LEGAL = r"(?:LLC|Ltd\.?|Limited|Inc\.?|GmbH|AG|Pte\.? Ltd\.?|Pty\.? Ltd\.?|S\.A\.|B\.V\.|plc)"
_LOWER_LEGAL = re.compile(rf"(?<![\w.&'-])[a-z][a-z0-9]{{2,}} {_LEGAL}(?!\w)")
# "1000X", "3Commas", "dYdX", "bitFlyer": digits then a capital, or lower then upper
_ODD_WORD = re.compile(r"(?<![\w.&'$€£¥₦-])(?:\d+[A-Z](?:[\w.]*\w)?|[a-z]+[A-Z]\w*)(?![\w-])")
_NOT_NAMES = re.compile(r"^\d+(?:th|st|nd|rd|s|k|m|bn|mn|gb|mb|tb|km|kg|g|d|am|pm)$", re.I)
_LEGAL_ONLY = re.compile(rf"^{_LEGAL}$")
_NUMBERED_ORDER = re.compile(r"\b(?:Executive Order|EO|E\.O\.)(?: \(EO\))? (?:No\. )?\d{3,6}\b")


def odd_names(text: str, taken: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """(typed, untyped) candidates for names that do not open with a capital; a typed one
    may cover a `taken` candidate that is only its legal form (the caller drops that)."""
    typed: list[Candidate] = []
    untyped: list[Candidate] = []
    for m in _LOWER_LEGAL.finditer(text):
        cand = Candidate(m.start(), m.end(), m.group(), TYPE.company, "company")
        # a capitalised run found only the legal form ("LLC"): the whole name replaces it
        if not any(overlap(cand, t) and not _LEGAL_ONLY.match(t.surface) for t in taken):
            typed.append(cand)
    for m in _NUMBERED_ORDER.finditer(text):
        cand = Candidate(m.start(), m.end(), m.group(), TYPE.law, "law")
        # it replaces the run that stopped before its number ("Executive Order")
        if not any(overlap(cand, t) and not _inside(t, cand) for t in taken):
            typed.append(cand)
    for m in _ODD_WORD.finditer(text):
        if _NOT_NAMES.match(m.group()):
            continue
        cand = Candidate(m.start(), m.end(), m.group(), None, "chunk")
        if not any(overlap(cand, t) for t in taken + typed):
            untyped.append(cand)
    return typed, untyped


def _inside(inner: Candidate, outer: Candidate) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.source != "gaz"
