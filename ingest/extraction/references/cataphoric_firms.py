"""An indefinite firm the next sentence identifies: "This is the X exchange".

"A court has ordered the blocking of access to a cryptocurrency exchange nationwide ...
This is the Kestrel exchange, based in the Seychelles." The story tells the action on a
description, then names the party in a sentence that says only who it is. The description
("a cryptocurrency exchange") is a mention of the firm that sentence opens on: only when
the next sentence starts "This/That/It is (the) <firm>" or "The exchange/company (in
question) is <firm>", and only the last indefinite firm of the sentence before.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention

_FIRM_TYPES = frozenset((TYPE.company, TYPE.exchange))
_INDEFINITE_FIRM = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne) (?:[\w.-]+ ){0,3}?(?:platform|exchange|firm|company|operator|broker"
    r"|startup|lender|provider|business|app)\b(?! (?:of|that|which|who)\b)"
    r"(?! for\b(?! the first time))"  # ("a platform for traders" is another thing)
)
_IDENTIFYING = re.compile(
    r"(?:This|That|It|The (?:exchange|platform|firm|company|operator)(?: in question)?)"
    r" (?:is|was) (?:the |a |an )?"
)
_FIRST_WORDS = ("This ", "That ", "It ", "The ")


def cataphoric_firm_mentions(state: ArticleState) -> None:
    """A mention of the firm a sentence identifies at the indefinite firm of the sentence
    before it (see the module)."""
    doc, table = state.doc, state.table
    sentences = doc.sentences
    for sent in sentences[1:]:
        if not sent.text.startswith(_FIRST_WORDS):
            continue
        opening = _IDENTIFYING.match(doc.text, sent.start, sent.end)
        if opening is None:
            continue
        firm_key = next(
            (
                m.key
                for m in state.mentions
                if m.start == opening.end()
                and m.how == "name"
                and m.key in table
                and table.get(table.resolve(m.key)).type in _FIRM_TYPES
            ),
            None,
        )
        if firm_key is None:
            continue
        before = sentences[sent.index - 1]
        if before.heading:
            continue
        found = list(_INDEFINITE_FIRM.finditer(doc.text, before.start, before.end))
        if not found:
            continue
        m = found[-1]
        # one unnamed firm an action fell on ("fined a crypto firm", `unnamed_groups`) is
        # the firm named now: its group-of-one mention gives way
        state.mentions = [
            x
            for x in state.mentions
            if not (x.how == "group" and x.start < m.end() and m.start() < x.end)
            or not table.get(x.key).unnamed
            or table.get(x.key).count != 1
        ]
        if any(x.start < m.end() and m.start() < x.end for x in state.mentions):
            continue  # the description already names someone
        firm = table.get(table.resolve(firm_key))
        table.alias(firm, m.group(), "descriptive")
        state.mentions.append(
            Mention(m.start(), m.end(), m.group(), firm.key, firm.type, "descriptive")
        )
