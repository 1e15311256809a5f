"""The `structure` stage: where entities sit and who owns whom (all but AFFILIATED_WITH).

Sources, strongest first: explicit phrases, sentence by sentence (`firm_places`:
"a Seychelles-based exchange", "originated in China"; `ownership`: "the UK-based
unit of ...", "its parent company, X"); the gazetteer (a body's jurisdiction, a
place's parent, a firm's parent), used only between entities the article names
(`body_seats`, `place_nesting`, `ownership`); and one inference from the actions:
an exchange that a body of country J acts against operates in J.
"""

from __future__ import annotations

import re

from graph.ontology import REL, TYPE
from ingest.extraction.actions.clauses import clauses_of
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention, RelationDraft
from ingest.extraction.references.listed_firms import spread_to_members
from ingest.extraction.structure.body_seats import located_relations
from ingest.extraction.structure.firm_places import firm_place_relations, phrase_gates
from ingest.extraction.structure.head_offices import head_office_relations
from ingest.extraction.structure.ownership import curated_parents, ownership_relations
from ingest.extraction.structure.place_nesting import (
    part_of_relations,
    text_part_of,
    written_part_of,
)


def read_structure(state: ArticleState, actions: list[RelationDraft]) -> list[RelationDraft]:
    """HEADQUARTERED_IN, ORIGINATED_IN, OPERATES_IN, LOCATED_IN, PART_OF, SUBSIDIARY_OF.

    `actions`: the `actions` stage's relations, from which OPERATES_IN is inferred.
    """
    doc, table, mentions, ctx = state.doc, state.table, state.mentions, state.country
    out: list[RelationDraft] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    gated = phrase_gates(doc)
    for sent in doc.sentences:
        ments = by_sent.get(sent.index, [])
        clauses = clauses_of(doc, sent, ments)
        maybe = tuple(rtype for rtype, starts in gated.items() if sent.start in starts)
        out += firm_place_relations(doc.text, sent.text, ments, table, ctx, clauses, maybe)
        out += ownership_relations(doc.text, sent.text, ments, table)
        out += head_office_relations(doc.text, sent.text, ments, table)
    out += curated_parents(table)
    out += located_relations(state)
    out += part_of_relations(table, ctx)
    out += _operates_inferred(table, out, actions)
    out += text_part_of(state)
    out += written_part_of(state)
    return spread_to_members(out, table)  # "three entities" listed whole: each of them


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)  # `table.get(key) if key in table else None`, in one lookup


def _country_seat(table: EntityTable, seat: str | None) -> str | None:
    """Where a court's, prosecutor's or agency's action says a firm operates: its seat when
    that is a country or a financial zone, else the seat's country if the article names it
    (prosecutors in Seoul raiding an exchange say it works in South Korea, not in Seoul;
    a regulator's seat, as Ontario's, is its reach and is kept by the caller)."""
    draft = _draft(table, seat) if seat is not None else None
    if draft is None or draft.parent is None:
        return seat
    if _ZONE.search(draft.name):
        return seat  # "licensed in the AIFC", "a DIFC firm"
    parent = draft
    for _ in range(6):
        if parent.parent is None:
            break
        found = table.find(parent.parent)
        if found is None:
            return None
        parent = found
    return parent.key if parent.key != seat else seat


_ZONE = re.compile(r"\b(?:Financial Cent(?:re|er)|Global Market|Free Zone|Centre|Center)\b")


def _operates_inferred(
    table: EntityTable, structure: list[RelationDraft], actions: list[RelationDraft]
) -> list[RelationDraft]:
    """An exchange a body acts on operates where the body sits; so does any firm the body
    licenses (a licence, held or revoked, is leave to do business there). A firm that is
    only fined, warned or sued may be abroad, so only exchanges are read so."""
    seats = {r.source: r.target for r in structure if r.type == REL.located_in}
    hq = {(r.source, r.target) for r in structure if r.type == REL.headquartered_in}
    out = []
    for r in actions:
        target = _draft(table, r.target)
        if (
            r.type == REL.referred_by
            or target is None
            or not (
                target.type == TYPE.exchange
                or (target.type == TYPE.company and r.type == REL.licensed)
            )
            or target.unnamed
        ):
            continue
        body = _draft(table, r.source)
        place = seats.get(r.source)
        if body is not None and body.type == TYPE.governmentbody:
            place = _country_seat(table, place)
        if place is None or (r.target, place) in hq:
            continue
        seat = _draft(table, place)
        if target.type == TYPE.company and (seat is None or _ZONE.search(seat.name)):
            continue  # a free zone's licensee is mostly a firm set up there, not one abroad
        out.append(RelationDraft(REL.operates_in, r.target, place, r.evidence, 0.5))
    for d in table.all():
        if d.type == TYPE.exchange and d.places and not d.unnamed:
            found = table.find(d.places[-1])
            if found is not None and found.type == TYPE.jurisdiction and found.standalone:
                out.append(RelationDraft(REL.operates_in, d.key, found.key, d.name, 0.6))
    return out
