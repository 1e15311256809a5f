"""A place the gazetteer does not know, named the way datelines and addresses name one:
"a consultancy in Cabo Frio, Brazil", "arrested in Puerto Lindo, Panama, on Monday", and
the address after a firm's name: "Tarvo Trade Capital Ltd., Alicante, Spain"; a person's
home: "Eric Powers of Kern County, California" (a country, or a state or province of one).

An untyped capitalised name after "in", "near", "from" or "at" (or after a firm's legal
form, as an address: "Korvane Ltd., Alicante, Spain") and right before a comma and a
country the article names is a place of that country. "Russia, Ukraine and
Belarus" stays a list: the country must not open a list ("and" after it), and the
name before it must follow a place preposition.
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.gazetteer_index import GazEntry, GazIndex

_PLACE_PREPOSITION = re.compile(r"\b(?:in|near|from|at|outside) $")
# a firm's address as regulators' notices write it: "Cryp Capital Ltd., Alicante, Spain"
_FIRM_ADDRESS = re.compile(
    r"\b(?:Ltd|Limited|Inc|LLC|GmbH|AG|S\.A|SA|Corp|PLC|plc|B\.V|BV|S\.L|SL|Srl|SpA|OÜ|AB|KG)\.?, $"
)
_LIST_AFTER = re.compile(r",? (?:and|or) ")


def _country_or_state(entry: GazEntry, index: GazIndex) -> bool:
    """A country, or a first-level part of one (a US state, a Canadian province)."""
    if not entry.parent:
        return True
    return any(e.type == TYPE.jurisdiction and not e.parent for e in index.lookup(entry.parent))


def places_before_country(
    rest: list[Candidate], accepted: list[Candidate], text: str, index: GazIndex
) -> list[Candidate]:
    """The untyped names in `rest` that stand as '<in> X, <Country>'."""
    countries = {
        c.start: c
        for c in accepted
        if c.type == TYPE.jurisdiction
        and any(
            e.type == TYPE.jurisdiction and _country_or_state(e, index)
            for e in index.lookup(c.surface)
        )
    }
    firm_ends = {c.end for c in accepted if c.type in GROUP.organisation}
    person_ends = {c.end for c in accepted if c.type == TYPE.person}
    out: list[Candidate] = []
    for u in rest:
        country = countries.get(u.end + 2)
        if country is None or text[u.end : u.end + 2] != ", " or u.type is not None:
            continue
        if (
            not _PLACE_PREPOSITION.search(text, max(0, u.start - 8), u.start)
            and not _FIRM_ADDRESS.search(text, max(0, u.start - 12), u.start)
            and not (text[u.start - 2 : u.start] == ", " and u.start - 2 in firm_ends)
            and not (text[u.start - 4 : u.start] == " of " and u.start - 4 in person_ends)
        ):  # (or an address after a firm's name: "Tarvo Capital Ltd., Alicante, Spain"; a
            # person's home: "Eric Powers of Kern County, California")
            continue
        if _LIST_AFTER.match(text, country.end):
            continue
        out.append(Candidate(u.start, u.end, u.surface, TYPE.jurisdiction, "cue"))
    return out
