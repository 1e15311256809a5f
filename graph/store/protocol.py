"""The `GraphStore` protocol every backend implements, and the records it returns.

Both backends (graph/store/embedded/store.py, graph/store/neo4j/store.py) subclass
graph/store/base.py `BaseStore`, which holds every argument check and limit, and must give
the same answers to the same calls; tests/test_store_conformance.py holds them to it.
Named queries are not the store's business: graph/named/runner.py runs them on either.

Provenance model: a fact (source, type, target) is stored once per event (structure
relations: once; actions: graph/store/events.py cuts their reports into events). Each
supporting article adds one entry to the aligned lists `sources` (article ids),
`evidence` (the sentence from that article) and `seen` (that article's date, ISO).
Retracting an article removes its entries and re-cuts the events it touched; a fact,
alias or entity with no support left is deleted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, Field

from graph.models import Alias, Article, Entity, Extraction

if TYPE_CHECKING:
    from graph.store.changes import Change, ChangePage
    from graph.store.hubs import HubLimits
    from graph.store.judgements import Explanation, Judgement, JudgementIn
    from graph.store.review import ReviewDecision, ReviewItem, ReviewPage, ReviewScope

Direction = Literal["out", "in", "both"]


class EntitySummary(BaseModel):
    """Enough of an entity to label a node or an edge end."""

    id: str
    type: str
    name: str
    unnamed: bool = False
    count: int | None = None


class EntityRecord(BaseModel):
    """An entity as stored: its data plus the articles that mention it and edge counts."""

    entity: Entity
    sources: list[str] = Field(default_factory=list)
    relation_counts: dict[str, int] = Field(default_factory=dict)


class StatusChange(BaseModel):
    """One step of an action's life: taken (`how` None) or ended `how`, on `on`, with the
    articles that said so."""

    status: str
    how: str | None = None
    on: str | None = None
    sources: list[str] = Field(default_factory=list)


class Fact(BaseModel):
    """A stored relation with its merged provenance. An action is one event
    (graph/store/events.py): the same actor, type and target may have several, each with
    its own `event_id`, date, amount and status history."""

    type: str
    source: EntitySummary
    target: EntitySummary
    event_id: str = ""
    sources: list[str]
    evidence: list[str]
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    confidence: float
    date: str | None = None  # the action's own date, "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    status: str = "active"
    ended_how: str | None = None
    ended_on: str | None = None
    in_force_from: dt.date | None = None  # `date`'s first day, else first reported
    in_force_until: dt.date | None = None  # first day no longer in force (ended), else None
    history: list[StatusChange] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)
    # sources this answer leaves out (a capped neighbourhood, graph/store/hubs.py)
    sources_omitted: int = 0


class Omitted(BaseModel):
    """A group of facts a capped answer cut (graph/store/hubs.py): the facts of `type`
    going `direction` from `entity_id`, `shown` of `total` from `offset` on."""

    entity_id: str
    type: str
    direction: Literal["out", "in"]
    total: int
    shown: int
    offset: int = 0


class Subgraph(BaseModel):
    """Nodes and edges ready to draw; `omitted` lists what a cap left out."""

    nodes: list[EntitySummary]
    edges: list[Fact]
    omitted: list[Omitted] = Field(default_factory=list)


class SearchHit(BaseModel):
    entity: EntitySummary
    matched: str
    score: float


class UpsertSummary(BaseModel):
    articles: int = 0
    entities_new: int = 0
    entities_merged: int = 0
    relations_new: int = 0
    relations_merged: int = 0

    def __add__(self, other: UpsertSummary) -> UpsertSummary:
        return UpsertSummary(
            **{k: getattr(self, k) + getattr(other, k) for k in type(self).model_fields}
        )


class RetractSummary(BaseModel):
    article: str
    entities_deleted: int = 0
    relations_deleted: int = 0
    relations_kept: int = 0


class ArticleFacts(BaseModel):
    article: Article
    entities: list[EntitySummary]
    facts: list[Fact]


class Stats(BaseModel):
    entities_by_type: dict[str, int]
    relations_by_type: dict[str, int]
    articles: int
    aliases: int


class GraphDump(BaseModel):
    """The whole graph, for export and analytics (streamed by `iter_*` for large stores)."""

    articles: list[Article]
    entities: list[EntityRecord]
    facts: list[Fact]


class InForceGroup(BaseModel):
    """The actions in force against an entity whose actor sits in one jurisdiction
    (`jurisdiction` None: the actor's place is unknown)."""

    jurisdiction: EntitySummary | None = None
    actions: list[Fact] = Field(default_factory=list)
    actions_omitted: int = 0  # actions an HTTP answer leaves out (graph/store/hubs.py)


class InForce(BaseModel):
    """What stood against (or for) an entity on a day, by the actor's jurisdiction; each
    action says since when (`in_force_from`, `date`) and who reported it (`sources`)."""

    entity: EntitySummary
    on: dt.date
    total: int = 0
    jurisdictions: list[InForceGroup] = Field(default_factory=list)


class PairStep(BaseModel):
    """One change of status of one event between a pair, for a flat timeline."""

    event_id: str
    type: str
    status: str
    how: str | None = None
    on: str | None = None  # "YYYY[-MM[-DD]]", the step's own date when known
    sources: list[str] = Field(default_factory=list)
    sources_omitted: int = 0  # sources an HTTP answer leaves out (graph/store/hubs.py)


class PairHistory(BaseModel):
    """Every action event from `actor` to `target`, ended or not, oldest first, each with
    its status history; `timeline` is those histories merged in time order."""

    actor: EntitySummary
    target: EntitySummary
    events: list[Fact] = Field(default_factory=list)
    timeline: list[PairStep] = Field(default_factory=list)


class Fine(BaseModel):
    """One FINED event against an entity: its amount and currency when the text gave them."""

    event_id: str
    actor: EntitySummary
    date: str | None = None
    amount: float | None = None
    currency: str | None = None
    status: str = "active"
    ended_how: str | None = None
    sources: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class CurrencyTotal(BaseModel):
    """The fines in one currency, summed (amounts in different currencies never are)."""

    currency: str
    total: float
    fines: int


class EntityFines(BaseModel):
    """An entity's fines (as target), oldest first, with totals per currency; fines with
    no amount, or an amount in no stated currency, are counted apart."""

    entity: EntitySummary
    fines: list[Fine] = Field(default_factory=list)
    totals: list[CurrencyTotal] = Field(default_factory=list)
    without_amount: int = 0
    without_currency: int = 0


@runtime_checkable
class GraphStore(Protocol):
    """What every backend offers. Ids are the stable ids of graph/ids.py."""

    kind: str  # the backend's name as settings and /health spell it: "embedded", "neo4j"
    review_below: float  # CRYPTOREG_REVIEW_BELOW: action facts below it wait for review

    def ping(self) -> str:
        """Return the backend's version string; raise StoreUnavailableError when unreachable."""

    def close(self) -> None: ...

    def upsert(self, extraction: Extraction) -> UpsertSummary:
        """Write one article atomically; re-writing the same article changes nothing."""

    def upsert_many(self, extractions: Iterable[Extraction]) -> UpsertSummary:
        """Write a batch; each article is atomic."""

    def retract(self, article_id: str) -> RetractSummary:
        """Remove an article and every fact, alias and entity only it supported."""

    def get_entity(self, entity_id: str) -> EntityRecord | None: ...

    def entity_summary(self, entity_id: str) -> EntitySummary | None:
        """The entity's id, type, name and count, without its sources and relation counts
        (a hub has thousands): what a read needs to check an id or name an entity."""

    def find_entity(self, name: str, entity_type: str | None = None) -> EntityRecord | None:
        """Exact (normalised) lookup by canonical name or alias."""

    def search(
        self,
        q: str,
        entity_type: str | None = None,
        jurisdiction: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        """Prefix and fuzzy search over names and aliases, best first."""

    def relations_of(
        self,
        entity_id: str,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
        review: ReviewScope = "shown",
    ) -> list[Fact]: ...

    def relations_page(
        self,
        entity_id: str,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
        review: ReviewScope = "shown",
        limit: int = 100,
        offset: int = 0,
    ) -> tuple[int, list[Fact]]: ...

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
        limits: HubLimits | None = None,
        review: ReviewScope = "shown",
    ) -> Subgraph: ...

    def shortest_paths(
        self, from_id: str, to_id: str, max_length: int = 4, review: ReviewScope = "shown"
    ) -> list[Subgraph]: ...

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
        """Action facts (ontology kind 'action'), one per event, newest first;
        `in_force_on` keeps events in force that day, `status` those with that status;
        `review` which doubtful facts to show (graph/store/review.py)."""

    def review(
        self,
        state: str = "pending",
        action_type: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ReviewPage:
        """The review queue (graph/store/review.py), least sure first."""

    def decide(self, event_id: str, decision: str, note: str | None = None) -> ReviewItem:
        """Accept or reject an action fact by its event id; kept across re-ingests."""

    def undo_decision(self, event_id: str) -> ReviewDecision:
        """Delete a decision; NotFoundError when there is none."""

    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]: ...

    def changes(
        self,
        since: int | dt.datetime | None = None,
        entity: str | None = None,
        jurisdiction: str | None = None,
        action_type: str | None = None,
        limit: int = 100,
        newest_first: bool = False,
    ) -> ChangePage:
        """The change feed after a sequence number or from a time (graph/store/changes.py)."""

    def change(self, seq: int) -> Change | None: ...

    def in_force(
        self, entity_id: str, on: dt.date | None = None, review: ReviewScope = "shown"
    ) -> InForce:
        """The action events against `entity_id` in force on `on` (default today), grouped
        by the actor's jurisdiction; NotFoundError for an unknown id."""

    def pair_history(
        self, actor_id: str, target_id: str, review: ReviewScope = "shown"
    ) -> PairHistory:
        """Every action event from actor to target (active and ended), in time order, with
        each one's status history; NotFoundError for an unknown id."""

    def fines(self, entity_id: str, review: ReviewScope = "shown") -> EntityFines:
        """The entity's fines with amount and currency each, and totals per currency;
        NotFoundError for an unknown id."""

    def get_article(self, article_id: str) -> ArticleFacts | None: ...

    def stats(self) -> Stats: ...

    def iter_entities(self) -> Iterator[EntityRecord]: ...

    def iter_facts(self) -> Iterator[Fact]: ...

    def iter_articles(self) -> Iterator[Article]: ...

    def aliases_of(self, entity_id: str) -> list[Alias]: ...

    def judge(self, request: JudgementIn) -> Judgement:
        """Record a merge, split or distinct judgement and apply it to the stored articles
        (graph/store/judgements.py); every later write obeys it."""

    def judgements(self) -> list[Judgement]: ...

    def undo_judgement(self, judgement_id: int) -> Judgement:
        """Delete a judgement; the articles it moved are replayed from their kept
        extractions, with no re-ingest."""

    def explain(self, entity_id: str) -> Explanation:
        """Why an entity is this id: its names, where each came from, the judgements."""
