"""A body the gazetteer does not know, named with its place in the possessive: that
possessive form is also its name ("Washington's Department of Financial Institutions").

The bare name ("Department of Financial Institutions") is generic: many places have one,
and another article may call this one "the Washington State Department of Financial
Institutions". Keeping the place-qualified form as an alias lets either form find it.
Curated bodies already list their place-qualified forms.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.text.tokens import UPPER

_BODIES = frozenset((TYPE.regulator, TYPE.centralbank, TYPE.governmentbody, TYPE.court))
# one to three capitalised words and a possessive, right before the body's name
_PLACE_BEFORE = re.compile(rf"(?<![\w.-])[{UPPER}][\w.-]*(?: [{UPPER}][\w.-]*){{0,2}}['\u2019]s $")


def add_possessive_forms(state: ArticleState) -> None:
    """Give each uncurated public body named '<Place>'s <Name>' that form as an alias."""
    table, text = state.table, state.doc.text
    if "'s " not in text and "\u2019s " not in text:
        return
    for m in state.mentions:
        if m.how != "name" or m.type not in _BODIES or m.start < 3:
            continue
        key = table.resolve(m.key)
        if key not in table:
            continue
        draft = table.get(key)
        if draft.qid or draft.jurisdiction:
            continue
        line = text.rfind("\n", 0, m.start) + 1
        before = _PLACE_BEFORE.search(text, max(line, m.start - 40), m.start)
        if before is None:
            continue
        table.alias(draft, f"{before.group()}{m.text}".replace("\u2019", "'"), "other")
