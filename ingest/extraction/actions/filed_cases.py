"""The body that filed the case a court or tribunal decided sued its parties.

A regulator's release tells the decision, and who brought the case, in one sentence:
"further to an originating pleading filed by the AMF, the Tribunal issued a decision
sanctioning X and Y". The tribunal banned (and fined) X and Y; the AMF sued them. Only a
filing by a public body that is no court (a party's own application is no enforcement),
only in the sentence that tells the court's decision, and only legal filings: a request
("at the request of prosecutors") is no suit (ONTOLOGY: requests are not actions).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.actions.roles import View
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import RelationDraft

_FILED_BY = re.compile(
    r"\b(?:[Ff]urther|[Pp]ursuant|[Ff]ollowing|[Ii]n response|[Oo]wing) to an? (?:[\w-]+ ){0,2}?"
    r"(?:pleading|application|complaint|motion|petition|lawsuit|suit|claim)s? "
    r"(?:filed|brought|lodged|made|initiated|submitted) by (?:the )?$"
)
_DECISIONS = frozenset((REL.banned, REL.fined, REL.blocked))
_LOOK_BACK = 120  # characters between the filing's opening words and its filer


def filed_cases(
    views: list[View], state: ArticleState, told: list[tuple[int, RelationDraft]]
) -> list[tuple[int, RelationDraft]]:
    """A SUED relation from each body a sentence says filed the case to each party of
    that sentence's court decisions."""
    table = state.table
    out: list[tuple[int, RelationDraft]] = []
    done = {(r.type, r.source, table.resolve(r.target)) for _, r in told}
    for view in views:
        for m in view.mentions:
            start = max(view.sent.start, m.start - _LOOK_BACK)
            if m.key not in table or not _FILED_BY.search(view.doc_text, start, m.start):
                continue
            filer = table.resolve(m.key)
            kind = table.get(filer).type
            if kind not in GROUP.public_body or kind == TYPE.court:
                continue
            for index, rel in told:
                court = table.get(table.resolve(rel.source)) if rel.source in table else None
                if index != view.sent.index or rel.type not in _DECISIONS:
                    continue
                if court is None or court.type != TYPE.court:
                    continue
                target = table.resolve(rel.target)
                if (REL.sued, filer, target) in done or target == filer:
                    continue
                done.add((REL.sued, filer, target))
                draft = RelationDraft(
                    REL.sued, filer, target, view.sent.text, round(rel.confidence - 0.1, 2)
                )
                draft.date = rel.date
                out.append((view.sent.index, draft))
    return out
