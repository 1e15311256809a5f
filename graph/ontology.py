"""Load `ontology.yaml` once into frozen dataclasses and check it.

Everything that names a type or relation (models, Neo4j schema, RDF, SHACL, API
enums, the extractor) asks this module, so the YAML file stays the only place a name
is written. Code that needs one particular type or relation asks by its stable key
through the closed namespaces `TYPE`, `REL`, `GROUP` and `LABEL` (like rdflib's closed
namespaces: a key the ontology lacks fails at import, not later):
`TYPE.exchange` is the name of the type whose `id_prefix` is `exchange`; `STATUS` and
`ENDED` name the allowed values of an action's `status` and `ended_how`.
`CRYPTOREG_ONTOLOGY` may name another ontology file (graph/environment.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from graph.environment import ontology_override
from graph.errors import OntologyError
from graph.parsed_yaml import load_yaml

_N = TypeVar("_N")
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
    key: str
    kind: str
    description: str
    sources: frozenset[str]
    targets: frozenset[str]
    properties: dict[str, type] = field(default_factory=dict)
    rdf_super: str | None = None
    adverse: bool = True
    presence: bool = False

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
    graph_labels: dict[str, str] = field(default_factory=dict)
    type_sets: dict[str, frozenset[str]] = field(default_factory=dict)
    property_values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    property_patterns: dict[str, str] = field(default_factory=dict)
    hidden_alias_kinds: frozenset[str] = frozenset()  # matched, never shown as a label

    @cached_property
    def action_types(self) -> tuple[str, ...]:
        """(Kept once made: a curated read asks it of every fact it filters, thousands
        for a hub, and the ontology never changes once loaded.)"""
        return self.relations_of_kind("action")

    @cached_property
    def types_by_key(self) -> dict[str, str]:
        """Entity type names by their stable key (`id_prefix`), as data files name them."""
        return {t.id_prefix: name for name, t in self.entity_types.items()}

    @property
    def adverse_action_types(self) -> tuple[str, ...]:
        """Actions done against their target (all but those flagged `adverse: false`)."""
        return tuple(n for n in self.action_types if self.relations[n].adverse)

    @property
    def presence_relations(self) -> tuple[str, ...]:
        """Relations that place their source in the target jurisdiction."""
        return tuple(n for n, r in self.relations.items() if r.presence)

    def relations_of_kind(self, kind: str) -> tuple[str, ...]:
        return tuple(n for n, r in self.relations.items() if r.kind == kind)

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


def _property_type(owner: str, pname: str, ptype: Any) -> type:
    if ptype not in PROPERTY_TYPES:
        raise OntologyError(f"{owner}: property {pname} has unknown type {ptype!r}")
    return PROPERTY_TYPES[ptype]


def _action_properties(
    raw: dict[str, Any],
) -> tuple[dict[str, type], dict[str, tuple[str, ...]], dict[str, str]]:
    """`action_properties:` as name -> Python type, and the allowed values and text
    patterns of those that list them."""
    types: dict[str, type] = {}
    values: dict[str, tuple[str, ...]] = {}
    patterns: dict[str, str] = {}
    for pname, spec in (raw or {}).items():
        spec = spec if isinstance(spec, dict) else {"type": spec}
        types[pname] = _property_type("action_properties", pname, spec.get("type"))
        if spec.get("values") is not None:
            allowed = tuple(str(v) for v in spec["values"])
            if not allowed or len(set(allowed)) != len(allowed):
                raise OntologyError(f"action_properties: {pname} needs distinct `values`")
            values[pname] = allowed
        if spec.get("pattern") is not None:
            try:
                re.compile(str(spec["pattern"]))
            except re.error as exc:
                raise OntologyError(f"action_properties: {pname} has a bad pattern: {exc}") from exc
            patterns[pname] = str(spec["pattern"])
    return types, values, patterns


def _relation(
    name: str,
    raw: dict[str, Any],
    groups: dict[str, frozenset[str]],
    types: set[str],
    action_props: dict[str, type] | None = None,
) -> RelationType:
    kind = raw.get("kind")
    if kind not in RELATION_KINDS:
        raise OntologyError(f"relation {name}: kind must be one of {RELATION_KINDS}, not {kind!r}")
    props = dict(action_props or {}) if kind == "action" else {}
    for pname, ptype in (raw.get("properties") or {}).items():
        props[pname] = _property_type(f"relation {name}", pname, ptype)
    key = raw.get("key", name.lower())
    if not isinstance(key, str) or not key:
        raise OntologyError(f"relation {name}: `key` must be a non-empty string")
    return RelationType(
        name=name,
        key=key,
        kind=kind,
        description=str(raw.get("description", "")),
        sources=_expand(raw["from"], groups, types),
        targets=_expand(raw["to"], groups, types),
        properties=props,
        rdf_super=raw.get("rdf_super"),
        adverse=bool(raw.get("adverse", True)),
        presence=bool(raw.get("presence", False)),
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
        action_props, values, patterns = _action_properties(data.get("action_properties") or {})
        relations = {
            n: _relation(n, r, groups, names, action_props) for n, r in data["relations"].items()
        }
        alias_kinds = tuple(data["alias_kinds"])
        hidden = frozenset(data.get("hidden_alias_kinds") or ())
        provenance = tuple(data["provenance"])
        namespace = str(data["namespace"])
        labels = {str(k): str(v) for k, v in (data.get("graph_labels") or {}).items()}
        type_sets = {
            str(s): _expand(members, groups, names)
            for s, members in (data.get("type_sets") or {}).items()
        }
    except (KeyError, TypeError) as exc:
        raise OntologyError(f"malformed ontology data: missing or bad {exc}") from exc
    prefixes = [t.id_prefix for t in types.values()]
    if len(set(prefixes)) != len(prefixes):
        raise OntologyError("two entity types share an id_prefix")
    keys = [r.key for r in relations.values()]
    if len(set(keys)) != len(keys):
        raise OntologyError("two relations share a key")
    if "actor" not in groups:
        raise OntologyError("the ontology needs an 'actor' group")
    if not hidden <= set(alias_kinds):
        unknown = sorted(hidden - set(alias_kinds))
        raise OntologyError(f"hidden_alias_kinds names unknown kinds: {unknown}")
    return Ontology(
        namespace,
        types,
        relations,
        groups,
        alias_kinds,
        provenance,
        labels,
        type_sets,
        values,
        patterns,
        hidden,
    )


def ontology_file() -> Path:
    """The ontology file in force: `CRYPTOREG_ONTOLOGY` if set, else the shipped one."""
    return ontology_override() or ONTOLOGY_FILE


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    """The ontology in force, parsed once per process."""
    path = ontology_file()
    try:
        return parse_ontology(load_yaml(path))  # (through a JSON copy: graph/parsed_yaml.py)
    except OSError as exc:
        raise OntologyError(f"cannot read the ontology file {path}: {exc.strerror}") from exc


@dataclass(frozen=True)
class TypeNames:
    """Entity type names by the type's `id_prefix`. Only the types code must single out
    are here; everything else goes through groups and flags."""

    regulator: str
    centralbank: str
    court: str
    governmentbody: str
    exchange: str
    company: str
    mediaoutlet: str
    person: str
    jurisdiction: str
    cryptoasset: str
    activity: str
    law: str
    app: str
    website: str
    account: str


@dataclass(frozen=True)
class RelationNames:
    """Relation names by the relation's `key`."""

    banned: str
    blocked: str
    fined: str
    sued: str
    investigated: str
    warned: str
    licensed: str
    referred_by: str
    headquartered_in: str
    originated_in: str
    operates_in: str
    located_in: str
    part_of: str
    subsidiary_of: str
    affiliated_with: str


@dataclass(frozen=True)
class Groups:
    """The type groups (`groups:`) and type sets (`type_sets:`) code asks for, by name."""

    actor: frozenset[str]
    public_body: frozenset[str]
    organisation: frozenset[str]
    firm: frozenset[str]
    unnamed_group: frozenset[str]
    any: frozenset[str]


@dataclass(frozen=True)
class GraphLabels:
    """The bookkeeping labels and links of `graph_labels:`."""

    entity: str
    alias: str
    article: str
    alias_of: str
    mentioned_in: str


@dataclass(frozen=True)
class StatusValues:
    """The values of an action's `status` (`action_properties:`)."""

    active: str
    ended: str


@dataclass(frozen=True)
class EndingValues:
    """The values of an ended action's `ended_how` (`action_properties:`)."""

    lifted: str
    revoked: str
    suspended: str
    overturned: str
    settled: str
    dismissed: str
    expired: str


def _closed(cls: type[_N], by_key: dict[str, Any], what: str) -> _N:
    missing = [f.name for f in fields(cls) if f.name not in by_key]  # type: ignore[arg-type]
    if missing:
        raise OntologyError(f"the code needs {what} with key(s) {missing}; the ontology has none")
    return cls(**{f.name: by_key[f.name] for f in fields(cls)})  # type: ignore[arg-type]


def _namespaces(ont: Ontology) -> tuple[TypeNames, RelationNames, Groups, GraphLabels]:
    rels = {r.key: n for n, r in ont.relations.items()}
    return (
        _closed(TypeNames, ont.types_by_key, "an entity type"),
        _closed(RelationNames, rels, "a relation"),
        _closed(Groups, {**ont.groups, **ont.type_sets}, "a group or type set"),
        _closed(GraphLabels, ont.graph_labels, "a graph label"),
    )


TYPE, REL, GROUP, LABEL = _namespaces(get_ontology())
STATUS = _closed(
    StatusValues,
    {v: v for v in get_ontology().property_values.get("status", ())},
    "a status value",
)
ENDED = _closed(
    EndingValues,
    {v: v for v in get_ontology().property_values.get("ended_how", ())},
    "an ended_how value",
)
