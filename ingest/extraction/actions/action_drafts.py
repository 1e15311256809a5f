"""Relation drafts from a trigger whose actor and targets are known; referrals named later.

A FINED relation takes the amount nearest its trigger; every relation takes the first
date its sentence states. Fines, suits, probes and licences land on parties, never on
activities. A body that asked others to look into a class of firms and then names "a
case involving" one of them referred that one (`case_referrals`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.actions.action_dates import find_date
from ingest.extraction.actions.money import find_money
from ingest.extraction.actions.roles import View, eligible
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityTable, RelationDraft

_TO_WHOM = re.compile(r" to ((?:the )?[\w ]{1,40}?)(?= after| before| for| on| in|,|\.|$)")

_CASE_INVOLVING = re.compile(r"\bcases? (?:[\w ]{0,25} )?(?:involving|against|concerning|about)\b")

_PARTY_ACTIONS = frozenset({REL.fined, REL.sued, REL.investigated, REL.licensed})


@dataclass
class ActionHistory:
    """What earlier sentences established: relations so far (with their sentence index)
    and the bodies that referred matters to others, pending a case they name."""

    relations: list[tuple[int, RelationDraft]] = field(default_factory=list)
    referrers: set[str] = field(default_factory=set)


def action_drafts(
    trig: Trigger,
    actor: str,
    targets: list[str],
    conf: float,
    view: View,
    state: ArticleState,
    history: ActionHistory,
) -> list[RelationDraft]:
    """The relations one trigger states from `actor` to each target, dated and with amounts.

    A referral points from the target to the referring body and records to whom; an
    action on an unnamed group also reaches each member the group lists.
    """
    text, table = state.doc.text, state.table
    evidence = view.sent.text
    date = find_date(evidence, state.published)
    props: dict[str, object] = {}
    if trig.type == REL.fined:
        money = find_money(evidence, state.country.main_country)
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
                and table.get(m.key).type in GROUP.public_body
            ),
            None,
        )
        if to_m is not None:
            props["to"] = table.get(to_m.key).name
        elif trig.voice == "refer":
            words = _TO_WHOM.match(text, trig.obj_end)
            if words:
                props["to"] = words.group(1)
        history.referrers.add(actor)
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


def case_referrals(view: View, table: EntityTable, history: ActionHistory) -> None:
    """A body that asked others to look into a class of firms, then names a case involving one."""
    if not history.referrers:
        return
    m = _CASE_INVOLVING.search(view.sent.text)
    if not m:
        return
    pos = view.sent.start + m.end()
    subject = next((x for x in view.mentions if x.key in history.referrers and x.start < pos), None)
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
        history.relations.append((view.sent.index, rel))
