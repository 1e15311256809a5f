"""Variants of one body's name within an article, merged: "California's Department of
Financial Protection and Innovation" and later "the Department of Financial Protection
and Innovation"; "Securities and Exchange Board of India" and "Securities and
Exchange Board"; a light misspelling ("Comission").

A public body's variant is the same name less a place ("California X", "X of India",
"X India", "X (India)"); a firm's is never that ("Kraken Canada" is a unit of Kraken, not
Kraken). Either may be the same name within a small edit distance. Guards: only
entities of one type merge, never two with different jurisdictions, and the place a
variant drops must be the other's own (a body named after another place is another body).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft
from ingest.extraction.text.literal_gate import gate
from ingest.extraction.text.normalize import run_together

MIN_FUZZY_LENGTH = 14  # shorter names differ in one letter too often ("FSA" / "FCA")
MAX_EDITS = 1  # per MIN_FUZZY_LENGTH characters of the longer name

_PLACE_PREFIX = re.compile(r"^(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})(?:'s)? (?P<rest>.+)$")
_PLACE_SUFFIX = re.compile(
    r"^(?P<rest>.+?)(?: of (?:the )?| \(| )(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})\)?$"
)


# "the Full Court of the Federal Court of Australia": a bench of that court, not a court
_BENCH = re.compile(
    r"^(?P<bench>Full (?:Court|Bench)|Appeals? (?:Chamber|Division|Panel)|Appellate Division|"
    r"(?:Constitution|Division) Bench) of (?:the )?(?P<court>.+)$"
)


def _benches_to_their_court(state: ArticleState) -> None:
    """A bench named as part of a court the article names (or the gazetteer knows) is
    that court; so is the bench's short name ('the "Full Court"') used after it."""
    table = state.table
    for d in [d for d in table.all() if d.type == TYPE.court and not d.unnamed]:
        m = _BENCH.match(d.name)
        if m is None or d.key not in table.drafts:
            continue
        court = table.find(m.group("court"))
        if court is None:
            entry = next(
                (e for e in state.country.index.lookup(m.group("court")) if e.type == TYPE.court),
                None,
            )
            if entry is None:
                continue
            court = table.add(
                entry.name, TYPE.court, qid=entry.qid, jurisdiction=entry.jurisdiction
            )
        if court.key == d.key or court.type != TYPE.court:
            continue
        table.merge(court, d, "other")
        short = table.find(m.group("bench"))
        if short is not None and short.key != court.key and short.type == TYPE.court:
            table.merge(court, short, "other")


def merge_name_variants(state: ArticleState) -> None:
    """Fold each variant into the fullest name of its body (see the module's doc)."""
    table, ctx = state.table, state.country
    _complete_from_gazetteer(state)
    _brand_to_its_unit(state)
    _benches_to_their_court(state)
    _central_bank_variants(state)
    _first_word_of_firm(state)
    _law_short_forms(state)
    drafts = [
        d
        for d in table.all()
        if not d.unnamed and (d.type in GROUP.public_body or d.type in GROUP.firm)
    ]
    for short in sorted(drafts, key=lambda d: len(d.name)):
        if short.key not in table.drafts:
            continue
        for full in drafts:
            if full is short or full.key not in table.drafts or full.type != short.type:
                continue
            if len(full.name) <= len(short.name) or not _compatible(full, short):
                continue
            place = (
                _place_dropped(full.name, short.name) if full.type in GROUP.public_body else None
            )
            if place is not None and _place_is_own(place, full, ctx):
                table.merge(full, short, "other")
                break
            if (
                _misspelt(full.name, short.name)
                or _number_slip(full, short, ctx)
                or run_together(full.name) == run_together(short.name)  # "CoinFlip"
            ):
                table.merge(full, short, "other")
                break


# a country's central bank under another of its usual names: "the Central Bank of Tanzania"
# for the Bank of Tanzania, "the Reserve Bank of Malawi" / "Malawi's Central Bank"
_BANK_OF_PLACE = re.compile(
    r"^(?:the )?(?:Central |Reserve |National |State )?Bank of (?:the )?(?P<place>[A-Z][\w.]*"
    r"(?: [A-Z][\w.]*){0,2})$"
)
_PLACE_BANK = re.compile(
    r"^(?:the )?(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}?)(?:'s)? (?:Central|Reserve|National) "
    r"Bank$"
)


def _central_bank_variants(state: ArticleState) -> None:
    """A central bank the text builds from its words ("Central Bank of Tanzania") is the
    curated central bank of the same place the article also names (the Bank of Tanzania):
    a country has one. Two curated banks never merge (the HKMA is not the PBOC)."""
    table, ctx = state.table, state.country
    banks = [d for d in table.all() if d.type == TYPE.centralbank and not d.unnamed]
    known = {d.jurisdiction: d for d in banks if d.jurisdiction}
    for d in banks:
        if d.jurisdiction or d.key not in table.drafts:
            continue
        m = _BANK_OF_PLACE.match(d.name) or _PLACE_BANK.match(d.name)
        entry = ctx.jurisdiction(m.group("place")) if m is not None else None
        curated = known.get(entry.name) if entry is not None else None
        if curated is not None and curated.key in table.drafts and curated.key != d.key:
            table.merge(curated, d, "other")


# what a firm's name may add to its first word and still be the firm the word stands for
_TRADE_WORDS = frozenset(
    "communications telecom telecoms telecommunications networks network technologies "
    "technology tech labs systems solutions digital pay payments media ventures mobile "
    "wireless broadband software data exchange markets invest investments capital finance "
    "lending trading crypto wallet global".split()
)


def _first_word_of_firm(state: ArticleState) -> None:
    """A firm the text named in full first ("PLDT Inc. and its subsidiary Smart
    Communications") and later by its first word alone ("PLDT and Smart said"): the short
    form is the same firm, also when the full name is curated ("Terraform Labs" ...
    "Terraform's co-founder"). Only a short form the text alone builds (a curated brand
    such as Kraken stays apart from "Kraken Canada"), and only where one firm's name
    begins so."""
    table = state.table
    firms = [d for d in table.all() if d.type in GROUP.firm and not d.unnamed]
    for short in firms:
        if " " in short.name or short.jurisdiction or short.qid or short.key not in table.drafts:
            continue
        if state.country.index.lookup(short.name):
            continue  # a curated name (Binance) is its own firm, whatever unit came first
        longer = [
            d
            for d in firms
            if d is not short and d.key in table.drafts and d.name.startswith(short.name + " ")
        ]
        # two firms so named ("Zelkova Lending LLC", "Zelkova India"): the brand is a third;
        # a name that adds a place or a legal form ("Quillex Europe Limited") is a unit
        if (
            len(longer) == 1
            and longer[0].first < short.first
            and _words(longer[0].name[len(short.name) + 1 :]) <= _TRADE_WORDS
            and f"of {short.name}" not in state.doc.text
        ):
            table.merge(longer[0], short, "other")


# where a law's full title goes on after its short form: its subject, its number, its year
_TITLE_GOES_ON = re.compile(r" (?:on|of|for|relating to|concerning|B\.E\.|No\.|\(|\d)")


def _law_short_forms(state: ArticleState) -> None:
    """A law named in full ("Emergency Decree on Digital Asset Businesses B.E. 2561") and
    later by the words its title opens with ("the Emergency Decree"): one law, when one
    law's title only opens so."""
    table = state.table
    laws = [d for d in table.all() if d.type == TYPE.law and not d.unnamed]
    for short in laws:
        if short.key not in table.drafts or len(short.name.split()) < 2:
            continue
        longer = [
            d
            for d in laws
            if d is not short
            and d.key in table.drafts
            and d.name.startswith(short.name)
            and _TITLE_GOES_ON.match(d.name, len(short.name))
        ]
        if len(longer) == 1 and longer[0].first < short.first:
            table.merge(longer[0], short, "other")


def _complete_from_gazetteer(state: ArticleState) -> None:
    """A body named without its place ("California's Department of Financial Protection
    and Innovation" reads as "Department of ...") is the curated body whose name adds a
    place the article names: it takes that entry's name, type and seat."""
    table, ctx = state.table, state.country
    places = [d.name for d in table.all() if d.type == TYPE.jurisdiction and not d.unnamed]
    for d in table.all():
        if d.unnamed or d.jurisdiction or d.type not in GROUP.public_body:
            continue
        found = {
            entry.name: entry
            for place in places
            for form in (f"{place} {d.name}", f"{d.name} of {place}", f"{d.name} of the {place}")
            for entry in ctx.index.lookup(form)
            if entry.type in GROUP.public_body
        }
        if len(found) != 1:
            continue
        entry = next(iter(found.values()))
        existing = table.find(entry.name)
        if existing is not None and existing is not d:
            table.merge(existing, d, "other")
            continue
        table.rename(d, entry.name)
        d.type, d.jurisdiction, d.qid = entry.type, entry.jurisdiction, entry.qid


_LEGAL_WORDS = frozenset(
    "limited ltd ltd. inc inc. llc gmbh ag s.a. sa b.v. bv n.v. pte pty plc corp corp. sarl "
    "srl uab oü".split()
)
_HOLDING_WORDS = frozenset("global group holdings holding international".split())
# (tried only at its words: `literal_gate`)
_OWNERSHIP = gate(
    re.compile(r"\b(?:unit|subsidiary|arm|affiliate|division|branch|parent|owned by|part of)\b")
)
# the brand itself spoken of as a whole: "Binance, the largest cryptocurrency exchange in
# the world", "Binance, the world's largest exchange", "Binance's only regulated UK
# entity" (a unit is never the world's largest anything, and has no entities of its own)
_WHOLE_BRAND = (
    r"\b{brand}(?:,| is| was) (?:the|one of the) (?:world(?:'|\u2019)s |largest |biggest )"
    r"[^.;]{{0,60}}?(?:world|exchange|platform|venue|company|firm)\b"
    r"|\b{brand}(?:'|\u2019)s? (?:only |sole |main )?(?:[\w-]+ ){{0,3}}entity\b"
    r"|\bentity of {brand}\b"
)


def _brand_to_its_unit(state: ArticleState) -> None:
    """A bare brand ("Coinbase") in an article about one operating unit of it ("Coinbase
    Europe Limited", "Zipmex Thailand") names that unit, as the article's own shorthand.

    Only when the text does not itself speak of units or parents (then the brand and
    its units are distinct parties), and only one unit fits: the one in the article's
    country, else the only one with a legal form.
    """
    table, ctx = state.table, state.country
    if _OWNERSHIP.search(state.doc.text):
        return
    firms = [d for d in table.all() if d.type in GROUP.firm and not d.unnamed]
    for brand in firms:
        if brand.key not in table.drafts or " " in brand.name:
            continue
        whole = _WHOLE_BRAND.format(brand=re.escape(brand.name))
        if brand.name in state.doc.text and re.search(whole, state.doc.text):
            continue
        units = [
            d
            for d in firms
            if d is not brand
            and d.key in table.drafts
            and d.name.startswith(brand.name + " ")
            and not (_words(d.name) & _HOLDING_WORDS)
        ]
        local = [u for u in units if ctx.main_country and _names_country(u.name, ctx)]
        legal = [u for u in units if _words(u.name) & _LEGAL_WORDS]
        chosen = local if len(local) == 1 else legal if len(legal) == 1 == len(units) else []
        if chosen:
            table.merge(chosen[0], brand, "other")


def _words(name: str) -> set[str]:
    return {w.lower().strip(",") for w in name.split()}


def _names_country(name: str, ctx: CountryContext) -> bool:
    main = ctx.main_country or ""
    return any(
        ctx.country_of(w) == main or ctx.index.country_of_adjective(w) == main
        for w in name.split()[1:]
        if ctx.jurisdiction(w) is not None or ctx.index.country_of_adjective(w)
    )


def _compatible(a: EntityDraft, b: EntityDraft) -> bool:
    return not (a.jurisdiction and b.jurisdiction and a.jurisdiction != b.jurisdiction)


def _place_dropped(full: str, short: str) -> str | None:
    """The place `full` adds to `short` ("California" for "California X"), else None."""
    for pattern in (_PLACE_PREFIX, _PLACE_SUFFIX):
        m = pattern.match(full)
        if m is not None and m.group("rest").removeprefix("the ") == short.removeprefix("the "):
            return m.group("place")
    return None


def _place_is_own(place: str, full: EntityDraft, ctx: CountryContext) -> bool:
    """Whether `place` is a place at all (the gazetteer knows it) and fits `full`."""
    entry = ctx.jurisdiction(place)
    if entry is None:
        return False
    return (
        not full.jurisdiction
        or full.jurisdiction == entry.name
        or ctx.country_of(full.jurisdiction) == entry.name
        or entry.name in full.places
    )


def _singular(word: str) -> str:
    low = word.lower()
    if len(low) > 4 and low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if len(low) > 4 and low.endswith("s") and not low.endswith("ss") else low


def _number_slip(full: EntityDraft, short: EntityDraft, ctx: CountryContext) -> bool:
    """A public body's name with a word's number slipped, its own place dropped or not:
    "Nigeria's Security and Exchange Commission" for the Securities and Exchange
    Commission of Nigeria (both seated in Nigeria)."""
    if full.type not in GROUP.public_body or not full.jurisdiction:
        return False
    seat = short.jurisdiction or _possessive_place(short, ctx) or ctx.main_country
    if not seat or ctx.country_of(seat) != ctx.country_of(full.jurisdiction):
        return False
    names = [full.name]
    for pattern in (_PLACE_PREFIX, _PLACE_SUFFIX):
        m = pattern.match(full.name)
        if m is not None and _place_is_own(m.group("place"), full, ctx):
            names.append(m.group("rest"))
    words = [_singular(w) for w in short.name.removeprefix("the ").split()]
    return len(words) >= 3 and any(
        [_singular(w) for w in name.removeprefix("the ").split()] == words for name in names
    )


def _possessive_place(d: EntityDraft, ctx: CountryContext) -> str | None:
    """The place an alias of `d` puts before its name ("Nigeria's X"), if a known place."""
    for alias in d.aliases:
        m = _PLACE_PREFIX.match(alias)
        if m is not None and alias.startswith(m.group("place") + "'s "):
            entry = ctx.jurisdiction(m.group("place"))
            if entry is not None:
                return entry.name
    return None


def _misspelt(full: str, short: str) -> bool:
    if len(short) < MIN_FUZZY_LENGTH or abs(len(full) - len(short)) > MAX_EDITS:
        return False
    allowed = MAX_EDITS * max(1, len(full) // MIN_FUZZY_LENGTH)
    # imported here: few articles get this far, and rapidfuzz costs ~10 ms to import
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(full.lower(), short.lower(), score_cutoff=allowed) <= allowed
