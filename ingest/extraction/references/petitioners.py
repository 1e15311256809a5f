"""'The petitioner': the party the article says brought the petition.

Court reports name the party once ("Tariq Aslam moved the High Court", "petitioner Tariq
Aslam", "a petition filed by Korvex Ltd") and call it "the petitioner" everywhere else,
before that sentence as well as after ("the FIA registered a case against the
petitioner"). Each "the petitioner" becomes a mention of that party when the article
names exactly one so; with none or several, nothing is resolved.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention

_PARTIES = frozenset((TYPE.person, TYPE.company, TYPE.exchange))
_THE_PETITIONER = re.compile(r"\b[Tt]he petitioner\b(?![s'\u2019])")
# the party right before: "X moved the High Court", "X filed a petition", "X petitioned"
_BROUGHT_AFTER = re.compile(
    r" (?:had |has |have |also |then |later ){0,2}(?:moved (?:the )?(?=[A-Z]|court|bench)"
    r"|petitioned\b|filed (?:a |the |an )?(?:[\w-]+ )?(?:petition|writ|plea)\b)"
)
# the party right after: "petitioner X", "a petition filed by X"
_BROUGHT_BEFORE = re.compile(
    r"(?:\b[Pp]etitioner,? |\bpetition (?:was )?(?:filed|moved|brought) by )$"
)


def petitioner_mentions(state: ArticleState) -> None:
    """A mention of the one party the article names as the petitioner at each "the
    petitioner" (see the module)."""
    text, table = state.doc.text, state.table
    if "etition" not in text:
        return
    spots = list(_THE_PETITIONER.finditer(text))
    if not spots:
        return
    named: set[str] = set()
    for m in state.mentions:
        if m.how != "name" or m.key not in table:
            continue
        if table.get(table.resolve(m.key)).type not in _PARTIES:
            continue
        if _BROUGHT_AFTER.match(text, m.end) or _BROUGHT_BEFORE.search(
            text, max(0, m.start - 40), m.start
        ):
            named.add(table.resolve(m.key))
    if len(named) != 1:
        return
    party = table.get(named.pop())
    for spot in spots:
        if any(x.start < spot.end() and spot.start() < x.end for x in state.mentions):
            continue
        table.alias(party, spot.group(), "descriptive")
        state.mentions.append(
            Mention(spot.start(), spot.end(), spot.group(), party.key, party.type, "descriptive")
        )
