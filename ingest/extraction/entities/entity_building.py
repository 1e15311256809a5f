"""Candidates to entities: canonical names, ambiguous names settled by context, merges.

A gazetteer hit takes its entry's canonical name; an ambiguous one ("SEC") takes
the entry whose jurisdiction a qualifier names ("Thai SEC", "U.S. ...") or, failing
that, the article's main country. A firm's legal name folds into its brand
("Bybit Fintech Limited" into Bybit, "Coinbase, Inc." into Coinbase) while a
differently named unit stays apart ("Binance Markets Ltd").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.curated_spellings import curated_variant
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention, standalone_entity
from ingest.extraction.entities.legal_entities import one_of_several
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.federal_districts import district_court_name
from ingest.extraction.names.gazetteer_index import GazEntry
from ingest.extraction.names.given_names import is_given_name
from ingest.extraction.names.org_names import COMPANY_SUFFIXES, PREFIX_FORMS
from ingest.extraction.names.person_names import NICKNAMED
from ingest.extraction.names.untyped_names import UNIT_NOUN, unit_of_place_said
from ingest.extraction.text.normalize import normalize_name

LEGAL_FILLERS = frozenset("fintech technologies technology tech labs operations".split())
_QUALIFIER_BEFORE = re.compile(r"((?:[A-Z][\w.]*\.?)(?: [A-Z][\w.]*)?)(?:'s)? $")
_QUALIFIER_AFTER = re.compile(r" of (?:the )?([A-Z][\w]*(?: [A-Z][\w]*)*)")
_GENERIC_BODIES = frozenset(
    normalize_name(n)
    for n in (
        "Securities and Exchange Commission",
        "Securities Commission",
        "Financial Services Authority",
        "Financial Supervisory Commission",
        "Financial Supervisory Service",
        "Financial Intelligence Unit",
        "Central Bank",
        "Capital Markets Authority",
        "Financial Regulatory Authority",
    )
)


_DESCRIBED = re.compile(r", (?:a|an|the) (?:local|[\w-]+-based|regional|domestic)?")


def choose_entry(cand: Candidate, text: str, ctx: CountryContext) -> GazEntry | None:
    """Settle an ambiguous gazetteer hit: qualifier, then the country of its digest section
    (`section_country`), then main country, then any place named."""
    entries = [ctx.index.entries[i] for i in cand.entries]
    qualifiers = _qualifiers(cand, text, ctx)
    for place in qualifiers:
        for e in entries:
            if not e.jurisdiction or ctx.country_of(e.jurisdiction) != ctx.country_of(place):
                continue
            if e.type == TYPE.court and e.jurisdiction != place and ctx.country_of(place) != place:
                continue  # "New York Supreme Court": the state's court, not the nation's
            return e
    if qualifiers:
        return None
    main = ctx.main_country
    story = ctx.sections.country_at(cand.start, main)  # a digest's own story elsewhere
    for country in (_scene_country(cand, text, ctx), story, main):
        for e in entries:
            if country and e.jurisdiction and ctx.country_of(e.jurisdiction) == country:
                return e
    ranked = sorted(
        (e for e in entries if e.jurisdiction and ctx.mentioned(e.jurisdiction)),
        key=lambda e: -ctx.country_counts.get(ctx.country_of(e.jurisdiction or ""), 0),
    )
    if ranked:
        return ranked[0]
    surface = normalize_name(cand.surface)
    defaults = [e for e in entries if surface in e.default_for]
    return defaults[0] if len(defaults) == 1 else None  # "SEC" alone: the gazetteer's default


# a sentence that opens on its place: "In Thailand, the SEC pressed charges ..."
_SCENE = re.compile(
    r"(?:(?:Meanwhile|Separately|Elsewhere|Also|Similarly),? )?[Ii]n (?:the )?"
    r"([A-Z]\w+(?: [A-Z]\w+)?),"
)


def _scene_country(cand: Candidate, text: str, ctx: CountryContext) -> str | None:
    """The country the candidate's sentence opens on ("In Thailand, the SEC ..."): there,
    an ambiguous name is that country's body, whatever the article mostly tells of."""
    start = max(text.rfind("\n", 0, cand.start) + 1, text.rfind(". ", 0, cand.start) + 2)
    scene = _SCENE.match(text, start, cand.start)
    found = ctx.jurisdiction(scene.group(1)) if scene else None
    return ctx.country_of(found.name) if found else None


def _qualifiers(cand: Candidate, text: str, ctx: CountryContext) -> list[str]:
    out = []
    line_start = text.rfind("\n", 0, cand.start) + 1
    before = _QUALIFIER_BEFORE.search(text, line_start, cand.start)
    if before:
        words = before.group(1)
        for probe in (words, words.split()[-1]):
            found = ctx.jurisdiction(probe.rstrip("."))
            if found is None and probe.replace(".", "") in ("US", "U S"):
                found = ctx.jurisdiction("United States")
            if found:
                out.append(found.name)
                break
    after = _QUALIFIER_AFTER.match(text, cand.end)
    if after:
        found = ctx.jurisdiction(after.group(1))
        if found:
            out.append(found.name)
    return out


def core_name(name: str) -> str:
    """A firm's name without its legal form: 'PhoenixFin Pte. Ltd.' -> 'PhoenixFin',
    'UAB Payeer' -> 'Payeer'."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower() in COMPANY_SUFFIXES | {"pte.", "pte", "pty"}:
        words.pop()
    if len(words) > 1 and words[0] in PREFIX_FORMS:
        words.pop(0)
    return " ".join(words)


def add_candidate(
    table: EntityTable, cand: Candidate, text: str, ctx: CountryContext
) -> Mention | None:
    """Turn one candidate into a mention of a (new or existing) entity."""
    if cand.source == "gaz":
        claimed = table.claimed(text[cand.start : cand.end])
        if claimed is not None:  # the text defined the word as a firm of its own
            return _mention(table, claimed, cand)
        entry = ctx.index.entries[cand.entries[0]]
        if cand.ambiguous:
            chosen = choose_entry(cand, text, ctx)
            if chosen is None:
                return _unresolved(table, cand, ctx)
            entry = chosen
        behind = _firm_behind(table, cand, entry, text)
        if behind is not None:
            return _mention(table, behind, cand)
        draft = _curated(table, entry)
        if cand.surface != entry.name and text[cand.start : cand.end] != entry.name:
            kind = "abbreviation" if cand.ambiguous and cand.surface.isupper() else cand.kind
            table.alias(draft, text[cand.start : cand.end], kind or "other")
        return _mention(table, draft, cand)
    surface = cand.surface
    if cand.type == TYPE.company or cand.type == TYPE.exchange:
        draft = _regional_unit(table, cand, ctx, text) or _firm(table, cand, text)
    elif cand.type == TYPE.person:
        known = table.find(surface) or _fuller_person(table, surface)
        if known is None:
            draft = table.add(surface, TYPE.person)
        else:
            draft = known
            if normalize_name(draft.name) != normalize_name(surface):
                table.alias(draft, surface, "other")
        nick = NICKNAMED.fullmatch(text, cand.start, cand.end)
        if nick is not None:  # 'William "Bill" Barhydt'
            table.alias(draft, nick.group("nick"), "nickname")
    else:
        curated = (
            curated_variant(surface, ctx.index)
            if cand.type in GROUP.public_body and table.find(surface) is None
            else None
        )
        if curated is not None:  # "the Alabama Security Commission": the curated body
            draft = _curated(table, curated)
            table.alias(draft, surface, "other")
            return _mention(table, draft, cand)
        draft = table.find(surface) or table.add(
            _canonical(surface, cand, ctx), cand.type or TYPE.company
        )
        if normalize_name(draft.name) != normalize_name(surface):
            table.alias(draft, surface, "other")
    if cand.places and not draft.places:
        draft.places = list(cand.places)
    return _mention(table, draft, cand)


# "Payward, Inc. and Payward Ventures, Inc., the companies behind the exchange": the
# legal entities a brand's gazetteer entry lists are parties of their own here
_BEHIND = re.compile(
    r"(?:(?:,|,? and) [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*)*)*"
    r",? (?:the|its) (?:[\w-]+ )?(?:compan(?:y|ies)|entit(?:y|ies)|firms?|operators?) "
    r"(?:behind|that (?:runs?|operates?)|running|operating"
    r"|of (?:the )?(?:crypto(?:currency)? )?(?:exchange|platform)\b)\b"  # "operator of exchange X"
)
# the legal entity named as the brand's operator or owner before it: "OKX and its
# operator, Aux Cayes FinTech Co. Ltd."
_OPERATOR_BEFORE = re.compile(
    r"\b(?:its|the) (?:[\w-]+ )?(?:operator|operating (?:company|entity)|parent(?: company)?"
    r"|owner|holding company),? $"
)


# a legal name set apart from its brand further on, with its legal form
_SET_APART_LATER = re.compile(
    r"\b(?P<full>(?P<core>[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,3}?) (?:(?:Pvt|Private|Pte|Ltd|Limited"
    r"|Inc|LLC|Corp|GmbH|AG|S\.A\.|B\.V\.)\.?(?: |(?=,))){1,2})(?=" + _BEHIND.pattern + ")"
)


def _firm_behind(
    table: EntityTable, cand: Candidate, entry: GazEntry, text: str
) -> EntityDraft | None:
    """A brand's legal entity the text sets apart from the brand ('X Inc., the company
    behind the exchange') is a Company of its own; so is its short name after that
    ('Payward', once 'Payward, Inc.' was set apart)."""
    if entry.type not in (TYPE.exchange, TYPE.company):
        return None
    surface = text[cand.start : cand.end]
    if normalize_name(surface) == normalize_name(entry.name):
        return None
    apart = table.find(surface)
    if apart is None:
        split = table.split_brands
        apart = next(
            _by_core(table, surface, lambda d: d.type == TYPE.company and d.key in split), None
        )
    if apart is not None and apart.key in table.split_brands:
        return apart
    if cand.kind == "legal_name" and apart is None:
        if _OPERATOR_BEFORE.search(text, max(0, cand.start - 40), cand.start):
            draft = standalone_entity(table, surface, TYPE.company)
            table.split_brands.add(draft.key)
            return draft
        later = _SET_APART_LATER.search(text, cand.end)  # a heading's "Zanmai Labs Action ..."
        if later is not None and later.group("core") == surface:  # before "Zanmai Labs Pvt
            # Ltd, the operator of crypto exchange WazirX": that firm, named in full later
            draft = standalone_entity(table, later.group("full"), TYPE.company)
            table.split_brands.add(draft.key)
            return draft
    if cand.kind != "legal_name" or not _BEHIND.match(text, cand.end):
        return None
    draft = standalone_entity(table, surface, TYPE.company)
    table.split_brands.add(draft.key)
    return draft


def _curated(table: EntityTable, entry: GazEntry) -> EntityDraft:
    """The article's entity for a curated entry, with the entry's identity and seat."""
    return table.add(
        entry.name, entry.type, qid=entry.qid, jurisdiction=entry.jurisdiction, parent=entry.parent
    )


def _fuller_person(table: EntityTable, short: str) -> EntityDraft | None:
    """The one person already named in full whom a shorter name points at: its last words
    ("Davies", "Mira Serda" for "Aleksandr Mira Serda") or, for a two-word name, its first
    word (family name first: "Mr Zhu" for "Zhu Su"; "Mr Cheong" for "Cheong Jun Yoong
    Arthur", a family name first and an English given name last)."""
    words = short.split()
    found = []
    for d in table.all():
        if d.type != TYPE.person or d.unnamed:
            continue
        full = d.name.split()
        if len(full) <= len(words):
            continue
        if full[-len(words) :] == words or (
            len(words) == 1
            and full[0] == short
            and (len(full) == 2 or is_given_name(full[-1]))  # "Cheong Jun Yoong Arthur"
        ):
            found.append(d)
    return found[0] if len(found) == 1 else None


def _canonical(surface: str, cand: Candidate, ctx: CountryContext) -> str:
    """Generic body names get their country: 'Securities and Exchange Commission of Thailand';
    a bare federal district its court's name."""
    court = district_court_name(surface) if cand.type == TYPE.court else None
    if court is not None:
        return court
    if normalize_name(surface) in _GENERIC_BODIES and ctx.main_country and not cand.places:
        country = ctx.main_country
        if country == "United States":
            return f"U.S. {surface}"
        article = "the " if country.startswith(("Philippines", "Netherlands", "Bahamas")) else ""
        return f"{surface} of {article}{country}"
    return surface


def _unresolved(table: EntityTable, cand: Candidate, ctx: CountryContext) -> Mention | None:
    entry = ctx.index.entries[cand.entries[0]]
    long_form = table.find(cand.surface)
    if long_form is not None:
        return _mention(table, long_form, cand)
    if cand.surface.isupper():
        return None  # a bare ambiguous abbreviation nobody defined: skip
    draft = table.add(_canonical(cand.surface, cand, ctx), entry.type)
    table.alias(draft, cand.surface, "other")
    return _mention(table, draft, cand)


_UNIT_NOUN = UNIT_NOUN
_UNIT_BEFORE = re.compile(rf"\b(?:its|their|the company's|the firm's) {_UNIT_NOUN},? $")
_UNIT_AFTER = re.compile(rf",? (?:its|the|a|an) (?:local |regional |domestic )?{_UNIT_NOUN}\b")


def _regional_unit(
    table: EntityTable, cand: Candidate, ctx: CountryContext, text: str
) -> EntityDraft | None:
    """'its spot exchange, Binance Australia': a brand plus a country, introduced as a unit.

    The unit is an entity of its own, with the brand as parent and the country as a
    place it carries (so SUBSIDIARY_OF and OPERATES_IN follow when the article names both).
    Without such an introduction ("funds flowed through Binance Nigeria") the name is
    taken as a mention of the brand.
    """
    if not cand.brand:
        return None
    found = table.find(cand.surface)
    if found is not None and found.parent:
        return found
    extra = cand.surface[len(cand.brand) :].strip()
    if not extra or not cand.surface.startswith(cand.brand):
        return None
    place = next(
        (e.name for e in ctx.index.lookup(extra) if e.type == TYPE.jurisdiction),
        ctx.index.country_of_adjective(extra),
    )
    introduced = (
        _UNIT_BEFORE.search(text, max(0, cand.start - 60), cand.start)
        or _UNIT_AFTER.match(text, cand.end)
        or (place is not None and unit_of_place_said(text, cand.brand, place, ctx.index))
    )
    if not introduced:
        return None
    brand = table.find(cand.brand)
    if place is None or brand is None:
        return None
    return table.add(cand.surface, brand.type, parent=brand.name, places=[place])


# legal forms abbreviated by one dotted word: at a sentence's end that dot is also the
# full stop, so the name is the same whether or not the text wrote the abbreviation's dot
_DOTTED_FORMS = ("ltd.", "inc.", "corp.", "co.", "bhd.", "pty.", "pte.", "plc.", "llc.")


def _firm(table: EntityTable, cand: Candidate, text: str) -> EntityDraft:
    surface = cand.surface
    dotted = surface.lower().endswith(_DOTTED_FORMS) and " " in surface
    if dotted and text[cand.end : cand.end + 1] in ("", "\n"):
        surface, dotted = surface[:-1], False  # "... fined Korvex Ltd." -> "Korvex Ltd"
    core = core_name(surface)
    if cand.brand:
        brand = table.find(cand.brand)
        if brand is not None and not _described(text, cand.end):
            table.alias(brand, surface, "other")
            return brand
    found = table.find(surface) or table.find(core) or _firm_by_core(table, surface)
    if (
        found is not None
        and core != surface
        and normalize_name(core) == normalize_name(found.name)
        and table.find(surface) is None
        and one_of_several(text, found.name, surface)
    ):  # "Binance UAB" beside "Binance Digital Ltd." and more: one entity of several
        return table.add(surface, TYPE.company, parent=found.name)
    if found is None and cand.type == TYPE.company:
        words = core.split()
        while len(words) > 1 and words[-1].lower() in LEGAL_FILLERS:
            words.pop()
        brand = table.find(" ".join(words))
        if brand is not None and brand.type in (TYPE.exchange, TYPE.company):
            if one_of_several(text, brand.name, surface):  # "Binance UAB" beside three more
                return table.add(surface, TYPE.company, parent=brand.name)
            table.alias(brand, surface, "legal_name")
            return brand
    if found is not None:
        if found.type == TYPE.company and cand.type == TYPE.exchange:
            found.type = TYPE.exchange  # "warned Tokencan. Tokencan – a purported VATP ..."
        if normalize_name(surface) != normalize_name(found.name):
            table.alias(found, surface, "legal_name" if core != surface else "other")
        elif dotted and found.name == surface[:-1]:
            found.name = surface  # the dot written inside a sentence is the abbreviation's
        return found
    draft = table.add(surface, cand.type or TYPE.company)
    if core != surface:
        table.alias(draft, core, "other")
        draft.aliases.pop(core, None)  # findable by its core, listed only if written so
    if draft.type == TYPE.company and _BEHIND.match(text, cand.end):
        # "Zanmai Labs Pvt Ltd, the operator of crypto exchange WazirX": set apart from the
        # brand, its short name later ("Zanmai Labs") is this firm, not the brand's alias
        table.split_brands.add(draft.key)
    return draft


def _firm_by_core(table: EntityTable, surface: str) -> EntityDraft | None:
    """The one firm already named whose name without its legal form is `surface`: "Block
    agreed to pay" after "Block, Inc." (a curated name, whose bare core the gazetteer
    does not list as an alias: "block" is a word)."""
    firms = (TYPE.company, TYPE.exchange)
    found = list(_by_core(table, surface, lambda d: d.type in firms and not d.unnamed))
    if not found:  # "Gemini Trust" after "Gemini Trust Company", the brand Gemini's legal name
        norm = normalize_name(surface)
        found = [
            d
            for d in table.all()
            if d.type in firms
            and not d.unnamed
            and any(
                kind == "legal_name"
                and norm
                in (
                    normalize_name(core_name(a)),
                    normalize_name(_TRAILING_COMPANY.sub("", core_name(a))),
                )
                for a, kind in d.aliases.items()
            )
        ]
    return found[0] if len(found) == 1 else None


_TRAILING_COMPANY = re.compile(r",? (?:Company|Co\.?)$")


def _by_core(
    table: EntityTable, surface: str, keep: Callable[[EntityDraft], bool]
) -> Iterator[EntityDraft]:
    """The drafts `keep` takes whose name without its legal form is `surface` ("Payward,
    Inc." for "Payward"), in table order (`keep` is asked first: it is the cheap test)."""
    norm = normalize_name(surface)
    return (d for d in table.all() if keep(d) and normalize_name(core_name(d.name)) == norm)


def _described(text: str, end: int) -> bool:
    return bool(_DESCRIBED.match(text, end))


def mention_of(table: EntityTable, draft: EntityDraft, cand: Candidate) -> Mention:
    """`cand` as a mention of `draft` (counted, and marking the draft as named on its own)."""
    return _mention(table, draft, cand)


def _mention(table: EntityTable, draft: EntityDraft, cand: Candidate) -> Mention:
    draft.mentions += 1
    draft.standalone = True
    draft.first = min(draft.first, cand.start)
    return Mention(cand.start, cand.end, cand.surface, draft.key, draft.type, "name")
