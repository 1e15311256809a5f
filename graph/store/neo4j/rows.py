"""Driver records as plain dicts, as `neo4j.Record.data()` makes them, at a fraction of
its CPU.

`Record.data()` walks every value through the driver's `RecordExporter.transform`, whose
chain of `isinstance` checks against abstract classes (`Sequence`, `Mapping`) costs
microseconds a value: a hub's relations page (100 facts, each with its supports as
lists) spent a quarter of its Python CPU there. The store's queries return maps, lists
and scalars, which `data()` copies as they are; `record_dict` copies those by their exact
type and leaves any record holding something else (a node, a relationship, a path, a
point) to `data()` itself, so its answer is always `data()`'s.
"""

from __future__ import annotations

from typing import Any

from neo4j import Record
from neo4j.time import Date, DateTime, Duration, Time

# the exact types `data()` returns as they are
_AS_IS = frozenset({str, int, float, bool, type(None), Date, DateTime, Time, Duration})


class _NotPlainError(Exception):
    """A value `data()` would transform (graph types) or that this module does not know."""


def _plain(value: Any) -> Any:
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is list:
        # a list of scalars (a fact's sources, evidence, dates: hundreds per hub read)
        # is checked by one C-level pass and kept: the decoder made it for this record
        if _AS_IS.issuperset(map(type, value)):
            return value
        return [_plain(v) for v in value]
    if kind is dict:
        return {k: _plain(v) for k, v in value.items()}
    raise _NotPlainError


def record_dict(record: Record) -> dict[str, Any]:
    """`record.data()`: the record's keys and values, copied directly when they are only
    maps, lists and scalars."""
    try:
        return {k: _plain(v) for k, v in zip(record.keys(), record.values(), strict=True)}
    except _NotPlainError:
        return record.data()
