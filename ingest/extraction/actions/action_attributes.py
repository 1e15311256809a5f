"""The v2 attributes of the relations one trigger states: date, status, ending, amount.

`trigger_attributes` dates the action from its sentence's time references and reads
whether it ended: by the trigger's own words (an `ending_patterns` row) or by an ending
word that governs it (`endings.governing_ending`); then the reference nearest the
ending dates the end and the action keeps its own ("lifted its 2018 ban in March
2023"). `fine_properties` gives a fine its amount and ISO currency. `superseded` says
when an ending row's reading of a word replaces a plain row's ("the licence was
revoked" is no ban).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.ontology import REL
from graph.partial_dates import PartialDate
from ingest.extraction.actions.action_dates import Span, pick, pick_ended, planned
from ingest.extraction.actions.action_status import clause_bounds, clause_view
from ingest.extraction.actions.date_mentions import DateMention
from ingest.extraction.actions.endings import ended_how, endings_in, governing_ending
from ingest.extraction.actions.fine_amounts import attached_money, fine_money
from ingest.extraction.actions.imposing_relatives import after_imposing_relative
from ingest.extraction.actions.money import bare_dollar, find_money
from ingest.extraction.actions.relative_dates import in_relative_clause
from ingest.extraction.actions.roles import View
from ingest.extraction.actions.triggers import Trigger


@dataclass(frozen=True)
class TriggerAttributes:
    """When the action was taken; how and when it ended (None: it stands); the ending
    words read (their offsets), so no later sentence reads them again."""

    date: PartialDate | None
    ended_how: str | None
    ended_on: PartialDate | None
    endings: tuple[int, ...] = ()


def trigger_attributes(trig: Trigger, view: View, dates: list[DateMention]) -> TriggerAttributes:
    """Date and status of the action `trig` states, from its sentence."""
    text = view.doc_text
    clauses = clause_view(view)
    at = Span(trig.start, trig.end)
    told = dates
    dates = _own_side(dates, trig, view.triggers, text)
    if trig.ended_how is not None:
        own = tuple(e.start for e in endings_in(text, trig.start, max(trig.end, trig.obj_end)))
        date, ended_on = pick_ended(dates, at, at, clauses, text)
        if planned(dates, at, clauses):  # "lifts its ban from 2026": the ban stands for now
            return TriggerAttributes(date, None, None, own)
        return TriggerAttributes(date, trig.ended_how, ended_on, own)
    start, end = clause_bounds(view, trig.start)
    ending = governing_ending(text, start, end, trig.start, trig.end)
    resumes = after_imposing_relative(trig, text)
    if ending is None and resumes is not None:  # "The ban, which X imposed on Y, was lifted"
        ending = governing_ending(text, start, clause_bounds(view, resumes)[1], trig.start, resumes)
    # ("..., which X imposed on Y in 2022, ...": the year the relative clause gives it)
    imposed_on = next(
        (d.date for d in told if resumes and trig.end <= d.start < resumes and not d.bound),
        None,
    )
    how = ended_how(ending.cls, trig.type) if ending is not None else None
    if ending is None or how is None or planned(dates, Span(ending.start, ending.end), clauses):
        return TriggerAttributes(imposed_on or pick(dates, at, clauses, text), None, None)
    date, ended_on = pick_ended(dates, at, Span(ending.start, ending.end), clauses, text)
    return TriggerAttributes(imposed_on or date, how, ended_on, (ending.start,))


def _own_side(
    dates: list[DateMention], trig: Trigger, triggers: list[Trigger], text: str
) -> list[DateMention]:
    """The references that belong to no other verb of the sentence: in "X registered A in
    2019 and fined B in 2020", 2019 closes the first verb phrase, so the fine is of 2020."""

    def earlier_verbs(m: DateMention) -> bool:
        return (
            m.end <= trig.start
            and _COORDINATION.fullmatch(text, m.end, trig.start) is not None
            and any(
                t.end <= m.start and not (t.start < trig.end and trig.start < t.end)
                for t in triggers
            )
        )

    # "charged X, who founded Y in 2018, with fraud": 2018 is the relative clause's
    dates = [m for m in dates if not in_relative_clause(text, m.start, m.end, trig.start)]
    own = [m for m in dates if not earlier_verbs(m)]
    return own or dates


_COORDINATION = re.compile(
    r",? (?:and|but|then|while)(?: (?:then|later|also|subsequently|\w+ly))? "
)


def fine_properties(
    trig: Trigger, view: View, target: str, parties: int, country: str | None
) -> dict[str, object]:
    """`amount` and `currency` of a fine on `target`, where the sentence states them."""
    if trig.type != REL.fined:
        return {}
    base = view.sent.start
    moneys = find_money(view.sent.text, country, bare_dollar(view.doc_text))
    if not moneys:
        return {}
    money = None
    for m in view.mentions:
        if m.key == target:
            money = attached_money(moneys, view.sent.text, m.start - base)
            if money is not None:
                break
    if money is None:
        money = fine_money(moneys, trig.start - base, trig.end - base, parties)
    return {} if money is None else {"amount": money.amount, "currency": money.currency}


def superseded(trig: Trigger, triggers: list[Trigger]) -> bool:
    """Whether an ending row reads this plain trigger's words (of another type) as an end
    ("the licence was revoked" is no ban). A fine stands: money paid to settle is one."""
    if trig.ended_how is not None or trig.type == REL.fined:
        return False
    return any(
        t.ended_how is not None
        and t.type != trig.type
        and t.start < trig.end
        and trig.start < t.end
        for t in triggers
    )
