"""Where public bodies sit (LOCATED_IN).

A body's seat comes from the text first ("the Federal High Court in Abuja", "Japan's
Financial Services Agency", "the country's ... Committee"), then from the places its
name carries, then from the gazetteer; only places the article itself names count
(`named_place`).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention, RelationDraft


def located_relations(state: ArticleState) -> list[RelationDraft]:
    """LOCATED_IN for every named public body whose seat the article names."""
    table, mentions, text = state.table, state.mentions, state.doc.text
    out: list[RelationDraft] = []
    for d in table.all():
        if d.type not in GROUP.public_body or d.unnamed:
            continue
        place = _seat(d, state)
        if place is not None and place.key != d.key:
            out.append(
                RelationDraft(
                    REL.located_in, d.key, place.key, _first_sentence(d, mentions, text), 0.75
                )
            )
    return out


def _seat(d: EntityDraft, state: ArticleState) -> EntityDraft | None:
    mentions, text, table, ctx = state.mentions, state.doc.text, state.table, state.country
    own = [m for m in mentions if m.key == d.key]
    for m in own:
        if d.type == TYPE.court:
            inside = re.search(r" in (?:the )?([A-Z][\w]*(?: [A-Z]\w*)*)$", m.text)
            found = named_place(inside.group(1), table, ctx) if inside else None
            if found is not None:
                return found
            after = re.match(r" in (?:the )?([A-Z][\w]*(?: [A-Z]\w*)*)", text[m.end : m.end + 40])
            if after:
                found = named_place(after.group(1), table, ctx)
                if found is not None:
                    return found
    for m in own:
        before = re.search(
            r"(?:\b([A-Z][\w.]*(?: [A-Z]\w+)?)'s|\bthe (country|state|city|"
            r"province|emirate)'s|\b(US|U\.S\.|UK|U\.K\.)) (?:[\w-]+ ){0,2}$",
            text[max(0, m.start - 40) : m.start],
        )
        if before:
            name = (
                before.group(1)
                or before.group(3)
                or (ctx.main_country if before.group(2) in ("country",) else None)
            )
            if (
                before.group(2)
                and name
                and d.jurisdiction
                and ctx.country_of(d.jurisdiction) != ctx.country_of(name)
            ):
                name = None  # a digest's "the country's SEC" is the SEC the gazetteer places

            if before.group(3):
                name = "United States" if "S" in before.group(3) else "United Kingdom"
            found = named_place(name, table, ctx) if name else None
            if found is not None:
                return found
    for place in reversed(d.places):
        found = named_place(place, table, ctx)
        if found is not None:
            return found
    gazetted = named_place(d.jurisdiction, table, ctx) if d.jurisdiction else None
    prefixed = _prefix_place(d.name, table, ctx)  # "Sofia City Prosecutor's Office"
    if prefixed is not None and (
        gazetted is None
        or (
            gazetted.parent is None  # the gazetteer gives only the country: the city is finer
            and ctx.country_of(prefixed.name) == ctx.country_of(gazetted.name)
        )
    ):
        return prefixed
    if gazetted is not None:
        return gazetted
    for alias in d.aliases:
        m2 = re.match(r"([A-Z][\w.]*(?: [A-Z]\w+)?)'s ", alias)
        if m2:
            found = named_place(m2.group(1), table, ctx)
            if found is not None:
                return found
    named = _NAMED_PLACE.search(d.name)
    if named and ctx.jurisdiction(named.group(1)) is not None:
        return named_place(named.group(1), table, ctx)  # "Supreme Court of the State of X"
    if (
        re.search(r"\b(?:National|Federal|Royal|Union|Legislative|State)\b", d.name)
        and ctx.main_country
        and (not d.jurisdiction or ctx.country_of(d.jurisdiction) == ctx.main_country)
    ):  # a body the gazetteer places elsewhere is not the article country's
        return named_place(ctx.main_country, table, ctx)
    return None


def _prefix_place(name: str, table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """The place a body's name begins with, if the article names it on its own."""
    prefix = _PLACE_PREFIX.match(name)
    if prefix is None:
        return None
    for words in (prefix.group(1), prefix.group(1).split()[0]):
        found = named_place(words, table, ctx)
        if found is not None and ctx.jurisdiction(words) is not None:
            return found
    return None


_PLACE_PREFIX = re.compile(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?) (?:City |Regional |District )?\w")
_NAMED_PLACE = re.compile(r"\bof (?:the )?(?:State of |Republic of )?([A-Z]\w+(?: [A-Z]\w+)*)$")


def named_place(name: str | None, table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """The Jurisdiction `name` (or the place its demonym points at), if the article names it."""
    if not name:
        return None
    found = table.find(name)
    if found is None:
        entry = ctx.jurisdiction(name)
        found = table.find(entry.name) if entry else None
    if found is None or found.type != TYPE.jurisdiction or not found.standalone:
        return None
    return found


def _first_sentence(d: EntityDraft, mentions: list[Mention], text: str) -> str:
    m = next((x for x in mentions if x.key == d.key), None)
    if m is None:
        return d.name
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    return text[start : end if end >= 0 else len(text)]
