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
_IN_PLACE = re.compile(r"(?: (?:[a-z]+ly|last week|last month|on \w+))? in (?:the )?$")


def placed_elsewhere(actor: str, verb_end: int, after: list[Mention], state: ArticleState) -> bool:
    """Whether the clause places the action, right after the verb ending at `verb_end`, in
    a country other than the one `actor` is seated in."""
    table, ctx, text = state.table, state.country, state.doc.text
    place = next((m for m in after if m.start > verb_end and m.start - verb_end <= 40), None)
    if place is None or place.key not in table or table.get(place.key).type != TYPE.jurisdiction:
        return False
    if not _IN_PLACE.fullmatch(text, verb_end, place.start):
        return False
    seat = table.get(actor).jurisdiction if actor in table else None
    if not seat:
        return False
    return ctx.country_of(table.get(place.key).name) != ctx.country_of(seat)
