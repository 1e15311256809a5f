"""A body told as a unit of another: "the intelligence unit of South Korea's financial
watchdog", "the financial intelligence unit of South Korea", "the enforcement arm of
Thailand's securities regulator".

The words before the unit's noun say which of that place's regulators it is ("intelligence"
→ its Financial Intelligence Unit): the one gazetteer regulator or public body seated there
whose name holds them. With none or several, nothing is named (the outer description stays
as the descriptions stage left it).
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention, standalone_entity
from ingest.extraction.references.implied_bodies import REGULATOR_WORDS, entries_of
from ingest.extraction.text.literal_gate import gate

# (tried only at its opening words: `literal_gate`)
_UNIT = gate(
    re.compile(
        r"\b[Tt]he (?P<mods>(?:[a-z-]+ ){1,3}?)(?:unit|arm|division|department|agency|office)"
        r" of (?:the )?(?P<place>[A-Z][\w.]*(?: [A-Z]\w+)?)(?:(?:'s (?:[a-z-]+ ){0,2}?"
        r"(?:watchdog|regulator|supervisor|ministry|authority|central bank)\b)|(?![\w' ]*[A-Z]))"
    )
)


def unit_mentions(state: ArticleState) -> None:
    """A mention of the place's body at each "the <kind> unit of <place>('s <body>)"."""
    text = state.doc.text
    if " of " not in text:
        return
    added: list[Mention] = []
    for found in _UNIT.finditer(text):
        place = state.country.jurisdiction(found.group("place"))
        if place is None:
            continue
        words = [w for w in found.group("mods").split() if w in REGULATOR_WORDS]
        if not words:
            continue
        fits = [
            e
            for etype in (TYPE.regulator, TYPE.governmentbody)
            for e in entries_of(state.country, etype, place.name)
            if all(any(n in e.name.lower() for n in REGULATOR_WORDS[w]) for w in words)
        ]
        if len(fits) != 1:
            continue
        entry = fits[0]
        body = standalone_entity(
            state.table, entry.name, entry.type, qid=entry.qid, jurisdiction=place.name
        )
        surface = found.group(0)
        added.append(
            Mention(found.start(), found.end(), surface, body.key, body.type, "descriptive")
        )
        body.aliases.setdefault(surface, "descriptive")
    state.cover(added)
