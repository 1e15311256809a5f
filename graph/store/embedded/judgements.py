"""The embedded store's judgements, and the extractions kept as they arrived.

Every upsert goes through `upsert_judged`: the extraction as it arrived is kept
(`extractions`, without its article, which is the `articles` row, and without its
refused facts; `extraction_ids` index it by the entity ids it gave), the stored
judgements are applied to it (graph/store/judgements.py `Rules.apply`), and the result
is written and recorded as before. Recording or undoing a judgement (`record`, `undo`)
runs in one write transaction: the judgements row, then a replay of every article whose
kept extraction names, or that mentions, an id the judgement moves, under the new set of
judgements, each recorded in the change log with the judgement's kind.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from graph.errors import NotFoundError
from graph.models import Extraction
from graph.store.change_diff import upsert_scope
from graph.store.changes import ARTICLE_UPSERTED, JUDGEMENT_RECORDED, JUDGEMENT_UNDONE, now_text
from graph.store.embedded import changes as log
from graph.store.embedded import read as rd
from graph.store.embedded import review
from graph.store.embedded.lookup import SqlLookup
from graph.store.embedded.write import upsert_article
from graph.store.judgements import Judgement, JudgementIn, Rules, kept_body, kept_extraction
from graph.store.judging import judgement_body
from graph.store.protocol import EntitySummary, UpsertSummary

_COLS = "id, kind, entity, other, name, note, at"
CHUNK = 500


def load(conn: sqlite3.Connection) -> list[Judgement]:
    """Every stored judgement, by id."""
    rows = conn.execute(f"SELECT {_COLS} FROM judgements ORDER BY id")
    return [_judgement(r) for r in rows]


def _judgement(row: tuple[object, ...]) -> Judgement:
    jid, kind, entity, other, name, note, at = row
    return Judgement.model_validate(
        {"id": jid, "kind": kind, "entity": entity, "other": other, "name": name}
        | {"note": note, "at": at}
    )


def rules(conn: sqlite3.Connection) -> Rules:
    return Rules(load(conn))


def keep(conn: sqlite3.Connection, raw: Extraction) -> None:
    """Keep an article's extraction as it arrived (replacing the one kept before)."""
    aid = raw.article.id
    conn.execute("INSERT OR REPLACE INTO extractions VALUES (?, ?)", (aid, kept_body(raw)))
    conn.execute("DELETE FROM extraction_ids WHERE article_id = ?", (aid,))
    conn.executemany(
        "INSERT OR IGNORE INTO extraction_ids (entity_id, article_id) VALUES (?, ?)",
        [(eid, aid) for eid in sorted({e.id for e in raw.entities})],
    )


def drop(conn: sqlite3.Connection, aid: str) -> None:
    """Forget a retracted article's extraction."""
    conn.execute("DELETE FROM extractions WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM extraction_ids WHERE article_id = ?", (aid,))


def stored(conn: sqlite3.Connection, aids: list[str]) -> dict[str, Extraction]:
    """The kept extractions of these articles, each with its stored article."""
    out: dict[str, Extraction] = {}
    for start in range(0, len(aids), CHUNK):
        chunk = aids[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT x.body, {', '.join('a.' + c.strip() for c in rd.ARTICLE_COLS.split(','))}"
            f" FROM extractions x JOIN articles a ON a.id = x.article_id"
            f" WHERE x.article_id IN ({marks})",
            chunk,
        )
        for body, *article in rows:
            out[article[0]] = kept_extraction(body, rd.article_from_row(tuple(article)))
    return out


def upsert_judged(
    conn: sqlite3.Connection, raw: Extraction, current: Rules, kind: str = ARTICLE_UPSERTED
) -> UpsertSummary:
    """Keep `raw`, write it under the judgements and record the change (the caller
    holds the write transaction)."""
    keep(conn, raw)
    judged = current.apply(raw)
    scope = upsert_scope([judged], lambda _: SqlLookup(conn))
    if kind != ARTICLE_UPSERTED:
        scope = dataclasses.replace(scope, kind=kind)
    (resolved,) = scope.resolved
    return log.record(conn, scope, lambda: upsert_article(conn, resolved, already_resolved=True))


def _articles_touching(conn: sqlite3.Connection, ids: set[str]) -> list[str]:
    """Articles whose kept extraction gave, or that mention, any of these ids."""
    found: set[str] = set()
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for table in ("extraction_ids", "mentions"):
            rows = conn.execute(
                f"SELECT article_id FROM {table} WHERE entity_id IN ({marks})", chunk
            )
            found |= {r[0] for r in rows}
    return sorted(found)


def _replay(conn: sqlite3.Connection, ids: set[str], current: Rules, kind: str) -> None:
    """Write the kept extractions of the articles touching `ids` again under `current`;
    review decisions follow the reports they were on (graph/store/review_carry.py)."""
    decided = review.decided_reports(conn)
    kept = stored(conn, _articles_touching(conn, ids))
    for aid in sorted(kept):
        upsert_judged(conn, kept[aid], current, kind)
    review.carry_decisions(conn, decided)


def _summaries(conn: sqlite3.Connection, ids: set[str]) -> list[EntitySummary]:
    out = []
    for eid in sorted(ids):
        row = conn.execute(
            "SELECT id, type, name, unnamed, cnt FROM entities WHERE id = ?", (eid,)
        ).fetchone()
        if row:
            out.append(
                EntitySummary(
                    id=row[0], type=row[1], name=row[2], unnamed=bool(row[3]), count=row[4]
                )
            )
    return out


def record(
    conn: sqlite3.Connection, request: JudgementIn, found: dict[str, EntitySummary]
) -> Judgement:
    """Check, store and apply a judgement (the caller holds the write transaction)."""
    before = rules(conn)
    before.check(request, found)
    jid = conn.execute(
        "INSERT INTO judgements (kind, entity, other, name, note, at) VALUES (?, ?, ?, ?, ?, ?)",
        (request.kind, request.entity, request.other, request.name, request.note, now_text()),
    ).lastrowid
    (j,) = [x for x in load(conn) if x.id == jid]
    after = rules(conn)
    log.append(conn, [judgement_body(JUDGEMENT_RECORDED, j, found.values())])
    _replay(conn, after.replay_ids(j, before), after, JUDGEMENT_RECORDED)
    return j


def undo(conn: sqlite3.Connection, judgement_id: int) -> Judgement:
    """Delete a judgement and replay what it moved (the caller holds the transaction)."""
    before = rules(conn)
    gone = [j for j in before.all if j.id == judgement_id]
    if not gone:
        raise NotFoundError(f"no judgement {judgement_id}")
    (j,) = gone
    conn.execute("DELETE FROM judgements WHERE id = ?", (judgement_id,))
    after = rules(conn)
    ids = after.replay_ids(j, before)
    log.append(conn, [judgement_body(JUDGEMENT_UNDONE, j, _summaries(conn, ids | {j.entity}))])
    _replay(conn, ids, after, JUDGEMENT_UNDONE)
    return j
