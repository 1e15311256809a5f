"""The checked-in vocabulary files (graph/rdf/vocab/): where they live and how they are
regenerated from the ontology: `python -m graph.rdf.files`."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from graph.rdf.owl import build_vocabulary
from graph.rdf.shapes import SHAPES_FILE, VOCAB_DIR, build_shapes

VOCAB_FILE = VOCAB_DIR / "cryptoreg.ttl"


def turtle(graph: Graph) -> str:
    """Turtle text of a generated graph, as checked in."""
    return graph.serialize(format="turtle")


def write_vocab_files(paths: Iterable[Path] | None = None) -> list[Path]:
    """Regenerate cryptoreg.ttl and shapes.ttl from the ontology; returns the files written."""
    VOCAB_DIR.mkdir(exist_ok=True)
    outputs = {VOCAB_FILE: build_vocabulary(), SHAPES_FILE: build_shapes()}
    wanted = set(paths) if paths is not None else set(outputs)
    for path, graph in outputs.items():
        if path in wanted:
            path.write_text(turtle(graph), encoding="utf-8")
    return [p for p in outputs if p in wanted]


if __name__ == "__main__":
    for written in write_vocab_files():
        sys.stdout.write(f"wrote {written}\n")
