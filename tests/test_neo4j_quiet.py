"""The Neo4j writer's transaction plumbing that needs no server: parameters the driver
does not format for its debug log (graph/store/neo4j/quiet.py), and writes sent without
waiting whose counts are checked at the end (graph/store/neo4j/working.py `settle`)."""

from __future__ import annotations

from typing import Any, cast

import pytest
from neo4j import ManagedTransaction

from graph.store.neo4j.quiet import QuietDict, QuietList, QuietTransaction, quiet
from graph.store.neo4j.working import Working


class _Result:
    def __init__(self, record: dict[str, Any] | None) -> None:
        self.record = record
        self.read = False

    def single(self) -> dict[str, Any] | None:
        self.read = True
        return self.record


class _Tx:
    """Records what `run` got; answers each run with the next canned record."""

    def __init__(self, *records: dict[str, Any] | None) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.results = [_Result(r) for r in records]

    def run(self, query: str, parameters: dict[str, Any] | None = None, **kw: Any) -> _Result:
        self.calls.append((query, {**(parameters or {}), **kw}))
        return self.results[len(self.calls) - 1] if self.results else _Result(None)


def test_quiet_values_are_the_same_values_with_a_short_repr() -> None:
    text = "a long article text " * 1000
    rows = [{"id": "a1", "text": text}]
    q = quiet(rows)
    assert isinstance(q, QuietList) and q == rows
    assert repr(q) == "<1 items>"
    d = quiet({"text": text})
    assert isinstance(d, QuietDict) and d == {"text": text}
    assert len(repr({"rows": q, "props": d})) < 40  # what the driver's log line formats
    assert quiet("x") == "x" and quiet(3) == 3 and quiet(None) is None


def test_quiet_transaction_passes_every_parameter_quietly() -> None:
    tx = _Tx()
    QuietTransaction(cast(ManagedTransaction, tx)).run(
        "RETURN 1", {"rows": [1, 2]}, props={"a": 1}, now="t"
    )
    ((query, params),) = tx.calls
    assert query == "RETURN 1"
    assert params == {"rows": [1, 2], "props": {"a": 1}, "now": "t"}
    assert isinstance(params["rows"], QuietList) and isinstance(params["props"], QuietDict)


def test_writes_sent_without_waiting_are_checked_when_settled() -> None:
    tx = _Tx({"written": 2}, {"written": 1})
    w = Working(cast(ManagedTransaction, tx))
    w._expect("written", 2, "an event to rewrite", "Q1", rows=[1, 2])
    w._expect("written", 2, "an appended relationship", "Q2", rows=[1, 2])
    assert not any(r.read for r in tx.results)  # nothing waited for yet
    with pytest.raises(RuntimeError, match="an appended relationship changed under its locks"):
        w.settle()


def test_settle_passes_when_every_write_wrote_what_it_was_sent() -> None:
    tx = _Tx({"deleted": 3})
    w = Working(cast(ManagedTransaction, tx))
    w._expect("deleted", 3, "an event to delete", "Q", rows=[1, 2, 3])
    w.settle()
    assert w.pending == []
