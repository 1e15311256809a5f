"""How places nest (PART_OF).

PART_OF follows the gazetteer's parents to the nearest place the article names, and
reads sentences like "Chaoyang is one of Beijing's districts" or "Ontario, Canada's
most populous province".
"""

from __future__ import annotations

import re

from graph.ontology import REL, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, RelationDraft
from ingest.extraction.structure.body_seats import named_place

_PART_OF_TEXT = re.compile(
    r"^(?: is)? one of (?P<owner>[A-Z][\w ]*?)'s (?:[\w-]+ ){0,3}?(?:districts|provinces|states|"
    r"cities|emirates|regions|counties)\b|^, (?P<owner2>[A-Z][\w ]*?)'s (?:[\w-]+ ){0,3}?"
    r"(?:province|state|city|emirate|region|district|capital)\b|^, one of the (?:\w+ )?(?:that"
    r"|which) "
    r"make up (?:the )?(?P<owner3>[A-Z][\w ]+)"
    # "Himare, a small town in southern Albania"
    r"|^, an? (?:[\w-]+ ){0,2}?(?:town|city|village|port|resort|district|province|region|county"
    r"|municipality) (?:in|of) (?:the )?(?:(?:(?:north|south)(?:-?(?:east|west))?|east|west"
    r"|central)(?:ern)? )?(?P<owner4>[A-Z]\w*(?: [A-Z]\w*)?)(?=[,.;)]|$)"
)


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)  # `table.get(key) if key in table else None`, in one lookup


def part_of_relations(table: EntityTable, ctx: CountryContext) -> list[RelationDraft]:
    """PART_OF from the gazetteer, from each named place to its nearest named ancestor."""
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


def text_part_of(state: ArticleState) -> list[RelationDraft]:
    """'Chaoyang is one of Beijing's districts', 'Ontario, Canada's most populous province'."""
    text, mentions, table, ctx = state.doc.text, state.mentions, state.table, state.country
    out = []
    for m in mentions:
        d = _draft(table, m.key)
        if d is None or d.type != TYPE.jurisdiction:
            continue
        hit = _PART_OF_TEXT.match(text[m.end : m.end + 100])
        if not hit:
            continue
        owner = (
            hit.group("owner") or hit.group("owner2") or hit.group("owner3") or hit.group("owner4")
        )
        found = named_place(owner.strip(), table, ctx)
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


# "Cabo Frio, Brazil" (a town, then its country); "the Lakes Region of Rio de Janeiro"
_COMMA_COUNTRY = re.compile(
    r"^, (?P<owner>[A-Z]\w*(?: [A-Z]\w*)?)(?=[,.;)]| (?:on|in|for|with|who|over|after) |$)"
)
_REGION_OF = re.compile(
    r"^ of (?:the )?(?P<owner>[A-Z]\w*(?: (?:de |do |da |del )?[A-Z]\w*){0,2})(?=[,.;)]| |$)"
)
_REGION_WORDS = ("Region", "Province", "District", "Prefecture", "County", "Oblast", "State")


def written_part_of(state: ArticleState) -> list[RelationDraft]:
    """A place the gazetteer does not seat, nested by how it is written: 'X, <Country>'
    (a list of countries is no nesting: X must be no country) and '<X Region> of <Y>'."""
    text, table, ctx = state.doc.text, state.table, state.country
    out = []
    for m in state.mentions:
        d = _draft(table, m.key)
        if d is None or d.type != TYPE.jurisdiction:
            continue
        if any(e.type == TYPE.jurisdiction for e in ctx.index.lookup(d.name)):
            continue  # the gazetteer seats it (part_of_relations)
        tail = text[m.end : m.end + 60]
        hit = _COMMA_COUNTRY.match(tail)
        top = hit is not None
        if hit is None and d.name.endswith(_REGION_WORDS):
            hit = _REGION_OF.match(tail)
        if hit is None:
            continue
        found = named_place(hit.group("owner").strip(), table, ctx)
        if found is None or found.key == d.key or found.type != TYPE.jurisdiction:
            continue
        if (
            top
            and ctx.country_of(found.name) != found.name
            and not _state_not_list(found, ctx, tail, hit.end())
        ):
            continue  # "X, <Country>" or "X, <State>" only: "A, B" of two towns may be a list
        out.append(RelationDraft(REL.part_of, d.key, found.key, f"{d.name}, {found.name}", 0.7))
    return out


_LIST_GOES_ON = re.compile(r",? (?:and|or) ")


def _state_not_list(found: EntityDraft, ctx: CountryContext, tail: str, end: int) -> bool:
    """Whether `found` is a first-level part of its country (a US state, a province) that
    ends its phrase: "Kern County, California" nests, "X, California and Texas" lists."""
    parents = [e.parent for e in ctx.index.lookup(found.name) if e.type == TYPE.jurisdiction]
    country = ctx.country_of(found.name)
    return bool(parents) and parents[0] == country and not _LIST_GOES_ON.match(tail, end)
