"""A place named right after a firm as where it sits: "a director of Velmora Lab in
Hyderabad, the company that runs exchange Kestrix".

The apposition after the place ("the company that runs ...") describes the firm, not the
place, and the cue that reads "<name>, the company ..." would type the place as the firm.
An unknown name, or one only such an apposition typed, that stands as "<firm> in X" is a
place: a firm's name is never followed by "in" and another firm's name.
"""

from __future__ import annotations

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.untyped_names import CONTINENTS

_IN = " in "
_FIRMS = (TYPE.company, TYPE.exchange)


def places_after_firms(
    rest: list[Candidate], accepted: list[Candidate], text: str
) -> list[Candidate]:
    """Re-type the cue-typed names of `accepted` and return the names of `rest` that stand
    as '<firm> in X' (X one or two capitalised words), as Jurisdictions."""
    firm_ends = {c.end for c in accepted if c.type in _FIRMS and c.source != "cue"}
    if not firm_ends:
        return []
    for c in accepted:
        if c.source == "cue" and c.type in _FIRMS and _after_firm(c, firm_ends, text):
            c.type = TYPE.jurisdiction
    return [
        Candidate(u.start, u.end, u.surface, TYPE.jurisdiction, "cue")
        for u in rest
        if u.type is None and _after_firm(u, firm_ends, text)
    ]


def _after_firm(c: Candidate, firm_ends: set[int], text: str) -> bool:
    return (
        len(c.surface.split()) <= 2
        and c.surface not in CONTINENTS  # "Binance in Europe": a market region, no place
        and text[c.start - len(_IN) : c.start] == _IN
        and c.start - len(_IN) in firm_ends
    )
