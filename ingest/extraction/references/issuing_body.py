"""A regulator's own release: 'we', 'our' and 'the Commission' are the body issuing it.

A release on the body's own site, or reprinted as "(FCA press release)", speaks in the
first person and may never spell its own name: "We have today banned X", "Changes that
bring crypto promotions under our remit", "The Commission today announced that it has
charged X". The issuing body is the one public body its publisher names (the gazetteer's
entry, found in the publisher string); where the text speaks as "we" (outside quotes) or
calls a body by its head word ("the Commission") that no earlier stage resolved, those
words become mentions of it. An outlet's own "we" is untouched: a publisher that names no
public body names no issuer.
"""

from __future__ import annotations

import re

from graph.ontology import GROUP
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, Mention
from ingest.extraction.names.gazetteer_index import GazEntry, get_index
from ingest.extraction.text.literal_gate import gate

# (tried only at its opening words: `literal_gate`)
_WE = gate(re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b"))
# (tried only at its opening words: `literal_gate`)
_HEAD = gate(
    re.compile(
        r"\b[Tt]he (?P<head>Commission|Authority|Agency|Board|Bank|Regulator|Office|Service)\b"
    )
)


def resolve_issuer(state: ArticleState) -> None:
    """Add the issuing body's first-person and head-word mentions (see the module)."""
    text = state.doc.text
    we = [m for m in _WE.finditer(text) if not _quoted(text, m.start())]
    heads = list(_HEAD.finditer(text))
    if not we and not heads:
        return
    entry = _publisher_body(state.article.publisher)
    if entry is None:
        return
    heads = [m for m in heads if m.group("head").lower() in entry.name.lower().split()]
    if heads:  # the head words no name already covers (compared last: the costliest test)
        taken = [(m.start, m.end) for m in state.mentions]
        heads = [m for m in heads if not any(s <= m.start() < e for s, e in taken)]
    if not we and not heads:
        return
    draft = _entity(state, entry)
    for m in we + heads:
        state.mentions.append(
            Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "pronoun")
        )


def _publisher_body(publisher: str | None) -> GazEntry | None:
    """The one public body the publisher string names ("Ontario Securities Commission
    (news release)", "Mondo Visione (FCA press release)")."""
    if not publisher:
        return None
    index = get_index()
    found = {
        s.entry
        for hit in index.find(publisher)
        for s in hit.surfaces
        if not s.ambiguous and index.entries[s.entry].type in GROUP.public_body
    }
    return index.entries[found.pop()] if len(found) == 1 else None


def _entity(state: ArticleState, entry: GazEntry) -> EntityDraft:
    """The issuer's entity (the one the text named, or a new one from its entry)."""
    return state.table.add(
        entry.name, entry.type, qid=entry.qid, jurisdiction=entry.jurisdiction, parent=entry.parent
    )


def _quoted(text: str, pos: int) -> bool:
    """Whether `pos` is inside a quotation of its line (speech, or a title)."""
    line = text.rfind("\n", 0, pos) + 1
    return text.count('"', line, pos) % 2 == 1
