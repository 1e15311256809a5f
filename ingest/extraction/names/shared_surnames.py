"""Two given names sharing one surname: "Cameron and Tyler Winklevoss" names two people.

The surname is written once, after the second given name; the first given name alone is
"Cameron Winklevoss". Taken only where the second is a person already recognised and the
first is a common given name (so "Binance and Tyler Winklevoss" stays a firm and a man).
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.given_names import is_given_name

_FIRST_OF_PAIR = re.compile(r"\b(?P<given>[A-Z][a-z]+) (?:and|&) $")


def shared_surname_people(accepted: list[Candidate], text: str) -> list[Candidate]:
    """A person for each given name coordinated before a recognised person's full name."""
    taken = {(c.start, c.end) for c in accepted}
    out: list[Candidate] = []
    for person in accepted:
        words = person.surface.split()
        if person.type != TYPE.person or len(words) != 2:
            continue
        line_start = text.rfind("\n", 0, person.start) + 1
        m = _FIRST_OF_PAIR.search(text, max(line_start, person.start - 30), person.start)
        if m is None or not is_given_name(m.group("given")):
            continue
        start, end = m.span("given")
        if any(s <= start < e for s, e in taken):
            continue
        name = f"{m.group('given')} {words[-1]}"
        out.append(Candidate(start, end, name, TYPE.person, "person"))
    return out
