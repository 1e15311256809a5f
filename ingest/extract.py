"""Article to `Extraction`: the rule-based extractor behind `cryptoreg extract`.

Steps (each in `ingest.extraction`): normalise the text; split it into sentences
without page furniture or datelines; find named mentions (gazetteer automaton, name
patterns, people, cues); build entities and settle ambiguous names with the
article's country; learn aliases the text introduces; resolve descriptions and
pronouns; find unnamed groups and activities; read actions and structure from
trigger words; emit only what the ontology admits. No model, no network: a
600-word article takes about 6 ms of CPU (see bench/extract_speed.py).
"""

from __future__ import annotations

from bisect import bisect_right

from graph.models import Article, Extraction
from ingest.extraction.aliases import paren_alias, rename_aliases, second_pass
from ingest.extraction.build import Context, add_candidate
from ingest.extraction.context import descriptive_mentions, pronoun_mentions
from ingest.extraction.entities import EntityTable, Mention
from ingest.extraction.gazindex import get_index
from ingest.extraction.groups import activity_mentions, group_mentions
from ingest.extraction.normalize import normalize_text
from ingest.extraction.output import to_extraction
from ingest.extraction.recognize import recognize
from ingest.extraction.relations import extract_relations
from ingest.extraction.scan import scanner_of
from ingest.extraction.sentences import Document, build_document


def extract_article(article: Article) -> Extraction:
    """Extract the entities and relations one article states (see ONTOLOGY.md's JSON)."""
    doc = build_document(normalize_text(article.text))
    table, mentions, ctx = named_entities(doc, article.publisher)
    mentions += group_mentions(doc, table, mentions, article.id)
    mentions += activity_mentions(doc, table, mentions)
    mentions += descriptive_mentions(doc, table, mentions, ctx)
    mentions += pronoun_mentions(doc, table, mentions)
    mentions = _settle(table, mentions)
    for m in mentions:
        if m.sentence < 0:
            m.sentence = _sentence_index(doc, m.start)
    relations = extract_relations(doc, table, mentions, ctx, article.published)
    return to_extraction(article, table, relations)


def named_entities(
    doc: Document, publisher: str | None = None
) -> tuple[EntityTable, list[Mention], Context]:
    """Named mentions and the entity table they resolve to."""
    index = get_index()
    cands = recognize(doc, index, publisher)
    ctx = Context(doc, cands, index)
    table = EntityTable()
    mentions: list[Mention] = []
    for cand in cands:
        mention = add_candidate(table, cand, doc.text, ctx)
        if mention is None:
            continue
        mentions.append(mention)
        key = table.resolve(mention.key)
        if key in table:
            paren_alias(table, table.get(key), doc.text, cand.end)
    mentions = _settle(table, mentions)
    mentions += second_pass(table, doc.text, mentions)
    if rename_aliases(table, doc.text, mentions, scanner_of(doc)):
        mentions = _settle(table, mentions)
        mentions += second_pass(table, doc.text, mentions)
    starts = [s.start for s in doc.sentences]
    for m in mentions:
        m.sentence = _sentence_index(doc, m.start, starts)
    return table, _settle(table, mentions), ctx


def _settle(table: EntityTable, mentions: list[Mention]) -> list[Mention]:
    """Point every mention at its entity's surviving key and type; keep document order."""
    out = []
    resolve, drafts = table.resolve, table.drafts
    for m in mentions:
        key = resolve(m.key)
        draft = drafts.get(key)
        if draft is None:
            continue
        m.key, m.type = key, draft.type
        out.append(m)
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _sentence_index(doc: Document, offset: int, starts: list[int] | None = None) -> int:
    """`doc.sentence_at(offset)`'s index (-1 for none); `starts`: the sentences' starts."""
    if starts is None:
        sent = doc.sentence_at(offset)
        return sent.index if sent is not None else -1
    i = bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < doc.sentences[i].end else -1
