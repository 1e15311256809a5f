"""RDF namespaces and IRIs: the project vocabulary as a closed rdflib namespace.

`CRG` is built from `ontology.yaml` the way rdflib's generated `_SKOS.py` is built
from skos.rdf: a `DefinedNamespace` with `_fail = True`, so a misspelt term
(`CRG.Regulater`) raises instead of minting a new IRI. Its terms are the entity
types, the groups (as superclasses), one property per relation, one per relation
property and alias kind, one event class per action relation (`crg:FinedEvent`, the
class of that action's event resources, graph/rdf/events.py), plus the few structural
terms below that only the RDF rendering needs. The mapping of records to triples is in
graph/rdf/mapping.py.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
    DefinedNamespaceMeta,
)

from graph.errors import ConfigError, OntologyError
from graph.ontology import Ontology, get_ontology
from graph.partial_dates import DAY, MONTH, YEAR

WD = Namespace("http://www.wikidata.org/entity/")

# Prefixes a CURIE in ontology.yaml may use, and that every serialisation binds.
STANDARD_PREFIXES: dict[str, type[DefinedNamespace] | Namespace] = {
    "schema": SDO,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "sh": SH,
    "wd": WD,
}

# Python types of ontology.yaml relation properties -> XSD datatypes.
XSD_OF_PYTHON = {float: XSD.decimal, int: XSD.integer, str: XSD.string}

# An action's dates ("YYYY", "YYYY-MM", "YYYY-MM-DD": graph/partial_dates.py) are typed by
# their precision, so "2021" is an xsd:gYear, never a made-up first of January.
PARTIAL_DATE_DATATYPES: dict[str, URIRef] = {
    YEAR: XSD.gYear,
    MONTH: XSD.gYearMonth,
    DAY: XSD.date,
}

# The relation property an event resource keeps as a cryptoreg term (status, end date and
# amount become schema.org terms): graph/rdf/events.py. Spelt as the `Fact` field.
ENDED_HOW = "ended_how"

# Terms the RDF rendering adds to the ontology's own names: kind, range, comment.
# Provenance fields of ontology.yaml (except `sources`, which is prov:wasDerivedFrom)
# must appear here under their camelCase name; `vocabulary_terms` checks it.
STRUCTURAL_TERMS: dict[str, tuple[str, URIRef | None, str]] = {
    "Statement": (
        "class",
        None,
        "One article's statement of a fact: the qualified form of a direct relation triple, "
        "carrying the evidence sentence and the provenance.",
    ),
    "subject": ("object", None, "The subject of the stated relation triple."),
    "predicate": ("object", None, "The cryptoreg relation property of the stated triple."),
    "object": ("object", None, "The object of the stated relation triple."),
    "evidence": ("datatype", XSD.string, "The sentence of the article that states the fact."),
    "confidence": ("datatype", XSD.decimal, "Confidence in the fact, 0 to 1."),
    "firstSeen": ("datatype", XSD.date, "Date of the earliest article stating the fact."),
    "lastSeen": ("datatype", XSD.date, "Date of the latest article stating the fact."),
    "date": (
        "datatype",
        None,  # xsd:gYear, xsd:gYearMonth or xsd:date: PARTIAL_DATE_DATATYPES
        "When the action took place, where the text says, at the text's precision.",
    ),
    "count": ("datatype", XSD.integer, "How many members an unnamed group has."),
    "unnamed": ("datatype", XSD.boolean, 'True for an unnamed group such as "13 apps".'),
    "Event": (
        "class",
        None,
        'One action as an event (ONTOLOGY.md, "Actions are events"): a schema:Action with its '
        "agent, object, start and end, status, the articles it was derived from and the "
        "history of its status. Each action relation has a subclass.",
    ),
    "StatusChange": (
        "class",
        None,
        "One step of an event's life (taken, or ended how), when, and which articles said so.",
    ),
    "event": ("object", None, "The event an action statement reports."),
    "history": ("object", None, "A step of the event's life (schema:position orders them)."),
}


def camel(name: str) -> str:
    """`HEADQUARTERED_IN` -> `headquarteredIn`, `former_name` -> `formerName`."""
    head, *rest = name.lower().split("_")
    return head + "".join(w.capitalize() for w in rest)


def pascal(name: str) -> str:
    """`public_body` -> `PublicBody`."""
    return "".join(w.capitalize() for w in name.split("_"))


def relation_term(rel_type: str) -> str:
    """Local name of the property for a relation type (`PART_OF` -> `partOf`)."""
    return camel(rel_type)


def event_class_term(rel_type: str) -> str:
    """Local name of the class of an action's events (`FINED` -> `FinedEvent`)."""
    return pascal(rel_type.lower()) + "Event"


def alias_term(kind: str) -> str:
    """The altLabel sub-property of an alias kind (`former_name` -> `formerNameLabel`)."""
    return camel(kind) + "Label"


def group_classes(ont: Ontology) -> dict[str, frozenset[str]]:
    """Class name -> member types, for every group narrower than 'all types'."""
    everything = frozenset(ont.entity_types)
    return {pascal(g): members for g, members in ont.groups.items() if members != everything}


def relation_properties(ont: Ontology) -> dict[str, URIRef]:
    """Name of each relation property (`amount`) -> its XSD datatype; clashing types fail."""
    out: dict[str, URIRef] = {}
    for rel in ont.relations.values():
        for pname, ptype in rel.properties.items():
            dtype = XSD_OF_PYTHON[ptype]
            if out.setdefault(camel(pname), dtype) != dtype:
                raise OntologyError(f"relation property {pname} has two different types")
    return out


def vocabulary_terms(ont: Ontology) -> tuple[str, ...]:
    """Every local name of the project vocabulary, derived from the ontology; clashes fail."""
    missing = [p for p in ont.provenance if p != "sources" and camel(p) not in STRUCTURAL_TERMS]
    if missing:
        raise OntologyError(f"provenance fields without an RDF term: {missing}")
    names = [
        *ont.entity_types,
        *group_classes(ont),
        *(relation_term(r) for r in ont.relations),
        *(event_class_term(r) for r in ont.action_types),
        *relation_properties(ont),
        *(alias_term(k) for k in ont.alias_kinds),
        *STRUCTURAL_TERMS,
    ]
    if len(set(names)) != len(names):
        dupes = sorted({n for n in names if names.count(n) > 1})
        raise OntologyError(f"RDF term names clash: {dupes}")
    return tuple(names)


def _closed_namespace(ont: Ontology) -> type[DefinedNamespace]:
    body = {
        "__doc__": "cryptoreg vocabulary, generated from graph/ontology.yaml.",
        "__annotations__": dict.fromkeys(vocabulary_terms(ont), URIRef),
        "__slots__": (),
        "_NS": Namespace(ont.namespace),
        "_fail": True,
    }
    return DefinedNamespaceMeta("CRG", (DefinedNamespace,), body)  # type: ignore[return-value]


CRG = _closed_namespace(get_ontology())
ONTOLOGY_IRI = URIRef(get_ontology().namespace.rstrip("#/"))
SHAPES = Namespace(ONTOLOGY_IRI.rsplit("/", 1)[0] + "/shapes#")
PREFIXES: dict[str, type[DefinedNamespace] | Namespace] = {
    "crg": CRG,
    "crgsh": SHAPES,
    **STANDARD_PREFIXES,
}
# What data exports bind (and JSON-LD puts in its @context): no SHACL prefixes.
DATA_PREFIXES = {k: v for k, v in PREFIXES.items() if k not in ("crgsh", "sh")}


def expand_curie(curie: str) -> URIRef:
    """`schema:Person` -> its IRI; an unknown prefix or an undefined term is an OntologyError."""
    prefix, _, local = curie.partition(":")
    ns = STANDARD_PREFIXES.get(prefix)
    if ns is None or not local:
        raise OntologyError(f"{curie!r}: unknown prefix (known: {sorted(STANDARD_PREFIXES)})")
    if isinstance(ns, DefinedNamespaceMeta) and local not in ns:
        raise OntologyError(f"{curie!r} is not a term of {ns}")
    return URIRef(str(ns) + local)


@lru_cache(maxsize=1)
def standard_classes() -> dict[str, tuple[URIRef, ...]]:
    """Entity type -> the standard classes ontology.yaml maps it to (`rdf:`)."""
    return {
        n: tuple(expand_curie(c) for c in t.rdf) for n, t in get_ontology().entity_types.items()
    }


@lru_cache(maxsize=1 << 16)
def _quote(text: str, safe: str) -> str:
    """Percent-encoding, memoised: an export quotes the same ids over and over."""
    return quote(text, safe=safe)


_BASE_IRI = re.compile(r"^https?://[^\s<>\"{}|\\^`]+[/#]$")


@dataclass(frozen=True)
class Iris:
    """Mints the IRIs of entities, articles, fact graphs and statements under one base."""

    base: str

    def __post_init__(self) -> None:
        if not _BASE_IRI.match(self.base):
            raise ConfigError(
                f"base IRI {self.base!r} must be an absolute http(s) IRI ending in '/' or '#'"
            )

    def entity(self, entity_id: str) -> URIRef:
        """`exchange:okx` -> `<base>exchange:okx`; all but unreserved chars and ':' %-encoded."""
        return URIRef(self.base + _quote(entity_id, ":"))

    def article(self, article_id: str) -> URIRef:
        return URIRef(self.base + "article/" + _quote(article_id, ""))

    def facts_graph(self, article_id: str) -> URIRef:
        """The named graph holding the facts one article states."""
        return URIRef(self.article(article_id) + "#facts")

    def statement(
        self,
        article_id: str | None,
        source: str,
        rel_type: str,
        target: str,
        event_id: str | None = None,
    ) -> URIRef:
        """The statement node of a fact as stated by one article (or by none, unsourced).

        An action's statement also hashes its `event_id`: the same actor, type and target
        may have several events (two fines), each stated by the same article."""
        key = f"{source}|{rel_type}|{target}" + (f"|{event_id}" if event_id else "")
        digest = hashlib.sha1(key.encode()).hexdigest()[:16]
        if article_id is None:
            return URIRef(f"{self.base}fact/{digest}")
        return URIRef(f"{self.article(article_id)}#fact-{digest}")

    def event(self, event_id: str) -> URIRef:
        """An action event: `<base>event/<event_id>` (graph/store/events.py: stable ids)."""
        return URIRef(self.base + "event/" + _quote(event_id, ""))

    def event_part(self, event_id: str, part: str) -> URIRef:
        """A resource that belongs to one event (its amount, a status change): `#part`."""
        return URIRef(f"{self.event(event_id)}#{_quote(part, '')}")


def safe_iri(url: str) -> URIRef | None:
    """An http(s) URL as an IRI safe in every syntax (unsafe characters %-encoded), else None."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return URIRef(quote(url, safe=":/?#[]@!$&'()*+,;=%~"))


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, str(ns))
    return graph
