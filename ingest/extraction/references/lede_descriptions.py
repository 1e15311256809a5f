"""A lede's indefinite firm is the firm the next sentences name.

News often opens on a description and names the party after: "A crypto trading platform
incorporated in the Cayman Islands has been banned from operating in British Columbia
... A panel of the B.C. Securities Commission imposed the sanctions on LiquiTrade Ltd."
The lede's "A crypto trading platform" is LiquiTrade: the first firm or exchange the two
sentences after it name (a firm named in the lede itself, or none after it, resolves
nothing). Only the article's first body sentence is read so: later an indefinite firm is
one more of many ("A second exchange was fined").
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention
from ingest.extraction.text.document import Sentence

_FIRM_TYPES = frozenset((TYPE.company, TYPE.exchange))
_INDEFINITE_FIRM = re.compile(
    r"(?:An?|One) (?:[\w.-]+ ){0,4}?(?:platform|exchange|firm|company|operator|broker|startup"
    r"|lender|provider|business|venture)\b(?! (?:of|for|that|which|who)\b)"
)
_LOOK_AHEAD = 2  # sentences


def lede_opening(
    state: ArticleState, pattern: re.Pattern[str]
) -> tuple[Sentence, re.Match[str]] | None:
    """The lede (the first sentence that is no heading) and `pattern` matched at its start,
    or None."""
    lede = next((s for s in state.doc.sentences if not s.heading), None)
    if lede is None:
        return None
    m = pattern.match(state.doc.text, lede.start, lede.end)
    return (lede, m) if m is not None else None


def lede_firm_mentions(state: ArticleState) -> None:
    """A mention of the firm the next sentences name at the lede's indefinite firm."""
    doc, table = state.doc, state.table
    opening = lede_opening(state, _INDEFINITE_FIRM)
    if opening is None:
        return
    lede, m = opening
    firms = [
        x
        for x in state.mentions
        if x.how == "name"
        and x.key in table
        and table.get(table.resolve(x.key)).type in _FIRM_TYPES
        and not table.get(table.resolve(x.key)).unnamed
    ]
    if any(lede.start <= x.start < lede.end for x in firms):
        return  # the lede names its firm: the description is another, or that one
    ahead = doc.sentences[lede.index + 1 : lede.index + 1 + _LOOK_AHEAD]
    after = [x for x in firms if ahead and ahead[0].start <= x.start < ahead[-1].end]
    if not after:
        return
    firm = table.get(table.resolve(after[0].key))
    table.alias(firm, m.group(), "descriptive")
    state.mentions.append(
        Mention(m.start(), m.end(), m.group(), firm.key, firm.type, "descriptive")
    )
