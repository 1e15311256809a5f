"""Streamed JSON-LD: a flattened document written one node object at a time.

```json
{"@context": {"crg": "https://w3id.org/cryptoreg/ontology#", ...},
 "@graph": [
  {"@id": "https://w3id.org/cryptoreg/id/exchange:okx", "@type": ["crg:Exchange"],
   "skos:prefLabel": ["OKX"]},
  ...
 ]}
```

Each record (graph/rdf/mapping.py) gives one node object per subject; a subject that
comes back in a later record gets another node object with the same `@id`, which JSON-LD
processors merge (flattening, or conversion to RDF, unions the properties). So the
document parses to the merged graph, as rdflib's JSON-LD serialisation does, while
memory stays one record plus the context. The context holds only prefixes (no type
coercion), so a plain JSON string is an `xsd:string` literal; every other literal says its
`@type` or `@language`; IRIs are written in full in `@id`, compacted only as keys and in
`@type`. Lone surrogates, which JSON text cannot carry as UTF-8, become U+FFFD (as in
N-Triples).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from graph.rdf.mapping import Quad
from graph.rdf.turtle import TermWriter

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)
_TYPE_KEY = '"@type"'
_encode = json.encoder.encode_basestring


def _string(text: str) -> str:
    """A JSON string (UTF-8 kept as is; lone surrogates as U+FFFD)."""
    if not text.isascii():
        text = _LONE_SURROGATE.sub("\ufffd", text)
    result: str = _encode(text)
    return result


class JsonLdWriter:
    """Node objects in JSON-LD against a prefix-only context, written as text."""

    def __init__(self, prefixes: Mapping[str, str]) -> None:
        self.terms = TermWriter(prefixes)
        self.context = dict(prefixes)
        self._keys: dict[str, str] = {_RDF_TYPE: _TYPE_KEY}

    def key(self, iri: str) -> str:
        """A property as a JSON key: a compact IRI when there is one (cached, bounded)."""
        text = self._keys.get(iri)
        if text is None:
            text = _string(self.terms.compact(iri) or iri)
            if len(self._keys) < 10_000:
                self._keys[iri] = text
        return text

    def node_ref(self, term: Node) -> str:
        return _string(f"_:{term}" if isinstance(term, BNode) else str(term))

    def value(self, term: Node, type_key: bool) -> str:
        """A property value: a node reference, a plain string, or a value object; under
        `@type`, the class's (compact) IRI."""
        if isinstance(term, URIRef | BNode):
            if type_key and isinstance(term, URIRef):
                return self.key(str(term))
            return '{"@id": ' + self.node_ref(term) + "}"
        if isinstance(term, Literal):
            text = _string(str(term))
            if term.language:
                return '{"@value": ' + text + ', "@language": ' + _string(term.language) + "}"
            datatype = term.datatype
            if datatype is None or (dt := str(datatype)) == _XSD_STRING:
                return text
            return '{"@value": ' + text + ', "@type": ' + self.key(dt) + "}"
        raise TypeError(f"not an RDF term: {term!r}")

    def nodes(self, triples: Iterable[tuple[Node, Node, Node]]) -> list[str]:
        """One node object per subject, values in first-seen order, without repeats."""
        by_subject: dict[str, dict[str, dict[str, None]]] = {}
        last: Node | None = None
        by_key: dict[str, dict[str, None]] = {}
        for s, p, o in triples:
            if s is not last:
                by_key = by_subject.setdefault(self.node_ref(s), {})
                last = s
            key = self.key(str(p))
            if key == _TYPE_KEY and not isinstance(o, URIRef):
                key = _string(_RDF_TYPE)  # a literal rdf:type stays a plain property
            by_key.setdefault(key, {})[self.value(o, key == _TYPE_KEY)] = None
        return [
            '{"@id": '
            + ref
            + "".join(f", {k}: [{', '.join(values)}]" for k, values in by_key.items())
            + "}"
            for ref, by_key in by_subject.items()
        ]


def iter_jsonld(batches: Iterable[list[Quad]], prefixes: Mapping[str, str]) -> Iterator[str]:
    """The merged graph (graph names dropped) as one flattened JSON-LD document."""
    writer = JsonLdWriter(prefixes)
    context = json.dumps(writer.context, ensure_ascii=False)
    yield f'{{"@context": {context},\n "@graph": ['
    sep = "\n  "
    for batch in batches:
        nodes = writer.nodes((s, p, o) for s, p, o, _ in batch)
        if nodes:
            yield sep + ",\n  ".join(nodes)
            sep = ",\n  "
    yield "\n]}\n"
