"""Turn a gold annotation (names instead of ids) into an `Extraction` the stores take.

Tests and benchmarks load the annotated corpora this way; the demo does not need it.
As the extractor does, a gold name that the gazetteer knows as an alias of one entry of
the entity's type is named by that entry ("Huobi" is HTX, its former name, kept as an
alias): ids come from the entity's own name (graph.ids.entity_id) and the store never
merges by alias, so this is where a former name or abbreviation becomes its body.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from graph.ids import entity_id, group_id, name_key, normalize_name
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.ontology import get_ontology
from ingest.extraction.names.gazetteer_index import get_index


def _pick_type(
    g: dict[str, Any], relations: list[dict[str, Any]], types: dict[str, list[str]]
) -> str:
    """Of a gold entity's fair types, the first that every relation touching it allows."""
    candidates = g["type"] if isinstance(g["type"], list) else [g["type"]]
    ont = get_ontology()
    me = normalize_name(g["name"])
    for cand in candidates:
        ok = True
        for r in relations:
            rel = ont.relations.get(r["type"])
            if rel is None or r["type"] == "ALIAS_OF":
                continue
            src, tgt = normalize_name(r["source"]), normalize_name(r["target"])
            if src == me and not any(
                cand in rel.sources and t in rel.targets for t in types.get(tgt, [])
            ):
                ok = False
            if tgt == me and not any(
                t in rel.sources and cand in rel.targets for t in types.get(src, [])
            ):
                ok = False
        if ok:
            return str(cand)
    return str(candidates[0])


def _canonical(name: str, entity_type: str) -> tuple[str, Alias | None]:
    """The name the extractor gives a body named `name`, and `name` as the alias it then
    is (with the gazetteer's kind), when one gazetteer entry of this type has it as an
    alias; else `name` itself and None (unknown, or ambiguous between entries)."""
    entries = {e.name: e for e in get_index().lookup(name) if e.type == entity_type}
    if len(entries) != 1 or name in entries:
        return name, None
    entry = next(iter(entries.values()))
    if name_key(entry.name) == name_key(name):  # a spelling of the same name: one id already
        return entry.name, None
    kind, lang = next(
        ((k, t) for a, k, t in entry.aliases if a.casefold() == name.casefold()), ("other", None)
    )
    return entry.name, Alias(name=name, kind=kind, lang=lang)


def _one_per_id(entities: list[Entity]) -> list[Entity]:
    """Gold entities that name one body (two former names of it) as one entity, as the
    extractor emits it: the first, with the others' names as aliases."""
    first: dict[str, Entity] = {}
    for e in entities:
        kept = first.get(e.id)
        if kept is None:
            first[e.id] = e
            continue
        known = {normalize_name(kept.name)} | {normalize_name(a.name) for a in kept.aliases}
        extra = []
        for a in [Alias(name=e.name, kind="other"), *e.aliases]:
            if normalize_name(a.name) not in known:
                known.add(normalize_name(a.name))
                extra.append(a)
        first[e.id] = kept.model_copy(update={"aliases": [*kept.aliases, *extra]})
    return list(first.values())


def extraction_from_gold(article: dict[str, Any], gold: dict[str, Any]) -> Extraction:
    """Build the extraction a perfect extractor would emit for this gold file."""
    art = Article.model_validate(article)
    alias_kinds = {
        (normalize_name(r["source"]), normalize_name(r["target"])): (r.get("properties") or {}).get(
            "kind", "other"
        )
        for r in gold["relations"]
        if r["type"] == "ALIAS_OF"
    }
    entities: list[Entity] = []
    ids: dict[str, str] = {}
    group_action = {
        normalize_name(r["target"]): r["type"] for r in gold["relations"] if r["type"] != "ALIAS_OF"
    }
    all_types = {
        normalize_name(g["name"]): (g["type"] if isinstance(g["type"], list) else [g["type"]])
        for g in gold["entities"]
    }
    for g in gold["entities"]:
        etype = _pick_type(g, gold["relations"], all_types)
        key = normalize_name(g["name"])
        if g.get("unnamed"):
            eid = group_id(
                etype, art.id, group_action.get(key, "MENTIONED"), g["name"], g.get("count")
            )
            name, renamed = g["name"], None
        else:
            name, renamed = _canonical(g["name"], etype)
            eid = entity_id(etype, name)
        ids[key] = eid
        aliases = [renamed] if renamed else []
        aliases += [
            Alias(
                name=a,
                kind=alias_kinds.get(
                    (normalize_name(a), key),
                    "descriptive" if a.lower().startswith("the ") else "other",
                ),
            )
            for a in g.get("aliases") or []
            if normalize_name(a) not in (key, normalize_name(name))
        ]
        entities.append(
            Entity(
                id=eid,
                type=etype,
                name=name,
                aliases=aliases,
                unnamed=bool(g.get("unnamed")),
                count=g.get("count"),
                description=g["name"] if g.get("unnamed") else None,
            )
        )
    relations = []
    for r in gold["relations"]:
        if r["type"] == "ALIAS_OF":
            continue
        relations.append(
            Relation(
                type=r["type"],
                source=ids[normalize_name(r["source"])],
                target=ids[normalize_name(r["target"])],
                evidence=r.get("evidence"),
                confidence=1.0,
                date=(r.get("properties") or {}).get("date"),
                properties={k: v for k, v in (r.get("properties") or {}).items() if k != "date"},
                sources=[art.id],
            )
        )
    return Extraction(article=art, entities=_one_per_id(entities), relations=relations)


def load_gold_corpus(corpus_dir: Path) -> list[Extraction]:
    """Every article of a corpus folder (articles/*.json + gold/*.json) as extractions."""
    out = []
    for gpath in sorted((corpus_dir / "gold").glob("*.json")):
        article = json.loads((corpus_dir / "articles" / gpath.name).read_text(encoding="utf-8"))
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        out.append(extraction_from_gold(article, gold))
    return out
