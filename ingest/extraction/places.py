"""Where public bodies sit (LOCATED_IN) and how places nest (PART_OF).

A body's seat comes from the text first ("the Federal High Court in Abuja", "Japan's
Financial Services Agency", "the country's ... Committee"), then from the places its
name carries, then from the gazetteer; only places the article itself names count.
PART_OF follows the gazetteer's parents to the nearest place the article names, and
reads sentences like "Chaoyang is one of Beijing's districts".
"""

from __future__ import annotations

import re

from graph.ontology import REL, TYPE
from ingest.extraction.build import Context
from ingest.extraction.entities import PUBLIC_BODIES, EntityDraft, EntityTable, Mention
from ingest.extraction.output import RelationDraft

_PART_OF_TEXT = re.compile(
    r"^(?: is)? one of (?P<owner>[A-Z][\w ]*?)'s (?:[\w-]+ ){0,3}?(?:districts|provinces|states|"
    r"cities|emirates|regions|counties)\b|^, (?P<owner2>[A-Z][\w ]*?)'s (?:[\w-]+ ){0,3}?"
    r"(?:province|state|city|emirate|region|district|capital)\b|^, one of the (?:\w+ )?(?:that"
    r"|which) "
    r"make up (?:the )?(?P<owner3>[A-Z][\w ]+)"
)


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)  # `table.get(key) if key in table else None`, in one lookup


def located_relations(
    table: EntityTable, mentions: list[Mention], text: str, ctx: Context
) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    for d in table.all():
        if d.type not in PUBLIC_BODIES or d.unnamed:
            continue
        place = _seat(d, mentions, text, table, ctx)
        if place is not None and place.key != d.key:
            out.append(
                RelationDraft(
                    REL.located_in, d.key, place.key, _first_sentence(d, mentions, text), 0.75
                )
            )
    return out


def _seat(
    d: EntityDraft, mentions: list[Mention], text: str, table: EntityTable, ctx: Context
) -> EntityDraft | None:
    own = [m for m in mentions if m.key == d.key]
    for m in own:
        if d.type == TYPE.court:
            inside = re.search(r" in (?:the )?([A-Z][\w]*(?: [A-Z]\w*)*)$", m.text)
            found = _emitted_place(inside.group(1), table, ctx) if inside else None
            if found is not None:
                return found
            after = re.match(r" in (?:the )?([A-Z][\w]*(?: [A-Z]\w*)*)", text[m.end : m.end + 40])
            if after:
                found = _emitted_place(after.group(1), table, ctx)
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
            if before.group(3):
                name = "United States" if "S" in before.group(3) else "United Kingdom"
            found = _emitted_place(name, table, ctx) if name else None
            if found is not None:
                return found
    for place in reversed(d.places):
        found = _emitted_place(place, table, ctx)
        if found is not None:
            return found
    if d.jurisdiction:
        found = _emitted_place(d.jurisdiction, table, ctx)
        if found is not None:
            return found
    for alias in d.aliases:
        m2 = re.match(r"([A-Z][\w.]*(?: [A-Z]\w+)?)'s ", alias)
        if m2:
            found = _emitted_place(m2.group(1), table, ctx)
            if found is not None:
                return found
    named = _NAMED_PLACE.search(d.name)
    if named and ctx.jurisdiction(named.group(1)) is not None:
        return _emitted_place(named.group(1), table, ctx)  # "Supreme Court of the State of X"
    if (
        re.search(r"\b(?:National|Federal|Royal|Union|Legislative|State)\b", d.name)
        and ctx.main_country
        and (not d.jurisdiction or ctx.country_of(d.jurisdiction) == ctx.main_country)
    ):  # a body the gazetteer places elsewhere is not the article country's
        return _emitted_place(ctx.main_country, table, ctx)
    return None


_NAMED_PLACE = re.compile(r"\bof (?:the )?(?:State of |Republic of )?([A-Z]\w+(?: [A-Z]\w+)*)$")


def _emitted_place(name: str | None, table: EntityTable, ctx: Context) -> EntityDraft | None:
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


def part_of_relations(table: EntityTable, ctx: Context) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    for d in table.all():
        if d.type != TYPE.jurisdiction or not d.standalone:
            continue
        name = d.name
        for _ in range(6):
            entry = next((e for e in ctx.index.lookup(name) if e.type == TYPE.jurisdiction), None)
            if entry is None or not entry.parent:
                break
            parent = table.find(entry.parent)
            if parent is not None and parent.type == TYPE.jurisdiction and parent.standalone:
                out.append(
                    RelationDraft(
                        REL.part_of, d.key, parent.key, f"{d.name} is part of {parent.name}.", 0.7
                    )
                )
                break
            name = entry.parent
    return out


def text_part_of(
    text: str, mentions: list[Mention], table: EntityTable, ctx: Context
) -> list[RelationDraft]:
    """'Chaoyang is one of Beijing's districts', 'Ontario, Canada's most populous province'."""
    out = []
    for m in mentions:
        d = _draft(table, m.key)
        if d is None or d.type != TYPE.jurisdiction:
            continue
        hit = _PART_OF_TEXT.match(text[m.end : m.end + 100])
        if not hit:
            continue
        owner = hit.group("owner") or hit.group("owner2") or hit.group("owner3")
        found = _emitted_place(owner.strip(), table, ctx)
        if found is not None and found.key != d.key:
            line_start = text.rfind("\n", 0, m.start) + 1
            line_end = text.find("\n", m.end)
            out.append(
                RelationDraft(
                    REL.part_of,
                    d.key,
                    found.key,
                    text[line_start : line_end if line_end >= 0 else None],
                    0.8,
                )
            )
    return out
