"""Streamed Turtle and TriG: one block per subject (and per named graph) of each record.

rdflib's serialisers need the whole graph in memory before the first byte and grow
worse than linearly with it (FINDINGS.md: Turtle of 12,554 articles took 364 s, TriG of
2,500 up to 170 s). These writers take the mapping's per-record quad lists
(graph/rdf/mapping.py) one at a time and write each as it comes:

```turtle
<https://w3id.org/cryptoreg/id/exchange:okx> a crg:Exchange, schema:Organization ;
    skos:prefLabel "OKX" .
<https://w3id.org/cryptoreg/id/article/a1#facts> {
    <https://w3id.org/cryptoreg/id/regulator:sec> crg:fined <...> .
}
```

A subject (or a named graph) can come back in a later record: Turtle and TriG allow
that, and a parser merges the blocks into the same graph, so the output parses to the
same graph as rdflib's own serialisation. Memory is one record, the prefix table and a
bounded cache of compacted vocabulary IRIs.

Terms: IRIs in a bound namespace with a plain local name are written as prefixed names
(`crg:fined`, `xsd:date`, `wd:Q123`); every other IRI in full. Literals use the
N-Triples escapes (graph/rdf/ntriples.py), valid in Turtle too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from graph.rdf.mapping import Quad
from graph.rdf.ntriples import ESCAPES

# A local name every Turtle parser accepts unescaped (a subset of PN_LOCAL).
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
_CACHE_MAX = 10_000
_INDENT = "    "
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)


class TermWriter:
    """Writes terms in Turtle syntax against a prefix table.

    Caches are keyed by plain `str` (rdflib's `__eq__` is Python code, `str`'s is not)
    and bounded: vocabulary terms repeat, entity IRIs are written afresh."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.prefixes = dict(prefixes)
        self._by_namespace = {ns: prefix for prefix, ns in self.prefixes.items()}
        self._cache: dict[str, str] = {}
        self._predicates: dict[str, str] = {_RDF_TYPE: "a"}

    def header(self) -> str:
        """The `@prefix` lines."""
        return "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in self.prefixes.items()) + "\n"

    def compact(self, iri: str) -> str | None:
        """`prefix:local` when the IRI is a bound namespace plus a plain local name."""
        cached = self._cache.get(iri)
        if cached is not None:
            return cached
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        prefix = self._by_namespace.get(iri[:cut]) if cut else None
        if prefix is None or not _LOCAL.match(iri, cut):
            return None
        text = f"{prefix}:{iri[cut:]}"
        if len(self._cache) < _CACHE_MAX:
            self._cache[iri] = text
        return text

    def iri(self, iri: str) -> str:
        """A prefixed name when the IRI has one, else `<iri>`."""
        return self.compact(iri) or f"<{iri}>"

    def term(self, term: Node) -> str:
        """Any subject, object or graph name."""
        kind = type(term)
        if kind is URIRef:
            return self.iri(str(term))
        if kind is Literal or isinstance(term, Literal):
            lit: Literal = term  # type: ignore[assignment]
            quoted = '"' + str(lit).translate(ESCAPES) + '"'
            if lit.language:
                return f"{quoted}@{lit.language}"
            datatype = lit.datatype
            if datatype is not None and (dt := str(datatype)) != _XSD_STRING:
                return f"{quoted}^^{self.iri(dt)}"
            return quoted
        if isinstance(term, URIRef):
            return self.iri(str(term))
        if isinstance(term, BNode):
            return f"_:{term}"
        raise TypeError(f"not an RDF term: {term!r}")

    def predicate(self, term: Node) -> str:
        """A predicate: `a` for rdf:type."""
        key = str(term)
        text = self._predicates.get(key)
        if text is None:
            text = self.term(term)
            if len(self._predicates) < _CACHE_MAX:
                self._predicates[key] = text
        return text


# subject text -> predicate text -> object texts (a dict as an ordered set)
Grouped = dict[str, dict[str, dict[str, None]]]


def group(triples: Iterable[tuple[Node, Node, Node]], terms: TermWriter) -> Grouped:
    """Written triples grouped by subject and predicate, in first-seen order, no repeats."""
    out: Grouped = {}
    last: Node | None = None
    by_p: dict[str, dict[str, None]] = {}
    for s, p, o in triples:
        if s is not last:  # a record's quads come mostly subject by subject
            by_p = out.setdefault(terms.term(s), {})
            last = s
        by_p.setdefault(terms.predicate(p), {})[terms.term(o)] = None
    return out


def subject_blocks(grouped: Grouped, indent: str = "") -> str:
    """`s p o1, o2 ;\\n    p2 o3 .` per subject."""
    sep = f" ;\n{indent}{_INDENT}"
    return "".join(
        f"{indent}{s} "
        + sep.join(f"{p} {', '.join(objects)}" for p, objects in by_p.items())
        + " .\n"
        for s, by_p in grouped.items()
    )


def iter_turtle(batches: Iterable[list[Quad]], prefixes: Mapping[str, str]) -> Iterator[str]:
    """Turtle of the merged graph (graph names dropped), one text per record."""
    terms = TermWriter(prefixes)
    yield terms.header()
    for batch in batches:
        yield subject_blocks(group(((s, p, o) for s, p, o, _ in batch), terms))


def iter_trig(batches: Iterable[list[Quad]], prefixes: Mapping[str, str]) -> Iterator[str]:
    """TriG keeping the named graphs: default-graph triples at the top level, each named
    graph of a record in its own `<g> { ... }` block."""
    terms = TermWriter(prefixes)
    yield terms.header()
    for batch in batches:
        by_graph: dict[str, list[tuple[Node, Node, Node]]] = {}
        for s, p, o, g in batch:
            by_graph.setdefault("" if g is None else str(g), []).append((s, p, o))
        parts: list[str] = []
        for name, triples in by_graph.items():
            if not name:
                parts.append(subject_blocks(group(triples, terms)))
            else:
                body = subject_blocks(group(triples, terms), _INDENT)
                parts.append(f"{terms.iri(name)} {{\n{body}}}\n")
        yield "".join(parts)
