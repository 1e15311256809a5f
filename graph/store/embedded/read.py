"""The embedded store's reads: rows to records (entities, facts, articles)."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from graph.models import Alias, Article, Entity
from graph.ontology import get_ontology
from graph.store.embedded.recut import support_of_row
from graph.store.events import Support, view_event
from graph.store.hubs import EdgeStub
from graph.store.protocol import ArticleFacts, EntityRecord, EntitySummary, Fact, Stats
from graph.store.provenance import fact_of_event, fact_order

CHUNK = 5000
_ENTITY_COLS = "id, type, name, unnamed, cnt, description, qid, properties"


def chunks(items: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """Slices of `items` short enough for one `IN (...)` (SQLite caps bound variables)."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def summaries(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, EntitySummary]:
    """Summaries of the given entities, by id."""
    out: dict[str, EntitySummary] = {}
    for part in chunks(sorted(set(ids))):
        marks = ",".join("?" * len(part))
        for eid, etype, name, unnamed, cnt in conn.execute(
            f"SELECT id, type, name, unnamed, cnt FROM entities WHERE id IN ({marks})", part
        ):
            out[eid] = EntitySummary(
                id=eid, type=etype, name=name, unnamed=bool(unnamed), count=cnt
            )
    return out


def _supports(conn: sqlite3.Connection, fact_ids: list[int]) -> dict[int, list[Support]]:
    out: dict[int, list[Support]] = defaultdict(list)
    for part in chunks(fact_ids):
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            "SELECT fact_id, article_id, evidence, seen, confidence, date, properties"
            f" FROM fact_support WHERE fact_id IN ({marks})",
            part,
        )
        for fid, *cols in rows:
            out[fid].append(support_of_row(*cols))
    return out


def facts_map(conn: sqlite3.Connection, fact_ids: Iterable[int]) -> dict[int, Fact]:
    """Fact records for these ids (one per event), by fact row id. The event is viewed
    from its own reports; its id is the stored one (`events_of` may have made it
    distinct from a same-year, same-amount sibling's)."""
    ids = sorted(set(fact_ids))
    rows: list[tuple[int, str, str, str, str]] = []
    for part in chunks(ids):
        marks = ",".join("?" * len(part))
        rows += conn.execute(
            f"SELECT id, source, type, target, event_id FROM facts WHERE id IN ({marks})", part
        ).fetchall()
    ents = summaries(conn, [r[1] for r in rows] + [r[3] for r in rows])
    supports = _supports(conn, [r[0] for r in rows])
    out: dict[int, Fact] = {}
    for fid, s, t, o, event in rows:
        reports = sorted(supports[fid], key=lambda x: x.article_id)
        view = view_event(s, t, o, reports, stored_id=event)
        out[fid] = fact_of_event(t, ents[s], ents[o], view, reports)
    return out


def edge_stubs(conn: sqlite3.Connection, fact_ids: Iterable[int]) -> list[EdgeStub]:
    """What capping needs of these facts (graph/store/hubs.py `EdgeStub`), read off their
    rows without viewing their events, in record order: the start is the row's
    `start_day` (the event's `start`, see recut.py), the number of sources and the best
    report's confidence the row's summary (`n_sources`, `best_conf`: schema.sql)."""
    out: list[EdgeStub] = []
    for part in chunks(sorted(set(fact_ids))):
        marks = ",".join("?" * len(part))
        rows = conn.execute(
            f"SELECT {STUB_COLS} FROM facts f WHERE f.id IN ({marks})",
            part,
        )
        out += (stub_of_row(r) for r in rows)
    return sorted(out, key=EdgeStub.order)


# The columns `stub_of_row` reads, of a `facts` row `f`.
STUB_COLS = "f.id, f.type, f.source, f.target, f.event_id, f.start_day, f.n_sources, f.best_conf"


def stub_of_row(row: tuple[Any, ...]) -> EdgeStub:
    """An `EdgeStub` from the STUB_COLS of a fact's row."""
    fid, t, src, tgt, event, start, n, conf = row
    day = dt.date.fromisoformat(start) if start else None
    return EdgeStub(fid, t, src, tgt, event, float(conf), int(n), day)


def record_order(fact: Fact) -> tuple[str, str, str, str]:
    """The order of fact records: (type, source id, target id), then event id for the
    events of one relation."""
    return (*fact_order(fact), fact.event_id)


def facts_by_ids(conn: sqlite3.Connection, fact_ids: Iterable[int]) -> list[Fact]:
    """Fact records for these ids, in `record_order`."""
    return sorted(facts_map(conn, fact_ids).values(), key=record_order)


def _aliases(conn: sqlite3.Connection, ids: list[str] | None) -> dict[str, list[Alias]]:
    sql = "SELECT entity_id, name, kind, lang FROM aliases"
    out: dict[str, list[Alias]] = defaultdict(list)
    parts = chunks(ids) if ids is not None else iter([None])
    for part in parts:
        where = f" WHERE entity_id IN ({','.join('?' * len(part))})" if part else ""
        for eid, name, kind, lang in conn.execute(sql + where, part or []):
            out[eid].append(Alias(name=name, kind=kind, lang=lang))
    for lst in out.values():
        lst.sort(key=lambda a: (a.name, a.kind))
    return out


def _grouped(conn: sqlite3.Connection, sql: str, ids: list[str] | None) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = defaultdict(list)
    parts = chunks(ids) if ids is not None else iter([None])
    for part in parts:
        where = f" WHERE e IN ({','.join('?' * len(part))})" if part else ""
        for row in conn.execute(f"SELECT * FROM ({sql}){where}", part or []):
            out[row[0]].append(row[1:])
    return out


_MENTIONS = "SELECT entity_id AS e, article_id FROM mentions"
_REL_COUNTS = (
    "SELECT e, type, COUNT(*) FROM (SELECT id, source AS e, type FROM facts{src}"
    " UNION SELECT id, target AS e, type FROM facts{tgt}) GROUP BY e, type"
)


def _relation_counts(conn: sqlite3.Connection, ids: list[str] | None) -> dict[str, list[Any]]:
    """(type, count) per entity; a fact it is both ends of counts once. For given ids the
    WHERE sits inside the UNION, so each side is an index look-up (facts_out_rank,
    facts_target), not a scan of every fact."""
    out: dict[str, list[Any]] = defaultdict(list)
    queries: list[tuple[str, list[str]]]
    if ids is None:
        queries = [(_REL_COUNTS.format(src="", tgt=""), [])]
    else:
        queries = []
        for part in chunks(sorted(set(ids))):
            marks = ",".join("?" * len(part))
            sql = _REL_COUNTS.format(
                src=f" WHERE source IN ({marks})", tgt=f" WHERE target IN ({marks})"
            )
            queries.append((sql, part + part))
    for sql, args in queries:
        for eid, rtype, n in conn.execute(sql, args):
            out[eid].append((rtype, n))
    return out


def existing_ids(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Those of `ids` that are entities."""
    found: set[str] = set()
    for part in chunks(sorted(set(ids))):
        marks = ",".join("?" * len(part))
        found.update(
            r[0] for r in conn.execute(f"SELECT id FROM entities WHERE id IN ({marks})", part)
        )
    return found


def entity_records(
    conn: sqlite3.Connection, ids: list[str] | None = None
) -> Iterator[EntityRecord]:
    """Records of the given entities (all when None), ordered by id."""
    aliases = _aliases(conn, ids)
    mentions = _grouped(conn, _MENTIONS, ids)
    counts = _relation_counts(conn, ids)
    if ids is None:
        rows: Iterable[tuple[Any, ...]] = conn.execute(
            f"SELECT {_ENTITY_COLS} FROM entities ORDER BY id"
        ).fetchall()
    else:
        rows = []
        for part in chunks(sorted(set(ids))):
            marks = ",".join("?" * len(part))
            rows += conn.execute(
                f"SELECT {_ENTITY_COLS} FROM entities WHERE id IN ({marks})", part
            ).fetchall()
        rows = sorted(rows)
    for eid, etype, name, unnamed, cnt, desc, qid, props in rows:
        entity = Entity(
            id=eid,
            type=etype,
            name=name,
            aliases=aliases.get(eid, []),
            unnamed=bool(unnamed),
            count=cnt,
            description=desc,
            qid=qid,
            properties=json.loads(props),
        )
        yield EntityRecord(
            entity=entity,
            sources=sorted(a for (a,) in mentions.get(eid, [])),
            relation_counts=dict(sorted((t, n) for t, n in counts.get(eid, []))),
        )


def article_from_row(row: tuple[Any, ...]) -> Article:
    """An `Article` from a row of ARTICLE_COLS."""
    aid, url, title, publisher, published, text, source_path = row
    return Article(
        id=aid,
        url=url,
        title=title,
        publisher=publisher,
        published=published,
        text=text,
        source_path=source_path,
    )


ARTICLE_COLS = "id, url, title, publisher, published, text, source_path"
# Newest first, undated last, then id: the order of the `articles_newest` index
# (schema.sql), so a page is read, not a whole table sorted.
ARTICLES_PAGE = (
    f"SELECT {ARTICLE_COLS} FROM articles"
    " ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?"
)


def entity_ids_after(conn: sqlite3.Connection, after: str, page: int) -> list[str]:
    """The next `page` entity ids above `after`, in order (keyset paging)."""
    rows = conn.execute(
        "SELECT id FROM entities WHERE id > ? ORDER BY id LIMIT ?", (after, page)
    ).fetchall()
    return [r[0] for r in rows]


def fact_keys_after(
    conn: sqlite3.Connection, rel_type: str, after: tuple[str, str, str], page: int
) -> list[tuple[int, str, str, str]]:
    """The next `page` facts of one type above `after` = (source, target, event id), as
    (row id, source, target, event id) in that order: `record_order` within a type
    (index facts_order)."""
    rows = conn.execute(
        "SELECT id, source, target, event_id FROM facts WHERE type = ? "
        "AND (source, target, event_id) > (?, ?, ?) "
        "ORDER BY source, target, event_id LIMIT ?",
        (rel_type, *after, page),
    ).fetchall()
    return [tuple(r) for r in rows]


def articles_after(conn: sqlite3.Connection, after: str, page: int) -> list[tuple[Any, ...]]:
    """The next `page` article rows (ARTICLE_COLS) with ids above `after`, by id."""
    return conn.execute(
        f"SELECT {ARTICLE_COLS} FROM articles WHERE id > ? ORDER BY id LIMIT ?", (after, page)
    ).fetchall()


def stats(conn: sqlite3.Connection) -> Stats:
    """Counts, zero-filled over every ontology type."""
    ont = get_ontology()
    ents = dict.fromkeys(ont.entity_types, 0)
    ents.update(dict(conn.execute("SELECT type, COUNT(*) FROM entities GROUP BY type").fetchall()))
    rels = dict.fromkeys(ont.relations, 0)
    rels.update(dict(conn.execute("SELECT type, COUNT(*) FROM facts GROUP BY type").fetchall()))
    (articles,) = conn.execute("SELECT COUNT(*) FROM articles").fetchone()
    (aliases,) = conn.execute("SELECT COUNT(*) FROM aliases").fetchone()
    return Stats(entities_by_type=ents, relations_by_type=rels, articles=articles, aliases=aliases)


def find_entity_id(conn: sqlite3.Connection, norm: str, entity_type: str | None) -> str | None:
    """Canonical-name matches first, then alias matches; the lowest id within each."""
    type_sql, args = (" AND e.type = ?", [entity_type]) if entity_type else ("", [])
    row = conn.execute(
        f"SELECT MIN(e.id) FROM entities e WHERE e.norm = ?{type_sql}", [norm, *args]
    ).fetchone()
    if row[0] is None:
        row = conn.execute(
            "SELECT MIN(e.id) FROM aliases a JOIN entities e ON e.id = a.entity_id"
            f" WHERE a.norm = ?{type_sql}",
            [norm, *args],
        ).fetchone()
    return row[0] if row else None


def article_facts(conn: sqlite3.Connection, article_id: str) -> ArticleFacts | None:
    """The article with the entities it mentions (by id) and the facts it supports."""
    row = conn.execute(
        f"SELECT {ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    mentioned = [
        r[0]
        for r in conn.execute("SELECT entity_id FROM mentions WHERE article_id = ?", (article_id,))
    ]
    supported = [
        r[0]
        for r in conn.execute(
            "SELECT fact_id FROM fact_support WHERE article_id = ?", (article_id,)
        )
    ]
    ents = summaries(conn, mentioned)
    return ArticleFacts(
        article=article_from_row(row),
        entities=[ents[e] for e in sorted(ents)],
        facts=facts_by_ids(conn, supported),
    )
