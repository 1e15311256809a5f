"""Which reports are one event, and what an event says: ONTOLOGY.md, "Actions are events".

Every store keeps one `Support` per article that states a relation (source, type,
target). For an action, those reports are cut into events here, once for both stores:

1. **Same event or not** (`agrees`): two reports are one event unless their dates differ
   at the precision both give, their amounts differ by more than 1% (or are in different
   currencies), or one says the action ended before the other says it was taken. A
   missing date or amount conflicts with nothing.
2. **Grouping** (`event_groups`) is greedy over the reports in a fixed order (most
   precise date first, then amount, then article id), so the same reports always give
   the same events whatever order they were ingested in. A report that fits several
   events (an undated "the SEC fined Kraken" beside its 2023 and 2025 fines) joins the
   latest one taken before the article was published, else the earliest.
3. **What the event says** (`EventView`): the most precise date and amount; its status
   history, one entry per kind of report (taken, then each ending in time order) with the
   articles that said so; the current status is the last entry. Nothing is overwritten:
   retracting the article that ended an event leaves the event active again.
4. **Its id** (`event_id`): a hash of the relation's ends and type plus the event's year
   and amount, so re-ingesting (in any order) gives the same ids; a date made more
   precise by a later report keeps the id.

Structure relations (HEADQUARTERED_IN, ...) are one event per relation: their reports
are never cut.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from graph.ontology import STATUS, get_ontology
from graph.partial_dates import PartialDate, dates_agree, first_day, more_precise

# The action properties an event lifts out of its reports' `properties`.
EVENT_PROPERTIES = ("status", "ended_how", "ended_on", "amount", "currency")
AMOUNT_TOLERANCE = 0.01


@dataclass(frozen=True)
class Support:
    """One article's statement of a relation (its sentence, dates and properties)."""

    article_id: str
    evidence: str | None
    seen: dt.date | None
    confidence: float
    date: str | None = None  # the action's own date, "YYYY[-MM[-DD]]"
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def ended(self) -> bool:
        return self.properties.get("status") == STATUS.ended

    @property
    def ended_on(self) -> str | None:
        value = self.properties.get("ended_on")
        return str(value) if value else None

    @property
    def amount(self) -> tuple[float, str] | None:
        amount, currency = self.properties.get("amount"), self.properties.get("currency")
        if amount is None:
            return None
        return float(amount), str(currency or "").upper()


@dataclass
class _Group:
    """Reports grouped so far, and the attributes they agree on."""

    supports: list[Support] = field(default_factory=list)
    date: str | None = None
    amount: tuple[float, str] | None = None
    ended_on: str | None = None

    def admits(self, s: Support) -> bool:
        return (
            dates_agree(self.date, s.date)
            and amounts_agree(self.amount, s.amount)
            and not ends_before(s.ended_on, self.date)
            and not ends_before(self.ended_on, s.date)
        )

    def add(self, s: Support) -> None:
        self.supports.append(s)
        self.date = more_precise(self.date, s.date)
        self.amount = self.amount or s.amount
        self.ended_on = more_precise(self.ended_on, s.ended_on)


def amounts_agree(a: tuple[float, str] | None, b: tuple[float, str] | None) -> bool:
    """A missing amount agrees with anything; else same currency and within 1%."""
    if a is None or b is None:
        return True
    (x, cx), (y, cy) = a, b
    if cx and cy and cx != cy:
        return False
    return abs(x - y) <= AMOUNT_TOLERANCE * max(abs(x), abs(y))


def ends_before(ended_on: str | None, date: str | None) -> bool:
    """Whether an ending dated `ended_on` lies wholly before an action dated `date`."""
    if ended_on is None or date is None:
        return False
    return PartialDate.parse(ended_on).last_day() < PartialDate.parse(date).first_day()


def _report_order(s: Support) -> tuple[Any, ...]:
    """Most precise date first, then dated before undated, amounts before none, article id."""
    precision = len(s.date) if s.date else 0
    amount = s.amount
    return (-precision, s.date or "", amount is None, amount or (0.0, ""), s.article_id)


def _anchor_day(s: Support) -> dt.date | None:
    """When an unanchored report was true: its ending's date, else its article's date."""
    return first_day(s.ended_on) if s.ended_on else s.seen


def _best_group(s: Support, fits: list[_Group]) -> _Group:
    """Of the events a report fits, the latest taken before the report's day, else the
    earliest (undated events last)."""
    if len(fits) == 1:
        return fits[0]
    day = _anchor_day(s)

    def start(g: _Group) -> dt.date:
        return first_day(g.date) or dt.date.max

    dated = sorted(fits, key=start)
    before = [g for g in dated if day is not None and g.date and start(g) <= day]
    return before[-1] if before else dated[0]


def event_groups(rel_type: str, supports: Iterable[Support]) -> list[list[Support]]:
    """The reports of one relation cut into events (each list sorted by article id);
    events in order of their date (undated last)."""
    reports = sorted(supports, key=_report_order)
    if get_ontology().relations[rel_type].kind != "action":
        return [sorted(reports, key=lambda s: s.article_id)] if reports else []
    groups: list[_Group] = []
    for s in reports:
        fits = [g for g in groups if g.admits(s)]
        if fits:
            _best_group(s, fits).add(s)
        else:
            group = _Group()
            group.add(s)
            groups.append(group)
    groups.sort(key=lambda g: (g.date is None, first_day(g.date) or dt.date.min, g.amount or ()))
    return [sorted(g.supports, key=lambda s: s.article_id) for g in groups]


@dataclass(frozen=True)
class StatusEntry:
    """One step of an event's life: taken (`how` None) or ended `how`, when, says who."""

    status: str
    how: str | None
    on: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True)
class EventView:
    """What the reports of one event say together."""

    event_id: str
    date: str | None
    amount: tuple[float, str] | None
    history: tuple[StatusEntry, ...]
    start: dt.date | None  # first day the event was in force: its date, else first reported
    end: dt.date | None  # first day it no longer was: its ending's date, else when reported

    @property
    def status(self) -> str:
        return self.history[-1].status if self.history else STATUS.active

    @property
    def ended_how(self) -> str | None:
        return self.history[-1].how if self.status == STATUS.ended else None

    @property
    def ended_on(self) -> str | None:
        return self.history[-1].on if self.status == STATUS.ended else None


def _most_precise_amount(supports: Sequence[Support]) -> tuple[float, str] | None:
    """The amount stated with the most significant digits (ties: first by article id)."""
    amounts = [s.amount for s in supports if s.amount is not None]
    if not amounts:
        return None

    def digits(a: tuple[float, str]) -> int:
        return len(f"{a[0]:.6g}".replace(".", "").rstrip("0"))

    best = max(digits(a) for a in amounts)
    return next(a for a in amounts if digits(a) == best)


def _history(supports: Sequence[Support], date: str | None) -> tuple[StatusEntry, ...]:
    """Taken (with the reports that do not end it), then each ending, in time order."""
    taken = tuple(s.article_id for s in supports if not s.ended)
    endings: dict[str, list[Support]] = {}
    for s in supports:
        if s.ended:
            endings.setdefault(str(s.properties.get("ended_how") or ""), []).append(s)
    entries = [StatusEntry(STATUS.active, None, date, taken)]

    def when(reports: list[Support]) -> tuple[dt.date, dt.date]:
        on = [first_day(r.ended_on) for r in reports if r.ended_on]
        seen = [r.seen for r in reports if r.seen]
        return (min(d for d in on if d) if on else dt.date.max, min(seen) if seen else dt.date.max)

    for how, reports in sorted(endings.items(), key=lambda kv: (when(kv[1]), kv[0])):
        on: str | None = None
        for r in reports:
            on = more_precise(on, r.ended_on) if dates_agree(on, r.ended_on) else on
        ids = tuple(r.article_id for r in reports)
        entries.append(StatusEntry(STATUS.ended, how or None, on, ids))
    return tuple(entries)


def event_id(source: str, rel_type: str, target: str, date: str | None, amount: Any) -> str:
    """A stable id: the relation's ends and type, the event's year and its amount."""
    year = date[:4] if date else ""
    money = f"{amount[1]}{amount[0]:.4g}" if amount else ""
    digest = hashlib.sha1(f"{source}|{rel_type}|{target}|{year}|{money}".encode()).hexdigest()
    return f"ev-{digest[:16]}"


def view_event(
    source: str,
    rel_type: str,
    target: str,
    supports: Sequence[Support],
    stored_id: str | None = None,
) -> EventView:
    """The event the given reports (one group from `event_groups`) describe; its id is
    `stored_id` when the caller has the one stored (a read), else computed."""
    if len(supports) == 1 and not supports[0].ended:
        return _one_report_view(source, rel_type, target, supports[0], stored_id)
    return _reports_view(source, rel_type, target, supports, stored_id)


def _reports_view(
    source: str,
    rel_type: str,
    target: str,
    supports: Sequence[Support],
    stored_id: str | None,
) -> EventView:
    """`view_event` of any reports."""
    date: str | None = None
    for s in sorted(supports, key=_report_order):
        if dates_agree(date, s.date):
            date = more_precise(date, s.date)
    amount = _most_precise_amount(supports)
    history = _history(supports, date)
    seen = [s.seen for s in supports if s.seen is not None]
    start = first_day(date) or (min(seen) if seen else None)
    end: dt.date | None = None
    if history[-1].status == STATUS.ended:
        last = history[-1]
        ending_seen = [s.seen for s in supports if s.article_id in last.sources and s.seen]
        end = first_day(last.on) or (min(ending_seen) if ending_seen else None)
    return EventView(
        event_id=event_id(source, rel_type, target, date, amount)
        if stored_id is None
        else stored_id,
        date=date,
        amount=amount,
        history=history,
        start=start,
        end=end,
    )


def _one_report_view(
    source: str, rel_type: str, target: str, s: Support, stored_id: str | None
) -> EventView:
    """`view_event` of one report that ends nothing (most events: every relation key's
    first report), without the steps that only matter between reports: its date and
    amount are the event's, its history one entry, its start the date's first day or
    else the day it was seen, and it has no end."""
    date = s.date
    amount = s.amount
    return EventView(
        event_id=event_id(source, rel_type, target, date, amount)
        if stored_id is None
        else stored_id,
        date=date,
        amount=amount,
        history=(StatusEntry(STATUS.active, None, date, (s.article_id,)),),
        start=first_day(date) or s.seen,
        end=None,
    )


def events_of(
    source: str, rel_type: str, target: str, supports: Iterable[Support]
) -> list[tuple[EventView, list[Support]]]:
    """A relation's reports as events, each with its reports, in date order. Two events
    of the same year and amount take their full date into the id so ids stay distinct."""
    groups = event_groups(rel_type, supports)
    views = [view_event(source, rel_type, target, g) for g in groups]
    taken: dict[str, int] = {}
    for v in views:
        taken[v.event_id] = taken.get(v.event_id, 0) + 1
    out: list[tuple[EventView, list[Support]]] = []
    used: set[str] = set()
    for v, g in zip(views, groups, strict=True):
        if taken[v.event_id] > 1:
            digest = hashlib.sha1(f"{v.event_id}|{v.date or ''}".encode()).hexdigest()
            new_id, n = f"ev-{digest[:16]}", 1
            while new_id in used:
                n += 1
                new_id = f"ev-{digest[:13]}-{n}"
            v = replace(v, event_id=new_id)
        used.add(v.event_id)
        out.append((v, g))
    return out


def joins_single_event(s: Support, date: str | None) -> bool:
    """Whether a new report joins a relation's only event, dated `date`, leaving its cut,
    date, amount, id and status unchanged: no amount and no ending, and no date or one
    the event has at least as precisely (so it agrees at every step of `event_groups`,
    comes after the reports that made the event's date and never starts a group). The
    stores use it to add a report to a relation stated by thousands without cutting
    again (embedded recut.py and batch_events.py, Neo4j write.py and working.py)."""
    if s.amount is not None or s.ended or s.ended_on is not None:
        return False
    if s.date is None:
        return True
    return date is not None and len(s.date) <= len(date) and dates_agree(date, s.date)


def in_force_on(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """Whether an event with these bounds stood on `day` (an undated start is unknown:
    the event is not counted in force before anyone reported it)."""
    if start is None or start > day:
        return False
    return end is None or day < end
