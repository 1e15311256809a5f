"""Ranking of `search` hits, shared by both stores so their answers are identical.

A store gathers (entity, string) candidates: every entity's canonical name and every
alias, already filtered by type and jurisdiction, and calls `rank_hits`. Strings are
compared after graph.ids.normalize_name. Each candidate string scores in one tier:

* exact (normalised equal): 100;
* prefix of the whole string: 80 + 19 * len(q) / len(s);
* prefix of a later word ("bank of" in "people's bank of china"): 60 + 19 * len(q) / len(s);
* fuzzy: rapidfuzz WRatio >= FUZZY_MIN, WRatio * 0.59; only for queries of >= 3
  characters and only for strings with a word that starts with the first three
  characters of a query word of >= 3 characters (`fuzzy_prefixes`). That gate makes the
  candidate set indexable: Neo4j can fetch exactly these strings with a prefix query
  (`pre*`) on a whitespace-tokenised index of the normalised names and aliases.

An entity's hit is its best string (ties: its canonical name, then the smaller string);
hits are ordered by score descending, then entity id; scores are rounded to 4 places.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from graph.ids import normalize_name
from graph.store.protocol import EntitySummary, SearchHit

FUZZY_MIN = 80.0

# (entity, string, is the canonical name, graph.ids.normalize_name(string))
Candidate = tuple[EntitySummary, str, bool, str]


def fuzzy_prefixes(q_norm: str) -> frozenset[str]:
    """First three characters of each query word of >= 3 characters (the fuzzy gate)."""
    return frozenset(w[:3] for w in q_norm.split() if len(w) >= 3)


def word_keys(s_norm: str) -> set[str]:
    """The keys a normalised candidate string is indexed under: each word's first one, two
    and three characters (graph/store/embedded/view.py `NameList`)."""
    return {w[:n] for w in s_norm.split() for n in (1, 2, 3)}


def query_keys(q_norm: str) -> set[str]:
    """Keys of which every string scoring above 0 for `q_norm` carries at least one: the
    exact, prefix and word-prefix tiers need a word starting with the query's first word
    (its first three characters, or all of it when shorter), the fuzzy tier a word starting
    with one of `fuzzy_prefixes`. So looking these up loses no hit."""
    words = q_norm.split()
    return {words[0][:3], *fuzzy_prefixes(q_norm)} if words else set()


def score(q_norm: str, s_norm: str, prefixes: frozenset[str] | None = None) -> float:
    """The score of one normalised candidate string for a normalised query (0: no match)."""
    if not q_norm or not s_norm:
        return 0.0
    if s_norm == q_norm:
        return 100.0
    ratio = len(q_norm) / len(s_norm)
    if s_norm.startswith(q_norm):
        return round(80 + 19 * ratio, 4)
    if f" {q_norm}" in f" {s_norm}":
        return round(60 + 19 * ratio, 4)
    gate = fuzzy_prefixes(q_norm) if prefixes is None else prefixes
    if len(q_norm) >= 3 and any(w[:3] in gate for w in s_norm.split()):
        w = fuzz.WRatio(q_norm, s_norm)
        if w >= FUZZY_MIN:
            return round(w * 0.59, 4)
    return 0.0


def rank_hits(
    q: str,
    candidates: Iterable[Candidate],
    limit: int = 20,
    offset: int = 0,
) -> list[SearchHit]:
    """Best-first hits for `q` over (entity, string, is_canonical_name, normalised string)
    candidates; the normalised string is graph.ids.normalize_name(string)."""
    q_norm = normalize_name(q)
    prefixes = fuzzy_prefixes(q_norm)
    best: dict[str, tuple[float, bool, str, EntitySummary]] = {}
    for entity, text, is_name, text_norm in candidates:
        sc = score(q_norm, text_norm, prefixes)
        if sc <= 0:
            continue
        prev = best.get(entity.id)
        if prev is None or (-sc, not is_name, text) < (-prev[0], not prev[1], prev[2]):
            best[entity.id] = (sc, is_name, text, entity)
    ordered = sorted(best.values(), key=lambda b: (-b[0], b[3].id))
    return [
        SearchHit(entity=e, matched=text, score=sc)
        for sc, _, text, e in ordered[offset : offset + limit]
    ]
