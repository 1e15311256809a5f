"""Between Neo4j property maps and cryptoreg's records (facts, entities, articles).

A fact's relationship keeps its supports as aligned lists, one entry per article, in
article-id order: `sources`, `evidence` ("" for none), `seen` and `dates` (ISO, "" when
unknown: Neo4j lists cannot hold nulls), `confidences` and `support_properties` (JSON).
The merged values (`first_seen`, `last_seen`, `date` as Neo4j dates, `confidence`, the
merged `properties` as JSON plus each simple property flat, e.g. `amount`) are computed
once by graph.store.provenance.build_fact when the supports change, so both stores agree.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any

from graph.models import Alias, Article, Entity
from graph.store.protocol import EntityRecord, EntitySummary, Fact
from graph.store.provenance import Support, build_fact

SUPPORT_LISTS = ("sources", "evidence", "seen", "confidences", "dates", "support_properties")
RESERVED = frozenset(
    {*SUPPORT_LISTS, "first_seen", "last_seen", "confidence", "date", "properties"}
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
    """The per-article supports stored on a fact's relationship."""
    lists = [list(props.get(k) or []) for k in SUPPORT_LISTS]
    return [
        Support(aid, evidence or None, to_date(seen), float(conf), to_date(day), json.loads(p))
        for aid, evidence, seen, conf, day, p in zip(*lists, strict=True)
    ]


def support_of(article_id: str, seen: dt.date | None, rel: Any) -> Support:
    """One article's support for a `graph.models.Relation`."""
    return Support(article_id, rel.evidence, seen, rel.confidence, rel.date, dict(rel.properties))


def fact_props(supports: list[Support]) -> dict[str, Any]:
    """The full property map of a fact's relationship, for `SET r = $props`."""
    ordered = sorted(supports, key=lambda s: s.article_id)
    dummy = EntitySummary(id="", type="", name="")
    fact = build_fact("", dummy, dummy, ordered)
    props: dict[str, Any] = {
        "sources": [s.article_id for s in ordered],
        "evidence": [s.evidence or "" for s in ordered],
        "seen": [_iso(s.seen) for s in ordered],
        "confidences": [float(s.confidence) for s in ordered],
        "dates": [_iso(s.date) for s in ordered],
        "support_properties": [json.dumps(s.properties, sort_keys=True) for s in ordered],
        "first_seen": fact.first_seen,
        "last_seen": fact.last_seen,
        "confidence": fact.confidence,
        "date": fact.date,
        "properties": json.dumps(fact.properties),
    }
    for key, value in fact.properties.items():
        if _FLAT_KEY.match(key) and key not in RESERVED and isinstance(value, str | int | float):
            props[key] = value
    return props


def fact_from(row: Mapping[str, Any]) -> Fact:
    """A `Fact` from a row of graph.store.neo4j.read_queries.FACT_COLUMNS."""
    p = row["props"]
    return Fact(
        type=row["type"],
        source=summary_from(row["source"]),
        target=summary_from(row["target"]),
        sources=list(p["sources"]),
        evidence=list(p["evidence"]),
        first_seen=to_date(p.get("first_seen")),
        last_seen=to_date(p.get("last_seen")),
        confidence=p["confidence"],
        date=to_date(p.get("date")),
        properties=json.loads(p.get("properties") or "{}"),
    )


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


def article_props(article: Article) -> dict[str, Any]:
    """An article node's properties (`published` as a Neo4j date)."""
    return {k: getattr(article, k) for k in _ARTICLE_FIELDS if getattr(article, k) is not None}


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
