"""A U.S. federal judicial district named alone is its district court: "a judge in the
Eastern District of Virginia", "filed in the Southern District of Ohio".

The gazetteer lists the busiest district courts; the rest (94 districts) follow one
shape, "<Direction> District of <State>", so they are found by it. The state must be a
U.S. state the gazetteer knows; a district after "Attorney('s Office) for the" is that
office's (and "prosecutors in" it are that office), and one inside a longer court name
is left to that name.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.gazetteer_index import GazIndex

_DISTRICT = re.compile(
    r"\b(?:Eastern|Western|Northern|Southern|Middle|Central) District of "
    r"(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
)
_OWNED_BEFORE = re.compile(
    r"(?:(?:Court|Attorney|Attorney's Office|Marshal) for|[Pp]rosecutors? (?:in|for|from)) the $"
)


def district_courts(text: str, index: GazIndex) -> list[Candidate]:
    """Court candidates for the federal districts `text` names on their own."""
    if " District of " not in text:
        return []
    out = []
    for m in _DISTRICT.finditer(text):
        if _OWNED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        state = m.group("state")
        if not any(
            e.type == TYPE.jurisdiction and e.parent == "United States" for e in index.lookup(state)
        ):
            state = state.split(" ")[0]  # "Northern District of Texas Friday": one word
            if not any(
                e.type == TYPE.jurisdiction and e.parent == "United States"
                for e in index.lookup(state)
            ):
                continue
        end = m.start("state") + len(state)
        out.append(Candidate(m.start(), end, text[m.start() : end], TYPE.court, "chunk"))
    return out


def district_court_name(surface: str) -> str | None:
    """'U.S. District Court for the Eastern District of Virginia' for a bare district."""
    if _DISTRICT.fullmatch(surface):
        return f"U.S. District Court for the {surface}"
    return None
