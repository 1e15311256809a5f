"""Types for names no rule typed, from what surrounds them; tickers settled by their lists.

"Binance, KuCoin and Bittrex": an unknown name coordinated with typed exchanges is
one too. "Gambaryan said ...": an unknown two-to-four-word name whose surname recurs
alone is a person. "Huobi Thailand": a known firm's name plus unit or place words is
a brand extension. An ambiguous ticker ("NEAR") listed among other tokens is the token.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.gazetteer_index import GazIndex, get_index
from ingest.extraction.names.given_names import is_given_name
from ingest.extraction.names.person_names import family_names, plausible_person_name
from ingest.extraction.text.normalize import run_together

EXTENSION_WORDS = frozenset(
    "global markets holdings crypto pay wallet securities exchange financial capital labs digital "
    "prime custody trust futures international asia europe africa us usa uk japan nigeria "
    "thailand singapore australia canada india turkey tr dubai hong kong korea fze fzco bank "
    "ventures technologies fintech".split()
)

# A known firm's name with a newsroom word is its outlet ("Kraken Daily", "Binance News");
# with a research word, a unit of the firm that is no exchange ("Binance Research").
_OUTLET_EXTENSIONS = frozenset(
    "daily weekly magazine journal times review herald gazette tribune news".split()
)
_DESK_EXTENSIONS = frozenset("research analytics insights academy".split())
# ... or with a newspaper's opening word: "the Daily Ledger", "the Sunday Kraken"
_OUTLET_OPENINGS = frozenset("daily weekly sunday morning evening".split())

_LIST_SEP = re.compile(r"^(?:,|, and|,? and|,? or|, along with|, as well as|,? plus) $")

CONTINENTS = frozenset(
    "Africa Asia Europe Oceania Antarctica Americas Eurasia Scandinavia Balkans".split()
    + ["North America", "South America", "Latin America", "Central America", "Middle East"]
)
_PLACE_SEP = re.compile(r"^(?:,|, and|,? and|,? or) $")  # places listed plainly

_PEOPLE_NOUNS = re.compile(
    r"\b(?:influencers|executives|men|women|people|officials|suspects|individuals|founders|"
    r"employees|directors|lawyers|traders|managers|promoters|defendants|brothers)\b"
)


def settle_listed(accepted: list[Candidate], index: GazIndex, text: str) -> None:
    """An ambiguous ticker ('NEAR') listed among other tokens is that token."""
    ordered = sorted(accepted, key=lambda c: c.start)
    for i, c in enumerate(ordered):
        if not c.ambiguous or any(index.entries[e].jurisdiction for e in c.entries):
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(ordered) and ordered[j].type == c.type and not ordered[j].ambiguous:
                lo, hi = (ordered[j], c) if j < i else (c, ordered[j])
                if _LIST_SEP.match(text[lo.end : hi.start]):
                    c.ambiguous = False
                    c.entries = c.entries[:1]
                    break


def brand_extensions(
    unknown: list[Candidate], gaz: list[Candidate], index: GazIndex, text: str = ""
) -> list[Candidate]:
    """'Huobi Thailand', 'Robinhood Crypto': a known firm's name plus unit or place words."""
    out = []
    by_start: dict[int, list[Candidate]] = {}
    for g in gaz:
        if g.type in (TYPE.exchange, TYPE.company):
            by_start.setdefault(g.start, []).append(g)
    by_end = {g.end: g for gs in by_start.values() for g in gs}
    for u in unknown:
        g_end = by_end.get(u.end)
        if g_end is not None and g_end.start > u.start:
            opening = u.surface[: g_end.start - u.start].lower().split()
            if opening and all(w in _OUTLET_OPENINGS for w in opening):
                out.append(Candidate(u.start, u.end, u.surface, TYPE.mediaoutlet, "brand"))
                continue
        for g in by_start.get(u.start, ()):
            if g.end >= u.end:
                continue
            written = u.surface[g.end - u.start :].strip()
            extra = written.lower().split()
            if not extra:
                continue
            if all(w in _OUTLET_EXTENSIONS for w in extra):
                out.append(Candidate(u.start, u.end, u.surface, TYPE.mediaoutlet, "brand"))
            elif all(w in _DESK_EXTENSIONS for w in extra):
                out.append(Candidate(u.start, u.end, u.surface, TYPE.company, "brand"))
            elif all(w in EXTENSION_WORDS or index.country_of_adjective(w) for w in extra) or (
                _country(written, index)
                and (
                    UNIT_AFTER.match(text, u.end)
                    or unit_of_place_said(text, g.surface, written, index)
                )
            ):
                out.append(Candidate(u.start, u.end, u.surface, g.type, "brand", brand=g.surface))
    return out


# "Luno Malaysia, a subsidiary of Luno Money Ltd.": a brand and a country make a local
# unit's name when the text says it is one ("Binance Pakistan" alone is the brand there)
UNIT_AFTER = re.compile(
    r",? (?:a|an|the|its) (?:[\w-]+ ){0,3}?(?:subsidiary|unit|arm|affiliate|branch|division)\b"
)


# the word for a firm's part: "Kestrix's Malaysian subsidiary", "its local arm"
UNIT_NOUN = (
    r"(?:[\w-]+ ){0,3}?(?:exchange|unit|arm|subsidiary|affiliate|platform|business|entity|branch"
    r"|operation|venture)"
)


def unit_of_place_said(text: str, brand: str, place: str, index: GazIndex) -> bool:
    """Whether the text speaks of the brand's unit in `place` by the place's adjective:
    "FTX's Australian subsidiary" makes "FTX Australia" that unit, not the brand; or of
    its local unit: "the local arm of collapsed exchange FTX" (the place the article is
    about, where a "FTX <place>" is named)."""
    local = re.compile(
        rf"\b(?:[Tt]he|[Ii]ts) local {UNIT_NOUN} of (?:the )?(?:[\w.'-]+ ){{0,4}}?"
        rf"{re.escape(brand)}\b|{re.escape(brand)}(?:'s|\u2019s) local {UNIT_NOUN}\b"
    )
    if " local " in text and local.search(text):
        return True
    if f"{brand}'s " not in text and f"{brand}\u2019s " not in text:
        return False
    said = re.compile(
        rf"{re.escape(brand)}(?:'s|\u2019s) (?:[a-z]+ )?(?P<adj>[A-Z][\w-]+) {UNIT_NOUN}\b"
    )
    countries = {e.name for e in index.lookup(place) if e.type == TYPE.jurisdiction} | {place}
    return any(index.country_of_adjective(m.group("adj")) in countries for m in said.finditer(text))


def _country(words: str, index: GazIndex) -> bool:
    """Whether `words` name a country the gazetteer knows (a top-level Jurisdiction)."""
    return any(e.type == TYPE.jurisdiction and not e.parent for e in index.lookup(words))


def typed_by_lists(rest: list[Candidate], accepted: list[Candidate], text: str) -> list[Candidate]:
    """Unknown names coordinated with typed exchanges, firms, tokens or people take their type
    ("Justices Rohinton Fali Nariman, Aniruddha Bose and V. Ramasubramanian")."""
    items = sorted(rest + accepted, key=lambda c: c.start)
    surnames = {f for a in accepted if a.type == TYPE.person for f in family_names(a.surface)}
    out: list[Candidate] = []
    while True:  # a type spreads both ways along a list ("Quorvex, Talmabit and Binance")
        found = _type_from_neighbours(items, out, surnames, text)
        if not found:
            return out
        out += found


def _type_from_neighbours(
    items: list[Candidate], typed_before: list[Candidate], surnames: set[str], text: str
) -> list[Candidate]:
    """One left-to-right pass of `typed_by_lists`."""
    out: list[Candidate] = []
    for i, item in enumerate(items):
        if item.type is not None or item.surface in surnames:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(items):
                continue
            other = items[j]
            lo, hi = (other, item) if j < i else (item, other)
            gap = text[lo.end : hi.start]
            typed = other.type or next((o.type for o in out + typed_before if o is other), None)
            if not _LIST_SEP.match(gap):
                continue
            if j > i and _introductory_word(item, other, text):
                continue
            if j < i and _address_place(items, i, text):
                continue  # "Tarvo Capital Ltd., Alicante, Spain": the firm's town
            if (
                typed in (TYPE.exchange, TYPE.cryptoasset, TYPE.company)
                or (typed == TYPE.person and plausible_person_name(item.surface))
                or (typed == TYPE.jurisdiction and _among_places(items, i, j, text))
            ):
                item.type, item.source = typed, "cue" if typed != TYPE.person else "person"
                out.append(item)
                break
    return out


# what ends a sentence before the next one's first word (a quote may open it)
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\n][\"'\u201c\u2018)\]]?\s*[\"'\u201c\u2018]?)$")
# what carries a list on after a name: another comma, a conjunction
_LIST_GOES_ON = re.compile(r",|,? (?:and|or|as well as|along with|plus)\b")


def _introductory_word(item: Candidate, after: Candidate, text: str) -> bool:
    """Whether `item` is one word opening a sentence before a comma and the sentence's
    subject, no list's first member: "Thus, Velmora fell under the rules", "Still, Velmora
    kept trading" (a list goes on after its second member: "Quorvex, Velmora and OKX")."""
    if " " in item.surface or not _SENTENCE_BEFORE.search(text, max(0, item.start - 4), item.start):
        return False
    return not _LIST_GOES_ON.match(text, after.end)


def _address_place(items: list[Candidate], i: int, text: str) -> bool:
    """Whether `items[i]` stands between a firm and a country as its address: "Tarvo
    Capital Ltd., Alicante, Spain" (the country is the list's last word)."""
    if i + 1 >= len(items) or items[i + 1].type != TYPE.jurisdiction:
        return False
    country = items[i + 1]
    return text[items[i].end : country.start] == ", " and not _NEXT_MEMBER.match(text, country.end)


# another member after a list's item: "..., Spain, Italy", "..., Spain and Italy"
_NEXT_MEMBER = re.compile(r"(?:,? (?:and|or) |, [A-Z])")


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _among_places(items: list[Candidate], i: int, j: int, text: str) -> bool:
    """Whether the unknown name `items[i]`, listed beside the place `items[j]`, is one more
    place of the list ("in Delhi, Gurugram, Jodhpur and Pune"): a short name, and no other
    kind of name listed on its other side."""
    item = items[i]
    words = item.surface.split()
    if len(words) > 2 or item.surface.isupper():
        return False
    if item.surface in CONTINENTS:
        return False  # a market region beside countries, not a jurisdiction of its own
    if item.surface.rstrip(".").lower() in _MONTHS:
        return False  # a dateline's date: "Washington D.C., Sept. 12"
    if any(get_index().country_of_adjective(part) for w in words for part in w.split("-")):
        return False  # "Latin American markets", "Russian-occupied areas": no place's name
    lo, hi = (items[j], item) if j < i else (item, items[j])
    if not _PLACE_SEP.match(text[lo.end : hi.start]):
        return False
    k = 2 * i - j
    if 0 <= k < len(items):
        lo, hi = (items[k], item) if k < i else (item, items[k])
        if _LIST_SEP.match(text[lo.end : hi.start]) and items[k].type not in (
            None,
            TYPE.jurisdiction,
        ):
            return False
    return True


def people_by_habit(rest: list[Candidate], accepted: list[Candidate], text: str) -> list[Candidate]:
    """Unknown 2-3 word names whose surname recurs alone, or listed after 'influencers' etc."""
    index = get_index()
    singles = {u.surface for u in rest if " " not in u.surface}
    singles |= {a.surface for a in accepted if " " not in a.surface and a.type == TYPE.person}
    out = []
    for u in rest:
        words = u.surface.split()
        if not 2 <= len(words) <= 4 or not plausible_person_name(u.surface):
            continue
        if index.country_of_adjective(words[0]) and not is_given_name(words[0]):
            continue  # "a Russian Ponzi scheme": a demonym opens no person's name
        line_start = text.rfind("\n", 0, u.start) + 1
        before = text[line_start : u.start]
        if words[-1] in singles or (
            _PEOPLE_NOUNS.search(before) and before.rstrip().endswith((",", "and"))
        ):
            u.type, u.source = TYPE.person, "person"
            out.append(u)
    return out


# what a firm's full name may add to the word that later stands for it alone: a trade, a
# market word, a legal form ("Kairex Markets Ltd" ... "Kairex said"); a place or a second
# brand word would make it a unit or another firm
_SHORTENED_WORDS = frozenset(
    "markets market exchange trading technologies technology tech labs digital pay payments "
    "fintech solutions systems limited ltd ltd. inc inc. llc plc corp corp. co co. pte pty "
    "gmbh ag sa s.a. bv b.v. uab".split()
)


def firm_short_forms(
    rest: list[Candidate], accepted: list[Candidate], text: str
) -> list[Candidate]:
    """An unknown single word that begins the name of exactly one firm the text named in
    full before it is that firm's short form ("Kairex Markets Ltd ... Kairex said"): typed
    as the firm, for the entity stage to merge. Not a word the text also writes in lower
    case (a common word such as "First"), nor one two firms begin with ("Zelkova Markets
    Ltd", "Zelkova Pay Ltd" ... "Zelkova" is neither)."""
    firsts: dict[str, list[Candidate]] = {}
    for c in accepted:
        if c.type in (TYPE.exchange, TYPE.company) and " " in c.surface:
            head, _, tail = c.surface.partition(" ")
            words = {w.strip(",") for w in tail.lower().split()}  # "Co., Ltd."
            if words and words <= _SHORTENED_WORDS:
                firsts.setdefault(head, []).append(c)
    if not firsts:
        return []
    index = get_index()
    out: list[Candidate] = []
    for c in rest:
        firms = firsts.get(c.surface)
        if not firms or c.type is not None or len(c.surface) < 3:
            continue
        names = {f.surface for f in firms}
        if len(names) != 1 or firms[0].start > c.start:
            continue
        if re.search(rf"\b{re.escape(c.surface.lower())}\b", text) or index.lookup(c.surface):
            continue
        c.type, c.source = firms[0].type, "cue"
        out.append(c)
    return out


def firms_run_together(rest: list[Candidate], accepted: list[Candidate]) -> list[Candidate]:
    """An unknown name spelt as a firm the text typed, with its words run together or apart
    ("Coin Flip" ... "CoinFlip", "Bit Sewa" ... "Bitsewa"): typed as that firm, for the
    entity stage to merge (`name_variants`: one letter's difference)."""
    firms = {
        run_together(c.surface): c
        for c in accepted
        if c.type in (TYPE.exchange, TYPE.company) and len(c.surface) >= 5
    }
    out: list[Candidate] = []
    for c in rest:
        firm = firms.get(run_together(c.surface)) if c.type is None else None
        if firm is not None and firm.surface != c.surface and len(c.surface) >= 5:
            c.type, c.source = firm.type, "cue"
            out.append(c)
    return out
