"""Identity: "the same body named twice is one node", decided by the entity alone.

Issue 17: the stored graph is a function of the SET of articles, never of their order.
When a merge is decided against what happens to be stored, whichever article came first
names the node (and an abbreviation two firms share merges them until the second firm
arrives), and no rule that looks at the store can avoid that without renaming stored
nodes: the first article's entity is written before any later one exists, so its id must
already be its final id. Hence ids depend only on the incoming entity and fixed rules:

0. a named entity is its id, `graph.ids.entity_id(type, canonical name)`: type plus
   the name key (`graph.ids.name_key`: case, accents, punctuation, leading "the",
   apostrophes, '&'/'and' and legal abbreviations such as Ltd/Limited never matter), so
   "Binance Holdings Ltd" and "Binance Holdings Limited" are one node in any order. The
   gazetteer's canonical names (the extractor names every gazetteer body by its entry,
   QID included) make "PBOC", "Huobi" or "SEC" in context one body; that is where
   abbreviations and former names are resolved, with the article's context, never here.
1. an unnamed group ("13 apps") that an actor acts on is the group of that event:
   `graph.ids.event_group_id(group type, actor id, action, count, year of the action,
   else of the article)`, so two outlets reporting one ban give one node whichever came
   first. A group acted on several ways takes the smallest such key; a group no action
   targets keeps its article-scoped id (graph.ids.group_id).

Never merged: two ids (however alike the names: an abbreviation, alias, former name
or misspelling shared with a stored entity is not a reason, since which stored entity
it would join depends on what was ingested before), two entity types, two QIDs. An entity
whose id is stored with a different QID gets `<id>-<qid lower-cased>`: the gazetteer
gives each canonical name at most one QID, so only hand-made extractions can meet this,
and which of the two keeps the plain id is the one choice still made by order (making it
order-free needs the stores to re-key a stored entity; see `_fresh_id`). A merged
entity's own name, when its normalised form differs from the stored one, becomes an
alias (kind "other").

`match_key`, `fuzzy_words` and `alias_is_identifying` remain the keys the stores index
names and aliases by (search, lookups by name).
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from graph.ids import event_group_id, name_key, normalize_name
from graph.models import Alias, Entity, Extraction, Relation
from graph.ontology import TYPE, get_ontology

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


def match_key(name: str) -> str:
    """The identity key of a name (graph.ids.name_key): normalised, '&' read as 'and',
    legal suffixes folded (ltd -> limited). Equal keys, one id."""
    return name_key(name)


def fuzzy_words(key: str) -> set[str]:
    """Words of a match key the stores index a name by (>= 3 characters)."""
    return {w for w in key.split() if len(w) >= 3}


def alias_is_identifying(alias: Alias, entity_type: str) -> bool:
    """Whether an alias names the body on its own ("PBOC" yes, "the regulator" no); the
    stores keep the flag for lookups by name. It is never a reason to merge."""
    if alias.kind == "descriptive" or alias.name.strip().casefold().startswith(("the ", "a ")):
        return False
    words = match_key(alias.name).split()
    if not words or all(w in GENERIC_WORDS for w in words):
        return False
    return not (entity_type == TYPE.person and len(words) < 2)


def _stored(e: Entity, lookup: IdentityLookup) -> Candidate | None:
    """The stored entity `e` is: the one with its id, of its type, with no other QID."""
    if e.unnamed:
        return None
    found = lookup.get(e.id)
    if found is None or found.type != e.type or (e.qid and found.qid and e.qid != found.qid):
        return None
    return found


def _with_name_alias(e: Entity, cand: Candidate) -> Entity:
    """`e` as it joins `cand`: its own spelling, when the stored name differs, kept as an alias."""
    if normalize_name(e.name) == normalize_name(cand.name):
        return e
    if any(normalize_name(a.name) == normalize_name(e.name) for a in e.aliases):
        return e
    return e.model_copy(update={"aliases": [*e.aliases, Alias(name=e.name, kind="other")]})


def _fresh_id(e: Entity, lookup: IdentityLookup) -> Entity:
    """`e`, re-identified when its id is taken by a different body (another QID).

    Which of two QIDs keeps the plain id is decided by order: order-free needs the store
    to re-key the stored one to `<id>-<its qid>` when the other arrives (both then carry
    their QID in the id). Extractions from the extractor never meet this: QIDs come from
    gazetteer entries, one per canonical name."""
    if e.unnamed or not e.qid:
        return e
    existing = lookup.get(e.id)
    if existing is None or not existing.qid or existing.qid == e.qid:
        return e
    return e.model_copy(update={"id": f"{e.id}-{e.qid.lower()}"})


def resolve_extraction(
    extraction: Extraction, lookup: IdentityLookup
) -> tuple[Extraction, dict[str, str]]:
    """The extraction with its final ids, and the map {incoming id: stored id} of the
    ids that changed (an unnamed group acted on; a QID clash). Relations follow the map."""
    entities: list[Entity] = []
    mapping: dict[str, str] = {}
    for e in extraction.entities:
        cand = _stored(e, lookup)
        if cand is not None:
            entities.append(_with_name_alias(e, cand))
            continue
        fresh = _fresh_id(e, lookup)
        if fresh.id != e.id:
            mapping[e.id] = fresh.id
        entities.append(fresh)
    _event_groups(extraction, entities, mapping)
    entities = _one_per_id(entities)
    relations: list[Relation] = [
        r.model_copy(
            update={
                "source": mapping.get(r.source, r.source),
                "target": mapping.get(r.target, r.target),
            }
        )
        if r.source in mapping or r.target in mapping
        else r  # the same ends: no copy (a batch write resolves every relation)
        for r in extraction.relations
    ]
    resolved = extraction.model_copy(update={"entities": entities, "relations": relations})
    return resolved, mapping


def _one_per_id(entities: list[Entity]) -> list[Entity]:
    """Entities of one extraction that ended with one id (two groups of one event) as
    one: the first, gaining the others' names and aliases when it is named."""
    first: dict[str, Entity] = {}
    for e in entities:
        kept = first.get(e.id)
        if kept is None:
            first[e.id] = e
            continue
        if kept.unnamed:
            continue
        aliases = list(kept.aliases)
        known = {normalize_name(kept.name)} | {normalize_name(a.name) for a in aliases}
        for a in [Alias(name=e.name, kind="other"), *e.aliases]:
            if normalize_name(a.name) not in known:
                known.add(normalize_name(a.name))
                aliases.append(a)
        first[e.id] = kept.model_copy(update={"aliases": aliases})
    return list(first.values())


def _year(date: str | None, extraction: Extraction) -> int | None:
    """The year an action happened: its date's, else its article's publication year."""
    if date:
        return int(date[:4])
    published = extraction.article.published
    return published.year if published else None


def _event_groups(extraction: Extraction, entities: list[Entity], mapping: dict[str, str]) -> None:
    """Rule 1: each unnamed group an action targets takes its event's id, in place."""
    actions = set(get_ontology().action_types)
    for i, e in enumerate(entities):
        if not e.unnamed:
            continue
        keys = sorted(
            (
                (r.type, mapping.get(r.source, r.source), _year(r.date, extraction))
                for r in extraction.relations
                if r.target == e.id and r.type in actions and r.source != e.id
            ),
            key=lambda k: (k[0], k[1], k[2] is None, k[2] or 0),
        )
        if not keys:
            continue
        rel_type, actor, year = keys[0]
        gid = event_group_id(e.type, actor, rel_type, e.count, year)
        if gid != e.id:
            mapping[e.id] = gid
            entities[i] = e.model_copy(update={"id": gid})
