"""`in_force` reads its actors' seats in one go (issue 16 point 3: on Neo4j, GET
/entities/{id}/in-force made one traversal query per actor, so an exchange many bodies
acted on cost as many round trips), with the same grouping as before."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.ids import entity_id
from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import REL, TYPE
from graph.store.protocol import GraphStore

TARGET = entity_id(TYPE.exchange, "Seatcoin")
PLACES = ["Aland", "Bland", "Cland"]


def _extraction(k: int) -> Extraction:
    """Regulator k (seated in PLACES[k % 3]) bans Seatcoin; article 5 is a country's own ban."""
    target = Entity(id=TARGET, type=TYPE.exchange, name="Seatcoin")
    place = PLACES[k % 3]
    land = Entity(id=entity_id(TYPE.jurisdiction, place), type=TYPE.jurisdiction, name=place)
    if k == 5:
        actor, rels = land, []
    else:
        name = f"Seat Authority {k}"
        actor = Entity(id=entity_id(TYPE.regulator, name), type=TYPE.regulator, name=name)
        rels = [Relation(type=REL.located_in, source=actor.id, target=land.id, evidence="seat")]
    rels.append(
        Relation(
            type=REL.banned,
            source=actor.id,
            target=TARGET,
            evidence=f"ban {k}",
            date="2020-01-0" + str(k + 1),
        )
    )
    article = Article(id=f"seat-{k}", title="t", text="text", published=dt.date(2020, 2, 1))
    return Extraction(article=article, entities=[target, land, actor], relations=rels)


def test_in_force_reads_the_seats_once(store: GraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    store.upsert_many([_extraction(k) for k in range(6)])
    s: Any = store
    traversals: list[tuple[Any, ...]] = []
    real = s._neighbours

    def counting(*args: Any) -> Any:
        traversals.append(args)
        return real(*args)

    monkeypatch.setattr(s, "_neighbours", counting)
    answer = store.in_force(TARGET, dt.date(2021, 1, 1))
    # one traversal for the events against the target; the five actors' seats in one
    # read of their own (`_located_in_facts`), not one traversal per actor
    assert [t[0] for t in traversals] == [TARGET]
    groups = {g.jurisdiction.name if g.jurisdiction else None: g for g in answer.jurisdictions}
    assert sorted(groups, key=str) == PLACES
    assert sorted(f.source.name for f in groups["Aland"].actions) == [
        "Seat Authority 0",
        "Seat Authority 3",
    ]
    assert sorted(f.source.name for f in groups["Cland"].actions) == ["Cland", "Seat Authority 2"]
