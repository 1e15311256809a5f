"""'The local arm of exchange X' is X's unit the article names in its place ("X Australia").

"ASIC cancelled the licence of the local arm of collapsed exchange FTX ... FTX Australia
can continue ...": the licence was the unit's, and the descriptor names that unit, not
the brand inside it. The unit is the one entity whose parent is the brand
(`entity_building._regional_unit` makes it, told as a unit); with none or several,
the descriptor stays unresolved (the brand inside it is still no party:
`actions.operated_names`).
"""

from __future__ import annotations

import re

from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention
from ingest.extraction.names.untyped_names import UNIT_NOUN

# the descriptor up to the brand's name: "the local arm of collapsed U.S. exchange "
_LOCAL_UNIT = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts) (?:local|domestic) {UNIT_NOUN} of (?:the )?(?:[\w.'-]+ ){{0,4}}?$"
)


def local_unit_mentions(state: ArticleState) -> None:
    """A mention of the brand's unit at each "the local arm of <brand>" descriptor."""
    table, text = state.table, state.doc.text
    if " local " not in text and " domestic " not in text:
        return
    units: dict[str, list[str]] = {}
    for draft in table.all():
        if draft.parent and not draft.unnamed:
            units.setdefault(draft.parent, []).append(draft.key)
    out: list[Mention] = []
    for m in state.mentions:
        if m.key not in table or m.how != "name":
            continue
        brand = table.get(table.resolve(m.key))
        found = units.get(brand.name, [])
        if len(found) != 1:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        desc = _LOCAL_UNIT.search(text, max(line_start, m.start - 120), m.start)
        if desc is None:
            continue
        unit = table.get(found[0])
        surface = text[desc.start() : m.end]
        out.append(Mention(desc.start(), m.end, surface, unit.key, unit.type, "descriptive"))
    state.mentions += out
