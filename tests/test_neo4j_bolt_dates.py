"""Dates a Neo4j write sends as text are stored as dates (graph/store/neo4j/bolt_dates.py):
an event created, rewritten (ended) and appended to, and an article's publication day."""

from __future__ import annotations

import datetime as dt

from test_neo4j_store import BAN, FINE_2022, FINE_RECALLED, LIFT

from graph.store.neo4j.bolt_dates import EVENT_DATES, as_text, back_to_dates, with_dates
from graph.store.neo4j.store import Neo4jStore

_TYPES = ", ".join(f"collect(DISTINCT valueType(r.{k})) AS {k}" for k in EVENT_DATES)


def _types(neo4j: Neo4jStore, rel: str) -> dict[str, list[str]]:
    return neo4j.read(f"MATCH ()-[r:{rel}]->() RETURN {_TYPES}")[0]


def test_dates_go_as_text_and_come_back_as_dates() -> None:
    props = {"first_seen": dt.date(2024, 5, 1), "last_seen": None, "date": "2024-05"}
    assert as_text(props, EVENT_DATES) == {
        "first_seen": "2024-05-01",
        "last_seen": None,
        "date": "2024-05",
    }
    assert props["first_seen"] == dt.date(2024, 5, 1)  # a copy: the journal keeps the date
    assert back_to_dates("a", ["published"]) == "SET a.published = date(a.published)"
    assert with_dates("p", ["published"]) == "p {.*, published: date(p.published)}"


def test_events_and_articles_store_dates(neo4j: Neo4jStore) -> None:
    neo4j.upsert(BAN)
    neo4j.upsert(LIFT)  # the ban rewritten in place, ended: in force until a day
    assert _types(neo4j, "BANNED") == {k: ["DATE NOT NULL"] for k in EVENT_DATES}
    neo4j.upsert_many([FINE_2022, FINE_RECALLED])  # the undated report joins the fine
    types = _types(neo4j, "FINED")
    assert types["first_seen"] == types["last_seen"] == types["in_force_from"] == ["DATE NOT NULL"]
    published = neo4j.read("MATCH (a:Article) RETURN collect(DISTINCT valueType(a.published)) AS t")
    assert published == [{"t": ["DATE NOT NULL"]}]


def test_rewriting_an_article_as_it_was_commits_nothing(neo4j: Neo4jStore) -> None:
    """Its publication day goes as text and is set back as the date it is: no change."""
    neo4j.upsert_many([BAN, LIFT])
    generation = neo4j.generation()
    neo4j.upsert_many([BAN, LIFT])
    assert neo4j.generation() == generation
