"""`ArticleState`: the one typed object the stages after `names` pass along.

`named_entities.build_entities` creates it from the document and its name
candidates; the `references` stages add mentions to it and settle them; the
`actions` and `structure` stages read it (and may add entities to its table);
`output` turns its table and their relations into the ontology's models.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from graph.models import Article
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityTable, Mention, Refusal
from ingest.extraction.text.document import Document


@dataclass
class ArticleState:
    """One article as the extractor sees it between stages.

    `doc`: the cleaned text as sentences; `country`: what the article says about place;
    `table`: its entities; `mentions`: spans pointing at them (kept in document order
    by `settle`).
    """

    article: Article
    doc: Document
    country: CountryContext
    table: EntityTable = field(default_factory=EntityTable)
    mentions: list[Mention] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    @property
    def published(self) -> dt.date | None:
        """The publication date, against which 'on Monday' or 'last September' resolve."""
        return self.article.published

    def cover(self, added: list[Mention], only_type: str | None = None) -> None:
        """Add mentions that name a whole phrase, dropping the mentions inside their spans
        (of `only_type` alone when given: "the state's Attorney General" keeps no mention
        of the state; "the intelligence unit of South Korea's financial watchdog" none of
        the watchdog)."""
        spans = [(a.start, a.end) for a in added]
        self.mentions = [
            m
            for m in self.mentions
            if (only_type is not None and m.type != only_type)
            or not any(s <= m.start and m.end <= e for s, e in spans)
        ] + added

    def settle(self) -> None:
        """Point every mention at its entity's surviving key and type, in document order.

        Entities merge as stages learn aliases; a mention of a merged-away entity follows
        the merge, and one whose entity is gone is dropped. Mentions not yet placed get
        the index of their sentence (-1 when they fall between sentences).
        """
        out = []
        resolve, drafts = self.table.resolve, self.table.drafts
        for m in self.mentions:
            key = resolve(m.key)
            draft = drafts.get(key)
            if draft is None:
                continue
            m.key, m.type = key, draft.type
            out.append(m)
        out.sort(key=lambda m: (m.start, -m.end))
        sentences = self.doc.sentences
        starts = [s.start for s in sentences]
        for m in out:
            if m.sentence < 0:
                i = bisect_right(starts, m.start) - 1
                m.sentence = i if i >= 0 and m.start < sentences[i].end else -1
        self.mentions = out
