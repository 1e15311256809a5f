"""Which country "the country", "the government" or "the country's central bank" means.

An article about one country means that country; a digest of several stories, or an
article that moves from one country to another, means the country its latest sentences
are about. Countries are read from the places, the public bodies whose names carry a
place, and the demonyms ("Polish lawmakers") written earlier in the description's own
sentence, else in the two sentences before it: in its own sentence the latest wins;
before it, the article's main country if it is among them, else the latest; with none,
the main country. Only countries count (a union such as the EU has no "government"
here, and an international body's seat is no country of the story).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.names.gazetteer_index import GazIndex

WINDOW = 2  # sentences before the description's own
_CAPITALISED = re.compile(r"[A-Z](?<!\w.)[a-z]+\b")
_COUNTRIES: dict[int, frozenset[str]] = {}


def _countries(index: GazIndex) -> frozenset[str]:
    """The countries the gazetteer knows a demonym of (unions and regions have none)."""
    found = _COUNTRIES.get(id(index))
    if found is None:
        found = _COUNTRIES[id(index)] = frozenset(index.adjectives.values())
    return found


def country_near(state: ArticleState, pos: int) -> str | None:
    """The country a country-less description at `pos` refers to (None if none is known)."""
    ctx, table, doc = state.country, state.table, state.doc
    sentence = doc.sentence_at(pos)
    if sentence is None:
        return ctx.main_country
    countries = _countries(ctx.index)
    first = doc.sentences[max(0, sentence.index - WINDOW)].start
    seen: dict[str, int] = {}

    def saw(country: str | None, at: int) -> None:
        if country in countries:
            seen[country] = max(seen.get(country, -1), at)

    for m in state.mentions:
        if not first <= m.start < pos or m.how != "name":
            continue
        key = table.resolve(m.key)
        if key not in table:
            continue
        draft = table.get(key)
        if draft.type == TYPE.jurisdiction:
            saw(ctx.country_of(draft.name), m.start)
        elif draft.type in GROUP.public_body and draft.places:
            saw(ctx.country_of(draft.places[0]), m.start)
    for word in _CAPITALISED.finditer(doc.text, first, pos):
        saw(ctx.index.country_of_adjective(word.group()), word.start())
    if not seen:
        return ctx.main_country
    latest = max(seen, key=lambda c: seen[c])
    if seen[latest] >= sentence.start:  # "In Morocco, the country's central bank ..."
        return latest
    return ctx.main_country if ctx.main_country in seen else latest
