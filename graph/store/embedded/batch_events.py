"""A new article's report placed among its relation key's events, in a run's memory.

The same rules as graph/store/embedded/recut.py `add_report` (which the one-by-one path
runs): a report that joins the key's only event without changing it is added to it
(`joins_single_event`), any other re-cuts every report of the key with `events_of`, rows
reused by event id, new events inserted, vanished ones deleted, reports moved.

Besides the event the report joined, `add` says what happened to each event of the key,
as the change feed's two snapshots would (graph/store/change_diff.py): `added`, `removed`,
or `changed` when its row's columns changed or a report joined or left it. Those are
exactly the events whose fingerprint (columns and reports) differs, since a run only
adds new articles' reports and never rewrites a stored one.
"""

from __future__ import annotations

from graph.store.changes import ChangeOp
from graph.store.embedded.recut import Key
from graph.store.embedded.working import Cols, KeyState, Working
from graph.store.events import EventView, Support, events_of, joins_single_event, view_event


def _cols(view: EventView) -> Cols:
    start = view.start.isoformat() if view.start else None
    end = view.end.isoformat() if view.end else None
    return (view.date, view.status, start, end)


def add(w: Working, key: Key, s: Support) -> tuple[str, set[str], dict[str, ChangeOp]]:
    """Place the report; (its event id, the key's event ids before, the change of each
    event that changed)."""
    state = w.key(key)
    before = set(state.rows)
    if len(state.rows) == 1:
        ((event, (fid, cols)),) = state.rows.items()
        if joins_single_event(s, cols[0]):
            _join(w, state, fid, event, cols, s)
            return event, before, {event: "changed"}
    if not state.rows:
        event = _first(w, key, state, s)
        return event, before, {event: "added"}
    return _recut(w, key, s, before)


def _join(w: Working, state: KeyState, fid: int, event: str, cols: Cols, s: Support) -> None:
    """The only event takes the report; an undated event may start earlier."""
    date, status, start, end = cols
    seen = s.seen.isoformat() if s.seen else None
    if date is None and seen is not None and (start is None or seen < start):
        cols = (date, status, seen, end)
        state.rows[event] = (fid, cols)
        w.pending.fact_cols[fid] = cols
    state.reports[s.article_id] = (fid, s)


def _first(w: Working, key: Key, state: KeyState, s: Support) -> str:
    """The key's first report: its own event (what `events_of` gives for one report)."""
    view = view_event(*key, [s])
    cols = _cols(view)
    fid = w.insert_fact(key, view.event_id, cols)
    state.rows[view.event_id] = (fid, cols)
    state.reports[s.article_id] = (fid, s)
    return view.event_id


def _recut(
    w: Working, key: Key, s: Support, before: set[str]
) -> tuple[str, set[str], dict[str, ChangeOp]]:
    state = w.load(key)
    old_rows = dict(state.rows)
    reports = [r for _, r in state.reports.values()] + [s]
    keep: set[int] = set()
    touched: set[int] = set()
    ops: dict[str, ChangeOp] = {}
    joined = ""
    for view, group in events_of(*key, reports):
        cols = _cols(view)
        found = old_rows.get(view.event_id)
        if found is None:
            fid = w.insert_fact(key, view.event_id, cols)
            ops[view.event_id] = "added"
        else:
            fid = found[0]
            if found[1] != cols:
                w.pending.fact_cols[fid] = cols
                touched.add(fid)
        state.rows[view.event_id] = (fid, cols)
        keep.add(fid)
        for r in group:
            if r is s:
                joined = view.event_id
            old = state.reports[r.article_id][0] if r is not s else None
            if old == fid:
                continue
            if old is not None and r.article_id in state.stored:
                w.move_stored_report(r.article_id, old, fid)
            state.reports[r.article_id] = (fid, r)
            touched |= {fid} if old is None else {fid, old}
    for event, (fid, _) in old_rows.items():
        if fid not in keep:
            w.delete_fact(fid)
            del state.rows[event]
            ops[event] = "removed"
        elif fid in touched:
            ops[event] = "changed"
    return joined, before, ops
