"""All relations of an article: actions and referrals, structure, and people's roles."""

from __future__ import annotations

import datetime as dt

from ingest.extraction.actions import extract_actions
from ingest.extraction.build import Context
from ingest.extraction.entities import EntityTable, Mention
from ingest.extraction.output import RelationDraft
from ingest.extraction.people import affiliations
from ingest.extraction.places import text_part_of
from ingest.extraction.sentences import Document
from ingest.extraction.structure import structure_relations


def extract_relations(
    doc: Document,
    table: EntityTable,
    mentions: list[Mention],
    ctx: Context,
    published: dt.date | None,
) -> list[RelationDraft]:
    """Actions first (structure inference uses them), then structure and affiliations."""
    actions = extract_actions(doc, table, mentions, ctx, published)
    structure = structure_relations(doc, table, mentions, ctx, actions)
    structure += text_part_of(doc.text, mentions, table, ctx)
    people = affiliations(doc, table, mentions, ctx)
    return actions + structure + people
