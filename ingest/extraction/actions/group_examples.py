"""Firms named as examples of a group an action fell on share that action.

"Germany has shut down 47 cryptocurrency exchanges ... Among the seized platforms was
Xchange.cash ... Other major exchanges included 60cek.org, Baksman.com and
Prostocash.com": each named platform is one of the 47, so each was shut down by the same
actor. Only a sentence that gives examples ("among ... was", "included", "such as") within
a few sentences after the action, in the same story, and only names of the group's kind
(a platform's web address counts as a platform) are read so; the group stays a node of its
own, its named members joining it.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.actions.roles import View
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import RelationDraft

_REACH = 5  # sentences after the action
_EXAMPLES = re.compile(
    r"\b(?:[Aa]mong (?:the|them|those)\b[^.;\n]{0,60}?\b(?:was|were|is|are)"
    r"|(?:[Tt]hey|[Tt]hose|[Oo]thers?|[Tt]he (?:[\w-]+ ){0,3}?(?:platforms|exchanges|sites"
    r"|websites|firms|companies|entities|apps)) (?:[\w-]+ ){0,2}?(?:included?|includes)"
    r"|such as|namely)\b"
)
# the group's own words told again: "these 16 exchanges", "those platforms", "the 16
# exchanges" (not "the largest exchanges")
_HEAD_WORDS = {
    TYPE.exchange: "exchanges|platforms",
    TYPE.company: "companies|firms|entities|businesses",
    TYPE.website: "websites|sites|domains",
    TYPE.app: "apps|applications",
}


def _back_reference(kind: str, count: int | None) -> re.Pattern[str]:
    heads = _HEAD_WORDS[kind]
    counted = rf"|[Tt]he {count} (?:[\w-]+ ){{0,2}}?(?:{heads})" if count else ""
    return re.compile(
        rf"\b(?:(?:[Tt]hese|[Tt]hose) (?:{count} )?(?:[\w-]+ ){{0,2}}?(?:{heads}){counted})\b"
        if count
        else rf"\b(?:[Tt]hese|[Tt]hose) (?:[\w-]+ ){{0,2}}?(?:{heads})\b"
    )


_KINDS = {
    TYPE.exchange: frozenset((TYPE.exchange, TYPE.company, TYPE.website, TYPE.app)),
    TYPE.company: frozenset((TYPE.company, TYPE.exchange)),
    TYPE.website: frozenset((TYPE.website, TYPE.exchange)),
    TYPE.app: frozenset((TYPE.app,)),
}


def group_examples(
    views: list[View], state: ArticleState, told: list[tuple[int, RelationDraft]]
) -> list[tuple[int, RelationDraft]]:
    """The action on a group, again on each firm a later sentence names as its example."""
    table = state.table
    out: list[tuple[int, RelationDraft]] = []
    done = {(r.type, r.source, table.resolve(r.target)) for _, r in told}
    for index, rel in told:
        group = table.get(table.resolve(rel.target)) if rel.target in table else None
        if group is None or not group.unnamed or group.type not in _KINDS:
            continue
        back = _back_reference(group.type, group.count)
        limit = index + 1 + _REACH
        at = index + 1
        while at < min(limit, len(views)):
            view = views[at]
            at += 1
            if view.sent.heading and not any(
                back.search(v.sent.text) for v in views[at : at + _REACH]
            ):
                break  # the next story (a subhead goes on with it: "these 16 exchanges")
            if back.search(view.sent.text):
                limit = max(limit, at + 2)  # the group told again: its examples may follow
            if not _EXAMPLES.search(view.sent.text):
                continue
            for m in view.mentions:
                key = table.resolve(m.key) if m.key in table else None
                if key is None or table.get(key).unnamed:
                    continue
                if table.get(key).type not in _KINDS[group.type]:
                    continue
                if (rel.type, rel.source, key) in done:
                    continue
                done.add((rel.type, rel.source, key))
                draft = RelationDraft(
                    rel.type, rel.source, key, view.sent.text, round(rel.confidence - 0.15, 2)
                )
                out.append((view.sent.index, draft))
    return out
