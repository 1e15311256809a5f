"""What the extraction tests share: extract a text of one's own, and read its facts as
(source name, type, target name) triples."""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.models import Article, Extraction
from ingest.extraction import extract_article

Triple = tuple[str, str, str]
PUBLISHED = dt.date(2024, 5, 2)
# the relations the extractor infers from structure, left out of `actions`
STRUCTURE = frozenset(("LOCATED_IN", "OPERATES_IN", "PART_OF", "HEADQUARTERED_IN"))


def extract(text: str, published: dt.date | None = PUBLISHED) -> Extraction:
    """The extraction of `text` as one article."""
    return extract_article(Article(id="t", text=text, published=published))


def triples(out: Extraction) -> set[Triple]:
    """Every relation of the extraction, by its ends' names."""
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]) for r in out.relations}


def actions(out: Extraction) -> set[Triple]:
    """The relations that are not inferred structure (seats, presence, membership)."""
    return {t for t in triples(out) if t[1] not in STRUCTURE}


def aliases_of(out: Extraction, name: str) -> set[str]:
    """The alias names of the entity called `name` (empty when there is none)."""
    return {a.name for e in out.entities if e.name == name for a in e.aliases}


def types_by_name(out: Extraction) -> dict[str, str]:
    """Each entity's type, by its name."""
    return {e.name: e.type for e in out.entities}


def relations_of(text: str, published: dt.date | None = PUBLISHED) -> set[Triple]:
    """Every relation of the extraction of `text`, by its ends' names."""
    return triples(extract(text, published))


def types_of(text: str) -> dict[str, str]:
    """Each entity's type in the extraction of `text`, by its name."""
    return types_by_name(extract(text))


def typed_names_and_relations(text: str) -> tuple[set[tuple[str, str]], set[Triple]]:
    """The (type, name) of each entity, and every relation, of the extraction of `text`."""
    out = extract(text)
    return {(e.type, e.name) for e in out.entities}, triples(out)


def types_and_relations(text: str) -> tuple[dict[str, str], set[Triple]]:
    """Each entity's type by its name, and every relation, of the extraction of `text`."""
    out = extract(text)
    return types_by_name(out), triples(out)


def relation_properties(out: Extraction) -> dict[Triple, dict[str, Any]]:
    """Each relation's properties, by the relation (its ends' names)."""
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]): dict(r.properties) for r in out.relations}
