"""Extractions as the records a store would return, for exporting without a store.

Merges like graph/store.py describes: one entity per id (aliases and sources
united), one fact per (source, type, target) with aligned sources and evidence.
Used by tests/test_rdf.py for store-independent checks and by bench/rdf_export.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from graph.models import Article, Entity, Extraction
from graph.store import EntityRecord, EntitySummary, Fact


def _summary(entity: Entity) -> EntitySummary:
    return EntitySummary(
        id=entity.id,
        type=entity.type,
        name=entity.name,
        unnamed=entity.unnamed,
        count=entity.count,
    )


class ExtractionRecords:
    """An in-memory RdfSource over extractions (not a GraphStore: no writes, no queries)."""

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        self.articles: dict[str, Article] = {}
        self.entities: dict[str, EntityRecord] = {}
        self.facts: dict[tuple[str, str, str], Fact] = {}
        for extraction in extractions:
            self._add(extraction)

    def _add(self, ex: Extraction) -> None:
        art = ex.article
        self.articles[art.id] = art
        by_id = {e.id: e for e in ex.entities}
        for ent in ex.entities:
            rec = self.entities.setdefault(ent.id, EntityRecord(entity=ent.model_copy(deep=True)))
            known = {a.name for a in rec.entity.aliases}
            rec.entity.aliases += [a for a in ent.aliases if a.name not in known]
            if art.id not in rec.sources:
                rec.sources.append(art.id)
        for rel in ex.relations:
            fact = self.facts.get(rel.key)
            if fact is None:
                fact = Fact(
                    type=rel.type,
                    source=_summary(by_id[rel.source]),
                    target=_summary(by_id[rel.target]),
                    sources=[],
                    evidence=[],
                    confidence=rel.confidence,
                    date=rel.date,
                    properties=dict(rel.properties),
                )
                self.facts[rel.key] = fact
            fact.sources.append(art.id)
            fact.evidence.append(rel.evidence or "")
            if art.published:
                fact.first_seen = min(filter(None, [fact.first_seen, art.published]))
                fact.last_seen = max(filter(None, [fact.last_seen, art.published]))

    def iter_articles(self) -> Iterator[Article]:
        return iter(self.articles.values())

    def iter_entities(self) -> Iterator[EntityRecord]:
        return iter(self.entities.values())

    def iter_facts(self) -> Iterator[Fact]:
        return iter(self.facts.values())
