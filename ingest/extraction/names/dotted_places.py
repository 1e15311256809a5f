"""A body named after a place's dotted abbreviation: "B.C. Supreme Court", "N.Y. Department
of Financial Services".

The capitalised run stops at the point of "B.C.", so the place and the body come apart
and the body reads as a generic one ("Supreme Court", which the gazetteer may take for
another country's). Joined, the name keeps its place, which later stages read as any
place-qualified name (`entities/place_qualified`: "B.C. Securities Commission" is the
British Columbia Securities Commission).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.names.candidates import Candidate

_DOTTED = re.compile(r"(?:[A-Z]\.){2,3}")


def join_dotted_places(accepted: list[Candidate], text: str) -> list[Candidate]:
    """`accepted` with each dotted place abbreviation joined to the public body right after it."""
    ordered = sorted(accepted, key=lambda c: c.start)
    out: list[Candidate] = []
    skip = -1
    for i, a in enumerate(ordered):
        if i == skip:
            continue
        b = ordered[i + 1] if i + 1 < len(ordered) else None
        if (
            b is not None
            and a.type == TYPE.jurisdiction
            and _DOTTED.fullmatch(a.surface)
            and b.type in GROUP.public_body
            and b.type != TYPE.jurisdiction
            and text[a.end : b.start] == " "
            and not b.surface.startswith(a.surface)
        ):
            out.append(Candidate(a.start, b.end, text[a.start : b.end], b.type, "chunk"))
            skip = i + 1
            continue
        out.append(a)
    return out
