"""Find the spans that name entities: gazetteer hits, typed name runs, people, cue-typed names.

Every source proposes `Candidate`s; overlaps are settled longest-first (a gazetteer
hit wins a tie), so "Binance Holdings Limited" beats "Binance" and "People's Bank of
China" beats "China". Names no rule can type are dropped, except where a list
("Binance, KuCoin and Bittrex") or the surname habit ("... Gambaryan said") types them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from graph.ontology import TYPE
from ingest.extraction.cues import cue_spans
from ingest.extraction.gazindex import GazEntry, GazHit, GazIndex
from ingest.extraction.orgnames import COMPANY_SUFFIXES, classify, split_chunk
from ingest.extraction.persons import person_spans
from ingest.extraction.scan import scanner_of
from ingest.extraction.sentences import Document
from ingest.extraction.tokens import UPPER, Token, name_chunks, tokenize

PRIORITY = {"gaz": 6, "law": 5, "company": 5, "chunk": 4, "person": 5, "cue": 4, "brand": 4}
EXTENSION_WORDS = frozenset(
    "global markets holdings crypto pay wallet securities exchange financial capital labs digital "
    "prime custody trust futures international asia europe africa us usa uk japan nigeria "
    "thailand singapore australia canada india turkey tr dubai hong kong korea fze fzco bank "
    "ventures technologies fintech".split()
)
_COMPANY_TAIL = re.compile(
    r",? (?:Inc\.|Inc\b|Ltd\.|Ltd\b|Limited\b|LLC\b|L\.L\.C\.|Corp\.|PLC\b|plc\b|AG\b|S\.A\.|"
    r"GmbH\b|Pte\.? Ltd\.?|Pty\.? Ltd\.?)"
)
_LAW_TAIL = re.compile(
    r"(?:,? \d{4}\b| No\. ?\d+(?:/\d+)?(?: of \d{4})?| B\.E\. \d{4}(?: \(\d{4}\))?"
    r"| of \d{4}\b| \(\d{4}\))+"
)
_LIST_SEP = re.compile(r"^(?:,|, and|,? and|,? or|, along with|, as well as|,? plus) $")
_WORD = r"(?:[\w&'-]|\.(?=\w))*\.?"
# a run of capitalised words and their connectors: only these need tokens (the lookbehind
# follows the capital it guards, so the search can skip to capitals; see cues.NAME)
_RUN = re.compile(
    rf"[{UPPER}](?<![\w'.-].){_WORD}(?:(?: (?:of|for|and|the|on|de|du|&|in|al|von|van)){{0,2}}"
    rf" (?:[{UPPER}]{_WORD}|\([{UPPER}][\w]*\)(?= [{UPPER}])))*"
)
_PRODUCT_NOUN = re.compile(
    r" (?:products?|platforms?|services?|apps?|firms?|venues?|accounts?|business(?:es)?|"
    r"companies|company|desks?|volumes?|pairs?|licen[cs]es?|tools?)\b"
)
_POSSESSIVE_PLACE = re.compile(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)*)'s ")
_PEOPLE_NOUNS = re.compile(
    r"\b(?:influencers|executives|men|women|people|officials|suspects|individuals|founders|"
    r"employees|directors|lawyers|traders|managers|promoters|defendants|brothers)\b"
)


@dataclass
class Candidate:
    """A proposed entity span. `entries` are gazetteer entry indices (several if ambiguous)."""

    start: int
    end: int
    surface: str
    type: str | None
    source: str
    entries: tuple[int, ...] = ()
    kind: str | None = None
    ambiguous: bool = False
    brand: str | None = None
    places: list[str] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


def recognize(doc: Document, index: GazIndex, publisher: str | None = None) -> list[Candidate]:
    """All accepted candidates in document order."""
    text = doc.text
    hits = [h for h in index.find(text) if _context_ok(h, index, text)]
    gaz = [_gaz_candidate(h, index) for h in hits]
    chunks: list[Candidate] = []
    unknown: list[Candidate] = []
    cues: dict[tuple[int, int], str] = {}
    for s, e, t in cue_spans(text, scanner_of(doc)):
        cues.setdefault((s, e), t)
    for run in _RUN.finditer(text):
        base = run.start()
        for start, end, words in _run_chunks(run.group()):
            cand = _chunk_candidate(base + start, base + end, words, text, cues, publisher)
            (chunks if cand.type else unknown).append(cand)
    spans = [(c.start, c.end) for c in chunks + unknown]
    persons = [
        Candidate(p.start, p.end, p.name, TYPE.person, "person") for p in person_spans(text, spans)
    ]
    persons = [p for p in persons if not _clashes_with_org(p, gaz, chunks)]
    brands = _brand_extensions(unknown, gaz, index)
    accepted = _select(gaz + chunks + persons + brands)
    rest = _free(unknown, accepted)
    accepted += _people_by_habit(rest, accepted, text)
    rest = _free(rest, accepted)
    accepted += _typed_by_lists(rest, accepted, text)
    _settle_listed(accepted, index, text)
    accepted += _possessive_places(accepted, index)
    accepted.sort(key=lambda c: c.start)
    _attach_places(accepted, hits, index)
    return accepted


def _settle_listed(accepted: list[Candidate], index: GazIndex, text: str) -> None:
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


_TITLE_TOKENS = frozenset(
    "chair chairman chairwoman chairperson president governor commissioner superintendent "
    "secretary-general ceo minister judge senator spokesperson spokesman spokeswoman director "
    "deputy vice-chair vice-president treasurer chancellor prosecutor mayor founder".split()
)


def _split_titles(tokens: list[Token], a: int, b: int) -> list[tuple[int, int]]:
    """'ASIC Deputy Chair Sarah Court' -> 'ASIC' and 'Sarah Court': titles are no part of names."""
    for i in range(a, b):
        if tokens[i].lower in _TITLE_TOKENS:
            j = i
            while j < b and tokens[j].lower in _TITLE_TOKENS:
                j += 1
            return ([(a, i)] if i > a else []) + _split_titles(tokens, j, b)
    return [(a, b)] if a < b else []


def _context_ok(hit: GazHit, index: GazIndex, text: str) -> bool:
    entries = [index.entries[s.entry] for s in hit.surfaces]
    end = hit.end
    if text[end : end + 1] == "$" or text.startswith((" dollar", " cents"), end):
        return False  # "HK$", "US$", "US dollar": a currency, not a place
    if all(e.type == TYPE.activity for e in entries) and _PRODUCT_NOUN.match(text, end):
        return False  # "a margin trading product": a modifier, not the activity
    if text[hit.start].islower() and all(
        s.text[0].isupper() and e.type not in (TYPE.cryptoasset, TYPE.activity)
        for s, e in zip(hit.surfaces, entries, strict=True)
    ):
        return False
    if not all(e.needs_context for e in entries):
        return True
    window = text[max(0, hit.start - 60) : hit.end + 60].lower()
    return any(w in window for w in ("exchange", "platform", "crypto", "trading"))


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


@lru_cache(maxsize=16384)
def _run_chunks(run: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The name chunks of one capitalised run: (start, end) in the run, and their words.

    A run's chunks depend on its text alone, and the same runs ("The", "Binance",
    "Securities and Exchange Commission") recur across articles, so they are memoised.
    """
    tokens = tokenize(run)
    out = []
    for a, b in name_chunks(tokens):
        for a2, b2 in _split_titles(tokens, a, b):
            for a3, b3 in split_chunk(tokens, a2, b2):
                words = tuple(t.text for t in tokens[a3:b3])
                out.append((tokens[a3].start, tokens[b3 - 1].end, words))
    return tuple(out)


@lru_cache(maxsize=16384)
def _classify(words: tuple[str, ...]) -> str | None:
    return classify(list(words))


def _chunk_candidate(
    start: int,
    end: int,
    words: tuple[str, ...],
    text: str,
    cues: dict[tuple[int, int], str],
    publisher: str | None,
) -> Candidate:
    etype = _classify(words)
    source = "chunk"
    tail = _COMPANY_TAIL.match(text, end) if etype is None or etype == TYPE.company else None
    if tail and words[-1].lower() not in COMPANY_SUFFIXES:
        end, etype, source = tail.end(), TYPE.company, "company"
    if etype == TYPE.law:
        for tail_word in (" No.", " B.E."):
            if text[start:end].endswith(tail_word):
                end -= len(tail_word)
        law_tail = _LAW_TAIL.match(text, end)
        if law_tail:
            end = law_tail.end()
        source = "law"
    if etype is None:
        etype = cues.get((start, end))
        source = "cue" if etype else "chunk"
    if etype is None and publisher and text[start:end] == publisher:
        etype, source = TYPE.mediaoutlet, "cue"
    return Candidate(start, end, text[start:end], etype, source)


def _clashes_with_org(p: Candidate, gaz: list[Candidate], chunks: list[Candidate]) -> bool:
    for c in gaz + chunks:
        if _overlap(p, c) and c.type not in (None, TYPE.person) and c.length > p.length:
            return True  # the 'person' sits inside a longer organisation name
    return False


def _brand_extensions(
    unknown: list[Candidate], gaz: list[Candidate], index: GazIndex
) -> list[Candidate]:
    """'Huobi Thailand', 'Robinhood Crypto': a known firm's name plus unit or place words."""
    out = []
    by_start: dict[int, list[Candidate]] = {}
    for g in gaz:
        if g.type in (TYPE.exchange, TYPE.company):
            by_start.setdefault(g.start, []).append(g)
    for u in unknown:
        for g in by_start.get(u.start, ()):
            if g.end >= u.end:
                continue
            extra = u.surface[g.end - u.start :].strip().lower().split()
            if extra and all(w in EXTENSION_WORDS or index.country_of_adjective(w) for w in extra):
                out.append(Candidate(u.start, u.end, u.surface, g.type, "brand", brand=g.surface))
    return out


def _overlap(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _select(cands: list[Candidate]) -> list[Candidate]:
    order = sorted(cands, key=lambda c: (-c.length, -PRIORITY.get(c.source, 0), c.start))
    size = max((c.end for c in cands), default=0)
    used = bytearray(size + 1)
    taken: list[Candidate] = []
    for c in order:
        if c.type and used.find(1, c.start, c.end) < 0:  # no taken offset in the span
            taken.append(c)
            used[c.start : c.end] = b"\x01" * c.length
    return taken


def _free(cands: list[Candidate], accepted: list[Candidate]) -> list[Candidate]:
    """The candidates that overlap none of `accepted`."""
    size = max((c.end for c in cands + accepted), default=0)
    used = bytearray(size + 1)
    for a in accepted:
        used[a.start : a.end] = b"\x01" * a.length
    return [c for c in cands if used.find(1, c.start, c.end) < 0]


def _typed_by_lists(rest: list[Candidate], accepted: list[Candidate], text: str) -> list[Candidate]:
    """Unknown names coordinated with typed exchanges, firms or tokens take their type."""
    items = sorted(rest + accepted, key=lambda c: c.start)
    surnames = {a.surface.split()[-1] for a in accepted if a.type == TYPE.person}
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
            typed = other.type or next((o.type for o in out if o is other), None)
            if typed in (TYPE.exchange, TYPE.cryptoasset, TYPE.company) and _LIST_SEP.match(gap):
                item.type, item.source = typed, "cue"
                out.append(item)
                break
    return out


def _people_by_habit(
    rest: list[Candidate], accepted: list[Candidate], text: str
) -> list[Candidate]:
    """Unknown 2-3 word names whose surname recurs alone, or listed after 'influencers' etc."""
    from ingest.extraction.persons import _valid

    singles = {u.surface for u in rest if " " not in u.surface}
    singles |= {a.surface for a in accepted if " " not in a.surface and a.type == TYPE.person}
    out = []
    for u in rest:
        words = u.surface.split()
        if not 2 <= len(words) <= 4 or not _valid(u.surface):
            continue
        line_start = text.rfind("\n", 0, u.start) + 1
        before = text[line_start : u.start]
        if words[-1] in singles or (
            _PEOPLE_NOUNS.search(before) and before.rstrip().endswith((",", "and"))
        ):
            u.type, u.source = TYPE.person, "person"
            out.append(u)
    return out


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
