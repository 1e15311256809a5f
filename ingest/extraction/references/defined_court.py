"""'The Court', capitalised: the court the story is about, not the last one named.

A court's or a regulator's release names the court that decided the case in its lede and
then calls it "the Court", a defined term, even after naming other courts along the way:
"The Federal Court has found X must pay ... In 2025, the Full Federal Court found ... The
Court has today ordered X to pay". Each capitalised "the Court" that is no longer name's
start ("the Court of Appeal") becomes a mention of the court the article names first, when
it names that court in its first two sentences; a lower-case "the court" is left to the
descriptions stage (the nearest court fits it).
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import Mention

_THE_COURT = re.compile(r"\b[Tt]he Court\b(?! of\b)(?!['\u2019]s\b)(?! [A-Z])")
_LEDE = 2  # sentences


def defined_court_mentions(state: ArticleState) -> None:
    """A mention of the story's court at each capitalised "the Court" (see the module)."""
    text, table = state.doc.text, state.table
    if "the Court" not in text and "The Court" not in text:
        return
    body = [s for s in state.doc.sentences if not s.heading][:_LEDE]
    if not body:
        return
    lede_end = body[-1].end
    first = next(
        (
            m
            for m in sorted(state.mentions, key=lambda x: x.start)
            if m.how == "name"
            and m.key in table
            and table.get(table.resolve(m.key)).type == TYPE.court
        ),
        None,
    )
    if first is None or first.start >= lede_end:
        return
    court = table.get(table.resolve(first.key))
    added = []
    for found in _THE_COURT.finditer(text):
        if found.start() < first.end:
            continue
        if any(x.start < found.end() and found.start() < x.end for x in state.mentions):
            continue
        table.alias(court, found.group(), "descriptive")
        added.append(
            Mention(found.start(), found.end(), found.group(), court.key, court.type, "descriptive")
        )
    state.mentions += added
