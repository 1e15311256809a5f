"""Graph analytics over any GraphStore, for the API: who is central, who is acted
against, which entities are talked about together.

Everything is computed from `iter_entities()` / `iter_facts()` in memory, so both
backends give the same answers for the same content. Numbers are rounded to 6 places
and ties broken by entity id, so results are deterministic.

* `central_entities`: PageRank (damping 0.85, power iteration to 1e-10 or 200 rounds)
  over the undirected graph of facts, one edge per connected pair weighted by the
  number of facts between them; `degree` is the number of facts touching the entity.
* `most_acted_against`: per target, the number of incoming action facts (ontology kind
  "action"; by default the `adverse` ones: LICENSED is not done *against* anyone), with the
  distinct actors and distinct supporting articles; ordered by actions, then actors,
  then articles (all descending).
* `communities`: named entities joined when an article mentions both (edge weight:
  number of shared articles); networkx Louvain with a fixed seed. Unnamed groups are
  left out: they belong to one article by construction.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx
from pydantic import BaseModel, Field

from graph.ontology import get_ontology
from graph.store.protocol import EntitySummary, GraphStore

DAMPING = 0.85
SEED = 42


class CentralEntity(BaseModel):
    entity: EntitySummary
    pagerank: float
    degree: int


class ActedAgainst(BaseModel):
    entity: EntitySummary
    actions: int
    actors: int
    sources: int
    by_type: dict[str, int] = Field(default_factory=dict)


class Community(BaseModel):
    label: EntitySummary
    size: int
    articles: int
    members: list[EntitySummary]


def _summaries(store: GraphStore) -> dict[str, EntitySummary]:
    return {
        r.entity.id: EntitySummary(
            id=r.entity.id,
            type=r.entity.type,
            name=r.entity.name,
            unnamed=r.entity.unnamed,
            count=r.entity.count,
        )
        for r in store.iter_entities()
    }


def pagerank(weights: dict[str, dict[str, float]], tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank on an undirected adjacency map (pure Python, deterministic)."""
    nodes = sorted(weights)
    if not nodes:
        return {}
    n = len(nodes)
    strength = {u: sum(weights[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(200):
        dangling = sum(rank[u] for u in nodes if strength[u] == 0)
        base = (1.0 - DAMPING) / n + DAMPING * dangling / n
        new = dict.fromkeys(nodes, base)
        for u in nodes:
            if strength[u]:
                share = DAMPING * rank[u] / strength[u]
                for v, w in weights[u].items():
                    new[v] += share * w
        delta = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if delta < n * tol:
            break
    return rank


def central_entities(
    store: GraphStore, limit: int = 20, entity_type: str | None = None
) -> list[CentralEntity]:
    """The most connected entities by PageRank (see the module docstring)."""
    ents = _summaries(store)
    weights: dict[str, dict[str, float]] = {e: defaultdict(float) for e in ents}
    degree: Counter[str] = Counter()
    for f in store.iter_facts():
        s, t = f.source.id, f.target.id
        degree[s] += 1
        if t != s:
            degree[t] += 1
            weights[s][t] += 1.0
            weights[t][s] += 1.0
    ranks = pagerank(weights)
    rows = [
        CentralEntity(entity=ents[e], pagerank=round(r, 6), degree=degree[e])
        for e, r in ranks.items()
        if entity_type is None or ents[e].type == entity_type
    ]
    rows.sort(key=lambda c: (-c.pagerank, -c.degree, c.entity.id))
    return rows[:limit]


def most_acted_against(
    store: GraphStore,
    limit: int = 20,
    action_types: list[str] | None = None,
    include_unnamed: bool = False,
) -> list[ActedAgainst]:
    """Targets of the most action facts (see the module docstring)."""
    wanted = set(action_types or get_ontology().adverse_action_types)
    actions: Counter[str] = Counter()
    actors: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    targets: dict[str, EntitySummary] = {}
    for f in store.iter_facts():
        if f.type not in wanted or (f.target.unnamed and not include_unnamed):
            continue
        t = f.target.id
        targets[t] = f.target
        actions[t] += 1
        actors[t].add(f.source.id)
        sources[t].update(f.sources)
        by_type[t][f.type] += 1
    rows = [
        ActedAgainst(
            entity=targets[t],
            actions=actions[t],
            actors=len(actors[t]),
            sources=len(sources[t]),
            by_type=dict(sorted(by_type[t].items())),
        )
        for t in targets
    ]
    rows.sort(key=lambda r: (-r.actions, -r.actors, -r.sources, r.entity.id))
    return rows[:limit]


def co_mention_graph(store: GraphStore) -> tuple[nx.Graph, dict[str, EntitySummary]]:
    """Named entities, joined with weight = number of articles mentioning both."""
    ents = _summaries(store)
    by_article: dict[str, list[str]] = defaultdict(list)
    articles: dict[str, list[str]] = {}
    for rec in store.iter_entities():
        if rec.entity.unnamed:
            continue
        articles[rec.entity.id] = rec.sources
        for a in rec.sources:
            by_article[a].append(rec.entity.id)
    g = nx.Graph()
    g.add_nodes_from(
        (e, {"mentions": len(articles[e]), "articles": articles[e]}) for e in sorted(articles)
    )
    pairs: Counter[tuple[str, str]] = Counter()
    for members in by_article.values():
        pairs.update(combinations(sorted(members), 2))
    g.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(pairs.items()))
    return g, ents


def communities(store: GraphStore, min_size: int = 2, limit: int = 50) -> list[Community]:
    """Groups of entities the news discusses together (Louvain, seed SEED)."""
    g, ents = co_mention_graph(store)
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    out = []
    for group in found:
        if len(group) < min_size:
            continue
        members = sorted(group, key=lambda e: (-g.nodes[e]["mentions"], e))
        articles = {a for e in group for a in g.nodes[e]["articles"]}
        out.append(
            Community(
                label=ents[members[0]],
                size=len(members),
                articles=len(articles),
                members=[ents[e] for e in members],
            )
        )
    out.sort(key=lambda c: (-c.size, c.label.id))
    return out[:limit]
