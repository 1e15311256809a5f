"""Action relations (BANNED ... LICENSED, REFERRED_BY) from triggers, by syntax-light rules.

For each trigger the actor is the clause's subject when it is a public body (or a
country), the agent after 'by'/'with'/'from' for passives and receivers, or, when
the clause names none ("Those arrested include ...", "KuCoin has been barred ..."),
the body that acted just before (same action type first) or, in a lede, the one
named next. Targets are the eligible entities on the object side of the clause.
Negated or hedged triggers ("did not", "plans to", "asked ... to block") yield nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from graph.ontology import REL, TYPE
from ingest.extraction.build import Context
from ingest.extraction.clauses import clauses_of, modifier, possessive, preceded_by_preposition
from ingest.extraction.dates import find_date
from ingest.extraction.entities import PUBLIC_BODIES, EntityTable, Mention
from ingest.extraction.money import find_money
from ingest.extraction.output import RelationDraft
from ingest.extraction.roles import (
    View,
    antecedent,
    eligible,
    first_body,
    is_actor,
    read_roles,
    text_of,
)
from ingest.extraction.scan import scanner_of
from ingest.extraction.sentences import Document, Sentence
from ingest.extraction.triggers import Trigger, find_triggers, hedged

_TO_WHOM = re.compile(r" to ((?:the )?[\w ]{1,40}?)(?= after| before| for| on| in|,|\.|$)")
_CASE_INVOLVING = re.compile(r"\bcases? (?:[\w ]{0,25} )?(?:involving|against|concerning|about)\b")


@dataclass
class ActionState:
    """What earlier sentences established: relations so far and pending referrals."""

    relations: list[tuple[int, RelationDraft]] = field(default_factory=list)
    referrers: set[str] = field(default_factory=set)


def extract_actions(
    doc: Document,
    table: EntityTable,
    mentions: list[Mention],
    ctx: Context,
    published: dt.date | None,
) -> list[RelationDraft]:
    """Every action and referral the sentences state."""
    by_sent: dict[int, list[Trigger]] = {}
    for trig in find_triggers(doc.text, 0, scanner_of(doc)):
        sent = doc.sentence_at(trig.start)
        if sent is not None:
            by_sent.setdefault(sent.index, []).append(trig)
    per_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        per_sentence.setdefault(m.sentence, []).append(m)
    views = [
        _view(s, per_sentence.get(s.index, []), by_sent.get(s.index, []), doc)
        for s in doc.sentences
    ]
    state = ActionState()
    for view in views:
        if view.sent.heading:
            continue
        for i, trig in enumerate(view.triggers):
            if view.sent.text.count('"', 0, trig.start - view.sent.start) % 2:
                continue  # inside a quotation: speech, not the article's statement of fact
            cid = view.clauses.of(trig.start)
            stop = next(
                (
                    t.start
                    for t in view.triggers[i + 1 :]
                    if t.start >= trig.end
                    and t.type != trig.type
                    and view.clauses.of(t.start) == cid
                    and not (trig.voice == "receiver" and t.voice == "nominal")
                ),
                view.sent.end,
            )
            for rel in _apply(trig, stop, view, views, doc, table, state, ctx, published):
                state.relations.append((view.sent.index, rel))
        _case_referrals(view, doc, table, state)
    return [r for _, r in state.relations]


def _view(sent: Sentence, inside: list[Mention], triggers: list[Trigger], doc: Document) -> View:
    """The sentence's mentions (outermost only), clauses and triggers."""
    ments: list[Mention] = []
    reach = -1
    for m in sorted(inside, key=lambda x: (x.start, -(x.end - x.start))):
        if m.end <= reach and ments and ments[-1].end - ments[-1].start > m.end - m.start:
            continue  # nested inside a longer mention ("13 apps involved in crypto trading")
        ments.append(m)
        reach = max(reach, m.end)
    return View(sent, ments, clauses_of(doc, sent, inside), triggers, doc.text)


def _apply(
    trig: Trigger,
    stop: int,
    view: View,
    views: list[View],
    doc: Document,
    table: EntityTable,
    state: ActionState,
    ctx: Context,
    published: dt.date | None,
) -> list[RelationDraft]:
    text = doc.text
    if text.startswith(", accusing", trig.start - 2) and any(
        t.end <= trig.start for t in view.triggers
    ):
        return []  # "X sanctioned Y, accusing it of ...": the accusation restates the action
    cid = view.clauses.of(trig.start)
    in_clause = [m for m in view.mentions if view.clauses.of(m.start) == cid]
    before = [m for m in in_clause if m.end <= trig.start]
    after = [m for m in in_clause if trig.end <= m.start < stop]
    subject = next(
        (
            m
            for m in reversed(before)
            if not possessive(text, m.end)
            and not preceded_by_preposition(text, m.start)
            and not modifier(text, m.end)
            and m.text.lower() != "its"
        ),
        None,
    )
    if subject is None and cid in view.clauses.antecedent:
        subject = antecedent(view, view.clauses.antecedent[cid])
    window_start = view.clauses.start_of(trig.start)
    if subject is None and trig.start == window_start + 2 and _PARTICIPLE.match(text, window_start):
        subject = _main_subject(view, window_start, text)  # "X sanctioned Y, accusing it of ..."
    if subject is not None and _NEW_SUBJECT.search(text, window_start, subject.start):
        window_start = subject.start  # "X asked Y to block Z, and the Centre blocked Z"
    subject_acts = subject is not None and is_actor(subject, table)
    if (trig.voice != "nominal" or subject is None or subject_acts) and hedged(
        text[window_start : trig.start]
    ):
        return []
    actor, targets, conf = read_roles(trig, subject, before, after, view, text, table)
    if not targets and actor is not None and cid in view.clauses.antecedent:
        targets = _relative_target(trig, subject, view, table)
    blocked = (
        subject is not None
        and trig.voice in ("active", "span")
        and (not subject_acts or (subject.how == "pronoun" and actor is None))
    )
    if trig.voice == "prefix":
        blocked = True  # "SEC-licensed": the body is in the word or nowhere
    if subject is None and any(modifier(text, m.end) for m in before):
        blocked = True  # an unnamed body ("U.S. prosecutors") acted
    if actor is None and not blocked:
        actor = _fallback_actor(trig, view, views, table, state)
        conf -= 0.2
    if actor is None or not targets:
        if trig.type == REL.referred_by and actor is not None:
            state.referrers.add(actor)
        return []
    out: list[RelationDraft] = []
    actors = [actor]
    if subject is not None and subject.how != "pronoun" and actor == subject.key:
        actors += _co_actors(subject, before, text, table)
    for who in actors:
        out += _drafts(trig, who, targets, conf, view, text, table, state, ctx, published)
    return out


_PARTICIPLE = re.compile(r", [a-z]+ing\b")
_PARTY_ACTIONS = frozenset({REL.fined, REL.sued, REL.investigated, REL.licensed})
_NEW_SUBJECT = re.compile(r"(?:,|;) (?:and|but|then) (?:the )?$")
_COORD = re.compile(r"(?:,? and|, as well as|,) (?:the |its )?")


def _co_actors(subject: Mention, before: list[Mention], text: str, table: EntityTable) -> list[str]:
    """Bodies coordinated with the subject: "the SEC and the CFTC sued ..." makes both actors."""
    out: list[str] = []
    last = subject
    for m in reversed([x for x in before if x.end <= subject.start]):
        if not _COORD.fullmatch(text, m.end, last.start):
            break
        if not is_actor(m, table) or m.how == "pronoun" or possessive(text, m.end):
            break
        out.append(m.key)
        last = m
    return out


def _main_subject(view: View, before: int, text: str) -> Mention | None:
    """The subject of the sentence's first clause, which a participle clause shares."""
    for m in view.mentions:
        if m.start >= before or view.clauses.of(m.start) != 0:
            break
        if not possessive(text, m.end) and not preceded_by_preposition(text, m.start):
            return m
    return None


def _relative_target(
    trig: Trigger, subject: Mention | None, view: View, table: EntityTable
) -> list[str]:
    """The noun a relative clause hangs on, when the clause's verb acts on it.

    "Paxos, which the regulator ordered to stop ..." (object relative: a body is the
    clause's subject) and "Kraken, which settled with the SEC ..." (the firm is the
    subject of a receiver or passive verb) both make the antecedent the target.
    """
    anchor = view.clauses.antecedent[view.clauses.of(trig.start)]
    if not view.doc_text.startswith((", which ", ", whom "), anchor):
        return []  # an apposition ("X, a Hong Kong-registered exchange") is no relative clause
    ante = antecedent(view, anchor)
    if ante is None or not eligible(ante, table):
        return []
    object_relative = subject is not None and subject.start > anchor and trig.voice != "passive"
    if object_relative or trig.voice in ("receiver", "passive"):
        return [ante.key]
    return []


def _fallback_actor(
    trig: Trigger, view: View, views: list[View], table: EntityTable, state: ActionState
) -> str | None:
    idx = view.sent.index
    earlier = first_body(view, table, before=trig.start, text=text_of(views))
    if earlier:
        return earlier
    for sent_idx, rel in reversed(state.relations):
        if idx - sent_idx <= 3 and rel.type == trig.type:
            return rel.source
    for back in (1, 2, 3):
        if idx - back < 0:
            break
        body = first_body(views[idx - back], table)
        if body:
            return body
    if idx <= 1 and idx + 1 < len(views) and trig.voice in ("passive", "receiver"):
        return first_body(views[idx + 1], table)
    return None


def _drafts(
    trig: Trigger,
    actor: str,
    targets: list[str],
    conf: float,
    view: View,
    text: str,
    table: EntityTable,
    state: ActionState,
    ctx: Context,
    published: dt.date | None,
) -> list[RelationDraft]:
    evidence = view.sent.text
    date = find_date(evidence, published)
    props: dict[str, object] = {}
    if trig.type == REL.fined:
        money = find_money(evidence, ctx.main_country)
        if money:
            pos = trig.start - view.sent.start
            best = min(money, key=lambda x: abs(x.start - pos))
            props = {"amount": best.amount, "currency": best.currency}
    if trig.type == REL.referred_by:
        to_m = next(
            (
                m
                for m in view.mentions
                if trig.obj_end <= m.start < trig.obj_end + 40
                and m.key in table
                and table.get(m.key).type in PUBLIC_BODIES
            ),
            None,
        )
        if to_m is not None:
            props["to"] = table.get(to_m.key).name
        elif trig.voice == "refer":
            words = _TO_WHOM.match(text, trig.obj_end)
            if words:
                props["to"] = words.group(1)
        state.referrers.add(actor)
        return [
            RelationDraft(REL.referred_by, t, actor, evidence, round(conf, 2), date, dict(props))
            for t in targets
            if t != actor
        ]
    out = []
    for t in targets:
        if t == actor:
            continue
        draft = table.get(t)
        if draft.type == TYPE.activity and trig.type in _PARTY_ACTIONS:
            continue  # fines, suits, probes and licences land on parties, not on activities
        if draft.unnamed:
            draft.action = trig.type
        out.append(RelationDraft(trig.type, actor, t, evidence, round(conf, 2), date, dict(props)))
        for member in draft.members if draft.unnamed else ():
            rel = RelationDraft(trig.type, actor, member, evidence, round(conf - 0.1, 2), date)
            out.append(rel)
    return out


def _case_referrals(view: View, doc: Document, table: EntityTable, state: ActionState) -> None:
    """A body that asked others to look into a class of firms, then names a case involving one."""
    if not state.referrers:
        return
    m = _CASE_INVOLVING.search(view.sent.text)
    if not m:
        return
    pos = view.sent.start + m.end()
    subject = next((x for x in view.mentions if x.key in state.referrers and x.start < pos), None)
    target = next((x for x in view.mentions if x.start >= pos and eligible(x, table)), None)
    if subject is not None and target is not None:
        rel = RelationDraft(
            REL.referred_by,
            target.key,
            subject.key,
            view.sent.text,
            0.6,
            find_date(view.sent.text, None),
        )
        state.relations.append((view.sent.index, rel))
