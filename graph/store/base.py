"""The one base class of every backend: each argument check and limit, written once.

`BaseStore` implements the `GraphStore` protocol's checked methods (nomenklatura's
store/base.py is the model): it validates and clamps the arguments here, then calls a
small primitive (`_neighbours`, `_actions`, ...) that the backend implements. So both
backends refuse the same calls with the same messages, and a backend holds only what
differs: how it reads and writes.

Rules every backend gets from here (tests/test_store_conformance.py checks them):

* writes re-validate every extraction first (graph/store/validation.py); a batch with one
  bad article is refused before anything is written;
* `relations_of`, `neighbours`, `shortest_paths` raise NotFoundError for an unknown id;
  depth must be 1-MAX_DEPTH and max_length 1-MAX_PATH (InvalidInputError otherwise);
* `rel_types`: none named follows every relation, names the ontology lacks match
  nothing; a direction other than "out", "in", "both" follows nothing;
* a negative `limit` or `offset` counts as 0;
* `find_entity`, `search`: an empty type or jurisdiction filters nothing;
* `search`: a query that normalises to nothing finds nothing; ranking is
  graph/store/search_rank.py; `jurisdiction` keeps the entities present in it;
* `actions`: `action_type` must be an action type; `jurisdiction` J matches, with P = J
  plus the places 1-PART_OF_HOPS PART_OF hops inside J, when the actor is in P or LOCATED_IN
  a place of P, or the target is in P or has a presence relation into a place of P
  (`Presence`; presence relations are the ontology's `presence` flag).
* `in_force`, `pair_history`, `fines` (questions over time) are built here on the checked
  reads above, so both backends answer them alike: NotFoundError for an unknown id; an
  event is in force on a day by graph/store/events.py `in_force_on`; an actor's
  jurisdiction is the actor itself when it is a place, else the place it is LOCATED_IN
  (the `Presence` rule's actor side; of several, the best supported, then lowest id).
* `changes` (the change feed, graph/store/changes.py): `since` is a sequence number
  (changes after it) or a time (changes recorded at or after it); `limit` is clamped to
  0-MAX_CHANGES; `action_type` must be an action type; `jurisdiction` keeps the changes
  with an action fact (of `action_type`, when given) that the `actions` jurisdiction rule
  admits, by the places and presences of the graph as it is now; `entity` keeps those
  naming the entity (an unknown id is no error: a subscriber may wait for it).
* the review queue (graph/store/review.py, graph/store/review_queue.py): `actions`,
  `relations_of`, `neighbours`, `shortest_paths`, `in_force`, `pair_history` and `fines`
  show only the action facts its rule shows (`review`: "shown" by default, "pending"
  adds the facts waiting for review, "all" every stored fact); the other reads show
  what is stored.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import get_args

from graph.errors import InvalidInputError, NotFoundError
from graph.ids import normalize_name
from graph.models import Alias, Article, Extraction
from graph.ontology import REL, TYPE, get_ontology
from graph.partial_dates import first_day
from graph.store.changes import MAX_CHANGES, Change, ChangeFilter, ChangePage, at_text
from graph.store.events import in_force_on as stood_on
from graph.store.filters import ActionFilter, Presence
from graph.store.gc_pause import gc_paused
from graph.store.hubs import Capped, EdgeStub, HubLimits, cap_edges, trim_sources
from graph.store.judging import Judging
from graph.store.protocol import (
    ArticleFacts,
    CurrencyTotal,
    Direction,
    EntityFines,
    EntityRecord,
    EntitySummary,
    Fact,
    Fine,
    InForce,
    InForceGroup,
    PairHistory,
    PairStep,
    RetractSummary,
    SearchHit,
    Stats,
    Subgraph,
    UpsertSummary,
)
from graph.store.review import ReviewScope, Shown, joined_paths, reachable, reachable_edges
from graph.store.review_queue import ReviewQueue
from graph.store.search_rank import Candidate, rank_hits
from graph.store.validation import checked

MAX_DEPTH = 3  # neighbours: hops from the entity
MAX_PATH = 6  # shortest_paths: longest path, in hops
# shortest_paths: at most this many are enumerated (then sorted by node sequence); two hubs
# can be joined by combinatorially many, and the first few are what anyone reads
PATH_SCAN = 1000
PART_OF_HOPS = 3  # a jurisdiction's places: itself plus places this many PART_OF hops inside
DIRECTIONS: tuple[str, ...] = get_args(Direction)


def followed_types(rel_types: list[str] | None, direction: str) -> tuple[str, ...]:
    """The relation types a traversal follows, sorted: every one when none are named,
    only the ontology's among those named, none for an unknown direction."""
    known = get_ontology().relations
    if direction not in DIRECTIONS:
        return ()
    if not rel_types:
        return tuple(sorted(known))
    return tuple(sorted({t for t in rel_types if t in known}))


def event_order(fact: Fact) -> tuple[object, ...]:
    """Oldest first by when the event began to stand (undated last), then type, actor,
    target and event id: the order of `pair_history`, `in_force` and `fines`."""
    start = fact.in_force_from
    return (
        start is None,
        start or dt.date.min,
        fact.type,
        fact.source.id,
        fact.target.id,
        fact.event_id,
    )


def _step_day(step: PairStep, event: Fact) -> tuple[bool, dt.date]:
    """When a status change happened: its own date, else (taken) when the event began."""
    day = first_day(step.on) if step.on else (event.in_force_from if step.how is None else None)
    return (day is None, day or dt.date.max)


def _fine_of(fact: Fact) -> Fine:
    amount = fact.properties.get("amount")
    currency = fact.properties.get("currency")
    return Fine(
        event_id=fact.event_id,
        actor=fact.source,
        date=fact.date,
        amount=None if amount is None else float(amount),
        currency=str(currency).upper() if currency else None,
        status=fact.status,
        ended_how=fact.ended_how,
        sources=fact.sources,
        evidence=fact.evidence,
    )


def currency_totals(fines: list[Fine]) -> tuple[list[CurrencyTotal], int, int]:
    """Totals per currency (by code), plus how many fines have no amount and how many an
    amount in no stated currency: those are never added to any total."""
    by_currency: dict[str, list[float]] = {}
    without_amount = without_currency = 0
    for f in fines:
        if f.amount is None:
            without_amount += 1
        elif not f.currency:
            without_currency += 1
        else:
            by_currency.setdefault(f.currency, []).append(f.amount)
    totals = [
        CurrencyTotal(currency=c, total=sum(sorted(amounts)), fines=len(amounts))
        for c, amounts in sorted(by_currency.items())
    ]
    return totals, without_amount, without_currency


def _action_types(action_type: str | None) -> tuple[str, ...]:
    types = get_ontology().action_types
    if action_type is None:
        return types
    if action_type not in types:
        raise InvalidInputError(f"{action_type!r} is not an action type: {list(types)}")
    return (action_type,)


class BaseStore(ReviewQueue, Judging, ABC):
    """What both backends share; a subclass sets `kind` and implements the primitives
    (the review queue's and the judgements' too: graph/store/review_queue.py,
    graph/store/judgements.py)."""

    kind: str  # the backend's name as settings and /health spell it: "embedded", "neo4j"

    # -- checked public methods ----------------------------------------------------------

    def upsert(self, extraction: Extraction) -> UpsertSummary:
        """Write one article atomically; re-writing the same article changes nothing."""
        with gc_paused():
            return self._write([checked(extraction)])

    def upsert_many(self, extractions: Iterable[Extraction]) -> UpsertSummary:
        """Write a batch, each article atomic; one bad article refuses the whole batch.
        The collector is paused only once the batch is in hand (graph/store/gc_pause.py):
        a lazy iterable may be extracting its articles."""
        batch = list(extractions)
        with gc_paused():
            return self._write([checked(x) for x in batch])

    def find_entity(self, name: str, entity_type: str | None = None) -> EntityRecord | None:
        """Canonical-name matches first, then alias matches; the lowest id within each."""
        norm = normalize_name(name)
        if not norm:
            return None
        with self._snapshot():
            eid = self._find_entity_id(norm, entity_type or None)
            return self.get_entity(eid) if eid else None

    def entity_summary(self, entity_id: str) -> EntitySummary | None:
        """The entity's summary, or None (one indexed read, never its record)."""
        with self._snapshot():
            return self._summaries((entity_id,)).get(entity_id)

    def search(
        self,
        q: str,
        entity_type: str | None = None,
        jurisdiction: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Ranked hits over names and aliases; both stores rank with the same `rank_hits`."""
        q_norm = normalize_name(q)
        if not q_norm:
            return []
        with self._snapshot():
            within = self._presence(jurisdiction).targets if jurisdiction else None
            limit, offset = max(limit, 0), max(offset, 0)
            cands = self._name_candidates(q_norm, entity_type or None, within, offset + limit)
            return rank_hits(q, cands, limit, offset)

    def relations_of(
        self,
        entity_id: str,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
        review: ReviewScope = "shown",
    ) -> list[Fact]:
        """The facts touching the entity that `review` shows (graph/store/review.py), in
        fact order."""
        types = followed_types(rel_types, direction)
        with self._snapshot():
            self._require(entity_id)
            return self.shown_facts(self._neighbours(entity_id, 1, types, direction).edges, review)

    def relations_page(
        self,
        entity_id: str,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
        review: ReviewScope = "shown",
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[int, list[Fact]]:
        """(how many, one page) of `relations_of`, building only the page's facts (a hub
        has thousands; graph/store/hubs.py `EdgeStub`)."""
        if limit < 0 or offset < 0:
            raise InvalidInputError("limit and offset must not be negative")
        types = followed_types(rel_types, direction)
        with self._snapshot():
            self._require(entity_id)
            return self._relations_page(entity_id, types, direction, review, limit, offset)

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
        limits: HubLimits | None = None,
        review: ReviewScope = "shown",
    ) -> Subgraph:
        """The subgraph within `depth` hops (graph/store/embedded/view.py has the rule)
        over the facts `review` shows, cut to `limits` when given (graph/store/hubs.py)."""
        if not 1 <= depth <= MAX_DEPTH:
            raise InvalidInputError(f"depth must be 1-{MAX_DEPTH}, not {depth}")
        types = followed_types(rel_types, direction)
        if limits is not None:
            return self._capped_neighbours(entity_id, depth, types, direction, limits, review)
        with self._snapshot():
            self._require(entity_id)
            whole = self._neighbours(entity_id, depth, types, direction)
            shown = self.shown_facts(whole.edges, review)
        if len(shown) < len(whole.edges):
            whole = reachable(
                whole.model_copy(update={"edges": shown}), entity_id, depth, direction
            )
        return whole

    def _capped_neighbours(
        self,
        entity_id: str,
        depth: int,
        types: tuple[str, ...],
        direction: Direction,
        limits: HubLimits,
        review: ReviewScope,
    ) -> Subgraph:
        """`neighbours` cut to `limits`, building only the facts the cut keeps
        (graph/store/hubs.py `EdgeStub`)."""
        with self._snapshot():
            self._require(entity_id)
            capped = self._capped_edges(entity_id, depth, types, direction, limits, review)
            facts = self._edge_facts(capped.edges)
            # every kept entity but the start is an end of a kept fact
            nodes = {e.id: e for f in facts for e in (f.source, f.target)}
            if entity_id not in nodes:
                nodes.update(self._summaries((entity_id,)))
        return Subgraph(
            nodes=[nodes[n] for n in sorted(capped.nodes) if n in nodes],
            edges=[trim_sources(f, limits.sources_per_fact) for f in facts],
            omitted=capped.omitted,
        )

    def shortest_paths(
        self, from_id: str, to_id: str, max_length: int = 4, review: ReviewScope = "shown"
    ) -> list[Subgraph]:
        """The shortest undirected paths of at most `max_length` hops, by node sequence
        (of the first PATH_SCAN found); a path one of whose steps only facts `review`
        hides made is left out (graph/store/review.py)."""
        if not 1 <= max_length <= MAX_PATH:
            raise InvalidInputError(f"max_length must be 1-{MAX_PATH}, not {max_length}")
        with self._snapshot():
            self._require(from_id, to_id)
            paths = self._shortest_paths(from_id, to_id, max_length, PATH_SCAN)
            every = [f for p in paths for f in p.edges]
            keep = {id(f) for f in self.shown_facts(every, review)}
        return paths if len(keep) == len(every) else joined_paths(paths, keep)

    def actions(
        self,
        action_type: str | None = None,
        actor: str | None = None,
        target: str | None = None,
        target_type: str | None = None,
        jurisdiction: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 100,
        offset: int = 0,
        in_force_on: dt.date | None = None,
        status: str | None = None,
        review: ReviewScope = "shown",
    ) -> list[Fact]:
        """Action facts (one per event) that `review` shows (graph/store/review.py),
        newest effective date first (see the module docstring); `in_force_on` keeps those
        in force that day, `status` those whose current status it is."""
        types = _action_types(action_type)
        if status is not None and status not in get_ontology().property_values["status"]:
            allowed = list(get_ontology().property_values["status"])
            raise InvalidInputError(f"status must be one of {allowed}, got {status!r}")
        with self._snapshot():
            where = None if jurisdiction is None else self._presence(jurisdiction)
            if where is not None and not where.places:
                return []
            query = ActionFilter(
                types=types,
                actor=actor,
                target=target,
                target_type=target_type,
                actors=None if where is None else where.actors,
                targets=None if where is None else where.targets,
                since=since,
                until=until,
                in_force_on=in_force_on,
                status=status,
                shown=Shown.of(review, self.review_below),
                limit=max(limit, 0),
                offset=max(offset, 0),
            )
            return self._actions(query)

    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        """Published newest first, undated last, then id."""
        return self._articles(max(limit, 0), max(offset, 0))

    def changes(
        self,
        since: int | dt.datetime | None = None,
        entity: str | None = None,
        jurisdiction: str | None = None,
        action_type: str | None = None,
        limit: int = 100,
        newest_first: bool = False,
    ) -> ChangePage:
        """One page of the change feed (see the module docstring), oldest first, or
        newest first for feeds; `next` is the `since` to poll with next."""
        if isinstance(since, int) and since < 0:
            raise InvalidInputError(f"since must be a sequence number >= 0 or a time, not {since}")
        types = None
        if action_type is not None or jurisdiction is not None:
            types = _action_types(action_type)
        after = since if isinstance(since, int) else 0
        limit = min(max(limit, 0), MAX_CHANGES)
        with self._snapshot():
            head = self._change_head()  # first: a change committed after it is not on the page
            where = None if jurisdiction is None else self._presence(jurisdiction)
            if where is not None and not where.places:
                return ChangePage(changes=[], next=head)
            found = self._changes(
                ChangeFilter(
                    after=after,
                    head=head,
                    at_or_after=at_text(since) if isinstance(since, dt.datetime) else None,
                    entity=entity or None,
                    types=types,
                    actors=None if where is None else where.actors,
                    targets=None if where is None else where.targets,
                    newest_first=newest_first,
                    limit=limit,
                )
            )
        full = len(found) == limit and not newest_first
        return ChangePage(changes=found, next=(found[-1].seq if found else after) if full else head)

    def change(self, seq: int) -> Change | None:
        """The change numbered `seq`, or None."""
        with self._snapshot():
            found = self._changes(ChangeFilter(after=seq - 1, head=seq, limit=1))
        return found[0] if found else None

    def in_force(
        self, entity_id: str, on: dt.date | None = None, review: ReviewScope = "shown"
    ) -> InForce:
        """The action events against the entity (as target) that stood on `on` (default
        today), grouped by the actor's jurisdiction (by name, unknown last), each group's
        actions in `event_order`."""
        day = on or dt.date.today()
        with self._snapshot():
            entity = self._entity_summary(entity_id)
            facts = [
                f
                for f in self._events_touching(entity_id, "in", review=review)
                if f.target.id == entity_id and stood_on(f.in_force_from, f.in_force_until, day)
            ]
            groups: dict[str | None, InForceGroup] = {}
            seats = self._actor_jurisdictions([f.source for f in facts])
            for f in sorted(facts, key=event_order):
                place = seats[f.source.id]
                key = place.id if place else None
                groups.setdefault(key, InForceGroup(jurisdiction=place)).actions.append(f)
        ordered = sorted(
            groups.values(),
            key=lambda g: (
                g.jurisdiction is None,
                g.jurisdiction.name.casefold() if g.jurisdiction else "",
                g.jurisdiction.id if g.jurisdiction else "",
            ),
        )
        return InForce(entity=entity, on=day, total=len(facts), jurisdictions=ordered)

    def pair_history(
        self, actor_id: str, target_id: str, review: ReviewScope = "shown"
    ) -> PairHistory:
        """Every action event from actor to target, in `event_order`, and the merged
        timeline of their status changes (by date, undated last; ties keep event order)."""
        with self._snapshot():
            actor = self._entity_summary(actor_id)
            target = self._entity_summary(target_id)
            events = sorted(
                (
                    f
                    for f in self._events_touching(actor_id, "out", review=review, other=target_id)
                    if f.target.id == target_id
                ),
                key=event_order,
            )
        steps: list[tuple[tuple[bool, dt.date], int, int, PairStep]] = []
        for i, f in enumerate(events):
            for j, h in enumerate(f.history):
                step = PairStep(
                    event_id=f.event_id,
                    type=f.type,
                    status=h.status,
                    how=h.how,
                    on=h.on,
                    sources=h.sources,
                )
                steps.append((_step_day(step, f), i, j, step))
        timeline = [s for *_, s in sorted(steps, key=lambda t: t[:3])]
        return PairHistory(actor=actor, target=target, events=events, timeline=timeline)

    def fines(self, entity_id: str, review: ReviewScope = "shown") -> EntityFines:
        """The FINED events against the entity, in `event_order`, with totals per currency
        (`currency_totals`)."""
        with self._snapshot():
            entity = self._entity_summary(entity_id)
            facts = [
                f
                for f in self._events_touching(entity_id, "in", (REL.fined,), review)
                if f.target.id == entity_id
            ]
        fines = [_fine_of(f) for f in sorted(facts, key=event_order)]
        totals, without_amount, without_currency = currency_totals(fines)
        return EntityFines(
            entity=entity,
            fines=fines,
            totals=totals,
            without_amount=without_amount,
            without_currency=without_currency,
        )

    def _entity_summary(self, entity_id: str) -> EntitySummary:
        """The entity's summary, or `NotFoundError` naming the id."""
        found = self._summaries((entity_id,)).get(entity_id)
        if found is None:
            raise NotFoundError(f"no entity {entity_id!r}")
        return found

    def _events_touching(
        self,
        entity_id: str,
        direction: Direction,
        types: tuple[str, ...] | None = None,
        review: ReviewScope = "shown",
        other: str | None = None,
    ) -> list[Fact]:
        """The action events (one fact each) leaving or reaching an existing entity that
        `review` shows; with `other`, only those whose other end it is (a regulator's
        actions against one firm, without building its thousands of others)."""
        wanted = tuple(sorted(types or get_ontology().action_types))
        if other is None:
            return self.shown_facts(self._neighbours(entity_id, 1, wanted, direction).edges, review)
        stubs = self._neighbour_edges(entity_id, 1, wanted, direction)
        stubs = [e for e in stubs if other in (e.source, e.target)]
        return self._edge_facts(self.shown_facts(stubs, review))

    def _actor_jurisdictions(
        self, actors: Iterable[EntitySummary]
    ) -> dict[str, EntitySummary | None]:
        """Each actor's jurisdiction, by id: the actor itself when it is a place, else the
        place it is LOCATED_IN (the best supported, then the lowest id); None when unknown.
        The actors' LOCATED_IN facts are read in one go (`_located_in_facts`), not one
        traversal per actor: an entity many bodies acted on has many actors."""
        unique = {a.id: a for a in actors}
        bodies = sorted(i for i, a in unique.items() if a.type != TYPE.jurisdiction)
        located = self._located_in_facts(bodies) if bodies else {}
        out: dict[str, EntitySummary | None] = {}
        for aid, actor in unique.items():
            if actor.type == TYPE.jurisdiction:
                out[aid] = actor
                continue
            seats = [
                f
                for f in located.get(aid, [])
                if f.source.id == aid and f.target.type == TYPE.jurisdiction
            ]
            best = min(seats, key=lambda f: (-len(f.sources), f.target.id)) if seats else None
            out[aid] = best.target if best else None
        return out

    def _located_in_facts(self, ids: list[str]) -> dict[str, list[Fact]]:
        """The LOCATED_IN facts leaving each of these (existing) entities. One traversal
        each here; both backends override it with one read for all."""
        return {i: self._neighbours(i, 1, (REL.located_in,), "out").edges for i in ids}

    def _require(self, *ids: str) -> None:
        """`NotFoundError` naming the first id that is not an entity."""
        found = self._existing(ids)
        for eid in ids:
            if eid not in found:
                raise NotFoundError(f"no entity {eid!r}")

    def _snapshot(self) -> AbstractContextManager[object]:
        """One consistent view for the several primitives a public read calls; a backend
        whose reads cannot share a transaction keeps this no-op."""
        return nullcontext()

    # -- primitives each backend implements ----------------------------------------------

    @abstractmethod
    def _write(self, extractions: list[Extraction]) -> UpsertSummary:
        """Write already-checked extractions, each article in its own atomic unit."""

    @abstractmethod
    def _find_entity_id(self, norm: str, entity_type: str | None) -> str | None:
        """The entity a normalised name names (the rule of `find_entity`)."""

    @abstractmethod
    def _name_candidates(
        self, q_norm: str, entity_type: str | None, within: frozenset[str] | None, want: int
    ) -> Iterable[Candidate]:
        """Every name and alias that may score for `q_norm` (a superset is fine), of the
        entities of `entity_type` among `within`; or only those of the entities of the
        first `want` hits, when the backend can tell them (graph/store/neo4j/search.py)."""

    @abstractmethod
    def _existing(self, ids: tuple[str, ...]) -> set[str]:
        """Which of these ids are entities."""

    @abstractmethod
    def _summaries(self, ids: tuple[str, ...]) -> dict[str, EntitySummary]:
        """The summaries of those of these ids that are entities, by id."""

    @abstractmethod
    def _presence(self, jurisdiction: str) -> Presence:
        """The places of a jurisdiction and who is present in them; empty when unknown."""

    @abstractmethod
    def _neighbours(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> Subgraph:
        """The subgraph around an existing `start`, following only `types`."""

    def _neighbour_edges(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> list[EdgeStub]:
        """`_neighbours`'s facts as edge stubs, in record order. This default builds
        every fact; a backend that reads the stubs' fields cheaply overrides it and
        `_edge_facts`."""
        return [EdgeStub.of(f) for f in self._neighbours(start, depth, types, direction).edges]

    def _capped_edges(
        self,
        start: str,
        depth: int,
        types: tuple[str, ...],
        direction: Direction,
        limits: HubLimits,
        review: ReviewScope,
    ) -> Capped:
        """The cut of the neighbourhood (graph/store/hubs.py `cap_edges`) of the facts
        `review` shows, as stubs. This default lists the whole neighbourhood first; a
        backend that can read a node's best facts per group directly overrides it
        (graph/store/hub_cut.py)."""
        stubs = self._neighbour_edges(start, depth, types, direction)
        shown = self.shown_facts(stubs, review)
        if len(shown) < len(stubs):
            _, shown = reachable_edges(shown, start, depth, direction)
        return cap_edges(shown, start, depth, direction, limits)

    def _relations_page(
        self,
        entity_id: str,
        types: tuple[str, ...],
        direction: Direction,
        review: ReviewScope,
        limit: int,
        offset: int,
    ) -> tuple[int, list[Fact]]:
        """(how many, one page) of the facts touching an existing entity that `review`
        shows, in record order. This default lists every stub and builds the page's
        facts; a backend that can count and page on its side overrides it."""
        shown = self.shown_facts(self._neighbour_edges(entity_id, 1, types, direction), review)
        return len(shown), self._edge_facts(shown[offset : offset + limit])

    def _edge_facts(self, edges: list[EdgeStub]) -> list[Fact]:
        """The facts of `edges`, in their order (within the read `_neighbour_edges` ran in)."""
        return [e.fact for e in edges if e.fact is not None]

    @abstractmethod
    def _shortest_paths(self, a: str, b: str, max_length: int, scan: int) -> list[Subgraph]:
        """The shortest paths between two existing entities."""

    @abstractmethod
    def _actions(self, query: ActionFilter) -> list[Fact]:
        """One page of the action facts the filter admits, in action order."""

    @abstractmethod
    def _articles(self, limit: int, offset: int) -> list[Article]:
        """One page of articles (limit and offset are >= 0)."""

    @abstractmethod
    def _change_head(self) -> int:
        """The newest change's sequence number (0 when none is recorded)."""

    @abstractmethod
    def _changes(self, query: ChangeFilter) -> list[Change]:
        """The changes the filter admits, in its order, at most its limit."""

    # -- unchecked methods each backend implements ---------------------------------------

    @abstractmethod
    def ping(self) -> str:
        """The backend's version; StoreUnavailableError when it is unreachable."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection; the store is unusable afterwards."""

    @abstractmethod
    def retract(self, article_id: str) -> RetractSummary:
        """Remove an article and whatever only it supported."""

    @abstractmethod
    def get_entity(self, entity_id: str) -> EntityRecord | None:
        """The entity's record, or None."""

    @abstractmethod
    def aliases_of(self, entity_id: str) -> list[Alias]:
        """The entity's aliases, by (name, kind)."""

    @abstractmethod
    def get_article(self, article_id: str) -> ArticleFacts | None:
        """The article with what it supports, or None."""

    @abstractmethod
    def stats(self) -> Stats:
        """Counts, zero-filled over every ontology type."""

    @abstractmethod
    def iter_entities(self) -> Iterator[EntityRecord]:
        """Every entity, by id."""

    @abstractmethod
    def iter_facts(self) -> Iterator[Fact]:
        """Every fact, in fact order."""

    @abstractmethod
    def iter_articles(self) -> Iterator[Article]:
        """Every article, by id."""
