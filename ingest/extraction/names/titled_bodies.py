"""A title word that opens a body's name is part of that name, not a person's title.

"Justice Ministry", "Chief Public Prosecutor's Office", "Judges Council": the words that
open a person's name ("Justice Jackman", "Chief Executive Sarah Paquet") also open the
names of bodies; the last word of the run tells them apart. A run with "of" after the
title still names a person first ("Justice Roselyne Aburili of the High Court").
"""

from __future__ import annotations

from ingest.extraction.text.tokens import Token

# the words that close a public body's name
_BODY_ENDS = frozenset(
    "ministry office department court tribunal commission authority agency bureau "
    "directorate service police council committee board unit inspectorate".split()
)


def title_opens_body(tokens: list[Token], lead: int, b: int) -> bool:
    """Whether the run tokens[lead:b] after a leading title word is a body's name, so the
    title belongs to it ("Justice" + "Ministry", "Chief" + "Public Prosecutor's Office")."""
    if b - lead < 1 or any(t.lower == "of" for t in tokens[lead:b]):
        return False
    last = tokens[b - 1].lower
    if last.endswith(("'s", "\u2019s")):
        return False
    return last in _BODY_ENDS
