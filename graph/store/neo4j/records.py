"""Between Neo4j property maps and cryptoreg's records (facts, entities, articles).

An action is one event (graph/store/events.py), and each event is one relationship
`(s)-[r:TYPE {event_id}]->(t)`: two fines of the same pair at different dates are two
parallel FINED relationships. A relationship's properties, meant to be read in Neo4j
Browser as they are (the bookkeeping a reader has no use for, `DETAIL_KEYS`, is kept on
an unconnected `(:EventDetail {key})` node, so a click on a relationship shows only what
the facts say; `with_detail` joins them back):

* `event_id`: the event's stable id (graph/store/events.py `events_of`);
* the supports, as aligned lists, one entry per article, in article-id order:
  `sources`, `evidence` ("" for none), and on the detail node `seen` (the article's
  date, ISO, "" when unknown: Neo4j lists cannot hold nulls), `dates` (the action's date
  as that article gives it, "YYYY[-MM[-DD]]" or ""), `confidences` and
  `support_properties` (JSON);
* what the reports say together (graph/store/provenance.py `fact_of_event`): `date`
  (partial text "YYYY[-MM[-DD]]"), `status`, `ended_how`, `ended_on` (partial text),
  `in_force_from` / `in_force_until` (Neo4j dates, for filtering: in force on D when
  `in_force_from <= D AND (in_force_until IS NULL OR D < in_force_until)`), `first_seen`
  / `last_seen` (Neo4j dates), `confidence`, each simple property flat (FINED:
  `amount`, `currency`), and on the detail node all of them as JSON (`properties`);
* the status history as parallel lists, one entry per step (taken, then each ending):
  `history_status`, `history_how` ("" when taken), `history_on` ("" when unknown) and
  `history_sources_json` (each entry a JSON list of the article ids that said so, written
  by `sources_json`: non-ASCII as is, so a query finds an id in it by escaping only `"`), e.g.
  `UNWIND range(0, size(r.history_status) - 1) AS i RETURN r.history_status[i],
  r.history_how[i], r.history_on[i]`.

The supports are the truth: the rest is derived from them in Python when they change,
and a record read back is rebuilt from them (`fact_from`), so both stores agree.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from graph.models import Alias, Article, Entity, Relation
from graph.store.events import EventView, view_event
from graph.store.protocol import EntityRecord, EntitySummary, Fact
from graph.store.provenance import Support, event_properties, fact_of_event, fact_order

SUPPORT_LISTS = ("sources", "evidence", "seen", "confidences", "dates", "support_properties")
# What a relationship's reader in Neo4j Browser has no use for: the per-article lists
# besides sources and evidence, and the relation's own attributes as JSON (each simple
# one is flat on the relationship). They live on the event's detail node (below).
DETAIL_KEYS = ("seen", "confidences", "dates", "support_properties", "properties")

HISTORY_LISTS = ("history_status", "history_how", "history_on", "history_sources_json")


def sources_json(article_ids: Iterable[str]) -> str:
    r"""One `history_sources_json` entry. Non-ASCII stays as it is (`ensure_ascii=False`),
    so the only escape in it is `\"` (article ids have no `\\` and no control characters,
    graph/models.py): pair_history.cypher finds an id by that one `replace`."""
    return json.dumps(list(article_ids), ensure_ascii=False)


def source_json(article_id: str) -> str:
    """One article id as it appears inside a `sources_json` entry."""
    return json.dumps(article_id, ensure_ascii=False)


RESERVED = frozenset(
    {
        *SUPPORT_LISTS,
        *HISTORY_LISTS,
        "event_id",
        "first_seen",
        "last_seen",
        "confidence",
        "date",
        "status",
        "ended_how",
        "ended_on",
        "in_force_from",
        "in_force_until",
        "properties",
    }
)
_FLAT_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
_ARTICLE_FIELDS = ("id", "url", "title", "publisher", "published", "text", "source_path")


def to_date(value: Any) -> dt.date | None:
    """A Python date from a Neo4j date, an ISO string, or nothing ("" or None)."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    if hasattr(value, "to_native"):
        native = value.to_native()
        return native.date() if isinstance(native, dt.datetime) else native
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"not a date: {value!r}")


def _iso(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def summary_from(m: Mapping[str, Any]) -> EntitySummary:
    """An `EntitySummary` from the map projection of graph.store.neo4j.read_queries.summary."""
    return EntitySummary(
        id=m["id"],
        type=m["type"],
        name=m["name"],
        unnamed=bool(m.get("unnamed")),
        count=m.get("count"),
    )


def supports_from(props: Mapping[str, Any]) -> list[Support]:
    """The per-article supports stored on one event's relationship."""
    lists = [list(props.get(k) or []) for k in SUPPORT_LISTS]
    return [
        Support(aid, evidence or None, to_date(seen), float(conf), day or None, json.loads(p))
        for aid, evidence, seen, conf, day, p in zip(*lists, strict=True)
    ]


def support_of(article_id: str, seen: dt.date | None, rel: Relation) -> Support:
    """One article's support for a `graph.models.Relation`."""
    return Support(article_id, rel.evidence, seen, rel.confidence, rel.date, dict(rel.properties))


def _props_json(properties: Mapping[str, Any]) -> str:
    """A report's own properties as stored: sorted JSON ("{}" for most, which have none)."""
    return json.dumps(properties, sort_keys=True) if properties else "{}"


def event_props(
    rel_type: str, source: str, target: str, view: EventView, supports: Iterable[Support]
) -> dict[str, Any]:
    """The full property map of one event's relationship, for `SET r = $props`: the
    fields graph/store/provenance.py `fact_of_event` gives its `Fact`, computed as it does
    them but without building the record (a batch writes hundreds of events)."""
    ordered = sorted(supports, key=lambda s: s.article_id)
    seen = [s.seen for s in ordered if s.seen is not None]
    properties = event_properties(view, ordered)
    props: dict[str, Any] = {
        "event_id": view.event_id,
        "sources": [s.article_id for s in ordered],
        "evidence": [s.evidence or "" for s in ordered],
        "seen": [_iso(s.seen) for s in ordered],
        "confidences": [float(s.confidence) for s in ordered],
        "dates": [s.date or "" for s in ordered],
        "support_properties": [_props_json(s.properties) for s in ordered],
        "first_seen": min(seen) if seen else None,
        "last_seen": max(seen) if seen else None,
        "confidence": float(max(s.confidence for s in ordered)),
        "date": view.date,
        "status": view.status,
        "ended_how": view.ended_how,
        "ended_on": view.ended_on,
        "in_force_from": view.start,
        "in_force_until": view.end,
        "history_status": [h.status for h in view.history],
        "history_how": [h.how or "" for h in view.history],
        "history_on": [h.on or "" for h in view.history],
        "history_sources_json": [sources_json(h.sources) for h in view.history],
        "properties": json.dumps(properties) if properties else "{}",
    }
    for key, value in properties.items():
        if _FLAT_KEY.match(key) and key not in RESERVED and isinstance(value, str | int | float):
            props[key] = value
    return props


def detail_key(source: str, rel_type: str, target: str, event_id: str | None) -> str:
    """The key of an event's detail node (as write_queries.DETAIL_KEY computes it)."""
    return f"{source}|{rel_type}|{target}|{event_id or ''}"


def split_detail(
    rel_type: str, source: str, target: str, props: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An event's full property map (`event_props`) as what its relationship keeps and
    what its detail node holds (`DETAIL_KEYS`, with the node's key and the relation's
    ends, by which a deleted entity's details are found)."""
    kept = {k: v for k, v in props.items() if k not in DETAIL_KEYS}
    detail = {k: props[k] for k in DETAIL_KEYS if k in props}
    key = detail_key(source, rel_type, target, props.get("event_id"))
    return kept, {**detail, "key": key, "source": source, "target": target}


def with_detail(props: Mapping[str, Any], detail: Any) -> dict[str, Any]:
    """A relationship's properties joined with its detail node's (a list of at most one
    property map, as a `COLLECT` subquery gives it), as `event_props` made them."""
    extra = detail[0] if isinstance(detail, list) and detail else detail or {}
    return {**props, **{k: v for k, v in dict(extra).items() if k in DETAIL_KEYS}}


def fact_of(
    rel_type: str, source: EntitySummary, target: EntitySummary, props: Mapping[str, Any]
) -> Fact:
    """The `Fact` of one event's relationship, rebuilt from its supports (the stored
    `event_id` is kept: `events_of` may have made it distinct from a twin's)."""
    supports = supports_from(props)
    view: EventView = view_event(source.id, rel_type, target.id, supports)
    stored = props.get("event_id")
    if stored:
        view = replace(view, event_id=str(stored))
    return fact_of_event(rel_type, source, target, view, supports)


def fact_from(row: Mapping[str, Any]) -> Fact:
    """A `Fact` from a row of graph.store.neo4j.read_queries.FACT_COLUMNS."""
    props = with_detail(row["props"], row.get("detail"))
    return fact_of(row["type"], summary_from(row["source"]), summary_from(row["target"]), props)


def in_fact_order(facts: Iterable[Fact]) -> list[Fact]:
    """Facts in fact order; parallel events of one (type, source, target) by event id."""
    return sorted(sorted(facts, key=lambda f: f.event_id), key=fact_order)


def entity_from(p: Mapping[str, Any]) -> Entity:
    """An `Entity` from an entity node's properties (aliases sorted by name, kind)."""
    names, kinds = p.get("aliases") or [], p.get("alias_kinds") or []
    langs = p.get("alias_langs") or [""] * len(names)
    aliases = sorted(
        (
            Alias(name=n, kind=k, lang=lang or None)
            for n, k, lang in zip(names, kinds, langs, strict=True)
        ),
        key=lambda a: (a.name, a.kind),
    )
    return Entity(
        id=p["id"],
        type=p["type"],
        name=p["name"],
        aliases=aliases,
        unnamed=bool(p.get("unnamed")),
        count=p.get("count"),
        description=p.get("description"),
        qid=p.get("qid"),
        properties=json.loads(p.get("properties") or "{}"),
    )


def entity_record(props: Mapping[str, Any], sources: list[str], counts: list[Any]) -> EntityRecord:
    """An `EntityRecord`: sources sorted, relation counts sorted by type."""
    return EntityRecord(
        entity=entity_from(props),
        sources=sorted(sources),
        relation_counts=dict(sorted((t, int(n)) for t, n in counts)),
    )


CAPTION_CHARS = 24  # what a caption shows before Neo4j Browser's node circle cuts it


def short_caption(title: str | None, publisher: str | None, published: Any, article_id: str) -> str:
    """What Neo4j Browser captions an article node with: its title cut at a word within
    `CAPTION_CHARS` (the whole title would show as "se…"), else publisher and day, else
    its id. Stored as the node's `caption`; never read back into an `Article`."""
    words = " ".join((title or "").split())
    if words:
        if len(words) <= CAPTION_CHARS:
            return words
        cut = words[:CAPTION_CHARS].rsplit(" ", 1)[0].rstrip(",;:-–—")
        return (cut or words[: CAPTION_CHARS - 1]) + "…"
    day = str(published)[:10] if published else ""
    return " ".join(x for x in (publisher or "", day) if x) or article_id


def article_props(article: Article) -> dict[str, Any]:
    """An article node's properties (`published` as a Neo4j date), with its `caption`."""
    props = {k: getattr(article, k) for k in _ARTICLE_FIELDS if getattr(article, k) is not None}
    props["caption"] = short_caption(
        article.title, article.publisher, article.published, article.id
    )
    return props


def article_from(p: Mapping[str, Any]) -> Article:
    """An `Article` from its node's properties."""
    data = {k: p.get(k) for k in _ARTICLE_FIELDS}
    data["published"] = to_date(data["published"])
    data["text"] = data["text"] or ""
    return Article.model_validate(data)


def plain_value(value: Any) -> Any:
    """Driver values as plain Python (Neo4j temporal values become `datetime` ones)."""
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if hasattr(value, "to_native"):
        return value.to_native()
    return value
