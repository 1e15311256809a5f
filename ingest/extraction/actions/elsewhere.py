"""An agentless passive placed in another country is not the fallback body's action.

"Kwon was arrested in Montenegro in March" after a sentence on US prosecutors: nobody is
named as the agent, and the body the story named before sits in another country than
the one the clause places the action in, so it is not credited with it (the local
police did it). The candidate is refused instead, as with an unnamed court's order.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention

# the place right after the verb: "arrested in Montenegro", "detained last week in Spain"
_IN_PLACE = re.compile(
    r"(?: (?:[a-z]+ly|last week|last month|on \w+"
    # "arrested on money laundering allegations in Greece"
    r"|on (?:[a-z-]+ ){0,3}?(?:allegations|charges|suspicion|accusations|warrants?)))?"
    # ("extradited to France": done between other countries too)
    r" (?:in|to) (?:the )?$"
)


def placed_elsewhere(actor: str, verb_end: int, after: list[Mention], state: ArticleState) -> bool:
    """Whether the clause places the action, right after the verb ending at `verb_end`, in
    a country other than the one `actor` is seated in."""
    table, ctx, text = state.table, state.country, state.doc.text
    place = next((m for m in after if m.start > verb_end and m.start - verb_end <= 70), None)
    if place is None or place.key not in table or table.get(place.key).type != TYPE.jurisdiction:
        return False
    if not _IN_PLACE.fullmatch(text, verb_end, place.start):
        return False
    # (a body with no seat of its own sits where the story does: "the High Court")
    seat = (table.get(actor).jurisdiction if actor in table else None) or ctx.main_country
    if not seat:
        return False
    return ctx.country_of(table.get(place.key).name) != ctx.country_of(seat)
