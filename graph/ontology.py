"""Load `ontology.yaml` once into frozen dataclasses and check it.

Everything that names a type or relation (models, Neo4j schema, RDF, SHACL, API
enums) asks this module, so the YAML file stays the only place a name is written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from graph.errors import OntologyError

ONTOLOGY_FILE = Path(__file__).with_name("ontology.yaml")
RELATION_KINDS = ("action", "referral", "structure")
PROPERTY_TYPES = {"str": str, "float": float, "int": int}


@dataclass(frozen=True)
class EntityType:
    name: str
    description: str
    rdf: tuple[str, ...]
    id_prefix: str


@dataclass(frozen=True)
class RelationType:
    name: str
    kind: str
    description: str
    sources: frozenset[str]
    targets: frozenset[str]
    properties: dict[str, type] = field(default_factory=dict)
    rdf_super: str | None = None

    def allows(self, source_type: str, target_type: str) -> bool:
        """Whether the endpoint rule admits an edge between these entity types."""
        return source_type in self.sources and target_type in self.targets


@dataclass(frozen=True)
class Ontology:
    namespace: str
    entity_types: dict[str, EntityType]
    relations: dict[str, RelationType]
    groups: dict[str, frozenset[str]]
    alias_kinds: tuple[str, ...]
    provenance: tuple[str, ...]

    @property
    def action_types(self) -> tuple[str, ...]:
        return tuple(n for n, r in self.relations.items() if r.kind == "action")

    @property
    def actor_types(self) -> frozenset[str]:
        return self.groups["actor"]

    def check_edge(self, rel_type: str, source_type: str, target_type: str) -> None:
        """Raise `OntologyError` with a readable reason when the ontology forbids this edge."""
        rel = self.relations.get(rel_type)
        if rel is None:
            raise OntologyError(f"unknown relation type {rel_type!r}")
        if not rel.allows(source_type, target_type):
            raise OntologyError(
                f"{rel_type} may not go from {source_type} to {target_type}: allowed from "
                f"{sorted(rel.sources)} to {sorted(rel.targets)}"
            )


def _expand(names: list[str], groups: dict[str, frozenset[str]], types: set[str]) -> frozenset[str]:
    out: set[str] = set()
    for n in names:
        if n in groups:
            out |= groups[n]
        elif n in types:
            out.add(n)
        else:
            raise OntologyError(f"{n!r} is neither an entity type nor a group")
    return frozenset(out)


def _relation(
    name: str, raw: dict[str, Any], groups: dict[str, frozenset[str]], types: set[str]
) -> RelationType:
    kind = raw.get("kind")
    if kind not in RELATION_KINDS:
        raise OntologyError(f"relation {name}: kind must be one of {RELATION_KINDS}, not {kind!r}")
    props = {}
    for pname, ptype in (raw.get("properties") or {}).items():
        if ptype not in PROPERTY_TYPES:
            raise OntologyError(f"relation {name}: property {pname} has unknown type {ptype!r}")
        props[pname] = PROPERTY_TYPES[ptype]
    return RelationType(
        name=name,
        kind=kind,
        description=str(raw.get("description", "")),
        sources=_expand(raw["from"], groups, types),
        targets=_expand(raw["to"], groups, types),
        properties=props,
        rdf_super=raw.get("rdf_super"),
    )


def parse_ontology(data: dict[str, Any]) -> Ontology:
    """Build and check an `Ontology` from the YAML's data; `OntologyError` on any inconsistency."""
    try:
        types = {
            n: EntityType(n, str(t["description"]), tuple(t["rdf"]), str(t["id_prefix"]))
            for n, t in data["entity_types"].items()
        }
        names = set(types)
        groups: dict[str, frozenset[str]] = {}
        for g, members in data["groups"].items():
            groups[g] = _expand(members, {}, names)
        relations = {n: _relation(n, r, groups, names) for n, r in data["relations"].items()}
        alias_kinds = tuple(data["alias_kinds"])
        provenance = tuple(data["provenance"])
        namespace = str(data["namespace"])
    except (KeyError, TypeError) as exc:
        raise OntologyError(f"malformed ontology data: missing or bad {exc}") from exc
    prefixes = [t.id_prefix for t in types.values()]
    if len(set(prefixes)) != len(prefixes):
        raise OntologyError("two entity types share an id_prefix")
    if "actor" not in groups:
        raise OntologyError("the ontology needs an 'actor' group")
    return Ontology(namespace, types, relations, groups, alias_kinds, provenance)


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    """The shipped ontology, parsed once per process."""
    with ONTOLOGY_FILE.open(encoding="utf-8") as fh:
        return parse_ontology(yaml.safe_load(fh))
