"""Identity: "the same body named twice is one node", decided the same way by every store.

Both stores call `resolve_extraction(extraction, lookup)` inside `upsert`, before
writing, against their own `IdentityLookup`. An incoming named entity is mapped to an
existing one by the first rule that applies (never across entity types):

0. its id already exists (ids come from type + canonical name, graph/ids.py);
1. same Wikidata QID;
2. equal match keys (`match_key`: graph.ids.normalize_name plus legal suffixes folded,
   so "Binance Holdings Ltd" == "Binance Holdings Limited" and "Peoples Bank of China"
   == "People's Bank of China"), ranked name-to-name, then name-to-alias either way,
   then alias-to-alias. Only *identifying* aliases count (`alias_is_identifying`: not
   descriptive, not "the ...", not only generic words like "the regulator" or "central
   bank", and for a Person at least two words). A name-to-name hit always wins (lowest
   id among several); an alias hit is taken only when it is the only id at its rank and
   the two canonical names do not name different jurisdictions;
3. fuzzy fallback: rapidfuzz token_sort_ratio >= FUZZY_THRESHOLD between canonical match
   keys, only when both have >= 2 words and >= 6 characters, the same number of words,
   at least one shared word of >= 3 characters, the same numbers/codes (digit-bearing
   words), and exactly the same named jurisdictions (graph/jurisdiction_names.py), so
   "... of the Philippines" / "... of Thailand" / "U.S. ..." / plain stay apart, as do
   "Binance Holdings (IE) Limited" and "Binance Holdings Limited". Best score wins, ties
   to the lowest id.

4. an unnamed group ("13 apps") is the group of the same event when the store already
   holds a group of its type and count that the same actor (after rules 0-3) targets
   with the same action at an agreeing date (ONTOLOGY.md, "Actions are events"): two
   outlets reporting one ban of 13 apps give one group node. Lowest id among several.

Never merged otherwise: unnamed groups (their ids are article-scoped, graph.ids.group_id), two
entities with different QIDs (a newcomer whose id is taken by another QID gets
`<id>-<qid lower-cased>`), and two entities of one extraction (an id another incoming
entity has, or already took, is not a candidate). A merged entity takes the existing
id and canonical name; its own name, when it differs after normalisation, becomes an
alias (kind "other").
"""

from __future__ import annotations

import re
from typing import NamedTuple, Protocol

from rapidfuzz import fuzz

from graph.ids import normalize_name
from graph.jurisdiction_names import named_jurisdictions
from graph.models import Alias, Entity, Extraction, Relation
from graph.ontology import TYPE, get_ontology
from graph.partial_dates import dates_agree

FUZZY_THRESHOLD = 90.0
_SUFFIXES = {
    "ltd": "limited",
    "inc": "incorporated",
    "corp": "corporation",
    "co": "company",
    "intl": "international",
    "dept": "department",
    "govt": "government",
    "assn": "association",
}
GENERIC_WORDS = frozenset(
    """a an the of and for in on at to s its regulator regulators commission agency authority
    watchdog department ministry bank central court tribunal police force government state
    country city province emirate exchange exchanges platform platforms company firm group unit
    operator website app chamber law bill regulation rule council office service services
    administration body bureau committee division financial national federal securities crypto
    cryptocurrency world worlds largest biggest capital legislature parliament market markets
    trading global international public supervisor monetary fund entity agencies firms
    companies it ministry's""".split()
)
_DIGITS = re.compile(r"\d")


class Candidate(NamedTuple):
    """An existing entity as a store's lookup reports it."""

    id: str
    type: str
    name: str
    qid: str | None = None


class IdentityLookup(Protocol):
    """What a store offers identity resolution; read inside the write transaction."""

    def get(self, entity_id: str) -> Candidate | None:
        """The entity with this id, if stored."""

    def by_qid(self, qid: str) -> list[Candidate]:
        """Entities carrying this Wikidata QID."""

    def by_key(self, key: str) -> list[tuple[Candidate, bool]]:
        """Named entities whose canonical `match_key` (True) or an identifying alias's
        `match_key` (False) equals `key`."""

    def fuzzy_candidates(self, entity_type: str, words: set[str]) -> list[Candidate]:
        """Named entities of this type sharing a word with `words` (`fuzzy_words`); any
        superset is fine, the rules above filter."""

    def group_targets(
        self, actor_id: str, rel_type: str, group_type: str, count: int | None
    ) -> list[tuple[str, str | None]]:
        """Unnamed groups of `group_type` with this `count` (None: no count) that
        `actor_id` already has a `rel_type` relation to, each with that relation's
        date ("YYYY[-MM[-DD]]" or None), one row per event: rule 4 picks among them."""


def match_key(name: str) -> str:
    """The identity key of a name: normalised, '&' read as 'and', legal suffixes folded
    (ltd -> limited)."""
    words = normalize_name(name.replace("&", " and ")).split()
    return " ".join(_SUFFIXES.get(w, w) for w in words)


def fuzzy_words(key: str) -> set[str]:
    """Words of a match key that fuzzy blocking shares on (>= 3 characters)."""
    return {w for w in key.split() if len(w) >= 3}


def alias_is_identifying(alias: Alias, entity_type: str) -> bool:
    """Whether an alias may make two mentions one entity ("PBOC" yes, "the regulator" no)."""
    if alias.kind == "descriptive" or alias.name.strip().casefold().startswith(("the ", "a ")):
        return False
    words = match_key(alias.name).split()
    if not words or all(w in GENERIC_WORDS for w in words):
        return False
    return not (entity_type == TYPE.person and len(words) < 2)


def _fuzzy_ok(key: str) -> bool:
    return len(key) >= 6 and len(key.split()) >= 2


def _digits(key: str) -> set[str]:
    return {w for w in key.split() if _DIGITS.search(w)}


def _places_clash(a: str, b: str) -> bool:
    pa, pb = named_jurisdictions(a), named_jurisdictions(b)
    return bool(pa) and bool(pb) and pa != pb


def _fuzzy_score(name: str, cand: Candidate) -> float:
    a, b = match_key(name), match_key(cand.name)
    if not (_fuzzy_ok(a) and _fuzzy_ok(b)) or len(a.split()) != len(b.split()):
        return 0.0
    if not fuzzy_words(a) & fuzzy_words(b) or _digits(a) != _digits(b):
        return 0.0
    if named_jurisdictions(name) != named_jurisdictions(cand.name):
        return 0.0
    score = fuzz.token_sort_ratio(a, b)
    return score if score >= FUZZY_THRESHOLD else 0.0


class _Resolver:
    """Resolves the entities of one extraction, remembering which ids are spoken for."""

    def __init__(self, extraction: Extraction, lookup: IdentityLookup) -> None:
        self.lookup = lookup
        self.own_ids = {e.id for e in extraction.entities}
        self.taken: set[str] = set()

    def _usable(self, e: Entity, c: Candidate) -> bool:
        if c.type != e.type or c.id in self.taken:
            return False
        if c.id != e.id and c.id in self.own_ids:
            return False
        return not (e.qid and c.qid and e.qid != c.qid)

    def _by_keys(self, e: Entity) -> Candidate | None:
        own = match_key(e.name)
        keys = [(own, True)] + [
            (match_key(a.name), False) for a in e.aliases if alias_is_identifying(a, e.type)
        ]
        ranked: dict[int, dict[str, Candidate]] = {}
        for key, from_name in keys:
            for cand, to_name in self.lookup.by_key(key):
                if not self._usable(e, cand):
                    continue
                rank = 0 if from_name and to_name else (1 if from_name or to_name else 2)
                if rank and _places_clash(e.name, cand.name):
                    continue
                ranked.setdefault(rank, {})[cand.id] = cand
        for rank in sorted(ranked):
            hits = ranked[rank]
            if rank == 0 or len(hits) == 1:
                return hits[min(hits)]
        return None

    def _by_fuzzy(self, e: Entity) -> Candidate | None:
        key = match_key(e.name)
        if not _fuzzy_ok(key):
            return None
        best: tuple[float, str, Candidate] | None = None
        for cand in self.lookup.fuzzy_candidates(e.type, fuzzy_words(key)):
            if not self._usable(e, cand):
                continue
            score = _fuzzy_score(e.name, cand)
            if score and (best is None or (-score, cand.id) < (-best[0], best[1])):
                best = (score, cand.id, cand)
        return best[2] if best else None

    def resolve(self, e: Entity) -> Candidate | None:
        """The existing entity `e` is, or None when it is new."""
        if e.unnamed:
            return None
        found = self.lookup.get(e.id)
        if found is not None and self._usable(e, found):
            return found
        if e.qid:
            same = sorted(c.id for c in self.lookup.by_qid(e.qid) if self._usable(e, c))
            if same:
                return self.lookup.get(same[0])
        return self._by_keys(e) or self._by_fuzzy(e)


def _merged(e: Entity, cand: Candidate) -> Entity:
    if cand.id == e.id:
        return e
    aliases = list(e.aliases)
    if normalize_name(e.name) != normalize_name(cand.name):
        aliases.append(Alias(name=e.name, kind="other"))
    return e.model_copy(update={"id": cand.id, "name": cand.name, "aliases": aliases})


def _fresh_id(e: Entity, lookup: IdentityLookup) -> Entity:
    """`e`, re-identified when its id is taken by a different body (another QID)."""
    if e.unnamed or not e.qid:
        return e
    existing = lookup.get(e.id)
    if existing is None or not existing.qid or existing.qid == e.qid:
        return e
    return e.model_copy(update={"id": f"{e.id}-{e.qid.lower()}"})


def resolve_extraction(
    extraction: Extraction, lookup: IdentityLookup
) -> tuple[Extraction, dict[str, str]]:
    """The extraction rewritten onto existing ids, and the map {incoming id: stored id}
    of the ids that changed. Entities are resolved in order; relations follow the map."""
    resolver = _Resolver(extraction, lookup)
    entities: list[Entity] = []
    mapping: dict[str, str] = {}
    for e in extraction.entities:
        cand = resolver.resolve(e)
        if cand is None:
            fresh = _fresh_id(e, lookup)
            if fresh.id != e.id:
                mapping[e.id] = fresh.id
            resolver.taken.add(fresh.id)
            entities.append(fresh)
            continue
        resolver.taken.add(cand.id)
        entities.append(_merged(e, cand))
        if cand.id != e.id:
            mapping[e.id] = cand.id
    _same_event_groups(extraction, lookup, entities, mapping)
    relations: list[Relation] = [
        r.model_copy(
            update={
                "source": mapping.get(r.source, r.source),
                "target": mapping.get(r.target, r.target),
            }
        )
        for r in extraction.relations
    ]
    resolved = extraction.model_copy(update={"entities": entities, "relations": relations})
    return resolved, mapping


def _same_event_groups(
    extraction: Extraction, lookup: IdentityLookup, entities: list[Entity], mapping: dict[str, str]
) -> None:
    """Rule 4: map each unnamed group onto the stored group of the same event, in place."""
    actions = set(get_ontology().action_types)
    taken = {e.id for e in entities}
    for i, e in enumerate(entities):
        if not e.unnamed:
            continue
        for r in extraction.relations:
            if r.target != e.id or r.type not in actions:
                continue
            actor = mapping.get(r.source, r.source)
            found = sorted(
                gid
                for gid, day in lookup.group_targets(actor, r.type, e.type, e.count)
                if gid not in taken and dates_agree(day, r.date)
            )
            if found:
                mapping[e.id] = found[0]
                taken.add(found[0])
                entities[i] = e.model_copy(update={"id": found[0]})
                break
