"""A batch of extractions written in one transaction, set-based for new articles.

Issue 16: one by one, an article cost ~60 statements, two change-feed snapshots (each
reading every report of every relation key it touches) and an identity lookup per
entity, so the embedded ingest ran at a few percent of SQLite's own speed. Here a run of
articles the store does not have yet is written through `Working` (graph/store/embedded/
working.py): their entities and the event rows of their relation keys are read in two
queries, the articles are applied in order in memory with the same rules as the
one-by-one path (graph/store/embedded/write.py `upsert_article`, with the reports placed
by graph/store/embedded/batch_events.py), and the rows are written with `executemany`.

Each article's change-feed record is made from what its own write did, not from two
snapshots: for a new article, every entity it mentions was `added` (absent before it) or
`changed` (it began mentioning it), and `batch_events.add` names the events each of its
reports added, changed or removed. That is what the snapshots' `diff` gives
(graph/store/change_diff.py); tests/test_batch_write.py checks that both paths leave
every table, summary and change body byte for byte alike.

An article that is already stored (or appears twice in the batch) goes the one-by-one
way (graph/store/embedded/judgements.py `upsert_judged`): what it stops saying must be
taken away again, which that path does. The run before it is written out first, so it
sees the store as the articles before it left it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from graph.identity import resolve_extraction
from graph.models import Entity, Extraction
from graph.store.built import built
from graph.store.changes import (
    ARTICLE_UPSERTED,
    ChangeBody,
    ChangeOp,
    EntityChange,
    FactChange,
)
from graph.store.embedded import batch_events
from graph.store.embedded import changes as log
from graph.store.embedded import judgements as judged
from graph.store.embedded.recut import Key
from graph.store.embedded.working import EntityRow, Working
from graph.store.embedded.write import alias_rows, article_row, report_of
from graph.store.events import Support
from graph.store.judgements import Rules, kept_body
from graph.store.protocol import EntitySummary, UpsertSummary


def stored_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> set[str]:
    """Which of these articles the store has."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(ids))),),
    )
    return {r[0] for r in rows}


def write_batch(conn: sqlite3.Connection, extractions: Sequence[Extraction]) -> UpsertSummary:
    """Write checked extractions in order, as one `upsert_judged` each would (the caller
    holds the write transaction)."""
    rules = judged.rules(conn)
    written = stored_articles(conn, [x.article.id for x in extractions])
    total = UpsertSummary()
    run: list[Extraction] = []
    for x in extractions:
        if x.article.id in written:
            total += _write_run(conn, run, rules)
            run = []
            total += judged.upsert_judged(conn, x, rules)
        else:
            run.append(x)
            written.add(x.article.id)
    return total + _write_run(conn, run, rules)


def _write_run(conn: sqlite3.Connection, run: list[Extraction], rules: Rules) -> UpsertSummary:
    """New articles, none twice: read once, applied in memory, written in bulk."""
    if not run:
        return UpsertSummary()
    w = Working(conn)
    judged_run = [rules.apply(x) for x in run]
    w.prefetch(
        {e.id for x in judged_run for e in x.entities}
        | {end for x in judged_run for r in x.relations for end in (r.source, r.target)},
        {r.key for x in judged_run for r in x.relations},
    )
    total = UpsertSummary()
    bodies: list[ChangeBody] = []
    for raw, x in zip(run, judged_run, strict=True):
        summary, body = _write_article(w, raw, x)
        total += summary
        bodies.append(body)
    w.flush()
    log.append(conn, bodies)
    return total


def _write_article(w: Working, raw: Extraction, x: Extraction) -> tuple[UpsertSummary, ChangeBody]:
    """One new article (`raw` as it arrived, `x` under the judgements) applied to `w`.
    The change's models are built unvalidated (graph/store/built.py): every value comes from the
    checked extraction or the store, and validating them again cost a third of the write."""
    aid = raw.article.id
    w.pending.extractions.append((aid, kept_body(raw)))
    w.pending.extraction_ids += [(eid, aid) for eid in sorted({e.id for e in raw.entities})]
    resolved, _ = resolve_extraction(x, w)
    w.pending.articles.append(article_row(resolved))
    summary = UpsertSummary(articles=1)
    entities = _write_entities(w, resolved, summary)
    facts = _write_reports(w, resolved, summary, {c.entity.id: c.entity for c in entities})
    body = built(
        ChangeBody,
        kind=ARTICLE_UPSERTED,
        article_id=aid,
        title=resolved.article.title,
        entities=sorted(entities, key=lambda c: c.entity.id),
        facts=sorted(facts, key=lambda f: (f.type, f.source.id, f.target.id)),
        refused=list(resolved.refused),
    )
    return summary, body


def _write_entities(w: Working, x: Extraction, summary: UpsertSummary) -> list[EntityChange]:
    """Each entity of the article once: `added` when the store did not have it before
    this article, else `changed` (the article began mentioning it)."""
    out: list[EntityChange] = []
    done: set[str] = set()
    for e in x.entities:
        if e.id in done:
            continue
        done.add(e.id)
        row, existed = _write_entity(w, e, x.article.id)
        summary.entities_merged += existed
        summary.entities_new += not existed
        change: ChangeOp = "changed" if existed else "added"
        out.append(built(EntityChange, entity=row.summary(), change=change))
    return out


def _write_reports(
    w: Working, x: Extraction, summary: UpsertSummary, ends: dict[str, EntitySummary]
) -> list[FactChange]:
    """The article's report of each relation key, placed among the key's events; what
    happened to those events (`ends`: the article's entities as it left them)."""
    reports: dict[Key, Support] = {}
    for r in x.relations:
        reports.setdefault(r.key, report_of(r, x.article.id, x.article.published))
    out: list[FactChange] = []
    for key in sorted(reports):
        event, before, ops = batch_events.add(w, key, reports[key])
        summary.relations_merged += event in before
        summary.relations_new += event not in before
        source, target = (ends.get(k) or _summary(w, k) for k in (key[0], key[2]))
        out += [
            built(FactChange, event_id=ev, type=key[1], source=source, target=target, change=op)
            for ev, op in sorted(ops.items())
        ]
    return out


def _write_entity(w: Working, e: Entity, aid: str) -> tuple[EntityRow, bool]:
    """Insert or complete one entity in memory, with its mention and aliases (the rules
    of graph/store/embedded/write.py `_write_entity`); True when it existed before."""
    row = w.entity(e.id)
    existed = row is not None
    if row is None:
        props = json.dumps(e.properties, sort_keys=True)
        row = EntityRow(e.id, e.type, e.name, e.unnamed, e.count, e.description, e.qid, props)
        row.new = row.canonical = True
        row.property_keys = set(e.properties)
        w.create(row)
    else:
        before = (row.cnt, row.description, row.qid, row.properties)
        if not row.canonical:  # a stored row: its text read once, not at every mention
            _mark_if_canonical(row)
        # stored keys win, so properties whose keys the row has change nothing once the
        # row's text is this run's sorted dump (re-dumping would give the same text)
        if not (row.canonical and row.property_keys.issuperset(e.properties)):
            merged = {**e.properties, **json.loads(row.properties)}
            row.properties = json.dumps(merged, sort_keys=True)
            row.canonical = True
            row.property_keys = set(merged)
        row.cnt = row.cnt if row.cnt is not None else e.count
        row.description = row.description if row.description is not None else e.description
        row.qid = row.qid if row.qid is not None else e.qid
        # an UPDATE only for a row this run changed (a mention alone changes no column)
        row.dirty = row.dirty or (row.cnt, row.description, row.qid, row.properties) != before
    w.pending.mentions.append((e.id, aid))
    aliases, sources = alias_rows(e, row.name, row.type, aid)
    w.pending.aliases += aliases
    w.pending.alias_sources += sources
    return row, existed


def _mark_if_canonical(row: EntityRow) -> None:
    """Mark a stored row whose properties text is already the sorted dump of its keys (as
    every batch write leaves it): merging properties it has changes nothing then, so the
    row's later mentions in the run skip the merge as a row created by the run does."""
    stored = json.loads(row.properties)
    if json.dumps(stored, sort_keys=True) == row.properties:
        row.canonical = True
        row.property_keys = set(stored)


def _summary(w: Working, eid: str) -> EntitySummary:
    row = w.entity(eid)
    return row.summary() if row else EntitySummary(id=eid, type="", name=eid)
