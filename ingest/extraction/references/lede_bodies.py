"""A lede's unnamed authorities are the body the next sentence cites.

News often opens on a vague actor and names the body that acted when it cites it:
"Ruritania's financial authorities Tuesday suspended exchange X ... The suspension runs
to June, according to the Financial Intelligence Unit (FIU), ..." The lede's
"Ruritania's financial authorities" is the FIU: the first public body the next two
sentences cite ("according to the X", "X said"). Only the article's first body sentence
is read so, and only when nothing else resolved the description there.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention
from ingest.extraction.references.lede_descriptions import lede_opening

_BODY_TYPES = frozenset((TYPE.regulator, TYPE.centralbank, TYPE.governmentbody, TYPE.court))
# "Korea's financial authorities", "South Korean regulators", "Kenyan authorities"
_VAGUE_AUTHORITIES = re.compile(
    r"(?:[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,2}(?:'s)? )?"
    r"(?:(?:financial|securities|market|banking|monetary|tax|crypto|federal|national|state) )?"
    r"(?:authorities|regulators|watchdogs)\b"
)
_CITED_BEFORE = re.compile(r"\b[Aa]ccording to (?:the )?$")
_SAID_AFTER = re.compile(r"(?: \([^()]{1,20}\))? (?:said|says|announced|stated)\b")
_LOOK_AHEAD = 2  # sentences


def lede_body_mentions(state: ArticleState) -> None:
    """A mention of the body the next sentences cite at the lede's unnamed authorities."""
    doc, table = state.doc, state.table
    opening = lede_opening(state, _VAGUE_AUTHORITIES)
    if opening is None:
        return
    lede, m = opening
    if any(
        x.start < m.end() and m.start() < x.end and x.key in table and _is_body(state, x)
        for x in state.mentions
    ):
        return  # already resolved to a body
    ahead = doc.sentences[lede.index + 1 : lede.index + 1 + _LOOK_AHEAD]
    for x in sorted(state.mentions, key=lambda x: x.start):
        if not ahead or not ahead[0].start <= x.start < ahead[-1].end:
            continue
        if x.how != "name" or x.key not in table or not _is_body(state, x):
            continue
        line = doc.text[max(0, x.start - 20) : x.start]
        if _CITED_BEFORE.search(line) or _SAID_AFTER.match(doc.text, x.end):
            body = table.get(table.resolve(x.key))
            table.alias(body, m.group(), "descriptive")
            state.mentions.append(
                Mention(m.start(), m.end(), m.group(), body.key, body.type, "descriptive")
            )
            return


def _is_body(state: ArticleState, x: Mention) -> bool:
    draft = state.table.get(state.table.resolve(x.key))
    return draft.type in _BODY_TYPES and not draft.unnamed
