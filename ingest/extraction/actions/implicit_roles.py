"""Actors and targets a trigger's own clause leaves implicit.

"the SEC and the CFTC sued ..." makes both bodies actors (`co_actors`); "X sanctioned
Y, accusing it of ..." gives the participle clause the main clause's subject
(`main_subject`); "Paxos, which the regulator ordered to stop ..." makes the noun a
relative clause hangs on its target (`relative_target`); "KuCoin has been barred"
takes the body that acted just before (`fallback_actor`).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.actions.action_drafts import ActionHistory
from ingest.extraction.actions.clauses import possessive, preceded_by_preposition
from ingest.extraction.actions.roles import (
    View,
    antecedent,
    eligible,
    first_body,
    is_actor,
    text_of,
)
from ingest.extraction.actions.settled_payments import settling_body
from ingest.extraction.actions.statement_subjects import publisher_as_subject
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.drafts import EntityTable, Mention
from ingest.extraction.references.implied_bodies import is_prosecuting_body

# (a body's kind word may follow its name: "Ukraine's Cyberpolice unit and the FBI seized")
_COORD = re.compile(
    r"(?: (?:unit|department|division|office|bureau|service|agency|directorate))?"
    r"(?:,? and|, as well as|,) (?:the |its )?"
)


def co_actors(subject: Mention, before: list[Mention], text: str, table: EntityTable) -> list[str]:
    """Bodies coordinated with the subject: "the SEC and the CFTC sued ..." makes both actors."""
    out: list[str] = []
    last = subject
    for m in reversed([x for x in before if x.end <= subject.start]):
        if not _COORD.fullmatch(text, m.end, last.start):
            break
        if not is_actor(m, table) or m.how == "pronoun" or possessive(text, m.end):
            break
        if preceded_by_preposition(text, m.start) and text[m.end : last.start] == ", ":
            break  # "In Australia, AUSTRAC fined X": the place sets the scene, it does not act
        out.append(m.key)
        last = m
    return out


def listed_head(
    subject: Mention, co: list[str], before: list[Mention], view: View, table: EntityTable
) -> str | None:
    """The first body of a list the clause cutter took for an apposition: in "Norges Bank,
    the Ministry of Finance and the FSA warned X", ", the Ministry ..." opens no apposition
    because its clause runs on, through "and", to the verb: Norges Bank acts too."""
    cid = view.clauses.of(subject.start)
    anchor = view.clauses.antecedent.get(cid)
    text = view.doc_text
    if anchor is None or not text.startswith((", the ", ", its "), anchor):
        return None
    first = min((m for m in before if m.key in co), key=lambda m: m.start, default=subject)
    if first.start - anchor > 6 or (first is subject and not co):
        return None  # an apposition to the body before it ("X, the regulator, fined")
    head = antecedent(view, anchor)
    if head is None or not is_actor(head, table) or head.how == "pronoun":
        return None
    if possessive(text, head.end) or preceded_by_preposition(text, head.start):
        return None
    return head.key


_DECISION = r"(?:decision|order|ruling|judgment|judgement|verdict|injunction|move)"
_POSSESSED_DECISION = re.compile(rf"'s? (?:[\w-]+ ){{0,3}}?{_DECISION} to $")
# "the FCA's order banning X": the decision noun, then the verb that spells it out
_POSSESSED_DECISION_ING = re.compile(rf"'s? (?:[\w$€£-]+ ){{0,3}}?{_DECISION} $")
# "an order barring X ... was issued by the FCA": the body named after, as its issuer
_DECISION_BEFORE = re.compile(rf"\b{_DECISION}s? $", re.IGNORECASE)
_ISSUED_BY = re.compile(
    r"\b(?:was|were|has been|had been|is|are) (?:\w+ly )?(?:issued|imposed|made|handed down"
    r"|obtained|granted|signed|published|sought and obtained|secured) by (?:the |a |an )?$"
)
_DECISION_BY = re.compile(
    rf"\b{_DECISION}s? (?:[\w-]+ ){{0,2}}?(?:by|from) (?:the |a |an )?(?:[\w.-]+'s? )?$"
)  # "an order by the city's X Court", "obtained an order from the Tribunal banning X"


def deciding_body(
    trig: Trigger, before: list[Mention], text: str, table: EntityTable
) -> Mention | None:
    """The body whose decision a verb spells out: "the X Court's 2016 decision to block Y",
    "a 2017 order by the X Court blocking Y", "a statement published by X warns ..."."""
    last = before[-1] if before else None
    if last is None or not is_actor(last, table) or last.how == "pronoun":
        return None
    if possessive(text, last.end) and _POSSESSED_DECISION.fullmatch(text, last.end, trig.start):
        return last
    if possessive(text, last.end) and _POSSESSED_DECISION_ING.fullmatch(text, last.end, trig.start):
        return last  # "the FCA's order banning X", "the High Court's order froze X's assets"
    if publisher_as_subject(last, trig.start, text):
        return last  # "A statement published by X warns against Y"
    if (
        text[trig.start : trig.end].endswith("ing")
        and text[last.end : trig.start] == " "
        and _DECISION_BY.search(text, max(0, last.start - 40), last.start)
    ):
        return last
    return None


def issuing_body(
    trig: Trigger, after: list[Mention], text: str, table: EntityTable
) -> Mention | None:
    """The body a decision noun's passive names as its issuer, when the verb that spells
    the decision out has no subject: "an order barring X ... was issued by the FCA"."""
    if not text[trig.start : trig.end].endswith("ing"):
        return None
    if not _DECISION_BEFORE.search(text, max(0, trig.start - 30), trig.start):
        return None
    for m in after:
        if _ISSUED_BY.search(text, max(trig.end, m.start - 80), m.start) and is_actor(m, table):
            return m
    return None


def main_subject(view: View, before: int, text: str) -> Mention | None:
    """The subject of the sentence's first clause, which a participle clause shares."""
    for m in view.mentions:
        if m.start >= before or view.clauses.of(m.start) != 0:
            break
        if not possessive(text, m.end) and not preceded_by_preposition(text, m.start):
            return m
    return None


def relative_target(
    trig: Trigger, subject: Mention | None, view: View, table: EntityTable
) -> list[str]:
    """The noun a relative clause hangs on, when the clause's verb acts on it.

    "Paxos, which the regulator ordered to stop ..." (object relative: a body is the
    clause's subject) and "Kraken, which settled with the SEC ..." (the firm is the
    subject of a receiver or passive verb) both make the antecedent the target.
    """
    anchor = view.clauses.antecedent[view.clauses.of(trig.start)]
    if not view.doc_text.startswith((", which ", ", whom ", ", that "), anchor):
        return []  # an apposition ("X, a Hong Kong-registered exchange") is no relative clause
    # (", that will pay": the comma before a restrictive "that" of non-native English)
    ante = antecedent(view, anchor)
    if ante is None or not eligible(ante, table):
        return []
    object_relative = subject is not None and subject.start > anchor and trig.voice != "passive"
    if object_relative or trig.voice in ("receiver", "passive"):
        return [ante.key]
    return []


def fallback_actor(
    trig: Trigger, view: View, views: list[View], table: EntityTable, history: ActionHistory
) -> str | None:
    """The body that acted when the clause names none: earlier in the sentence, the actor
    of the same action type within three sentences, the first body of the three sentences
    before, or (a passive in the lede) the first body of the next sentence. Never across a
    heading: a digest's next story has actors of its own (its heading counts as its own)."""
    idx = view.sent.index
    floor = _story_start(idx, views)

    def fits(key: str | None) -> bool:  # police and prosecutors license nobody
        if key is None:
            return False
        licenser = key not in table or not _NO_LICENSER.search(table.get(key).name)
        return trig.type != REL.licensed or licenser

    if trig.retells >= 0:  # an instrument named again: who issued it where it was told
        told = next((v for v in views if v.sent.start <= trig.retells < v.sent.end), None)
        issuer = first_body(told, table, before=trig.retells, text=text_of(views)) if told else None
        if fits(issuer):
            return issuer
        if told is not None:  # its issuer named in an earlier sentence: whoever took it then
            taken = [
                rel.source
                for sent_idx, rel in history.relations
                if sent_idx == told.sent.index and rel.type == trig.type
            ]
            if taken and fits(taken[-1]):
                return taken[-1]
    earlier = first_body(view, table, before=trig.start, text=text_of(views))
    if fits(earlier):
        return earlier
    for sent_idx, rel in reversed(history.relations):
        if idx - sent_idx <= 3 and sent_idx >= floor and rel.type == trig.type:
            return rel.source
    for back in (1, 2, 3):
        if idx - back < max(0, floor):
            break
        body = first_body(views[idx - back], table)
        if body and fits(body) and not (trig.type == REL.sued and _police(body, table)):
            return body  # (police who arrested are not who indicted, sentences later)
    if idx <= 1 and idx + 1 < len(views) and trig.voice in ("passive", "receiver"):
        body = first_body(views[idx + 1], table)
        if trig.type == REL.fined and body is not None and table.get(body).type == TYPE.court:
            # "X is paying $1.2 million ... The Tribunal approved a settlement between OSC
            # staff and X": the settling body's fine, not the approving court's
            body = settling_body(views[idx + 1].mentions, text_of(views), table) or body
        return body if fits(body) else None
    if trig.type == REL.sued and _INSTRUMENT_SUBJECT.match(view.sent.text):
        return _prosecutor_of_story(views, floor, table)
    return None


# a charging instrument as the clause's subject: "An indictment unsealed in ... charged X"
_INSTRUMENT_SUBJECT = re.compile(r"(?:An?|The) (?:[\w-]+ ){0,2}?(?:indictment|complaint)\b")


def _prosecutor_of_story(views: list[View], floor: int, table: EntityTable) -> str | None:
    """The one prosecuting body the story names, before or after ("An indictment ... charged
    X ... the Justice Department said"): whose charging instrument it is."""
    found: list[str] = []
    for view in views[max(0, floor) :]:
        if view.sent.heading and view.sent.index > floor + 1:
            break  # the next story
        for m in view.mentions:
            key = table.resolve(m.key) if m.key in table else None
            if key is None or key in found or table.get(key).type not in GROUP.public_body:
                continue
            if is_prosecuting_body(table.get(key).name, ministry=True):
                found.append(key)
    return found[0] if len(found) == 1 else None


def _story_start(idx: int, views: list[View]) -> int:
    """The index of the last heading before sentence `idx` (-1: none)."""
    for back in range(idx - 1, -1, -1):
        if views[back].sent.heading:
            return back
    return -1


def _police(key: str, table: EntityTable) -> bool:
    return key in table and "police" in table.get(key).name.lower()


_NO_LICENSER = re.compile(r"\b(?:Police|Prosecut\w*|Crimes?|Investigations?|Attorney|Court)\b")
