"""What the embedded store's tests share: the fact records it builds, counted."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import pytest

from graph.store.embedded import read
from graph.store.protocol import Fact


def count_built_facts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The row ids of the facts the embedded store builds from now on (read.facts_map)."""
    built: list[int] = []
    real = read.facts_map

    def counting(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Fact]:
        out = real(conn, ids)
        built.extend(out)
        return out

    monkeypatch.setattr(read, "facts_map", counting)
    return built
