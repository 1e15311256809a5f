"""Relation drafts from a trigger whose actor and targets are known; referrals named later.

Every action draft carries the v2 attributes (`action_attributes`): its date, its
`status` (and `ended_how`, `ended_on`), a fine its amount; drafts of one relation share
them (`action_status.reconcile`). A court that overturns or dismisses an action is no
actor of it: the action it names is marked ended instead. Fines, suits, probes and
licences land on parties, never on activities. A body that asked others to look into a
class of firms and then names "a case involving" one of them referred that one
(`case_referrals`, which also lets a sentence's free ending words end earlier actions:
`action_status.mark_endings`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.ontology import ENDED, GROUP, REL, TYPE
from graph.partial_dates import PartialDate
from ingest.extraction.actions.action_attributes import (
    TriggerAttributes,
    fine_properties,
    superseded,
    trigger_attributes,
)
from ingest.extraction.actions.action_dates import LEDE_SENTENCES, ArticleDates, find_date
from ingest.extraction.actions.action_status import (
    EndedObject,
    PendingEnd,
    end_earlier,
    end_later,
    is_court,
    mark_endings,
    noun_types,
    reconcile,
    set_status,
)
from ingest.extraction.actions.date_restatements import restate_dates
from ingest.extraction.actions.endings import DISMISS, OVERTURN
from ingest.extraction.actions.retold_amounts import told_fine_money
from ingest.extraction.actions.roles import View, eligible
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityTable, RelationDraft
from ingest.extraction.references.listed_firms import complete

_TO_WHOM = re.compile(r" to ((?:the )?[\w ]{1,40}?)(?= after| before| for| on| in|,|\.|$)")

# "The SEC has fined ...": the present perfect reports the news itself
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)(?: (?:also|now|since|already|just|been))* [a-z]+(?:ed|en|d)\b"
)

_PAST_PERFECT = re.compile(
    r"\bhad(?: (?:also|already|just|earlier|previously|been))* [a-z]+(?:ed|en|d)\b"
)
_REPORTED_PERFECT = re.compile(
    r"\b(?:said|says|announced|reported|confirmed|stated)(?: on \w+day)?,? (?:that )?"
    r"(?:[\w-]+ ){1,4}?had(?: (?:also|just|been))* [a-z]+(?:ed|en|d)\b(?! (?:earlier|before|in \d))"
)
_RELATIVE_CLAUSE = re.compile(r",? (?:which|who|whom|whose|that|after|before|when) ")
# words that put a sentence's action before the news
_BACKGROUND = re.compile(
    r"\b(?:previously|earlier|already|before|formerly|once|first|last (?:year|month|week)"
    r"|in the past|ago|since|until|had|would|will|plans?|could|may)\b",
    re.I,
)

_CASE_INVOLVING = re.compile(r"\bcases? (?:[\w ]{0,25} )?(?:involving|against|concerning|about)\b")

_PARTY_ACTIONS = frozenset({REL.fined, REL.sued, REL.investigated, REL.licensed})
_MONTH_FIRST_COUNTRY = "United States"  # 05/04/2023 is May 4 there, 5 April elsewhere


@dataclass
class ActionHistory:
    """What earlier sentences established: relations so far (with their sentence index)
    and the bodies that referred matters to others, pending a case they name."""

    relations: list[tuple[int, RelationDraft]] = field(default_factory=list)
    referrers: set[str] = field(default_factory=set)
    dates: ArticleDates | None = None  # every sentence's time references, read once
    consumed: set[int] = field(default_factory=set)  # ending words already read
    pending: list[PendingEnd] = field(default_factory=list)  # endings awaiting their action
    decided: set[int] = field(default_factory=set)  # triggers a body's named decision states

    def dates_of(self, state: ArticleState) -> ArticleDates:
        if self.dates is None:
            us = state.country.main_country == _MONTH_FIRST_COUNTRY
            self.dates = ArticleDates(state.doc, state.published, day_first=not us)
        return self.dates


def date_the_news(state: ArticleState, history: ActionHistory) -> None:
    """Undated actions the lede or a present-perfect sentence states took place on the
    article's news date ("The FSRA said on Monday ... It has fined ..."), unless ended
    (the news is then the ending) or dated by a later sentence (`restate_dates`)."""
    news = history.dates_of(state).news_date()
    if news is None:
        return
    day = news.text()
    sentences = state.doc.sentences
    # the bodies that acted on the news date in the opening: a later undated action of
    # theirs told in the simple past is the same news told in detail ("Japan's regulator
    # on Thursday ordered two exchanges to stop ... Business improvement orders went to X")
    newsmakers = {
        rel.source
        for index, rel in history.relations
        if index < LEDE_SENTENCES
        and (rel.date == day or (rel.date is None and rel.properties.get("status") is None))
    }
    for index, rel in history.relations:
        if rel.date is not None or rel.properties.get("status") is not None:
            continue
        said = sentences[index].text
        main = _RELATIVE_CLAUSE.split(said, maxsplit=1)[0]
        reported = _REPORTED_PERFECT.search(main)  # "X said police had arrested ...": the
        # present perfect of the news, shifted back by the reporting verb
        if _PAST_PERFECT.search(main) and not _PRESENT_PERFECT.search(main) and not reported:
            continue  # "The agency had blocked ...": before the news
        if index < LEDE_SENTENCES or _PRESENT_PERFECT.search(said) or reported:
            rel.date = day
        elif rel.source in newsmakers and not _BACKGROUND.search(said):
            rel.date = day


def action_drafts(
    trig: Trigger,
    actor: str,
    targets: list[str],
    conf: float,
    view: View,
    state: ArticleState,
    history: ActionHistory,
    told_date: tuple[PartialDate | None] | None = None,
) -> list[RelationDraft]:
    """The relations one trigger states from `actor` to each target, dated and with amounts
    (`told_date`, where given, is the date: that of an instrument told before).

    A referral points from the target to the referring body and records to whom; an
    action on an unnamed group also reaches each member the group lists.
    """
    text, table = state.doc.text, state.table
    evidence = view.sent.text
    if superseded(trig, view.triggers):
        return []
    dates = history.dates_of(state).of_sentence(view.sent.index)
    attrs = trigger_attributes(trig, view, dates)
    history.consumed.update(attrs.endings)
    when = attrs.date if told_date is None else told_date[0]
    date = when.text() if when is not None else None
    if trig.voice == "case":
        date = None  # "the decision in ASIC v Web3, on 22 April": the caption names the suit
    props: dict[str, object] = {}
    if trig.type == REL.referred_by:
        props = _referred_to(trig, view, text, table)
        history.referrers.add(actor)
        return [
            RelationDraft(REL.referred_by, t, actor, evidence, round(conf, 2), date, dict(props))
            for t in targets
            if t != actor
        ]
    if _ends_anothers_action(trig, attrs, actor, targets, view, state, history):
        return []
    out = []
    parties = [t for t in targets if t != actor]
    country = state.country.main_country
    for t in parties:
        draft = table.get(t)
        if draft.type == TYPE.activity and trig.type in _PARTY_ACTIONS:
            continue  # fines, suits, probes and licences land on parties, not on activities
        if complete(draft):  # "three entities" listed whole: the action is on each of them
            # (a sum told for the group is each member's, "were each fined NT$1.5 million";
            # counted over the members, a total is no member's)
            each = fine_properties(trig, view, t, len(draft.members), country)
            out += [
                RelationDraft(
                    trig.type, actor, member, evidence, round(conf - 0.05, 2), date, dict(each)
                )
                for member in draft.members
            ]
            continue
        if draft.unnamed:
            draft.action = trig.type
        props = fine_properties(trig, view, t, len(parties), country)
        if trig.type == REL.fined and "amount" not in props:
            props.update(told_fine_money(trig, view, history))  # "The fine was imposed on X"
        out.append(RelationDraft(trig.type, actor, t, evidence, round(conf, 2), date, props))
        for member in draft.members if draft.unnamed else ():
            rel = RelationDraft(trig.type, actor, member, evidence, round(conf - 0.1, 2), date)
            out.append(rel)
    for rel in out:
        set_status(rel, attrs.ended_how, attrs.ended_on)
    end_later(out, history.pending, view.sent.index, table)
    reconcile(out, (d for _, d in history.relations), table)
    return out


def _referred_to(trig: Trigger, view: View, text: str, table: EntityTable) -> dict[str, object]:
    """To whom a referral sends the matter: a body named after the object, or the words."""
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
        return {"to": table.get(to_m.key).name}
    if trig.voice == "refer":
        words = _TO_WHOM.match(text, trig.obj_end)
        if words:
            return {"to": words.group(1)}
    return {}


def _ends_anothers_action(
    trig: Trigger,
    attrs: TriggerAttributes,
    actor: str,
    targets: list[str],
    view: View,
    state: ArticleState,
    history: ActionHistory,
) -> bool:
    """A court that overturns or dismisses an action is no actor of it: mark the action
    its words name ended instead (True: the trigger states nothing of its own)."""
    how = attrs.ended_how
    if trig.start in history.decided:
        return False  # "overturned the X Court's decision to block Y": X's block, ended
    by_court = is_court(actor, state.table)
    phrase = view.doc_text[trig.start : max(trig.end, trig.obj_end)]
    if how == ENDED.overturned:
        cls = OVERTURN
    elif how == ENDED.dismissed and by_court:
        cls = DISMISS
    elif how == ENDED.lifted and by_court and not _ITS_OWN.search(phrase):
        cls = OVERTURN  # "the High Court lifted the ban on X": another body's ban, set aside
    else:
        return False
    if not (by_court or trig.ended_how == ENDED.overturned):
        return False
    obj = EndedObject(noun_types(phrase), frozenset(targets), None)
    sent = view.sent.index
    if not end_earlier(history.relations, cls, obj, sent, attrs.ended_on, state.table):
        if how == ENDED.lifted:  # a lede may tell the court's lifting before the ban
            history.pending.append(PendingEnd(sent, cls, obj, attrs.ended_on))
    return True


# "the court lifted its block on X": the court's own order, which it may end itself
_ITS_OWN = re.compile(r"\b(?:its|their)\b")


def case_referrals(view: View, table: EntityTable, history: ActionHistory) -> None:
    """A body that asked others to look into a class of firms, then names a case involving one.

    First, the sentence's free ending words end the earlier actions they name, and its
    "imposed on <date>" dates the undated ones it names (`date_restatements`).
    """
    if history.dates is not None:
        dates = history.dates.of_sentence(view.sent.index)
        mark_endings(view, table, history.relations, dates, history.consumed, history.pending)
        sent = view.sent
        restate_dates(view.doc_text, sent.index, sent.start, history.relations, dates)
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
