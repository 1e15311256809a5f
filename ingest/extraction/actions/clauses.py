"""Clauses of a sentence, cut where news sentences change subject.

Actors and targets of an action are looked for in the trigger's own clause: "X
sued Y, which had partnered with Z" must not make Z a target, and "a year after the
country declared ..." starts a clause with its own subject. Relative clauses and
appositions (", which ... ,", ", the UK-based unit of ... ,") are clauses of their
own; the text after them belongs to the clause before them again.
"""

from __future__ import annotations

import re

from ingest.extraction.entities.drafts import Mention
from ingest.extraction.names.person_names import ROLE_WORDS
from ingest.extraction.text.document import Document, Sentence

# Every branch opens with a literal character, so the search skips to those (";", ",",
# " ", "A"); `app` is only tested for truth, so it may start after the comma.
_BOUNDARY = re.compile(
    r";|, (?P<rel>which|who|whom|whose|that(?= (?:will|would|has|had|is|was|must|agreed)\b))"
    r"\b|,(?P<app> (?:the|a|an|its|one of the) )"
    r"|, (?:while|whereas|but|although|though|after|before|because|even though)\b"
    r"| (?:while|whereas|but|although|though|after|before|because|even though)\b"
    r"|, (?:since|until|unless|once|so that)\b|, (?:when|as(?! well as)|if|saying|adding"
    r"|citing|according to|bringing|making|"
    r"acting|accusing|deepening|widening|meeting|clearing|settling|warning|arguing|noting|"
    r"prompting|leaving|sending|forcing|following)\b| - |A(?<!\w.)ccording to\b"
)
_DASH_INSERT = 200  # how far a closing dash may follow an opening one
# a dash after a plural party noun opens the list of those parties, no new clause:
# "warned the public about unregistered firms - Zolta Options and Korvex Return"
_LIST_DASH = re.compile(
    r"\b(?:firms|companies|entities|platforms|exchanges|operators|providers|websites|apps"
    r"|individuals|persons) - (?=[A-Z])"
)

PREPOSITIONS = frozenset(
    "in at on with to from into against for of by under over through about between than via "
    "onto toward towards among within across".split()
)
_COLLECTIVE = re.compile(
    r"\b(?:(?:task force|group|panel|coalition|team|consortium|association|alliance|committee)"
    r" of|(?:officers|agents|investigators|inspectors|officials|detectives|task[ -]force|team"
    r"|squad|unit|delegation) (?:of|from))"
    r" (?:the )?$",
    re.I,
)


class Clauses:
    """Clause ids for every offset of one sentence (document offsets)."""

    def __init__(self, text: str, base: int, mentions: list[Mention]) -> None:
        self.base = base
        self.spans: list[tuple[int, int, int]] = []  # (start, end, clause id), doc offsets
        self.antecedent: dict[int, int] = {}  # relative clause id -> position before ", which"
        self._build(text, mentions)

    def _build(self, text: str, mentions: list[Mention]) -> None:
        ends = {m.end - self.base for m in mentions}
        current, next_id, pos = 0, 1, 0
        i = 0
        while i <= len(text):
            m = _BOUNDARY.search(text, i)
            if m is None:
                break
            if m.group("app") and (m.start() not in ends or _listed_officer(text, m.end())):
                i = m.end()
                continue
            if m.group() == ";" and _list_item_follows(text, m.start()):
                i = m.end()  # "against five people: A, 34; B, 37; and C, 52": one list
                continue
            if m.group() == " - ":
                closing = text.find(" - ", m.end(), m.end() + _DASH_INSERT)
                if closing >= 0:  # "the four men - A and B and C - after ...": an insert
                    i = closing + 3
                    continue
                if _LIST_DASH.match(text, max(0, text.rfind(" ", 0, m.start()) + 1)):
                    i = m.end()  # "firms - A and B": the parties, listed
                    continue
            self.spans.append((pos + self.base, m.start() + self.base, current))
            if m.group("rel") or m.group("app"):
                close = text.find(",", m.end())
                close = len(text) if close < 0 else close
                if m.group("app") and close == len(text):
                    close = len(text)
                self.spans.append((m.start() + self.base, close + self.base, next_id))
                self.antecedent[next_id] = m.start() + self.base
                next_id += 1
                pos = close
                i = close + 1 if close < len(text) else len(text) + 1
            else:
                current, next_id = next_id, next_id + 1
                pos = m.start()
                i = m.end()
        self.spans.append((pos + self.base, len(text) + self.base, current))

    def of(self, offset: int) -> int:
        """The clause id of a document offset."""
        for start, end, cid in self.spans:
            if start <= offset < end:
                return cid
        return self.spans[-1][2] if self.spans else 0

    def start_of(self, offset: int) -> int:
        """Where the (contiguous part of the) clause containing `offset` starts."""
        for start, end, _cid in self.spans:
            if start <= offset < end:
                return start
        return self.base


# "against X, its Chief Executive Officer Y Z, and ...": an officer named in a list of
# parties is one of them, not an apposition describing X
_LISTED_OFFICER = re.compile(rf"(?i:{ROLE_WORDS}) (?:[A-Z][\w'-]+ ){{1,3}}?[A-Z][\w'-]+,? and\b")


def _listed_officer(text: str, after_its: int) -> bool:
    """Whether ", its <role> <Name>" at `after_its` is an item of a list of parties."""
    return text.startswith("its ", after_its - 4) and bool(_LISTED_OFFICER.match(text, after_its))


_LIST_ITEM_WORDS = 6  # "and Dong Thi Kim Dung, 52": a name with its age or place
_NAMED_ITEM = re.compile(r" (?:and )?[A-Z]")


def _list_item_follows(text: str, semicolon: int) -> bool:
    """Whether the ";" at `semicolon` only separates the items of a list a colon opened.

    A release lists the people or firms an action names after a colon, one per
    semicolon ("against five individuals: A, 34; B, 37; and C, 52"); such a ";" joins
    items of one clause. A ";" with no colon before it, or followed by a clause of its
    own (more than a short item, or one that does not open with a name), still cuts.
    """
    if ":" not in text[:semicolon]:
        return False
    nxt = text.find(";", semicolon + 1)
    item = text[semicolon + 1 : nxt if nxt >= 0 else len(text)]
    # (an item that opens with an amount, "; and $750,000 on C", is a clause of its own:
    # each amount goes with its own party)
    return len(item.split()) <= _LIST_ITEM_WORDS and _NAMED_ITEM.match(item) is not None


def preceded_by_preposition(text: str, start: int) -> bool:
    """Whether the word before `start` is a preposition (so the mention is no subject)."""
    before = text[max(0, start - 40) : start]
    if _COLLECTIVE.search(before):
        return False
    words = before.replace(",", " ").split()
    if words and words[-1].lower() == "the":
        words = words[:-1]
    if words and DIRECTION.fullmatch(words[-1]):
        words = words[:-1]  # "a court in northern Russia": Russia is in a phrase
    return bool(words) and words[-1].lower() in PREPOSITIONS


# a direction before a place name: "in northern Russia", "in south-west China"
DIRECTION = re.compile(
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|central|mid-?west)(?:ern)?", re.I
)


_MODIFIED_BODY = re.compile(
    r" (?:prosecutors|police|authorities|officials|regulators|lawmakers|courts?|government|"
    r"agencies|investigators|judges?|ministry|officers)\b"
)


def modifier(text: str, end: int) -> bool:
    """Whether a place mention ending at `end` only qualifies a body ("U.S. prosecutors")."""
    return bool(_MODIFIED_BODY.match(text, end))


def possessive(text: str, end: int) -> bool:
    """Whether the mention ending at `end` is a possessive ("Binance's")."""
    return text.startswith("'s", end) or text.startswith("' ", end)


def clauses_of(doc: Document, sent: Sentence, mentions: list[Mention]) -> Clauses:
    """The clauses of a sentence, built once per document and sentence."""
    cache: dict[int, Clauses] = doc.__dict__.setdefault("_clauses", {})
    found = cache.get(sent.index)
    if found is None:
        found = cache[sent.index] = Clauses(sent.text, sent.start, mentions)
    return found
