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

from ingest.extraction.build import Context
from ingest.extraction.clauses import Clauses, clauses_of, possessive, preceded_by_preposition
from ingest.extraction.dates import find_date
from ingest.extraction.entities import ACTORS, PUBLIC_BODIES, EntityTable, Mention
from ingest.extraction.money import find_money
from ingest.extraction.output import RelationDraft
from ingest.extraction.scan import scanner_of
from ingest.extraction.sentences import Document, Sentence
from ingest.extraction.triggers import Trigger, find_triggers, hedged

TARGET_TYPES = frozenset(
    {"Exchange", "Company", "Person", "App", "Website", "Account", "Activity", "MediaOutlet"}
)
_MATTER = re.compile(r"\b(?:the matter|the case|the cases|it|them|the issue)\b")
_CASE_INVOLVING = re.compile(r"\bcases? (?:[\w ]{0,25} )?(?:involving|against|concerning|about)\b")


@dataclass
class View:
    """One sentence's mentions and clauses."""

    sent: Sentence
    mentions: list[Mention]
    clauses: Clauses
    triggers: list[Trigger] = field(default_factory=list)
    doc_text: str = ""


@dataclass
class ActionState:
    """What earlier sentences established: relations so far and pending referrals."""

    relations: list[tuple[int, RelationDraft]] = field(default_factory=list)
    referrers: set[str] = field(default_factory=set)


def extract_actions(
    doc: Document, table: EntityTable, mentions: list[Mention], ctx: Context,
    published: dt.date | None,
) -> list[RelationDraft]:
    """Every action and referral the sentences state."""
    by_sent: dict[int, list[Trigger]] = {}
    for trig in find_triggers(doc.text, 0, scanner_of(doc)):
        sent = doc.sentence_at(trig.start)
        if sent is not None:
            by_sent.setdefault(sent.index, []).append(trig)
    views = [_view(s, mentions, by_sent.get(s.index, []), doc) for s in doc.sentences]
    state = ActionState()
    for view in views:
        if view.sent.heading:
            continue
        for i, trig in enumerate(view.triggers):
            cid = view.clauses.of(trig.start)
            stop = next((t.start for t in view.triggers[i + 1 :] if t.start >= trig.end
                         and t.type != trig.type and view.clauses.of(t.start) == cid),
                        view.sent.end)
            for rel in _apply(trig, stop, view, views, doc, table, state, ctx, published):
                state.relations.append((view.sent.index, rel))
        _case_referrals(view, doc, table, state)
    return [r for _, r in state.relations]


def _view(sent: Sentence, mentions: list[Mention], triggers: list[Trigger], doc: Document) -> View:
    inside = [m for m in mentions if sent.start <= m.start < sent.end]
    ments = [m for m in inside if not any(
        o is not m and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
        for o in inside)]
    return View(sent, ments, clauses_of(doc, sent, inside), triggers, doc.text)


def _apply(
    trig: Trigger, stop: int, view: View, views: list[View], doc: Document, table: EntityTable,
    state: ActionState, ctx: Context, published: dt.date | None,
) -> list[RelationDraft]:
    text = doc.text
    cid = view.clauses.of(trig.start)
    in_clause = [m for m in view.mentions if view.clauses.of(m.start) == cid]
    before = [m for m in in_clause if m.end <= trig.start]
    after = [m for m in in_clause if trig.end <= m.start < stop]
    subject = next((m for m in reversed(before) if not possessive(text, m.end)
                    and not preceded_by_preposition(text, m.start) and m.text.lower() != "its"), None)
    if subject is None and cid in view.clauses.antecedent:
        subject = _antecedent(view, view.clauses.antecedent[cid])
    window_start = view.clauses.start_of(trig.start)
    subject_acts = subject is not None and _is_actor(subject, table)
    if (trig.voice != "nominal" or subject is None or subject_acts) and hedged(
        text[window_start : trig.start]
    ):
        return []
    actor, targets, conf = _roles(trig, subject, before, after, view, text, table)
    blocked = subject is not None and trig.voice in ("active", "span") and (
        not subject_acts or (subject.how == "pronoun" and actor is None)
    )
    if trig.voice == "prefix":
        blocked = True  # "SEC-licensed": the body is in the word or nowhere
    if actor is None and not blocked:
        actor = _fallback_actor(trig, view, views, table, state)
        conf -= 0.2
    if actor is None or not targets:
        if trig.type == "REFERRED_BY" and actor is not None:
            state.referrers.add(actor)
        return []
    return _drafts(trig, actor, targets, conf, view, text, table, state, ctx, published)


def _roles(
    trig: Trigger, subject: Mention | None, before: list[Mention], after: list[Mention],
    view: View, text: str, table: EntityTable,
) -> tuple[str | None, list[str], float]:
    conf = trig.confidence
    actor = _actor_key(subject, view, table) if subject is not None and _is_actor(subject, table) else None
    voice = trig.voice
    if voice in ("span", "refer", "suggest"):
        cid = view.clauses.of(trig.start)
        inside = [m for m in view.mentions if trig.obj_start <= m.start < trig.obj_end
                  and view.clauses.of(m.start) == cid]
        targets = [m for m in inside if _eligible(m, table)]
        if voice == "refer" and not targets and _MATTER.search(text[trig.obj_start : trig.obj_end]):
            main = _main_target(table)
            return actor, [main] if main else [], conf
        return actor, [_target_key(m, view, table) for m in targets], conf
    if voice == "prefix":
        inside = [m for m in view.mentions if trig.obj_start <= m.start < trig.obj_end]
        actor = next((_actor_key(m, view, table) for m in inside if _is_actor(m, table)), None)
        return actor, _keys([m for m in after if _eligible(m, table)], view, table), conf
    if voice == "passive":
        agent = _agent(after, text, trig.end, table, ("by",))
        targets = [m for m in before if _eligible(m, table) and not possessive(text, m.end)]
        return (_actor_key(agent, view, table) if agent else None), _keys(targets, view, table), conf
    if voice == "receiver":
        agent = _agent(after, text, trig.end, table, ("by", "with", "from", "to", ""))
        if agent is not None and table.get(agent.key).type == "Jurisdiction":
            agent = None
        targets = [m for m in before if _eligible(m, table) and not possessive(text, m.end)]
        if agent is None:
            first_target = targets[0].start if targets else trig.start
            lead = [m for m in before if m.start < first_target and _is_actor(m, table)]
            actor = _actor_key(lead[0], view, table) if lead else None
        else:
            actor = _actor_key(agent, view, table)
        return actor, _keys(targets[-3:], view, table), conf
    if voice == "nominal" and text[trig.start : trig.end].endswith(" with"):
        first = after[0] if after else None
        if first is not None and _is_actor(first, table) and first.how != "pronoun":
            voice = "receiver"  # "... agreed to a settlement with the Justice Department"
    if voice == "receiver" and text[trig.start : trig.end].startswith("settlement"):
        targets = [m for m in before if _eligible(m, table) and not possessive(text, m.end)]
        return _actor_key(after[0], view, table), _keys(targets[-1:], view, table), conf
    if voice == "nominal":
        own = next((m for m in reversed(before) if possessive(text, m.end)
                    and trig.start - m.end < 40 and _is_actor(m, table)), None)
        agent = own or _agent(after, text, trig.end, table, ("by",))
        if agent is None and actor is None:
            agent = next((m for m in after if _is_actor(m, table)
                          and not preceded_by_preposition(text, m.start)), None)
        if agent is not None:
            actor = _actor_key(agent, view, table)
        targets = [m for m in after if _eligible(m, table)]
        if not targets and trig.type == "INVESTIGATED" and subject is not None and _eligible(
            subject, table
        ):
            targets = [subject]
        if not targets:
            first = next((m for m in view.mentions if _eligible(m, table)), None)
            if first is not None and first.start < trig.start and trig.type == "INVESTIGATED":
                targets = [first]
        return actor, _keys(targets, view, table), conf - 0.05
    return actor, _keys([m for m in after if _eligible(m, table)], view, table), conf


def _agent(after: list[Mention], text: str, pos: int, table: EntityTable,
           preps: tuple[str, ...]) -> Mention | None:
    for m in after:
        if not _is_actor(m, table) or possessive(text, m.end):
            continue
        gap = text[pos : m.start]
        if any((f" {p} " in f" {gap}" if p else len(gap.split()) <= 1) for p in preps):
            return m
    return None


def _antecedent(view: View, pos: int) -> Mention | None:
    return next((m for m in reversed(view.mentions) if m.end <= pos and pos - m.end <= 2), None)


def _is_actor(m: Mention, table: EntityTable) -> bool:
    if m.how == "pronoun":
        return True
    return m.key in table and table.get(m.key).type in ACTORS and not table.get(m.key).unnamed or (
        m.key in table and table.get(m.key).type in PUBLIC_BODIES
    )


def _eligible(m: Mention, table: EntityTable) -> bool:
    if m.text.lower() == "its" or m.key not in table:
        return False
    return table.get(m.key).type in TARGET_TYPES


def _actor_key(m: Mention, view: View, table: EntityTable) -> str | None:
    if m.how != "pronoun":
        return m.key
    for other in reversed([x for x in view.mentions if x.end <= m.start]):
        if other.how != "pronoun" and other.key in table and table.get(other.key).type in PUBLIC_BODIES:
            return other.key
    return m.key if m.key in table and table.get(m.key).type in PUBLIC_BODIES else None


def _target_key(m: Mention, view: View, table: EntityTable) -> str:
    if m.how != "pronoun":
        return m.key
    for other in reversed([x for x in view.mentions if x.end <= m.start]):
        if other.how != "pronoun" and _eligible(other, table):
            return other.key
    return m.key


def _keys(ms: list[Mention], view: View, table: EntityTable) -> list[str]:
    return list(dict.fromkeys(_target_key(m, view, table) for m in ms))


def _main_target(table: EntityTable) -> str | None:
    firms = [d for d in table.all() if d.type in ("Exchange", "Company") and not d.unnamed]
    return max(firms, key=lambda d: d.mentions).key if firms else None


def _fallback_actor(
    trig: Trigger, view: View, views: list[View], table: EntityTable, state: ActionState
) -> str | None:
    idx = view.sent.index
    earlier = _first_body(view, table, before=trig.start, text=text_of(views))
    if earlier:
        return earlier
    for sent_idx, rel in reversed(state.relations):
        if idx - sent_idx <= 3 and rel.type == trig.type:
            return rel.source
    for back in (1, 2, 3):
        if idx - back < 0:
            break
        body = _first_body(views[idx - back], table)
        if body:
            return body
    if idx <= 1 and idx + 1 < len(views) and trig.voice in ("passive", "receiver"):
        return _first_body(views[idx + 1], table)
    return None


def text_of(views: list[View]) -> str:
    return views[0].doc_text if views else ""


def _first_body(
    view: View, table: EntityTable, before: int | None = None, text: str = ""
) -> str | None:
    for m in view.mentions:
        if before is not None and m.start >= before:
            break
        if m.how == "pronoun" or m.key not in table:
            continue
        if text and (possessive(text, m.end) or preceded_by_preposition(text, m.start)):
            continue
        d = table.get(m.key)
        if d.type in PUBLIC_BODIES and not d.unnamed:
            return m.key
    return None


def _drafts(
    trig: Trigger, actor: str, targets: list[str], conf: float, view: View, text: str,
    table: EntityTable, state: ActionState, ctx: Context, published: dt.date | None,
) -> list[RelationDraft]:
    evidence = view.sent.text
    date = find_date(evidence, published)
    props: dict[str, object] = {}
    if trig.type == "FINED":
        money = find_money(evidence, ctx.main_country)
        if money:
            pos = trig.start - view.sent.start
            best = min(money, key=lambda x: abs(x.start - pos))
            props = {"amount": best.amount, "currency": best.currency}
    if trig.type == "REFERRED_BY":
        to = text[trig.end : trig.obj_end] if trig.voice == "refer" else ""
        to_m = next((m for m in view.mentions if trig.obj_end <= m.start < trig.obj_end + 40
                     and m.key in table and table.get(m.key).type in PUBLIC_BODIES), None)
        if to_m is not None:
            props["to"] = table.get(to_m.key).name
        state.referrers.add(actor)
        return [RelationDraft("REFERRED_BY", t, actor, evidence, round(conf, 2), date, dict(props))
                for t in targets if t != actor]
    out = []
    for t in targets:
        if t == actor:
            continue
        draft = table.get(t)
        if draft.unnamed:
            draft.action = trig.type
        out.append(RelationDraft(trig.type, actor, t, evidence, round(conf, 2), date, dict(props)))
    _ = to if trig.type == "REFERRED_BY" else None  # noqa: F841
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
    target = next((x for x in view.mentions if x.start >= pos and _eligible(x, table)), None)
    if subject is not None and target is not None:
        rel = RelationDraft("REFERRED_BY", target.key, subject.key, view.sent.text, 0.6,
                            find_date(view.sent.text, None))
        state.relations.append((view.sent.index, rel))
