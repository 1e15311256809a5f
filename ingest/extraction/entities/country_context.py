"""The article's country context: which country it is about, and which places it names.

Ambiguous names ("SEC", "Securities Commission") and descriptions ("the country's
central bank", "local exchange") are settled by the country an article is mostly
about. It is counted once, from the unambiguous place and body names the `names`
stage found, country adjectives ("Thai", "Nigerian") and the dateline.
"""

from __future__ import annotations

import re
from collections import Counter

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.currency_countries import currency_countries
from ingest.extraction.entities.section_country import SectionCountries
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.gazetteer_index import GazEntry, GazIndex
from ingest.extraction.text.document import Document
from ingest.extraction.text.literal_gate import gate

# r"\b[A-Z][a-z]+s?\b" with the opening boundary as a lookbehind after the capital: the
# same matches, but the search can skip to capitals
_CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+s?\b")


_FIRMS = frozenset((TYPE.exchange, TYPE.company))

# a demonym naming a currency says nothing of where the story is: "buying and selling
# national currencies like the U.S. dollar, euro, or Japanese yen" (the one national
# currency of an article naming no place still counts: `currency_countries`)
_CURRENCY_AFTER = re.compile(
    r" (?:yen|yuan|renminbi|won|rupees?|naira|rand|francs?|pounds?|dollars?|pesos?|real|reais"
    r"|lira|liras|roubles?|rubles?|baht|ringgit|dirhams?|riyals?|shillings?|kron[ae]|kronor"
    r"|zloty|hryvnias?|dong|rupiah|cedis?|tenge|dinars?|som|lari|leu|lev|forint)\b"
)
_CURRENCY_SEARCH = gate(_CURRENCY_AFTER)  # tried only at the currencies' names


def _counted_currencies(text: str, demonym: str) -> int:
    """How often `demonym` stands right before a currency's name in `text`."""
    if not _CURRENCY_SEARCH.search(text):
        return 0
    return len(re.findall(rf"\b{re.escape(demonym)}(?={_CURRENCY_AFTER.pattern})", text))


class CountryContext:
    """What the whole article says about place: its main country and place mentions."""

    def __init__(self, doc: Document, cands: list[Candidate], index: GazIndex) -> None:
        self.index = index
        self.country_counts: Counter[str] = Counter()
        self.place_counts: Counter[str] = Counter()
        firm_seats: Counter[str] = Counter()
        for c in cands:
            if c.type == TYPE.jurisdiction and c.entries and not c.ambiguous:
                entry = index.entries[c.entries[0]]
                self.place_counts[entry.name] += 1
                self.country_counts[self.country_of(entry.name)] += 1
            elif c.type in GROUP.public_body and c.entries and not c.ambiguous:
                seat = index.entries[c.entries[0]].jurisdiction
                if seat:  # "New York Attorney General": a body names its country too
                    self.country_counts[self.country_of(seat)] += 1
            elif c.type in _FIRMS and c.entries and not c.ambiguous:
                seat = index.entries[c.entries[0]].jurisdiction
                if seat:
                    firm_seats[self.country_of(seat)] += 1
        for word, n in Counter(_CAPITALISED.findall(doc.text)).items():
            country = index.country_of_adjective(word) or index.country_of_adjective(word[:-1])
            if country:
                n -= _counted_currencies(doc.text, word)
                if n > 0:
                    self.country_counts[country] += n
        if doc.dateline_place:
            found = self.jurisdiction(doc.dateline_place)
            if found:
                self.country_counts[self.country_of(found.name)] += 2
        if not self.country_counts:
            # no place, body, demonym or dateline: the seat of the firms the story names
            # ("the Financial Intelligence Unit suspended Upbit": Korea's unit)
            self.country_counts = firm_seats
        if not self.country_counts:  # nor a known firm: the one national currency named
            named = [self.jurisdiction(c) for c in currency_countries(doc.text)]
            countries = {self.country_of(e.name) for e in named if e is not None}
            if len(countries) == 1:
                self.country_counts = Counter(countries)
        self.main_country = (
            self.country_counts.most_common(1)[0][0] if self.country_counts else None
        )
        self.sections = SectionCountries(doc, cands, index, self.country_of)

    def jurisdiction(self, name: str) -> GazEntry | None:
        """The Jurisdiction entry a place name (or demonym) points at."""
        for entry in self.index.lookup(name):
            if entry.type == TYPE.jurisdiction:
                return entry
        country = self.index.country_of_adjective(name)
        if country:
            return next(
                (e for e in self.index.lookup(country) if e.type == TYPE.jurisdiction), None
            )
        return None

    def country_of(self, place: str) -> str:
        """Walk a place's gazetteer parents up to the top (its country or union)."""
        name = place
        for _ in range(6):
            entry = next((e for e in self.index.lookup(name) if e.type == TYPE.jurisdiction), None)
            if entry is None or not entry.parent:
                return name
            name = entry.parent
        return name

    def mentioned(self, place: str | None) -> bool:
        return bool(place) and (place in self.place_counts or place in self.country_counts)
