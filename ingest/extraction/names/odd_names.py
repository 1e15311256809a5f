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
from ingest.extraction.names.org_names import classify
from ingest.extraction.text.anchored_scan import finditer_from_anchors
from ingest.extraction.text.literal_gate import gate

_LEGAL = r"(?:LLC|Ltd\.?|Limited|Inc\.?|GmbH|AG|Pte\.? Ltd\.?|Pty\.? Ltd\.?|S\.A\.|B\.V\.|plc)"
_LOWER_LEGAL = re.compile(rf"(?<![\w.&'-])[a-z][a-z0-9]{{2,}} {_LEGAL}(?!\w)")
# "1000X", "3Commas", "dYdX", "bitFlyer": digits then a capital, or lower then upper
_ODD_WORD = re.compile(r"(?<![\w.&'$€£¥₦-])(?:\d+[A-Z](?:[\w.]*\w)?|[a-z]+[A-Z]\w*)(?![\w-])")
_NOT_NAMES = re.compile(r"^\d+(?:th|st|nd|rd|s|k|m|bn|mn|gb|mb|tb|km|kg|g|d|am|pm)$", re.I)
_LEGAL_ONLY = re.compile(rf"^{_LEGAL}$")
# where those two can match, searched from (`anchored_scan`): the space before a legal
# form, a capital after a lower-case letter or a digit; each match starts where the run of
# its first word's characters reaching there starts (its lookbehind refuses them before it)
_LEGAL_AFTER = re.compile(rf" (?={_LEGAL})")
_CAPITAL_AFTER = re.compile(r"[A-Z](?<=[a-z\d][A-Z])")


def _lower_or_digit(char: str) -> bool:
    return "a" <= char <= "z" or char.isdecimal()  # `[a-z]` or `\d`


# (tried only at its opening words: `literal_gate`)
_NUMBERED_ORDER = gate(
    re.compile(r"\b(?:Executive Order|EO|E\.O\.)(?: \(EO\))? (?:No\. )?\d{3,6}\b")
)


def odd_names(text: str, taken: list[Candidate]) -> tuple[list[Candidate], list[Candidate]]:
    """(typed, untyped) candidates for names that do not open with a capital; a typed one
    may cover a `taken` candidate that is only its legal form (the caller drops that)."""
    typed: list[Candidate] = []
    untyped: list[Candidate] = []
    for m in finditer_from_anchors(_LOWER_LEGAL, text, _LEGAL_AFTER, _lower_or_digit):
        cand = Candidate(m.start(), m.end(), m.group(), TYPE.company, "company")
        # a capitalised run found only the legal form ("LLC"): the whole name replaces it
        if not any(overlap(cand, t) and not _LEGAL_ONLY.match(t.surface) for t in taken):
            typed.append(cand)
    for m in _NUMBERED_ORDER.finditer(text):
        cand = Candidate(m.start(), m.end(), m.group(), TYPE.law, "law")
        # it replaces the run that stopped before its number ("Executive Order")
        if not any(overlap(cand, t) and not _inside(t, cand) for t in taken):
            typed.append(cand)
    for m in finditer_from_anchors(_ODD_WORD, text, _CAPITAL_AFTER, _lower_or_digit):
        if _NOT_NAMES.match(m.group()) or _glued(m.group(), text):
            continue
        cand = _odd_firm(text, m.start(), m.end())
        # a typed one replaces the names inside it ("Labs" of "bQuant Labs", the brand
        # "dYdX" of "dYdX Trading Inc.")
        if not any(overlap(cand, t) and not _within(t, cand) for t in taken + typed):
            (typed if cand.type else untyped).append(cand)
    return typed, untyped


# a word of three lower-case letters or more glued to a capitalised one ("targetKaarat")
_GLUED = re.compile(r"[a-z]{3,}(?P<rest>[A-Z][a-z][\w]*)")


def _glued(word: str, text: str) -> bool:
    """Whether `word` is two words a page lost the space between ("andCoinBene"): its
    capitalised part also stands alone in the text. A brand written that way ("bitFlyer")
    keeps its second half glued everywhere."""
    m = _GLUED.fullmatch(word)
    if m is None:
        return False
    rest = m.group("rest")
    return re.search(r"(?<![\w])" + re.escape(rest) + r"(?!\w)", text) is not None


# capitalised words after an odd word, one of which may end a firm's name ("bQuant Labs")
_TAIL_WORDS = re.compile(r"(?: [A-Z][\w&'-]*(?:\.(?=\s|$))?){1,3}")
# an enforcement verb or a firm noun right before it: "fined vTrade", "exchanges eNexa"
_FIRM_BEFORE = re.compile(
    r"\b(?:fined|sued|charged|penali[sz]ed|sanctioned|censured|warned|banned|barred|blocked|"
    r"licensed|authori[sz]ed|against|exchange|platform|firm|company|fintech|startup|operator) $"
)


def _odd_firm(text: str, start: int, end: int) -> Candidate:
    """An odd word typed by the firm words after it ("bQuant Labs", "eNexa Ltd") or by an
    enforcement verb or a firm noun before it ("fined vTrade"); else left untyped."""
    tail = _TAIL_WORDS.match(text, end)
    if tail is not None:
        words = (text[start:end] + tail.group()).split()
        for k in range(len(words), 1, -1):
            named = " ".join(words[:k])
            etype = classify(words[:k])
            if etype is None and named.endswith("."):  # "bQuant Labs." ends the sentence
                named = named[:-1]
                etype = classify(named.split())
            if etype in (TYPE.company, TYPE.exchange):
                stop = start + len(named)
                return Candidate(start, stop, named, etype, "company")
    if tail is not None:  # "sued tZERO Markets": the words after it are its name's
        end += len(tail.group().rstrip("."))
    if _FIRM_BEFORE.search(text, max(0, start - 12), start):
        return Candidate(start, end, text[start:end], TYPE.company, "object")
    return Candidate(start, end, text[start:end], None, "chunk")


def _within(inner: Candidate, outer: Candidate) -> bool:
    return (
        (outer.type is not None or inner.type is None)
        and outer.start <= inner.start
        and inner.end <= outer.end
        and inner.end - inner.start < outer.end - outer.start
    )


def _inside(inner: Candidate, outer: Candidate) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and inner.source != "gaz"
