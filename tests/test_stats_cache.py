"""The embedded store counts its entities, facts, articles and aliases once per generation
(`EmbeddedStore.stats`): asked again they are not counted again, and any write makes
them counted afresh."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded import read as rd
from graph.store.embedded.store import EmbeddedStore

WATCHDOG = "regulator:harbour-conduct-board"


def _warnings(aid: str, first: int, count: int) -> Extraction:
    """An article in which the watchdog warns `count` exchanges of its own."""
    exchanges = [
        Entity(id=f"exchange:quillmark-{i}", type="Exchange", name=f"Quillmark {i}")
        for i in range(first, first + count)
    ]
    return Extraction(
        article=Article(
            id=aid, title=aid, published=dt.date(2024, 5, 1), text=f"The board warned {aid}."
        ),
        entities=[Entity(id=WATCHDOG, type="Regulator", name="Harbour Conduct Board"), *exchanges],
        relations=[
            Relation(type="WARNED", source=WATCHDOG, target=e.id, evidence="It warned them.")
            for e in exchanges
        ],
    )


def test_stats_are_counted_once_per_generation(
    embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    embedded.upsert(_warnings("a1", 0, 3))
    counted: list[int] = []
    real = rd.stats

    def counting(conn: object) -> object:
        counted.append(1)
        return real(conn)  # type: ignore[arg-type]

    monkeypatch.setattr(rd, "stats", counting)
    first = embedded.stats()
    assert embedded.stats() == first and len(counted) == 1
    assert first.relations_by_type["WARNED"] == 3 and first.articles == 1
    embedded.upsert(_warnings("a2", 3, 2))
    after = embedded.stats()
    assert after.relations_by_type["WARNED"] == 5 and after.articles == 2 and len(counted) == 2
    embedded.retract("a2")
    assert embedded.stats() == first and len(counted) == 3
