"""The country each section of a digest is about.

A digest tells unrelated stories under their own headings ("Nigeria sues Binance" after a
paragraph on the US regulator's case against Coinbase), or in paragraphs labelled by their
place ("Philippines: The SEC ordered ..."). An ambiguous name ("SEC") belongs
to the country of its own story: the country its section names, when the section does not
name the article's main country at all. A section runs from one heading to the next; an
article without headings is one section, and the main country settles it as before.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.gazetteer_index import GazIndex
from ingest.extraction.text.document import Document

_CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+s?\b")
# a paragraph a digest opens with its place as a label: "Philippines: The SEC ordered ..."
_LABEL = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}: [A-Z]")


class SectionCountries:
    """Countries named per heading-delimited section of the document."""

    def __init__(
        self,
        doc: Document,
        cands: list[Candidate],
        index: GazIndex,
        country_of: Callable[[str], str],
    ) -> None:
        self.starts: list[int] = []  # where each section starts in `doc.text`
        paragraph = -1
        for sent in doc.sentences:
            labelled = sent.paragraph != paragraph and _LABEL.match(sent.text)
            if sent.heading or labelled or not self.starts:
                self.starts.append(sent.start)
            paragraph = sent.paragraph
        self.counts: list[Counter[str]] = [Counter() for _ in self.starts]
        if len(self.starts) < 2:
            return  # one section: the article's own context decides
        for c in cands:
            if c.type == TYPE.jurisdiction and c.entries and not c.ambiguous:
                self._count(c.start, country_of(index.entries[c.entries[0]].name))
        for m in _CAPITALISED.finditer(doc.text):
            word = m.group()
            country = index.country_of_adjective(word) or index.country_of_adjective(word[:-1])
            if country:
                self._count(m.start(), country_of(country))

    def _count(self, offset: int, country: str) -> None:
        self.counts[bisect_right(self.starts, offset) - 1][country] += 1

    def country_at(self, offset: int, main: str | None) -> str | None:
        """The country of the section at `offset`, where it differs from the main one: the
        section's most named country, if it never names `main`."""
        if len(self.starts) < 2:
            return None
        counts = self.counts[bisect_right(self.starts, offset) - 1]
        if not counts or (main is not None and main in counts):
            return None
        return counts.most_common(1)[0][0]
