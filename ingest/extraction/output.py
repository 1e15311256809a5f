"""The `output` stage: drafts to the ontology's `Entity`/`Relation` models.

Whatever would not validate is dropped. Ids come from `graph.ids` (named entities by
type and canonical name, unnamed groups scoped to article and action). A relation the
ontology forbids (wrong endpoint types) is refused here rather than failing the whole
article: it is listed under `refused` with its sentence and the reason.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from graph.ids import entity_id, group_id
from graph.models import Alias, Entity, Extraction, RefusedFact, Relation
from graph.ontology import REL, get_ontology
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, Refusal, RelationDraft
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.trusted_models import trusted


def draft_id(draft: EntityDraft, article_id: str) -> str:
    """The graph id of a draft."""
    if draft.unnamed:
        return group_id(draft.type, article_id, draft.action, draft.name, draft.count)
    return _named_id(draft.type, draft.name)


@lru_cache(maxsize=8192)
def _named_id(entity_type: str, name: str) -> str:
    """`entity_id`, memoised: the same bodies recur across articles and slugging is costly."""
    return entity_id(entity_type, name)


def to_extraction(state: ArticleState, relations: list[RelationDraft]) -> Extraction:
    """Assemble the validated `Extraction`: only entities that are named or in a relation.

    Unnamed groups and weak entities (confidence 0.5 or less) are kept only when an
    action or affiliation needs them; a relation the ontology forbids is dropped.
    """
    article, table = state.article, state.table
    ont = get_ontology()
    lazy = {d.key for d in table.all() if d.confidence <= 0.5}
    anchored = {
        k
        for r in relations
        if ont.relations[r.type].kind != "structure" or r.type == REL.affiliated_with
        for k in (table.resolve(r.source), table.resolve(r.target))
    }
    idle = lazy - anchored
    refused = list(state.refused)
    if idle:
        kept = []
        for r in relations:
            if table.resolve(r.source) in idle or table.resolve(r.target) in idle:
                refused.append(_refusal(r, state, "an end was only weakly recognised"))
            else:
                kept.append(r)
        relations = kept
    rels: list[Relation] = []
    used: set[str] = set()
    ids: dict[str, str] = {}
    seen: dict[tuple[str, str, str], list[tuple[Event, int]]] = {}  # (event, its index)
    for r in relations:
        src_key, tgt_key = table.resolve(r.source), table.resolve(r.target)
        if src_key not in table or tgt_key not in table:
            refused.append(_refusal(r, state, "an end is no longer among the entities"))
            continue
        if src_key == tgt_key:
            continue  # both ends became one entity (an alias learnt later): not a relation
        src, tgt = table.get(src_key), table.get(tgt_key)
        if not ont.relations[r.type].allows(src.type, tgt.type):
            reason = f"the ontology does not allow {r.type} from {src.type} to {tgt.type}"
            refused.append(_refusal(r, state, reason))
            continue
        sid = ids.get(src_key) or ids.setdefault(src_key, draft_id(src, article.id))
        tid = ids.get(tgt_key) or ids.setdefault(tgt_key, draft_id(tgt, article.id))
        event = (r.date, r.properties.get("amount"), r.properties.get("currency"))
        told = seen.setdefault((sid, r.type, tid), [])
        same = next((i for i, (other, _) in enumerate(told) if same_event(event, other)), None)
        if same is not None:  # one event told twice; a conflicting date or amount is another
            told[same] = (_fill_in(rels[told[same][1]], r), told[same][1])
            continue
        told.append((event, len(rels)))
        used.update((src_key, tgt_key))
        rels.append(
            trusted(
                Relation,
                type=r.type,
                source=sid,
                target=tid,
                evidence=r.evidence,
                confidence=max(0.05, min(1.0, r.confidence)),
                date=r.date,
                properties=_props(r),
                sources=[],
            )
        )
    entities = []
    emitted: set[str] = set()
    for draft in sorted(table.all(), key=lambda d: d.first):
        if not (draft.key in used or (draft.standalone and draft.confidence > 0.5)):
            continue
        eid = ids.get(draft.key) or ids.setdefault(draft.key, draft_id(draft, article.id))
        if eid in emitted:
            continue
        emitted.add(eid)
        entities.append(_entity(draft, eid))
    valid = {e.id for e in entities}
    rels = [r for r in rels if r.source in valid and r.target in valid]
    return Extraction(
        article=article,
        entities=entities,
        relations=rels,
        refused=[_refused_fact(f, state) for f in refused],
    )


def _refusal(r: RelationDraft, state: ArticleState, reason: str) -> Refusal:
    return Refusal(r.type, r.source, r.target, r.evidence, reason)


def _refused_fact(f: Refusal, state: ArticleState) -> RefusedFact:
    """A refusal with its ends as ids and names (a missing or vanished end is None)."""
    table = state.table

    def end(key: str | None) -> tuple[str | None, str | None]:
        if key is None or table.resolve(key) not in table:
            return None, None
        draft = table.get(table.resolve(key))
        return draft_id(draft, state.article.id), draft.name

    (source, source_name), (target, target_name) = end(f.source), end(f.target)
    return trusted(
        RefusedFact,
        type=f.type,
        source=source,
        target=target,
        source_name=source_name,
        target_name=target_name,
        evidence=f.evidence,
        reason=f.reason,
    )


Event = tuple[object, object, object]  # (date, amount, currency) of one action


def same_event(a: Event, b: Event) -> bool:
    """Whether two drafts of one (actor, type, target) tell the same event (ONTOLOGY v2):
    dates conflict when they differ at the precision both give ("2023" fits "2023-05"),
    amounts when they differ by more than 1% in the same currency; a missing date or
    amount conflicts with nothing. The SEC's 2023 fine and its 2025 fine are two events;
    two sums told for the same day are one event told as a total and a part."""
    (da, aa, ca), (db, ab, cb) = a, b
    if isinstance(da, str) and da == db and len(da) == 10:
        return True  # one day's news: "a $100 million settlement" and its "$50 million fine"
    if isinstance(da, str) and isinstance(db, str):
        n = min(len(da), len(db))
        if da[:n] != db[:n]:
            return False
    if isinstance(aa, (int, float)) and isinstance(ab, (int, float)) and ca == cb:
        if abs(aa - ab) > 0.01 * max(abs(aa), abs(ab)):
            return False
    return True


def _fill_in(kept: Relation, told: RelationDraft) -> Event:
    """The event `kept` tells, with what a second telling of it adds: its date where `kept`
    has none, its amount where `kept` has none ("X and Y were fined ... They were each fined
    NT$1.5 million": the second sentence gives the sum). Returns the event as now kept."""
    if kept.date is None and told.date is not None:
        kept.date = told.date
    amount = told.properties.get("amount")
    if kept.properties.get("amount") is None and amount is not None:
        allowed = get_ontology().relations[told.type].properties
        for k in ("amount", "currency"):
            if k in allowed and told.properties.get(k) is not None:
                kept.properties[k] = told.properties[k]
    return (kept.date, kept.properties.get("amount"), kept.properties.get("currency"))


def _props(r: RelationDraft) -> dict[str, Any]:
    allowed = get_ontology().relations[r.type].properties
    return {k: v for k, v in r.properties.items() if k in allowed and v is not None}


def _curated_aliases(draft: EntityDraft) -> tuple[tuple[str, str, str | None], ...]:
    """The gazetteer aliases of the entry a draft is (same type and canonical name)."""
    if draft.unnamed:
        return ()
    for entry in get_index().lookup(draft.name):
        if entry.type == draft.type and entry.name == draft.name:
            return entry.aliases
    return ()


def _entity(draft: EntityDraft, eid: str) -> Entity:
    """The draft as an `Entity`: the aliases the text used, with their language where the
    gazetteer knows it, then the entry's other curated aliases (so "PBOC" finds the
    central bank once it is stored, whether or not an article wrote "PBOC")."""
    seen: set[str] = {draft.name.casefold()}
    curated = _curated_aliases(draft)
    langs = {name.casefold(): lang for name, _, lang in curated if lang}
    aliases = []
    descriptive = 0
    for name, kind in draft.aliases.items():
        if not name or name.casefold() in seen or name.lower() in ("it", "its"):
            continue
        if kind == "descriptive":
            descriptive += 1
            if descriptive > 6:  # enough to search by; more is noise
                continue
        seen.add(name.casefold())
        lang = langs.get(name.casefold())
        aliases.append(trusted(Alias, name=name[:300], kind=kind, lang=lang))
    for name, kind, lang in curated:
        if name.casefold() not in seen:
            seen.add(name.casefold())
            aliases.append(trusted(Alias, name=name[:300], kind=kind, lang=lang))
    return trusted(
        Entity,
        properties={},
        id=eid,
        type=draft.type,
        name=draft.name,
        aliases=aliases,
        unnamed=draft.unnamed,
        count=draft.count,
        description=draft.description,
        qid=draft.qid if draft.qid and draft.qid.startswith("Q") else None,
    )
