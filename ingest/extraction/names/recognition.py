"""The `names` stage: every span of the document that names an entity, typed.

Sources: gazetteer hits (`gazetteer_index`), capitalised runs typed by their head
word, a tail or a cue (`name_runs`), people (`person_names`), web domains
(`domain_names`), brand extensions,
and names typed by lists or the surname habit (`untyped_names`). Overlaps are
settled longest-first (`candidates.select`). Names no rule can type are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from graph.ontology import GROUP, TYPE
from ingest.extraction.names.candidates import Candidate, SpanIndex, free, overlap, select
from ingest.extraction.names.comma_places import places_before_country
from ingest.extraction.names.domain_names import domain_spans
from ingest.extraction.names.dotted_places import join_dotted_places
from ingest.extraction.names.federal_districts import district_courts
from ingest.extraction.names.gazetteer_index import GazEntry, GazHit, GazIndex, get_index
from ingest.extraction.names.law_titles import (
    bracketed_law_titles,
    join_law_titles,
    numbered_laws,
)
from ingest.extraction.names.list_heads import list_heads
from ingest.extraction.names.name_runs import chunk_candidates, lists_portfolios
from ingest.extraction.names.odd_names import odd_names
from ingest.extraction.names.org_names import classify
from ingest.extraction.names.org_places import places_after_firms
from ingest.extraction.names.person_names import (
    family_names,
    nicknamed_people,
    person_spans,
    title_chain_people,
)
from ingest.extraction.names.shared_surnames import shared_surname_people
from ingest.extraction.names.type_cues import cue_spans
from ingest.extraction.names.untyped_names import (
    UNIT_AFTER,
    brand_extensions,
    firm_short_forms,
    firms_run_together,
    people_by_habit,
    settle_listed,
    typed_by_lists,
)
from ingest.extraction.text.document import Document
from ingest.extraction.text.scanning import scanner_of
from ingest.extraction.text.tokens import MONTHS, SENTENCE_WORDS, WEEKDAYS

_PRODUCT_NOUN = re.compile(
    r" (?:products?|platforms?|services?|apps?|firms?|venues?|accounts?|business(?:es)?|"
    r"companies|company|desks?|volumes?|pairs?|licen[cs]es?|tools?|worth|valued|totall?ing)\b"
)  # ("crypto transactions worth Rs 120 crore": an amount of them, not the activity)

_PLACE_IN_NAME = re.compile(
    r" (?:Road|Street|Avenue|Boulevard|Lane|Square|Gate|Bridge|University|College|Protocol"
    r"|Accord|Convention|Technology|Technologies|Stadium|Marathon|Declaration)\b"
)

# a generic body's name going on with one more field: "Ministry of Finance and Economy"
# (not "Ministry of Finance and Central Bank ...", where another name starts)
_FIELD_GOES_ON = re.compile(r" and [A-Z][a-z]+(?![\w-]| [A-Z])")

_POSSESSIVE_PLACE = re.compile(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)*)'s ")


def find_names(doc: Document, publisher: str | None = None) -> list[Candidate]:
    """All accepted name candidates of the document, in document order.

    `publisher` (the article's) types a run that spells it as a MediaOutlet.
    """
    index = get_index()
    text = doc.text
    hits = [h for h in index.find(text) if _context_ok(h, index, text)]
    gaz = [_gaz_candidate(h, index) for h in hits]
    cues: dict[tuple[int, int], str] = {}
    for s, e, t in cue_spans(text, scanner_of(doc)):
        if t == TYPE.person:  # a person's own cue ("defendants Huang and Chen were fined")
            cues[(s, e)] = t  # outranks a party's generic one ("Chen were fined": a firm)
        else:
            cues.setdefault((s, e), t)
    chunks, unknown = chunk_candidates(text, cues, publisher)
    in_gazetteer = SpanIndex(gaz)
    chunks = [
        part
        for c in chunks
        if not _place_before_known_body(c, in_gazetteer, index)
        for part in _split_at_known_name(c, in_gazetteer)
    ]
    if " (" in text:
        chunks = join_law_titles(text, chunks)
    chunks += numbered_laws(text) + bracketed_law_titles(text)
    spans = [(c.start, c.end) for c in chunks + unknown]
    chained = [
        Candidate(p.start, p.end, p.name, TYPE.person, "person")
        for p in title_chain_people(text, spans)
    ]
    if chained:
        chunks = _cut_before_people(chunks, chained, text)
        unknown = _cut_before_people(unknown, chained, text)
        spans = [(c.start, c.end) for c in chunks + unknown]
    persons = chained + [
        Candidate(p.start, p.end, p.name, TYPE.person, "person") for p in person_spans(text, spans)
    ]
    persons += [
        Candidate(p.start, p.end, p.name, TYPE.person, "person") for p in nicknamed_people(text)
    ]
    named = SpanIndex(gaz + chunks)
    persons = [p for p in persons if not _clashes_with_org(p, named)]
    surnames = {
        f
        for p in persons + [g for g in gaz if g.type == TYPE.person]
        for f in family_names(p.surface)
    }
    chunks = [c for c in chunks if c.source != "object" or c.surface not in surnames]
    if surnames:  # "Lisa Monaco ... Monaco said": the person again, not the country
        gaz = [g for g in gaz if not _place_as_surname(g, surnames, text)]
    # a known brand's extension outranks the generic type of a cue or an action's object
    # ("Luno Malaysia, a subsidiary of ...", "a stop order against Binance Futures")
    cue_firms = [
        c
        for c in chunks
        if c.source == "object"
        or (c.source == "cue" and c.type == TYPE.company and UNIT_AFTER.match(text, c.end))
    ]
    brands = brand_extensions(unknown + cue_firms, gaz, index, text)
    domains = [
        _domain_candidate(text, s, e)
        for s, e in domain_spans(text)
        if not in_gazetteer.overlapping(s, e)
    ]
    districts = district_courts(text, index)
    accepted = select(gaz + chunks + persons + brands + domains + districts)
    odd_typed, odd_untyped = odd_names(text, accepted + unknown)
    accepted = [a for a in accepted if not any(overlap(a, o) for o in odd_typed)]
    accepted = sorted(accepted + odd_typed, key=lambda c: c.start)
    # an odd name's capitalised tail ("Markets" of "qVault Markets") is no name of its own
    rest = free(free(unknown, odd_untyped) + odd_untyped, accepted)
    accepted += people_by_habit(rest, accepted, text)
    accepted += shared_surname_people(accepted, text)  # "Cameron and Tyler Winklevoss"
    rest = free(rest, accepted)
    # (places first: "Korvane Ltd., Alicante, Spain" is an address, not a list of firms)
    accepted += places_before_country(rest, accepted, text, index)
    rest = free(rest, accepted)
    accepted += typed_by_lists(rest, accepted, text)
    rest = free(rest, accepted)
    accepted += firm_short_forms(rest, accepted, text)
    rest = free(rest, accepted)
    accepted += firms_run_together(rest, accepted)  # "Coin Flip" ... "CoinFlip"
    rest = free(rest, accepted)
    accepted += list_heads(rest, text)
    rest = free(rest, accepted)
    accepted += places_after_firms(rest, accepted, text)
    settle_listed(accepted, index, text)
    accepted += _possessive_places(accepted, index)
    terms = _common_noun_terms(text)
    accepted = [
        c
        for c in accepted
        if not _junk(c, index, text)
        and not (c.source != "gaz" and c.surface.rpartition(" ")[2] in terms)
    ]
    accepted = _inside_numbered_courts([_with_ordinal(c, text) for c in accepted])
    accepted = join_dotted_places(accepted, text)  # "B.C. Supreme Court"
    _objects_named_as_people(accepted)
    accepted.sort(key=lambda c: c.start)
    _attach_places(accepted, hits, index)
    return accepted


def _objects_named_as_people(accepted: list[Candidate]) -> None:
    """An action's object that is the surname of a person the text names ("charges against
    Haller" after "its co-founders, Mark Haller and ...") is that person, not a firm."""
    people = [c for c in accepted if c.type == TYPE.person and " " in c.surface]
    surnames = {f for p in people for f in family_names(p.surface)}
    for c in accepted:
        if c.source == "object" and " " not in c.surface and c.surface in surnames:
            c.type, c.source = TYPE.person, "person"


# a court numbered by an ordinal in figures, which the capitalised run leaves out: "the 4th
# Federal Court of ...", "the 2nd Civil Court of Lagos"
_ORDINAL_INSIDE = re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\b")
_ORDINAL_BEFORE = re.compile(r"(?<![\w.])\d{1,3}(?:st|nd|rd|th) $")


# the capitalised words a numbered court's name opens with: "Istanbul Anatolian 9th Heavy
# Penal Court" (not a sentence's "The" or "On Thursday, the")
_COURT_LEAD = re.compile(r"(?<![\w.'-])((?:[A-Z][\w'-]+ ){1,3})$")


def _with_ordinal(c: Candidate, text: str) -> Candidate:
    """A court candidate with the figure ordinal before it joined to its name, and the
    capitalised words that open the numbered name ("Anatolian 9th Heavy Penal Court")."""
    if c.type != TYPE.court or c.source == "gaz" or c.start < 4:
        return c
    m = _ORDINAL_BEFORE.search(text, max(0, c.start - 6), c.start)
    if m is None:
        return c
    start = m.start()
    lead = _COURT_LEAD.search(text, max(0, start - 60), start)
    if lead is not None:
        words = lead.group(1).split()
        owners = [i for i, w in enumerate(words) if w.endswith("'s")]
        words = words[owners[-1] + 1 :] if owners else words  # "Turkey's 9th ...": a place's
        while words and words[0].lower() in SENTENCE_WORDS | WEEKDAYS | MONTHS:
            words.pop(0)
        index = get_index()
        while words and (index.lookup(words[0]) or index.country_of_adjective(words[0])):
            words.pop(0)  # a place or demonym stays a place of its own: the court's seat
        if words and not any(index.lookup(w) or index.country_of_adjective(w) for w in words):
            start -= len(" ".join(words)) + 1
    return Candidate(start, c.end, text[start : c.end], c.type, c.source)


def _inside_numbered_courts(accepted: list[Candidate]) -> list[Candidate]:
    """Without the places and untyped names a numbered court's name took in."""
    courts = [
        c
        for c in accepted
        if c.type == TYPE.court and c.source != "gaz" and _ORDINAL_INSIDE.search(c.surface)
    ]
    return [
        c
        for c in accepted
        if not any(
            k is not c
            and k.start <= c.start
            and c.end <= k.end
            and c.type in (TYPE.jurisdiction, None)
            for k in courts
        )
    ]


# a domain-style name after a word for a news source is that outlet ("Telegram channel
# Finance.kz", "the news site Coinpost.jp"), not a website seized or blocked
_OUTLET_BEFORE = re.compile(
    r"\b(?:channel|outlet|news (?:site|portal|website|service)|newspaper|publication|"
    r"magazine|blog|newsletter|broadcaster) $",
    re.IGNORECASE,
)


# a legal form after a domain makes the name a firm's: "HKD.com Corporation", "Bit.ly Inc."
_FORM_AFTER_DOMAIN = re.compile(
    r" (?:Corporation|Corp\.?|Incorporated|Inc\.?|Limited|Ltd\.?|LLC|PLC|Pte\.? Ltd\.?|GmbH|AG"
    r"|S\.A\.|B\.V\.|N\.V\.)(?![\w-])"
)


def _domain_candidate(text: str, start: int, end: int) -> Candidate:
    """A domain named on its own: a website (or an outlet), or with a legal form after it,
    the firm of that name."""
    form = _FORM_AFTER_DOMAIN.match(text, end)
    if form is not None:
        return Candidate(start, form.end(), text[start : form.end()], TYPE.company, "company")
    return Candidate(start, end, text[start:end], _domain_type(text, start), "cue")


def _domain_type(text: str, start: int) -> str:
    if _OUTLET_BEFORE.search(text, max(0, start - 25), start):
        return TYPE.mediaoutlet
    return TYPE.website


# an office named by its rank alone is a unit of the body a sign-off names before it
_UNIT_ONLY = re.compile(
    r"(?:Headquarters|Head|Regional|Zonal|Branch|Field|Main|Central|Sub-?[Zz]onal|Area|Local)"
    r" (?:Office|Unit|Branch|Bureau)"
)

# a ticker and the slash of a trading pair, right before its quote side
_PAIR_BASE = re.compile(r"(?<![\w/])[A-Z0-9]{2,6}/$")

# what ends a complete text: a name cut off mid-word by a scraper ("... said Binanc") has none
_TEXT_END = re.compile(r"[.!?\"'\u201d\u2019)\]]\s*$")


# a defined term given to a common noun phrase: 'a voluntary requirement (the "VREQ")'
_COMMON_TERM = re.compile(r"\b[a-z][a-z-]+ \((?:the )?\"(?P<t>[A-Z][\w-]{1,20})\"\)")


def _common_noun_terms(text: str) -> set[str]:
    """Short names a text defines for a thing it names in lower case: no entity's name."""
    if '("' not in text and '(the "' not in text:
        return set()
    return {m.group("t") for m in _COMMON_TERM.finditer(text)}


def _junk(c: Candidate, index: GazIndex, text: str) -> bool:
    """A span that names nothing: a bare demonym ("the Polish authorities": the body is the
    description's job), a word the text's cut-off end split ("... reported by Binanc"), or
    a curated abbreviation written in lower case ("bitcoin, ether, etc.")."""
    if c.source == "gaz":
        # an abbreviation the text writes in lower case is a word: "etc." is no ticker
        return c.kind == "abbreviation" and text[c.start : c.end].islower()
    if index.country_of_adjective(c.surface) is not None:
        return True
    if _PAIR_BASE.search(text, max(0, c.start - 8), c.start):
        return True  # "BTC/USD": the quote side of a trading pair, not a name of its own
    if _UNIT_ONLY.fullmatch(c.surface):
        return True  # "ED, Headquarters Office, New Delhi": a unit of the body before it
    # (a short text without a stop is a headline or a snippet, not a page cut off)
    return len(text) > 200 and c.end >= len(text.rstrip()) and not _TEXT_END.search(text)


def _possessive_places(accepted: list[Candidate], index: GazIndex) -> list[Candidate]:
    """A curated name like "Thailand's Securities and Exchange Commission" also names Thailand."""
    out = []
    for c in accepted:
        m = _POSSESSIVE_PLACE.match(c.surface)
        if not m or c.type == TYPE.jurisdiction:
            continue
        idx = next(
            (i for i in index.lookup_ids(m.group(1)) if index.entries[i].type == TYPE.jurisdiction),
            None,
        )
        if idx is not None:
            out.append(
                Candidate(
                    c.start, c.start + len(m.group(1)), m.group(1), TYPE.jurisdiction, "gaz", (idx,)
                )
            )
    return out


# a place that is also a given name ("Sofia") is the place after a locative preposition,
# unless a surname follows ("in Sofia Petrova's case")
def _place_as_surname(c: Candidate, surnames: set[str], text: str) -> bool:
    """Whether a place's name stands for the person of that surname the text names: alone,
    not after a word of place ("in Monaco") nor inside the person's own name."""
    if c.type != TYPE.jurisdiction or c.surface not in surnames:
        return False
    if _LOCATIVE_BEFORE.search(text, max(0, c.start - 12), c.start):
        return False
    return _NAME_WORD_BEFORE.search(text, max(0, c.start - 30), c.start) is None


# a capitalised word right before: the place is the end of a name ("Lisa Monaco")
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w.'-]* $")


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|near|outside|around|from|to|at)\s$")
_SURNAME_AFTER = re.compile(r"\s[A-Z][a-z]")


# a reference code's segments around a name: "BG/GOV/SEC/2018/02" (not "SEC/CFTC")
_CODE_BEFORE = re.compile(r"[A-Z0-9.]+/(?:[A-Z0-9]+/)*$")
_IN_CODE = re.compile(r"/(?:[A-Z0-9]+/)*[0-9]")


def _context_ok(hit: GazHit, index: GazIndex, text: str) -> bool:
    entries = [index.entries[s.entry] for s in hit.surfaces]
    end = hit.end
    if text[end : end + 1] == "$" or text.startswith((" dollar", " cents"), end):
        return False  # "HK$", "US$", "US dollar": a currency, not a place
    if _IN_CODE.match(text, end) and _CODE_BEFORE.search(text, max(0, hit.start - 12), hit.start):
        return False  # "notice NO.BG/GOV/SEC/2018/02": a segment of a reference code
    if (
        text[end - 1 : end] == "s"
        and end - hit.start >= 3
        and text[hit.start : end - 1].isupper()
        and all(s.text.isupper() for s in hit.surfaces)
    ):
        return False  # "First Information Reports (FIRs)": the plural of FIR, not FIRS
    if all(e.type == TYPE.activity for e in entries) and _PRODUCT_NOUN.match(text, end):
        return False  # "a margin trading product": a modifier, not the activity
    if all(e.type == TYPE.jurisdiction for e in entries) and _PLACE_IN_NAME.match(text, end):
        return False  # "Mombasa Road", "Kyoto Protocol": a place inside another name
    if (
        all(s.ambiguous for s in hit.surfaces)
        and all(e.type in GROUP.public_body for e in entries)
        and _FIELD_GOES_ON.match(text, end)
    ):
        return False  # "Ministry of Finance and Economy": another body, named in full
    if text[hit.start].islower() and all(
        s.text[0].isupper() and e.type not in (TYPE.cryptoasset, TYPE.activity)
        for s, e in zip(hit.surfaces, entries, strict=True)
    ):
        return False
    if all(
        s.ambiguous and e.type == TYPE.jurisdiction and e.parent and " " not in s.text
        for s, e in zip(hit.surfaces, entries, strict=True)
    ) and not any(_ancestor_named(e, index, text) for e in entries):
        return False  # "Central" is Central, Hong Kong only in a story that names Hong Kong
    if not all(e.needs_context for e in entries):
        return True
    if all(s.kind == "legal_name" for s in hit.surfaces):
        return True  # "Gemini Trust Company", "Apple Inc.": a legal name is no everyday word
    if all(e.type == TYPE.jurisdiction for e in entries) and any(
        _ancestor_follows(e, index, text, end) for e in entries
    ):
        return True  # "Sofia, Bulgaria", "Sofia/Bulgaria": a city its own country follows
    if (
        all(e.type == TYPE.jurisdiction for e in entries)
        and _LOCATIVE_BEFORE.search(text, max(0, hit.start - 12), hit.start)
        and not _SURNAME_AFTER.match(text, end)
    ):
        return True  # "across Sofia", "in Sofia": the city, not the given name
    window = text[max(0, hit.start - 60) : hit.end + 60].lower()
    return any(w in window for w in ("exchange", "platform", "crypto", "trading"))


def _cut_before_people(
    cands: list[Candidate], people: list[Candidate], text: str
) -> list[Candidate]:
    """Runs that end with a titled person lose the person: what is left before it is the
    body the title names ("Treasury" of "... of the Treasury for Terrorism and Financial
    Intelligence John K. Hurley"; a portfolio after "for" is the title's, not the body's)."""
    out = []
    for c in cands:
        p = next((p for p in people if c.start < p.start < c.end <= p.end + 2), None)
        if p is None:
            out.append(c)
            continue
        rest = text[c.start : p.start].rstrip(" ,")
        rest = _PAREN_AT_END.sub("", rest.split(" for ", 1)[0])
        words = rest.split()
        etype = classify(words) if words else None
        if etype is not None and etype != TYPE.person:
            out.append(Candidate(c.start, c.start + len(rest), rest, etype, c.source))
    return out


# the body's short name in parentheses between it and the titled person: "the Governor of
# the Bank of Kestria (BoK) Ana Lind" (the name is the body's, the short name its alias)
_PAREN_AT_END = re.compile(r" ?\([^()]{1,40}\)$")


# between a place and the place that encloses it in an address: "Sofia, Bulgaria",
# "Sofia/Bulgaria", "Sofia (Bulgaria)"
_ADDRESS_JOIN = re.compile(r", ?|/| \(")


def _ancestor_follows(entry: GazEntry, index: GazIndex, text: str, end: int) -> bool:
    """Whether a place that encloses `entry` (its parent, or theirs) follows it at `end`,
    as an address writes a city and its country."""
    join = _ADDRESS_JOIN.match(text, end)
    if join is None:
        return False
    parent, seen = entry.parent, 0
    while parent and seen < 6:
        if text.startswith(parent, join.end()):
            return True
        found = [e for e in index.lookup(parent) if e.type == TYPE.jurisdiction]
        parent, seen = (found[0].parent if found else None), seen + 1
    return False


def _ancestor_named(entry: GazEntry, index: GazIndex, text: str) -> bool:
    """Whether the text names a place that encloses `entry` (its parent, or theirs)."""
    parent, seen = entry.parent, 0
    while parent and seen < 6:
        if parent in text:
            return True
        found = [e for e in index.lookup(parent) if e.type == TYPE.jurisdiction]
        parent, seen = (found[0].parent if found else None), seen + 1
    return False


def _place_before_known_body(c: Candidate, in_gazetteer: SpanIndex, index: GazIndex) -> bool:
    """Whether a run is a known body's name after the name of its own country ("US Federal
    Deposit Insurance Corporation"): the two names, not a firm the legal word would make."""
    hits = in_gazetteer.overlapping(c.start, c.end)
    places = {
        h.end + 1: {index.entries[e].name for e in h.entries}
        for h in hits
        if h.start == c.start and h.type == TYPE.jurisdiction
    }
    return any(
        h.end == c.end
        and h.type in GROUP.public_body
        and any(index.entries[e].jurisdiction in places.get(h.start, ()) for e in h.entries)
        for h in hits
    )


def _split_at_known_name(c: Candidate, in_gazetteer: SpanIndex) -> list[Candidate]:
    """A run that joins a known name to another by "and" is two names, not one: "the Central
    Bank of Ireland and Binance" (unless a known name spans the "and": "Trinidad and Tobago")."""
    if " and " not in c.surface or lists_portfolios(c.surface):
        return [c]  # "Ministry of Finance and Treasury": one ministry's portfolios
    hits = in_gazetteer.overlapping(c.start, c.end)
    if not hits or any(h.start <= c.start and h.end >= c.end for h in hits):
        return [c]
    at = c.surface.rfind(" and ")
    left_end, right_start = c.start + at, c.start + at + 5
    if any(h.start < left_end and h.end > right_start for h in hits):
        return [c]  # a known name spans this "and"
    if any(h.start == right_start and h.end == c.end for h in hits):
        keep = (c.start, left_end)  # "<unknown body> and <known name>"
    elif any(h.start == c.start and h.end == left_end for h in hits):
        keep = (right_start, c.end)  # "<known name> and <unknown body>"
    else:
        return [c]
    surface = c.surface[keep[0] - c.start : keep[1] - c.start]
    etype = classify(surface.split())
    return [Candidate(keep[0], keep[1], surface, etype, c.source)] if etype else []


def _gaz_candidate(hit: GazHit, index: GazIndex) -> Candidate:
    if len(hit.surfaces) == 1:  # the usual case, without the general bookkeeping below
        only = hit.surfaces[0]
        etype = index.entries[only.entry].type
        return Candidate(
            hit.start, hit.end, only.text, etype, "gaz", (only.entry,), only.kind, only.ambiguous
        )
    plain = [s for s in hit.surfaces if not s.ambiguous]
    chosen = plain or list(hit.surfaces)
    entries = tuple(dict.fromkeys(s.entry for s in chosen))
    etype = index.entries[entries[0]].type
    ambiguous = not plain and len(entries) >= 1
    kind = chosen[0].kind
    surface = chosen[0].text
    return Candidate(hit.start, hit.end, surface, etype, "gaz", entries, kind, ambiguous)


def _clashes_with_org(p: Candidate, named: SpanIndex) -> bool:
    """Whether the 'person' sits inside a longer organisation name, or is a place."""
    return any(
        c.type not in (None, TYPE.person)
        and (
            c.length > p.length
            # a place a cue typed by its kind or setting: "Phuoc Long Ward", not a person
            or (c.type == TYPE.jurisdiction and c.source == "cue" and c.length == p.length)
        )
        for c in named.overlapping(p.start, p.end)
    )


def _attach_places(accepted: list[Candidate], hits: list[GazHit], index: GazIndex) -> None:
    """Record the places a body's name carries ('People's Court of Chaoyang District')."""
    places = sorted(
        (
            h
            for h in hits
            if not h.surfaces[0].ambiguous
            and index.entries[h.surfaces[0].entry].type == TYPE.jurisdiction
        ),
        key=lambda h: h.start,
    )
    starts = [h.start for h in places]
    for c in accepted:
        if c.source == "gaz" or c.type in (TYPE.person, TYPE.jurisdiction):
            continue
        for h in places[bisect_left(starts, c.start) : bisect_left(starts, c.end)]:
            if h.end <= c.end:
                entry: GazEntry = index.entries[h.surfaces[0].entry]
                if entry.type == TYPE.jurisdiction and entry.name not in c.places:
                    c.places.append(entry.name)
        for word in c.surface.replace("-", " ").split():
            country = index.country_of_adjective(word)
            if country and country not in c.places:
                c.places.append(country)
