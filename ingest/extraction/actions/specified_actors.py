"""A country's government said to act, then the body that acted named: the body's action.

"Cambodia's government has blocked access to 16 exchange websites ... The blocked URLs
were part of a broader directive issued by the Telecommunication Regulator of Cambodia."
News often credits a state's action to its government first and names the agency a
sentence or two later as the issuer of the instrument. The government's relations of
that sentence pass to the body: only a government (the collective "Government of X"),
only in its sentence or the two after, only a public body of the same country (or one the
gazetteer does not seat) that issued a directive, order or decision.
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.actions.roles import View
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import RelationDraft

_REACH = 2  # sentences after the government's action
_ISSUED_BY = re.compile(
    r"\b(?:directive|order|decision|instruction|notice|circular|ruling)s? "
    r"(?:(?:was|were|had been|has been) )?(?:issued|made|given|sent|signed|handed down) by "
    r"(?:the )?$"
)


def specified_actors(
    views: list[View], state: ArticleState, told: list[tuple[int, RelationDraft]]
) -> None:
    """Give the government's actions to the body a later sentence says issued them."""
    table, ctx = state.table, state.country
    for index, rel in told:
        gov = table.get(table.resolve(rel.source)) if rel.source in table else None
        if gov is None or not gov.name.startswith("Government of "):
            continue
        country = ctx.country_of(gov.jurisdiction or "")
        for view in views[index : index + 1 + _REACH]:
            start = view.sent.start
            body = next(
                (
                    m
                    for m in view.mentions
                    if m.key in table
                    and _ISSUED_BY.search(view.doc_text, max(start, m.start - 60), m.start)
                ),
                None,
            )
            if body is None:
                continue
            draft = table.get(table.resolve(body.key))
            seat = ctx.country_of(draft.jurisdiction) if draft.jurisdiction else None
            if (
                draft.type in GROUP.public_body
                and draft.type != TYPE.jurisdiction
                and not draft.name.startswith("Government of ")
                and seat in (None, country)
            ):
                rel.source = draft.key
            break
