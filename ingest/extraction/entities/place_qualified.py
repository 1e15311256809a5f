"""One public body named with its place put different ways, merged.

Real reporting names a body with its country in front, behind or as an adjective,
often two ways in one article: "the Financial Intelligence Unit of India" and
"India's Financial Intelligence Unit"; "the Nigerian Securities and Exchange
Commission" for the gazetteer's "Securities and Exchange Commission of Nigeria";
"Financial Intelligence Unit-India". Each such name reads as (country, core name);
two public bodies of one type with the same reading are one body, and a reading the
gazetteer knows under another form is that curated body (its name, type and seat).

Guards: only public bodies (a firm's "Kraken Australia" is a unit, not Kraken); the
place must be a place the gazetteer knows (or a country adjective); the core keeps at
least two words, so "Thai Police" never reads as some other "Police"; a body the
gazetteer seats elsewhere never takes the reading.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft
from ingest.extraction.text.normalize import normalize_name

MAX_PLACE_WORDS = 3
_SUFFIX_JOINS = (" of the ", " of ", " in ", "-", " (", " ")  # "X of India", "X-India", "X (India)"


def _prefix_splits(name: str) -> Iterator[tuple[str, str]]:
    """("India", "Financial Intelligence Unit") for "India's Financial Intelligence Unit"."""
    words = name.removeprefix("the ").removeprefix("The ").split(" ")
    for k in range(1, min(MAX_PLACE_WORDS, len(words) - 2) + 1):
        place = " ".join(words[:k])
        for mark in ("'s", "\u2019s"):
            place = place.removesuffix(mark)
        yield place, " ".join(words[k:])


def _suffix_splits(name: str) -> Iterator[tuple[str, str]]:
    """("India", "Financial Intelligence Unit") for "Financial Intelligence Unit of India"."""
    text = name.rstrip(")")
    for join in _SUFFIX_JOINS:
        at = text.rfind(join)
        while at > 0:
            core, place = text[:at], text[at + len(join) :]
            if place and len(place.split()) <= MAX_PLACE_WORDS:
                yield place, core
            at = text.rfind(join, 0, at)


def readings(draft: EntityDraft, ctx: CountryContext) -> set[tuple[str, str]]:
    """Every (country, normalised core) the name of a public body `draft` reads as."""
    out: set[tuple[str, str]] = set()
    own = ctx.country_of(draft.jurisdiction) if draft.jurisdiction else None
    for place, core in (*_prefix_splits(draft.name), *_suffix_splits(draft.name)):
        if len(core.split()) < 2 or not core[:1].isupper() or not place[:1].isupper():
            continue
        entry = ctx.jurisdiction(place)
        if entry is None:
            continue
        country = ctx.country_of(entry.name)
        if own is not None and own != country:
            continue
        out.add((country, normalize_name(core)))
        if entry.name != country:  # "Hong Kong Securities and Futures Commission": the
            out.add((entry.name, normalize_name(core)))  # place itself, below its country
    return out


def _gazetteer_body(
    country: str, core: str, etype: str, ctx: CountryContext
) -> tuple[str, str | None, str | None, str] | None:
    """The one curated public body named `core` with `country` in one of the usual forms."""
    forms = (
        f"{core} of {country}",
        f"{core} of the {country}",
        f"{country} {core}",
        f"{country}'s {core}",
        f"{core} {country}",
        f"{core} ({country})",
        core,  # "Hong Kong Securities and Futures Commission": the core seated there
    )
    found = {
        e.name: (e.name, e.jurisdiction, e.qid, e.type)
        for form in forms
        for e in ctx.index.lookup(form)
        if e.type in GROUP.public_body
        and _may_be(etype, e.type)
        and e.jurisdiction
        and country in (ctx.country_of(e.jurisdiction), e.jurisdiction)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _may_be(shape_type: str, curated_type: str) -> bool:
    """Whether a body typed `shape_type` by its name may be one the gazetteer types
    `curated_type`: the same type, or a government body by its name's head ("Service",
    "Office") that the gazetteer knows as a regulator ("the Lithuanian Financial Crime
    Investigation Service")."""
    return (
        shape_type == curated_type
        or shape_type not in GROUP.public_body
        or (shape_type == TYPE.governmentbody and curated_type == TYPE.regulator)
    )


def _most_specific(read: set[tuple[str, str]], ctx: CountryContext) -> set[tuple[str, str]]:
    """The readings at a place below its country when there are some: "New York Supreme
    Court" is the state's court, no form of the nation's "Supreme Court"."""
    below = {(place, core) for place, core in read if ctx.country_of(place) != place}
    return below or read


def merge_place_qualified(state: ArticleState) -> None:
    """Fold the place-qualified forms of one public body together (see the module doc)."""
    table, ctx = state.table, state.country
    bodies = [d for d in table.all() if not d.unnamed and d.type in GROUP.public_body]
    read = {d.key: readings(d, ctx) for d in bodies}
    for d in bodies:  # a form the gazetteer knows otherwise: the curated body
        if d.key not in table.drafts or d.jurisdiction:
            continue
        for country, core in sorted(_most_specific(read[d.key], ctx)):
            surface = _core_surface(d.name, core)
            hit = _gazetteer_body(country, surface, d.type, ctx) if surface else None
            if hit is None:
                continue
            name, seat, qid, etype = hit
            existing = table.find(name)
            if existing is not None and existing.key != d.key:
                if _may_be(d.type, existing.type):
                    table.merge(existing, d, "other")
            else:
                table.rename(d, name)
                d.type, d.jurisdiction, d.qid = etype, seat, qid
            break
    bodies = [d for d in bodies if d.key in table.drafts]
    _bare_into_placed(bodies, read, state)
    bodies = [d for d in bodies if d.key in table.drafts]
    for i, a in enumerate(bodies):
        for b in bodies[i + 1 :]:
            if a.key not in table.drafts or b.key not in table.drafts or a.type != b.type:
                continue
            if a.jurisdiction and b.jurisdiction and a.jurisdiction != b.jurisdiction:
                continue
            if read[a.key] & read[b.key]:
                keep, drop = (a, b) if _fuller(a, b) else (b, a)
                table.merge(keep, drop, "other")


def _bare_into_placed(
    bodies: list[EntityDraft], read: dict[str, set[tuple[str, str]]], state: ArticleState
) -> None:
    """A body named bare ("the Financial Intelligence Centre (FIC) said ...") is the one body
    of that name seated in a place the article reads it in ("Financial Intelligence Centre
    of Namibia"), when there is exactly one: also where the gazetteer gives the bare name to
    another country's body (South Africa's), which the article never names."""
    table, ctx = state.table, state.country
    for bare in bodies:
        if bare.key not in table.drafts or read[bare.key]:
            continue
        if bare.jurisdiction and table.find(ctx.country_of(bare.jurisdiction)) is not None:
            continue  # (a curated body's bare name stays its own where its country is named)
        core = normalize_name(bare.name)
        placed = [
            d
            for d in bodies
            if d.key != bare.key
            and d.key in table.drafts
            and d.jurisdiction
            and d.type == bare.type
            and any(c == core for _, c in read[d.key])
        ]
        if len(placed) == 1:
            table.merge(placed[0], bare, "other")
        elif not placed and bare.jurisdiction and ctx.main_country:
            _to_main_country(bare, ctx.main_country, state)


def _to_main_country(bare: EntityDraft, country: str, state: ArticleState) -> None:
    """The article's own country's body for a bare curated name the gazetteer gives to a
    country the article never names (South Africa's "Financial Intelligence Centre" in a
    Namibian story: the Financial Intelligence Centre of Namibia)."""
    table, ctx = state.table, state.country
    if ctx.country_of(bare.jurisdiction or "") == country:
        return
    hit = _gazetteer_body(country, bare.name, bare.type, ctx)
    if hit is None or hit[0] == bare.name:
        return
    name, seat, qid, etype = hit
    existing = table.find(name)
    if existing is not None and existing.key != bare.key:
        table.merge(existing, bare, "other")
    else:
        table.rename(bare, name)
        bare.type, bare.jurisdiction, bare.qid = etype, seat, qid


def _core_surface(name: str, core: str) -> str | None:
    """The core's own spelling inside `name` (readings keep it normalised)."""
    words = name.split(" ")
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            piece = " ".join(words[i:j])
            if normalize_name(piece) == core:
                return piece
    return None


def _fuller(a: EntityDraft, b: EntityDraft) -> bool:
    """Whether `a` should keep the name: a curated body first, then the longer name."""
    if bool(a.jurisdiction) != bool(b.jurisdiction):
        return bool(a.jurisdiction)
    return len(a.name) >= len(b.name)


__all__ = ["merge_place_qualified", "readings"]
