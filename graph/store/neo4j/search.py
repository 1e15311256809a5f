"""Search in the Neo4j store: candidates from the indexes, ranking by graph.store.search_rank.

The embedded store ranks every name and alias; scanning them all per query would not
use Neo4j's indexes, so candidates come from the full-text index over each entity's
normalised names (`names_norm`: each query word and its first three characters as
prefixes, see `lucene_query`), which are exactly the words search_rank's tiers and its
fuzzy gate can score. Every
candidate entity then has all its names scored by the shared `rank_hits`, so whatever
both stores find is ranked identically; tests/test_neo4j_store.py checks on the gold
corpora that the candidates miss nothing the full scan finds (1,000+ queries: words,
prefixes, fragments and typos of every name). Ranking itself, and the jurisdiction
filter's meaning, are graph/store/base.py's; this module only gathers candidates, through
the store's `Read` function.

One round trip (`SEARCH`, issue 16 point 3: three before, and a common word such as
"exchange" sent ~1,000 entities' names back to be scored): the server gathers the
full-text candidates, keeps the type and jurisdiction filters, and scores the tiers that
need no fuzzy matching (exact 100, prefix 80-99, word prefix 60-79: graph/store/search_rank.py
`score`, whose fuzzy tier is below 60). When at least `want` (offset + limit) entities
reach those tiers, the best `want` of them by that score, then id, are exactly the
entities of the answer's first `want` hits, and only they are sent; otherwise every
candidate is. `rank_hits` ranks what comes back either way.
Those strong entities are found first by the query words as bare prefixes
(`strong_lucene`); only when fewer than `want` are does the full-text round with the fuzzy
gate's three-character prefixes (most of the index's work, and most of what is sent) run,
in the same query.
"""

from __future__ import annotations

import re
from collections.abc import Set

from graph.store.neo4j.read_queries import Read, summary
from graph.store.neo4j.records import summary_from
from graph.store.neo4j.schema import FULLTEXT_INDEX
from graph.store.search_rank import Candidate

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')

# The tiers of search_rank.score that need no fuzzy matching, for a normalised string s
_STRONG = (
    "CASE WHEN s = $q THEN 100.0 "
    "WHEN s STARTS WITH $q THEN 80 + 19.0 * size($q) / size(s) "
    "WHEN (' ' + s) CONTAINS (' ' + $q) THEN 60 + 19.0 * size($q) / size(s) "
    "ELSE 0.0 END"
)

_FILTERS = "($type IS NULL OR e.type = $type) AND ($within IS NULL OR e.id IN $within)"

# Every string of a non-fuzzy tier has a word starting with the query's first word, which
# the full-text clause `word*` finds (whitespace tokens of the normalised names); every
# string the fuzzy tier may score has a word starting with a query word's first three
# characters, which `pre*` finds. (A substring search found nothing more: a string the
# gate lets through has such a word whatever else it contains.)
# The query words as prefixes alone (`strong_lucene`) find every entity of the non-fuzzy
# tiers; when at least $want do, their best $want are the answer's entities and the
# fuzzy gate's prefixes (most of the full-text index's work) are never looked up.
# Otherwise the full round below.
_STRONG_FIRST = (
    "CALL db.index.fulltext.queryNodes($index, $strong_lucene) YIELD node AS e "
    f"WITH e WHERE {_FILTERS} "
    "WITH e, reduce(best = 0.0, s IN [e.name_norm] + coalesce(e.alias_norms, []) | "
    f"CASE WHEN {_STRONG} > best THEN {_STRONG} ELSE best END) AS strong "
    "WHERE strong > 0 ORDER BY strong DESC, e.id "
    "WITH collect(e) AS firsts, $want > 0 AND count(e) >= $want AS enough "
)
# (the full-text round sits in a subquery so that its aggregation runs only for the row
# that gets there: an aggregation over no rows still makes one)
_FULL = (
    "CALL () { CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node AS e "
    f"WITH e WHERE {_FILTERS} "
    "WITH e, reduce(best = 0.0, s IN [e.name_norm] + coalesce(e.alias_norms, []) | "
    f"CASE WHEN {_STRONG} > best THEN {_STRONG} ELSE best END) AS strong "
    "ORDER BY strong DESC, e.id "
    "RETURN collect(e) AS es, sum(CASE WHEN strong > 0 THEN 1 ELSE 0 END) AS n } "
    "UNWIND CASE WHEN n >= $want THEN es[..$want] ELSE es END AS e "
    "WITH DISTINCT e RETURN e"
)
SEARCH = (
    _STRONG_FIRST + "CALL (firsts, enough) { WITH firsts, enough WHERE enough "
    "UNWIND firsts[..$want] AS e RETURN e "
    f"UNION ALL WITH enough WHERE NOT enough {_FULL} }} "
    f"RETURN {summary('e')} AS e, e.name_norm AS norm, e.aliases AS aliases, "
    "e.alias_norms AS alias_norms"
)

CANDIDATES = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "WHERE $type IS NULL OR e.type = $type "
    f"RETURN {summary('e')} AS e, e.name_norm AS norm, e.aliases AS aliases, "
    "e.alias_norms AS alias_norms"
)


def lucene_escape(term: str) -> str:
    """A term with Lucene's query-syntax characters escaped."""
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def lucene_query(q_norm: str) -> str:
    """The full-text candidate query for a normalised search string; any clause may match
    and graph.store.search_rank ranks what comes back. Per word: the word as a prefix (the
    exact, prefix and word-prefix tiers need a word starting with the query's first word)
    and, from 3 characters, its first three as a prefix: the fuzzy tier's gate
    (`search_rank.fuzzy_prefixes`), so every string the fuzzy tier may score is fetched,
    however many edits apart ("finantsinspektsioon" finds "finansinspektionen" through
    `fin*`, which a fuzzy term of at most two edits would not)."""
    clauses: list[str] = []
    for word in dict.fromkeys(q_norm.split()):
        clauses.append(f"{lucene_escape(word)}*")
        if len(word) >= 3:
            clauses.append(f"{lucene_escape(word[:3])}*")
    return " OR ".join(dict.fromkeys(clauses))


def strong_lucene(q_norm: str) -> str:
    """The full-text query that finds every entity of the non-fuzzy tiers: each query
    word as a prefix (see `lucene_query`)."""
    return " OR ".join(f"{lucene_escape(word)}*" for word in dict.fromkeys(q_norm.split()))


def candidates(
    read: Read, q_norm: str, entity_type: str | None, within: Set[str] | None, want: int
) -> list[Candidate]:
    """Every name and alias of the candidate entities of `entity_type` among `within`
    (or of the best `want` of them, see the module doc), for graph.store.search_rank to
    score."""
    rows = read(
        SEARCH,
        index=FULLTEXT_INDEX,
        lucene=lucene_query(q_norm),
        strong_lucene=strong_lucene(q_norm),
        q=q_norm,
        type=entity_type,
        within=sorted(within) if within is not None else None,
        want=max(want, 0),
    )
    cands: list[Candidate] = []
    for r in rows:
        s = summary_from(r["e"])
        cands.append((s, s.name, True, r["norm"]))
        aliases = r["aliases"] or []
        norms = r["alias_norms"] or []
        cands += [(s, n, False, nn) for n, nn in zip(aliases, norms, strict=True)]
    return cands
