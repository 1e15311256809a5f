"""Line-based RDF writers (N-Triples, N-Quads) that never hold more than one record.

The term serialiser follows rdflib's `_quoteLiteral`/`term.n3()` but escapes like
the RDF 1.2 canonical N-Triples form: ECHAR for backspace, tab, newline, form
feed, carriage return, quote and backslash; UCHAR for the other C0 controls and
DEL. Lone surrogates, which no RDF string may hold, become U+FFFD. IRIs are
written as minted: graph/rdf.py %-encodes everything IRIREF forbids.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.rdf.mapping import Quad

_ECHAR = {
    0x08: "\\b",
    0x09: "\\t",
    0x0A: "\\n",
    0x0C: "\\f",
    0x0D: "\\r",
    0x22: '\\"',
    0x5C: "\\\\",
}
ESCAPES: dict[int, str] = {
    **{c: f"\\u{c:04X}" for c in [*range(0x20), 0x7F]},
    **_ECHAR,
    **dict.fromkeys(range(0xD800, 0xE000), "\ufffd"),
}
CHUNK_BYTES = 1 << 16


def nt_term(term: Node) -> str:
    """One term in N-Triples syntax (also valid in N-Quads, Turtle and TriG)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        quoted = '"' + str(term).translate(ESCAPES) + '"'
        if term.language:
            return f"{quoted}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{quoted}^^<{term.datatype}>"
        return quoted
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def quad_line(quad: Quad, with_graph: bool) -> str:
    """`s p o [g] .` with its newline; the graph is dropped for N-Triples or the default graph."""
    s, p, o, g = quad
    if with_graph and g is not None:
        return f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n"
    return f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"


def iter_lines(batches: Iterable[list[Quad]], with_graph: bool) -> Iterator[str]:
    """Lines of each record's quads, without repeats inside a record (constant memory).

    In N-Triples a fact stated by three articles yields its direct triple once: the
    three copies differ only in their graph and fall together within the record.
    """
    for batch in batches:
        yield from dict.fromkeys(quad_line(q, with_graph) for q in batch)


def iter_chunks(lines: Iterable[str], chunk_bytes: int = CHUNK_BYTES) -> Iterator[bytes]:
    """UTF-8 chunks of about `chunk_bytes`, so a stream writes few large blocks."""
    buf: list[str] = []
    size = 0
    for line in lines:
        buf.append(line)
        size += len(line)
        if size >= chunk_bytes:
            yield "".join(buf).encode("utf-8")
            buf, size = [], 0
    if buf:
        yield "".join(buf).encode("utf-8")
