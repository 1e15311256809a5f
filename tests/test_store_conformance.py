"""The one suite both backends must pass (fixture `store` runs each test per backend).

Semantics pinned here (see also the docstrings of graph/store/base.py,
graph/store/provenance.py and graph/store/search_rank.py, which hold the precise rules):

* Ids are those of graph/ids.py and depend only on the entity (type + name key; an unnamed
  group acted on: its event); identity resolution (graph/identity.py) runs inside `upsert`
  and joins a stored node only by the same id and type, so "People's Bank of China" and
  "Peoples Bank of China" are one node and "PBOC", written as a name, is another.
* A fact (source, type, target) is stored once per event (structure facts: once; actions:
  graph/store/events.py cuts their reports into events); `sources` is sorted by article id and
  `evidence`/`seen` are aligned with it. Re-upserting an article replaces its
  contribution (and so changes no counts).
* Records are sorted deterministically: facts by (type, source.id, target.id),
  subgraph nodes by id (a shortest path's nodes in path order), sources by article id,
  so equality between backends is exact.

The rules are written once, as code both backends call: graph/store/base.py `BaseStore`
(every argument check and limit), graph/store/validation.py `checked` (re-validate before
writing), graph/identity.py `resolve_extraction` (with the store's own IdentityLookup),
graph/store/provenance.py `build_fact` / `action_order` (merged provenance, action order),
graph/store/search_rank.py `rank_hits` (search scores). The traversal, jurisdiction,
find_entity and ordering rules are in the docstrings of graph/store/base.py,
graph/store/embedded/store.py and graph/store/embedded/view.py.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph.errors import InvalidInputError, NotFoundError, OntologyError
from graph.ids import entity_id, event_group_id
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.named.runner import run_named
from graph.store.base import MAX_DEPTH, MAX_PATH, BaseStore
from graph.store.protocol import Fact, GraphStore

PBOC = "centralbank:peoples-bank-of-china"
OKX = "exchange:okx"
COURT = "court:peoples-court-of-chaoyang-district"
CHINA = "jurisdiction:china"
BEIJING_REG = "regulator:beijing-local-financial-supervision-and-administration"


def article(aid: str, published: str | None = "2024-01-02") -> Article:
    day = dt.date.fromisoformat(published) if published else None
    return Article(id=aid, title=f"title {aid}", published=day, text=f"text of {aid}")


def ent(eid: str, etype: str, name: str, *aliases: str, **kw: Any) -> Entity:
    return Entity(id=eid, type=etype, name=name, aliases=[Alias(name=a) for a in aliases], **kw)


def rel(rtype: str, source: str, target: str, evidence: str | None = None, **kw: Any) -> Relation:
    return Relation(type=rtype, source=source, target=target, evidence=evidence, **kw)


def fine_extraction(aid: str, published: str | None, evidence: str, **rel_kw: Any) -> Extraction:
    """An article stating 'the SEC fined Binance' (plus where the SEC sits)."""
    return Extraction(
        article=article(aid, published),
        entities=[
            ent("regulator:sec", "Regulator", "SEC", f"the agency {aid}"),
            ent("exchange:binance", "Exchange", "Binance"),
            ent("jurisdiction:united-states", "Jurisdiction", "United States"),
        ],
        relations=[
            rel("FINED", "regulator:sec", "exchange:binance", evidence, **rel_kw),
            rel("LOCATED_IN", "regulator:sec", "jurisdiction:united-states", "It is a US agency."),
        ],
    )


def load(store: GraphStore, extractions: list[Extraction]) -> None:
    for extraction in extractions:
        store.upsert(extraction)


def keys(facts: list[Fact]) -> list[tuple[str, str, str]]:
    return [(f.source.id, f.type, f.target.id) for f in facts]


def snapshot(store: GraphStore) -> dict[str, Any]:
    """Everything observable about a store's content, as plain data."""
    return {
        "stats": store.stats().model_dump(),
        "entities": [e.model_dump(mode="json") for e in store.iter_entities()],
        "facts": [f.model_dump(mode="json") for f in store.iter_facts()],
        "articles": [a.model_dump(mode="json") for a in store.iter_articles()],
    }


# --- basics ---------------------------------------------------------------------------------


def test_ping_and_empty_stats(store: GraphStore) -> None:
    assert isinstance(store.ping(), str) and store.ping()
    stats = store.stats()
    assert stats.articles == 0 and stats.aliases == 0
    assert sum(stats.entities_by_type.values()) == 0
    assert sum(stats.relations_by_type.values()) == 0
    assert list(store.iter_entities()) == [] and list(store.iter_facts()) == []


def test_upsert_summary_and_stats(store: GraphStore) -> None:
    first = store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    assert first.model_dump() == {
        "articles": 1,
        "entities_new": 3,
        "entities_merged": 0,
        "relations_new": 2,
        "relations_merged": 0,
    }
    second = store.upsert(fine_extraction("a2", "2024-02-03", "Binance paid the SEC a fine."))
    assert (second.entities_new, second.entities_merged) == (0, 3)
    assert (second.relations_new, second.relations_merged) == (0, 2)
    stats = store.stats()
    assert stats.articles == 2
    assert stats.entities_by_type["Regulator"] == 1 and stats.entities_by_type["Exchange"] == 1
    assert stats.relations_by_type["FINED"] == 1 and stats.relations_by_type["LOCATED_IN"] == 1
    assert stats.aliases == 2  # "the agency a1", "the agency a2"
    # every ontology type is reported, zero-filled
    assert stats.entities_by_type["Court"] == 0 and stats.relations_by_type["BANNED"] == 0


# --- seed acceptance ------------------------------------------------------------------------


def test_seed_pboc_blocked_three_groups(store: GraphStore, seed_gold: list[Extraction]) -> None:
    load(store, seed_gold)
    blocked = store.actions(action_type="BLOCKED", actor=PBOC)
    assert len(blocked) == 3
    assert sorted(f.target.count or 0 for f in blocked) == [1, 10, 32]
    assert all(f.target.unnamed for f in blocked)
    assert {f.target.type for f in blocked} == {"App", "Website"}
    assert all(f.sources == ["seed-beijing-crackdown"] for f in blocked)


def test_seed_structure(store: GraphStore, seed_gold: list[Extraction]) -> None:
    load(store, seed_gold)
    hq = store.relations_of(OKX, ["HEADQUARTERED_IN"], "out")
    assert keys(hq) == [(OKX, "HEADQUARTERED_IN", "jurisdiction:seychelles")]
    assert hq[0].target.name == "Seychelles"
    sub = store.neighbours(OKX)
    assert COURT in [n.id for n in sub.nodes]
    assert [n.id for n in sub.nodes] == sorted(n.id for n in sub.nodes)
    paths = store.shortest_paths(OKX, CHINA)
    assert len(paths) == 1
    assert [n.id for n in paths[0].nodes] == [OKX, CHINA]
    assert {f.type for f in paths[0].edges} == {"ORIGINATED_IN", "OPERATES_IN"}
    court_paths = store.shortest_paths(COURT, CHINA)  # undirected: court <- OKX -> China
    assert [[n.id for n in p.nodes] for p in court_paths] == [[COURT, OKX, CHINA]]
    assert {f.type for f in court_paths[0].edges} == {"REFERRED_BY", "ORIGINATED_IN", "OPERATES_IN"}
    assert store.shortest_paths(COURT, CHINA, max_length=1) == []
    assert [n.id for n in store.shortest_paths(OKX, OKX)[0].nodes] == [OKX]


def test_seed_lookups(store: GraphStore, seed_gold: list[Extraction]) -> None:
    load(store, seed_gold)

    def found(name: str, etype: str | None = None) -> str | None:
        rec = store.find_entity(name, etype)
        return rec.entity.id if rec else None

    assert found("Ou Yi") == OKX
    assert found("OU-YI") == OKX
    assert found("Peoples Bank of China") == PBOC
    assert found("the country\u2019s central bank") == PBOC
    assert found("PEOPLE'S BANK OF CHINA", "CentralBank") == PBOC
    assert found("People's Bank of China", "Regulator") is None
    assert found("Chaoyang District Court") == COURT
    assert found("no such body") is None
    hits = store.search("ou y")
    assert hits[0].entity.id == OKX and hits[0].matched == "Ou Yi"
    assert store.search("OKX")[0].entity.id == OKX


def test_seed_loaded_twice_changes_nothing(store: GraphStore, seed_gold: list[Extraction]) -> None:
    load(store, seed_gold)
    before = snapshot(store)
    again = store.upsert(seed_gold[0])
    assert again.entities_new == 0 and again.relations_new == 0
    assert snapshot(store) == before


# --- provenance -----------------------------------------------------------------------------


def test_same_fact_two_articles_one_fact_two_sources(store: GraphStore) -> None:
    store.upsert(fine_extraction("b-art", "2024-03-01", "Binance paid the SEC.", confidence=0.6))
    store.upsert(fine_extraction("a-art", "2024-01-15", "The SEC fined Binance.", confidence=0.9))
    fined = store.relations_of("regulator:sec", ["FINED"], "out")
    assert len(fined) == 1
    fact = fined[0]
    assert fact.sources == ["a-art", "b-art"]
    assert fact.evidence == ["The SEC fined Binance.", "Binance paid the SEC."]
    assert fact.first_seen == dt.date(2024, 1, 15) and fact.last_seen == dt.date(2024, 3, 1)
    assert fact.confidence == pytest.approx(0.9)
    assert store.get_entity("exchange:binance").sources == ["a-art", "b-art"]  # type: ignore[union-attr]

    retracted = store.retract("a-art")
    assert retracted.article == "a-art"
    assert (retracted.relations_deleted, retracted.relations_kept) == (0, 2)
    assert retracted.entities_deleted == 0
    fact = store.relations_of("regulator:sec", ["FINED"], "out")[0]
    assert fact.sources == ["b-art"] and fact.evidence == ["Binance paid the SEC."]
    assert fact.first_seen == fact.last_seen == dt.date(2024, 3, 1)
    assert fact.confidence == pytest.approx(0.6)
    assert [a.name for a in store.aliases_of("regulator:sec")] == ["the agency b-art"]

    gone = store.retract("b-art")
    assert (gone.relations_deleted, gone.relations_kept, gone.entities_deleted) == (2, 0, 3)
    assert store.get_entity("regulator:sec") is None
    assert store.stats().articles == 0 and store.stats().aliases == 0
    assert list(store.iter_facts()) == []


def test_retract_keeps_what_others_support(store: GraphStore, seed_gold: list[Extraction]) -> None:
    load(store, seed_gold)
    other = Extraction(
        article=article("other"),
        entities=[
            ent(OKX, "Exchange", "OKX", "OKEx"),
            ent("jurisdiction:seychelles", "Jurisdiction", "Seychelles"),
        ],
        relations=[
            rel("HEADQUARTERED_IN", OKX, "jurisdiction:seychelles", "OKX is in Seychelles.")
        ],
    )
    store.upsert(other)
    store.retract("seed-beijing-crackdown")
    assert {e.entity.id for e in store.iter_entities()} == {OKX, "jurisdiction:seychelles"}
    assert keys(list(store.iter_facts())) == [(OKX, "HEADQUARTERED_IN", "jurisdiction:seychelles")]
    assert [a.name for a in store.aliases_of(OKX)] == ["OKEx"]  # "Ou Yi" only came from seed
    assert store.find_entity("Ou Yi") is None
    assert store.get_article("seed-beijing-crackdown") is None
    with pytest.raises(NotFoundError):
        store.retract("seed-beijing-crackdown")


def test_reupsert_replaces_the_articles_contribution(store: GraphStore) -> None:
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    changed = Extraction(
        article=article("a1"),
        entities=[
            ent("regulator:sec", "Regulator", "SEC"),
            ent("exchange:binance", "Exchange", "Binance"),
        ],
        relations=[rel("WARNED", "regulator:sec", "exchange:binance", "The SEC warned Binance.")],
    )
    store.upsert(changed)
    assert keys(list(store.iter_facts())) == [("regulator:sec", "WARNED", "exchange:binance")]
    assert store.get_entity("jurisdiction:united-states") is None
    assert store.aliases_of("regulator:sec") == []


# --- ontology enforcement -------------------------------------------------------------------


def _forbidden() -> Extraction:
    """Built with model_construct, so only the store's own check can refuse it."""
    person = ent("person:someone", "Person", "Some One")
    exchange = ent("exchange:binance", "Exchange", "Binance")
    bad = Relation.model_construct(
        type="HEADQUARTERED_IN",
        source="person:someone",
        target="exchange:binance",
        evidence=None,
        confidence=0.5,
        date=None,
        properties={},
        sources=[],
    )
    return Extraction.model_construct(
        article=article("bad"), entities=[person, exchange], relations=[bad]
    )


def test_a_forbidden_edge_is_refused_alone_and_reported(store: GraphStore) -> None:
    """A wrong-typed edge (a plug-in extractor's, built past pydantic) or an edge to an
    entity the article does not have is refused alone, with the ontology's reason, in the
    article's change; the article and its valid facts land. A relation type the ontology
    does not have cannot be reported as a refused fact: that article is refused whole."""
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    forbidden = _forbidden()
    forbidden.relations.append(
        rel("AFFILIATED_WITH", "person:someone", "exchange:binance", "Some One of Binance.")
    )
    dangling = Extraction.model_construct(
        article=article("bad2"),
        entities=[ent("regulator:sec", "Regulator", "SEC")],
        relations=[rel("FINED", "regulator:sec", "exchange:nowhere", "It fined nowhere.")],
        refused=[],
    )
    store.upsert_many([forbidden, dangling])
    assert store.get_article("bad") is not None and store.get_article("bad2") is not None
    assert store.get_entity("person:someone") is not None
    assert ("person:someone", "AFFILIATED_WITH", "exchange:binance") in keys(
        list(store.iter_facts())
    )
    assert not any(f.type == "HEADQUARTERED_IN" for f in store.iter_facts())
    by_article = {c.article_id: c for c in store.changes().changes}
    (wrong,) = by_article["bad"].refused
    assert (wrong.type, wrong.source, wrong.target) == (
        "HEADQUARTERED_IN",
        "person:someone",
        "exchange:binance",
    )
    assert "HEADQUARTERED_IN may not go from Person to Exchange" in wrong.reason
    (nowhere,) = by_article["bad2"].refused
    assert nowhere.evidence == "It fined nowhere." and "exchange:nowhere" in nowhere.reason

    before = snapshot(store)
    unknown = _forbidden()
    unknown.relations[0] = Relation.model_construct(
        **{**unknown.relations[0].__dict__, "type": "ZAPPED"}
    )
    with pytest.raises(OntologyError):
        store.upsert_many([fine_extraction("a2", None, "ok"), unknown])
    assert snapshot(store) == before


# --- identity -------------------------------------------------------------------------------


def _single(aid: str, eid: str, etype: str, name: str, *aliases: str) -> Extraction:
    return Extraction(article=article(aid), entities=[ent(eid, etype, name, *aliases)])


def test_one_id_for_every_spelling_of_a_name_and_no_merge_by_abbreviation(
    store: GraphStore,
) -> None:
    """An entity's id is its type and name key (graph.ids.entity_id): case, apostrophes,
    punctuation and legal suffixes ("Ltd" is "Limited") never matter, so every spelling is
    one node in any order; an abbreviation written as a name ("PBOC") is its own id and is
    never merged with a stored body that has it as an alias."""
    for aid, etype, name, *aliases in [
        ("a1", "CentralBank", "People\u2019s Bank of China", "PBOC"),
        ("a2", "CentralBank", "Peoples Bank of China"),
        ("a3", "CentralBank", "PBOC"),
        ("a4", "Company", "Binance Holdings Limited"),
        ("a5", "Company", "binance holdings ltd."),
    ]:
        summary = store.upsert(_single(aid, entity_id(etype, name), etype, name, *aliases))
        assert summary.entities_merged == (1 if aid in ("a2", "a5") else 0), aid
    ids = sorted(e.entity.id for e in store.iter_entities())
    assert ids == ["centralbank:pboc", PBOC, "company:binance-holdings-limited"]
    assert store.get_entity(PBOC).sources == ["a1", "a2"]  # type: ignore[union-attr]
    assert store.get_entity("centralbank:pboc").sources == ["a3"]  # type: ignore[union-attr]
    bhl = store.find_entity("Binance Holdings Ltd")
    assert bhl is not None and bhl.entity.id == "company:binance-holdings-limited"
    assert bhl.sources == ["a4", "a5"]


def test_identity_keeps_near_misses_apart(store: GraphStore) -> None:
    names = [
        ("regulator:sec-ph", "Securities and Exchange Commission of the Philippines", "SEC"),
        ("regulator:sec-th", "Securities and Exchange Commission of Thailand", "SEC"),
        ("regulator:sec-us", "U.S. Securities and Exchange Commission", "SEC"),
        ("regulator:sec-plain", "Securities and Exchange Commission", "the commission"),
    ]
    for i, (eid, name, alias) in enumerate(names):
        store.upsert(_single(f"s{i}", eid, "Regulator", name, alias))
    store.upsert(_single("c1", "company:bh-ie", "Company", "Binance Holdings (IE) Limited"))
    store.upsert(_single("c2", "company:bh", "Company", "Binance Holdings Limited"))
    store.upsert(_single("l1", "law:d4", "Law", "Dubai Law No. 4 of 2022"))
    store.upsert(_single("l2", "law:d5", "Law", "Dubai Law No. 5 of 2022"))
    store.upsert(_single("t1", "exchange:coinmarketcap", "Exchange", "CoinMarketCap"))
    store.upsert(_single("t2", "mediaoutlet:coinmarketcap", "MediaOutlet", "CoinMarketCap"))
    ids = {e.entity.id for e in store.iter_entities()}
    assert ids == {eid for eid, _, _ in names} | {
        "company:bh-ie",
        "company:bh",
        "law:d4",
        "law:d5",
        "exchange:coinmarketcap",
        "mediaoutlet:coinmarketcap",
    }


def test_unnamed_groups_never_merge(store: GraphStore) -> None:
    for aid in ("g1", "g2"):
        group = ent(f"app:group-{aid}", "App", "13 apps", unnamed=True, count=13)
        store.upsert(Extraction(article=article(aid), entities=[group]))
    assert store.stats().entities_by_type["App"] == 2


# --- reads over the dev corpus --------------------------------------------------------------


def test_get_entity_and_aliases(loaded_store: GraphStore) -> None:
    rec = loaded_store.get_entity(OKX)
    assert rec is not None
    assert rec.entity.name == "OKX" and rec.entity.type == "Exchange"
    assert rec.sources == ["dubai-vara-binance-licence", "seed-beijing-crackdown"]
    assert rec.relation_counts["HEADQUARTERED_IN"] == 1 and rec.relation_counts["OPERATES_IN"] == 2
    assert [a.name for a in rec.entity.aliases] == ["Ou Yi"]
    assert loaded_store.aliases_of(OKX) == rec.entity.aliases
    assert loaded_store.get_entity("exchange:nope") is None
    # "Huobi" (India article) is the former name of HTX (Huobi article): one node
    huobi = loaded_store.find_entity("Huobi", "Exchange")
    assert huobi is not None and huobi.entity.id == "exchange:htx"
    assert "india-fiu-offshore-exchanges" in huobi.sources


def test_actions_filters(loaded_store: GraphStore) -> None:
    s = loaded_store
    everything = s.actions(limit=10_000)
    assert everything and all(f.type in _action_types() for f in everything)
    dates = [f.in_force_from for f in everything]  # the action's date, else first reported
    dated = [d for d in dates if d is not None]
    assert dated == sorted(dated, reverse=True)
    assert dates[len(dated) :] == [None] * (len(dates) - len(dated))  # undated last
    assert s.actions(limit=5, offset=3) == everything[3:8]

    fined = s.actions(action_type="FINED", target="exchange:coinbase")
    assert keys(fined) == [
        ("regulator:new-york-state-department-of-financial-services", "FINED", "exchange:coinbase")
    ]
    assert fined[0].properties == {"amount": 50000000, "currency": "USD"}
    persons = s.actions(target_type="Person")
    assert persons and all(f.target.type == "Person" for f in persons)

    china = s.actions(jurisdiction=CHINA)
    assert {f.source.id for f in china} == {PBOC, CHINA, BEIJING_REG}
    assert len(china) == 10
    assert china[0].first_seen == dt.date(2023, 9, 14)  # PBOC banned trading (Huobi article)

    # Ontario's bodies act there; KuCoin and Bybit operate there, so actions against them
    # elsewhere (FIU-IND, the Thai SEC) match Ontario too: the target rule.
    ontario = s.actions(jurisdiction="jurisdiction:ontario")
    assert {f.source.id for f in ontario} == {
        "court:capital-markets-tribunal",
        "regulator:ontario-securities-commission",
        "regulator:financial-intelligence-unit-india",
        "regulator:securities-and-exchange-commission-of-thailand",
    }
    assert {f.target.id for f in ontario if f.source.id.startswith("regulator:fin")} == {
        "exchange:kucoin"
    }
    canada = s.actions(jurisdiction="jurisdiction:canada")  # Ontario is PART_OF Canada
    assert keys(canada) == keys(ontario)

    window = s.actions(since=dt.date(2023, 1, 1), until=dt.date(2023, 6, 30))
    assert window and all(
        dt.date(2023, 1, 1) <= f.in_force_from <= dt.date(2023, 6, 30)  # type: ignore[operator]
        for f in window
    )
    assert s.actions(actor="regulator:nope") == []


def _action_types() -> set[str]:
    from graph.ontology import get_ontology

    return set(get_ontology().action_types)


def test_neighbours_depth_and_direction(loaded_store: GraphStore) -> None:
    s = loaded_store
    one = s.neighbours(COURT, depth=1)
    assert {n.id for n in one.nodes} == {
        COURT,
        OKX,
        "jurisdiction:chaoyang-district",
        "exchange:group-d447242876",
    }
    assert keys(one.edges) == sorted(keys(one.edges), key=lambda k: (k[1], k[0], k[2]))
    out = s.neighbours(COURT, depth=3, rel_types=["LOCATED_IN", "PART_OF"], direction="out")
    assert [n.id for n in out.nodes] == sorted(
        [COURT, "jurisdiction:chaoyang-district", "jurisdiction:beijing", CHINA]
    )
    assert len(out.edges) == 3
    inbound = s.neighbours(CHINA, depth=1, rel_types=["PART_OF"], direction="in")
    assert [n.id for n in inbound.nodes] == ["jurisdiction:beijing", CHINA]
    with pytest.raises(NotFoundError):
        s.neighbours("exchange:nope")
    with pytest.raises(InvalidInputError):
        s.neighbours(OKX, depth=4)
    with pytest.raises(NotFoundError):
        s.shortest_paths(OKX, "exchange:nope")


def test_the_base_holds_every_check(loaded_store: GraphStore) -> None:
    """Both backends subclass BaseStore, so a bad argument gets one answer on each."""
    s = loaded_store
    assert isinstance(s, BaseStore) and isinstance(s, GraphStore)
    for depth in (0, MAX_DEPTH + 1):
        with pytest.raises(InvalidInputError, match=f"depth must be 1-{MAX_DEPTH}, not {depth}"):
            s.neighbours(OKX, depth=depth)
    with pytest.raises(InvalidInputError, match=f"max_length must be 1-{MAX_PATH}"):
        s.shortest_paths(OKX, CHINA, max_length=MAX_PATH + 1)
    with pytest.raises(InvalidInputError, match="is not an action type"):
        s.actions(action_type="PART_OF")
    with pytest.raises(NotFoundError, match="no entity 'exchange:nope'"):
        s.relations_of("exchange:nope")
    assert s.relations_of(OKX, rel_types=["NOT_A_RELATION"]) == []
    assert s.relations_of(OKX, direction="sideways") == []  # type: ignore[arg-type]
    assert [n.id for n in s.neighbours(OKX, rel_types=["NOT_A_RELATION"]).nodes] == [OKX]
    assert s.actions(limit=-1) == [] and s.articles(limit=-1) == []
    assert s.actions(limit=3, offset=-5) == s.actions(limit=3)
    assert s.articles(limit=2, offset=-1) == s.articles(limit=2)
    assert s.search("  ") == [] and s.search("binance", limit=-3) == []
    assert s.search("binance", entity_type="") == s.search("binance")
    assert s.search("binance", jurisdiction="") == s.search("binance")
    assert s.search("binance", jurisdiction="jurisdiction:nowhere") == []
    assert s.actions(jurisdiction="jurisdiction:nowhere") == []


def test_shortest_paths_all_of_them(loaded_store: GraphStore) -> None:
    paths = loaded_store.shortest_paths("exchange:kucoin", "exchange:bybit", max_length=4)
    node_lists = [[n.id for n in p.nodes] for p in paths]
    assert node_lists == sorted(node_lists)
    assert all(len(nodes) == 3 for nodes in node_lists)
    middles = {nodes[1] for nodes in node_lists}
    assert {"regulator:ontario-securities-commission", "jurisdiction:ontario"} <= middles
    for p in paths:
        assert p.edges and all(
            {f.source.id, f.target.id} <= {n.id for n in p.nodes} for f in p.edges
        )


def test_search_ranking_and_filters(loaded_store: GraphStore) -> None:
    s = loaded_store
    hits = s.search("binance")
    assert hits[0].entity.id == "exchange:binance" and hits[0].matched == "Binance"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert {"company:binance-fze", "exchange:binance-us"} <= {h.entity.id for h in hits}
    companies = s.search("binance", entity_type="Company")
    assert companies and all(h.entity.type == "Company" for h in companies)
    assert s.search("binance", limit=2, offset=1) == hits[1:3]
    fuzzy = s.search("Cointelegraf")
    assert fuzzy and fuzzy[0].entity.id == "mediaoutlet:cointelegraph"
    assert fuzzy[0].score < hits[0].score
    # fuzzy only where a word starts like a query word (graph/store/search_rank.py's gate)
    assert "mediaoutlet:cointelegraph" not in {h.entity.id for h in s.search("Kointelegraph")}
    nigeria = s.search("binance", jurisdiction="jurisdiction:nigeria")
    assert "exchange:binance" in {h.entity.id for h in nigeria}
    assert "company:binance-fze" not in {h.entity.id for h in nigeria}
    assert s.search("zzzzqqqq") == []


def test_search_fuzzy_tier_reaches_every_name_past_the_gate(store: GraphStore) -> None:
    """The fuzzy tier scores every name with a word that starts like a query word of three
    or more characters (graph/store/search_rank.py `score`), however many edits apart: a
    name of another language typed for the stored one is found, and an index's own fuzzy
    term (at most two edits) must not decide which names are looked at."""
    store.upsert(_single("s1", "regulator:finansinspektionen", "Regulator", "Finansinspektionen"))
    store.upsert(_single("s2", "exchange:kelvora", "Exchange", "Kelvora Markets", "Kelvora"))
    store.upsert(_single("s3", "exchange:melvora", "Exchange", "Melvora"))
    # four edits apart: the Estonian body's name, typed for the Swedish one, finds it
    hits = store.search("Finantsinspektsioon")
    assert [(h.entity.id, h.matched) for h in hits] == [
        ("regulator:finansinspektionen", "Finansinspektionen")
    ]
    assert 0 < hits[0].score < 60
    # a longer name holding a stored one's alias; "Melvora" starts otherwise: gated out
    found = store.search("kelvorax trading")
    assert [(h.entity.id, h.matched) for h in found] == [("exchange:kelvora", "Kelvora")]


def test_articles_and_get_article(loaded_store: GraphStore) -> None:
    s = loaded_store
    listed = s.articles(limit=100)
    assert len(listed) == 15 == s.stats().articles
    published = [a.published for a in listed if a.published]
    assert published == sorted(published, reverse=True)
    assert listed[-1].id == "seed-beijing-crackdown"  # undated last
    assert s.articles(limit=3, offset=2) == listed[2:5]
    got = s.get_article("nydfs-coinbase-settlement")
    assert got is not None and got.article.publisher == "Empire State Business Journal"
    assert [e.id for e in got.entities] == sorted(e.id for e in got.entities)
    assert len(got.facts) == 8
    assert keys(got.facts) == [
        (f.source.id, f.type, f.target.id)
        for f in sorted(got.facts, key=lambda f: (f.type, f.source.id, f.target.id))
    ]
    assert s.get_article("nope") is None
    assert [a.id for a in s.iter_articles()] == sorted(a.id for a in listed)


def test_iterators_sorted_and_consistent(loaded_store: GraphStore) -> None:
    entities = list(loaded_store.iter_entities())
    facts = list(loaded_store.iter_facts())
    assert [e.entity.id for e in entities] == sorted(e.entity.id for e in entities)
    assert keys(facts) == [
        (f.source.id, f.type, f.target.id)
        for f in sorted(facts, key=lambda f: (f.type, f.source.id, f.target.id))
    ]
    stats = loaded_store.stats()
    assert sum(stats.entities_by_type.values()) == len(entities)
    assert sum(stats.relations_by_type.values()) == len(facts)
    for f in facts:
        assert f.sources == sorted(f.sources) and len(f.evidence) == len(f.sources)


def test_run_named_unknown(store: GraphStore) -> None:
    with pytest.raises(NotFoundError):
        run_named(store, "no-such-query", {})


# --- events: one action, many reports, a life over time (issue 13) --------------------------
#
# Own sentences about made-up bodies, so nothing here leans on the corpus. Each case is a
# list of articles; `EVENT_CASES` is every case, for the order and cross-store tests.

CBF = "centralbank:central-bank-of-freedonia"
SFSA = "regulator:sylvania-financial-services-authority"
SEC = "regulator:sec"
ORPHAN = "regulator:office-of-digital-assets"
GLIMMER = "exchange:glimmer"
KRAKEN = "exchange:kraken"
FREEDONIA = "jurisdiction:freedonia"
SYLVANIA = "jurisdiction:sylvania"
US = "jurisdiction:united-states"
NAMES: dict[str, tuple[str, str]] = {
    CBF: ("CentralBank", "Central Bank of Freedonia"),
    SFSA: ("Regulator", "Sylvania Financial Services Authority"),
    SEC: ("Regulator", "SEC"),
    ORPHAN: ("Regulator", "Office of Digital Assets"),
    GLIMMER: ("Exchange", "Glimmer"),
    KRAKEN: ("Exchange", "Kraken"),
    FREEDONIA: ("Jurisdiction", "Freedonia"),
    SYLVANIA: ("Jurisdiction", "Sylvania"),
    US: ("Jurisdiction", "United States"),
}
SEATS = {CBF: FREEDONIA, SFSA: SYLVANIA, SEC: US}  # ORPHAN sits nowhere we know


def told(
    aid: str,
    published: str | None,
    rtype: str,
    actor: str,
    target: str,
    evidence: str,
    date: str | None = None,
    **props: Any,
) -> Extraction:
    """One article stating one action (plus where its actor sits, when known)."""
    ids = [actor, target] + ([SEATS[actor]] if actor in SEATS else [])
    entities = [ent(i, *NAMES[i]) for i in dict.fromkeys(ids)]
    relations = [rel(rtype, actor, target, evidence, date=date, properties=props)]
    if actor in SEATS:
        where = f"The {NAMES[actor][1]} is based in {NAMES[SEATS[actor]][1]}."
        relations.append(rel("LOCATED_IN", actor, SEATS[actor], where))
    return Extraction(article=article(aid, published), entities=entities, relations=relations)


def ended(how: str, on: str | None) -> dict[str, Any]:
    return {"status": "ended", "ended_how": how, "ended_on": on}


# One ban told three ways by three outlets: "in 2021", "in September 2021", undated.
THREE_WAYS = [
    told(
        "o1-wire", "2021-10-01", "BANNED", CBF, GLIMMER, "Freedonia banned Glimmer in 2021.", "2021"
    ),
    told(
        "o2-daily",
        "2021-09-20",
        "BANNED",
        CBF,
        GLIMMER,
        "In September 2021 the central bank barred Glimmer.",
        "2021-09",
    ),
    told("o3-blog", "2022-01-05", "BANNED", CBF, GLIMMER, "Glimmer is banned in Freedonia."),
]
# The SEC's two fines of Kraken, then an undated mention that joins the latest before it;
# a fine in euros and one with no amount from other actors.
FINES = [
    told(
        "f1-2023",
        "2023-02-10",
        "FINED",
        SEC,
        KRAKEN,
        "The SEC fined Kraken $30 million in February 2023.",
        "2023-02",
        amount=30_000_000.0,
        currency="USD",
    ),
    told(
        "f2-2025",
        "2025-03-03",
        "FINED",
        SEC,
        KRAKEN,
        "Kraken will pay the SEC $5 million, its second penalty.",
        "2025",
        amount=5_000_000.0,
        currency="USD",
    ),
    told(
        "f3-euro",
        "2024-06-01",
        "FINED",
        SFSA,
        KRAKEN,
        "The Sylvanian authority fined Kraken EUR 1.2 million.",
        "2024-05",
        amount=1_200_000.0,
        currency="EUR",
    ),
    told("f4-noamount", "2024-08-01", "FINED", ORPHAN, KRAKEN, "The office fined Kraken.", "2024"),
]
# A block that is imposed, suspended, then lifted (three articles).
BLOCK_LIFE = [
    told(
        "k1-block", "2020-05-04", "BLOCKED", SFSA, GLIMMER, "Sylvania blocked Glimmer.", "2020-05"
    ),
    told(
        "k2-suspend",
        "2021-01-15",
        "BLOCKED",
        SFSA,
        GLIMMER,
        "Sylvania suspended its block of Glimmer in January.",
        **ended("suspended", "2021-01"),
    ),
    told(
        "k3-lift",
        "2022-02-20",
        "BLOCKED",
        SFSA,
        GLIMMER,
        "The block on Glimmer was lifted in February 2022.",
        **ended("lifted", "2022-02"),
    ),
]
# A licence granted, then revoked.
LICENCE = [
    told(
        "l1-grant", "2022-01-12", "LICENSED", SEC, GLIMMER, "The SEC licensed Glimmer.", "2022-01"
    ),
    told(
        "l2-revoke",
        "2024-04-10",
        "LICENSED",
        SEC,
        GLIMMER,
        "The SEC revoked the licence it granted Glimmer in 2022.",
        "2022",
        **ended("revoked", "2024-04"),
    ),
]
# A warning from an actor whose place is unknown, and one from the jurisdiction itself.
WARNINGS = [
    told(
        "w1-orphan",
        "2022-07-01",
        "WARNED",
        ORPHAN,
        GLIMMER,
        "The office warned Glimmer.",
        "2022-07",
    ),
    told(
        "w2-state",
        "2022-08-01",
        "WARNED",
        FREEDONIA,
        GLIMMER,
        "Freedonia warned users about Glimmer.",
        "2022-08-01",
    ),
]
# A ban (Freedonia's central bank bans Kraken in March 2021), lifted in June 2023.
BAN = told("b1-ban", "2021-03-05", "BANNED", CBF, KRAKEN, "Freedonia banned Kraken.", "2021-03")
LIFT = told(
    "b2-lift",
    "2023-06-20",
    "BANNED",
    CBF,
    KRAKEN,
    "The central bank lifted its 2021 ban on Kraken.",
    "2021",
    **ended("lifted", "2023-06"),
)
EVENT_CASES = THREE_WAYS + FINES + BLOCK_LIFE + LICENCE + WARNINGS + [BAN, LIFT]


def one(store: GraphStore, rtype: str, actor: str, target: str) -> list[Fact]:
    return [f for f in store.relations_of(actor, [rtype], "out") if f.target.id == target]


def test_one_event_told_three_ways(store: GraphStore) -> None:
    load(store, THREE_WAYS)
    [fact] = one(store, "BANNED", CBF, GLIMMER)
    assert fact.sources == ["o1-wire", "o2-daily", "o3-blog"]
    assert fact.date == "2021-09"  # the most precise of "2021", "2021-09" and none
    assert fact.in_force_from == dt.date(2021, 9, 1) and fact.in_force_until is None
    assert fact.first_seen == dt.date(2021, 9, 20) and fact.last_seen == dt.date(2022, 1, 5)
    assert fact.status == "active" and fact.ended_how is None and fact.event_id
    assert [(h.status, h.how, h.sources) for h in fact.history] == [
        ("active", None, ["o1-wire", "o2-daily", "o3-blog"])
    ]
    assert store.stats().relations_by_type["BANNED"] == 1


def test_two_fines_of_one_pair_are_two_events(store: GraphStore) -> None:
    load(store, FINES)
    fined = one(store, "FINED", SEC, KRAKEN)
    assert [(f.date, f.properties["amount"], f.sources) for f in fined] in (
        [("2023-02", 30_000_000.0, ["f1-2023"]), ("2025", 5_000_000.0, ["f2-2025"])],
        [("2025", 5_000_000.0, ["f2-2025"]), ("2023-02", 30_000_000.0, ["f1-2023"])],
    )
    assert len({f.event_id for f in fined}) == 2
    assert store.stats().relations_by_type["FINED"] == 4
    fines = store.fines(KRAKEN)
    assert fines.entity.id == KRAKEN
    assert [(f.actor.id, f.date, f.amount, f.currency) for f in fines.fines] == [
        (SEC, "2023-02", 30_000_000.0, "USD"),
        (ORPHAN, "2024", None, None),
        (SFSA, "2024-05", 1_200_000.0, "EUR"),
        (SEC, "2025", 5_000_000.0, "USD"),
    ]
    assert [(t.currency, t.total, t.fines) for t in fines.totals] == [
        ("EUR", 1_200_000.0, 1),
        ("USD", 35_000_000.0, 2),
    ]
    assert (fines.without_amount, fines.without_currency) == (1, 0)
    assert {f.event_id for f in fines.fines} >= {f.event_id for f in fined}
    assert store.fines(SEC).fines == [] and store.fines(SEC).totals == []  # never fined
    with pytest.raises(NotFoundError):
        store.fines("exchange:nope")


def test_an_undated_report_joins_the_fine_before_it(store: GraphStore) -> None:
    later = told("f5-mention", "2025-06-01", "FINED", SEC, KRAKEN, "The SEC fined Kraken again.")
    load(store, FINES + [later])
    fined = {f.date: f.sources for f in one(store, "FINED", SEC, KRAKEN)}
    assert fined == {"2023-02": ["f1-2023"], "2025": ["f2-2025", "f5-mention"]}


@pytest.mark.parametrize("order", ["ban first", "lifting first"])
def test_a_ban_then_its_lifting_is_one_ended_event(store: GraphStore, order: str) -> None:
    load(store, [BAN, LIFT] if order == "ban first" else [LIFT, BAN])
    [fact] = one(store, "BANNED", CBF, KRAKEN)
    assert fact.sources == ["b1-ban", "b2-lift"]
    assert fact.date == "2021-03"
    assert (fact.status, fact.ended_how, fact.ended_on) == ("ended", "lifted", "2023-06")
    assert fact.in_force_from == dt.date(2021, 3, 1)
    assert fact.in_force_until == dt.date(2023, 6, 1)
    assert [(h.status, h.how, h.on, h.sources) for h in fact.history] == [
        ("active", None, "2021-03", ["b1-ban"]),
        ("ended", "lifted", "2023-06", ["b2-lift"]),
    ]
    history = store.pair_history(CBF, KRAKEN)
    assert [f.event_id for f in history.events] == [fact.event_id]
    assert [(s.status, s.how, s.on) for s in history.timeline] == [
        ("active", None, "2021-03"),
        ("ended", "lifted", "2023-06"),
    ]


def test_the_lifting_alone_makes_an_ended_event(store: GraphStore) -> None:
    store.upsert(LIFT)
    [fact] = one(store, "BANNED", CBF, KRAKEN)
    assert (fact.status, fact.ended_how, fact.date) == ("ended", "lifted", "2021")
    assert fact.history[-1].sources == ["b2-lift"]


def test_in_force_before_inside_and_after_a_span(store: GraphStore) -> None:
    load(store, [BAN, LIFT])

    def standing(day: dt.date) -> list[str]:
        return [f.event_id for g in store.in_force(KRAKEN, day).jurisdictions for f in g.actions]

    [fact] = one(store, "BANNED", CBF, KRAKEN)
    assert standing(dt.date(2021, 2, 28)) == []
    assert standing(dt.date(2021, 3, 1)) == [fact.event_id]  # the month's first day
    assert standing(dt.date(2022, 6, 30)) == [fact.event_id]
    assert standing(dt.date(2023, 5, 31)) == [fact.event_id]
    assert standing(dt.date(2023, 6, 1)) == []  # in_force_until: first day no longer
    assert standing(dt.date(2024, 1, 1)) == []
    assert store.in_force(KRAKEN).on == dt.date.today()
    assert store.in_force(KRAKEN).total == 0  # lifted: nothing stands today
    day = dt.date(2022, 1, 1)
    assert keys(store.actions(in_force_on=day)) == [(CBF, "BANNED", KRAKEN)]
    assert store.actions(in_force_on=dt.date(2024, 1, 1)) == []
    assert keys(store.actions(status="ended")) == [(CBF, "BANNED", KRAKEN)]
    assert store.actions(status="active") == []
    with pytest.raises(InvalidInputError, match="status must be one of"):
        store.actions(status="lifted")
    with pytest.raises(NotFoundError):
        store.in_force("exchange:nope")


def test_a_licence_granted_then_revoked(store: GraphStore) -> None:
    load(store, LICENCE)
    [fact] = one(store, "LICENSED", SEC, GLIMMER)
    assert fact.sources == ["l1-grant", "l2-revoke"] and fact.date == "2022-01"
    assert (fact.status, fact.ended_how, fact.ended_on) == ("ended", "revoked", "2024-04")
    assert [(h.status, h.how, h.sources) for h in fact.history] == [
        ("active", None, ["l1-grant"]),
        ("ended", "revoked", ["l2-revoke"]),
    ]
    inside = store.in_force(GLIMMER, dt.date(2023, 1, 1))
    assert [(g.jurisdiction.id if g.jurisdiction else None) for g in inside.jurisdictions] == [US]
    assert store.in_force(GLIMMER, dt.date(2024, 5, 1)).total == 0


def test_a_retracted_ending_leaves_the_event_active(store: GraphStore) -> None:
    load(store, [BAN, LIFT])
    event_id = one(store, "BANNED", CBF, KRAKEN)[0].event_id
    store.retract("b2-lift")
    [fact] = one(store, "BANNED", CBF, KRAKEN)
    assert fact.event_id == event_id and fact.sources == ["b1-ban"]
    assert (fact.status, fact.ended_how, fact.ended_on) == ("active", None, None)
    assert fact.in_force_until is None
    assert [(h.status, h.sources) for h in fact.history] == [("active", ["b1-ban"])]
    assert store.in_force(KRAKEN, dt.date(2024, 1, 1)).total == 1
    assert keys(store.actions(status="active")) == [(CBF, "BANNED", KRAKEN)]


def test_a_pair_history_imposed_suspended_lifted(store: GraphStore) -> None:
    load(store, BLOCK_LIFE + WARNINGS)
    history = store.pair_history(SFSA, GLIMMER)
    assert (history.actor.id, history.target.id) == (SFSA, GLIMMER)
    [event] = history.events
    assert event.type == "BLOCKED" and event.sources == ["k1-block", "k2-suspend", "k3-lift"]
    assert [(s.status, s.how, s.on, s.sources) for s in history.timeline] == [
        ("active", None, "2020-05", ["k1-block"]),
        ("ended", "suspended", "2021-01", ["k2-suspend"]),
        ("ended", "lifted", "2022-02", ["k3-lift"]),
    ]
    assert (event.status, event.ended_how) == ("ended", "lifted")
    assert store.pair_history(GLIMMER, SFSA).events == []  # direction matters
    with pytest.raises(NotFoundError):
        store.pair_history(SFSA, "exchange:nope")


def test_in_force_groups_by_the_actors_jurisdiction(store: GraphStore) -> None:
    load(store, EVENT_CASES)
    answer = store.in_force(GLIMMER, dt.date(2022, 9, 1))
    groups = {
        (g.jurisdiction.id if g.jurisdiction else None): [(f.source.id, f.type) for f in g.actions]
        for g in answer.jurisdictions
    }
    assert groups == {
        FREEDONIA: [(CBF, "BANNED"), (FREEDONIA, "WARNED")],  # the state acts in itself
        US: [(SEC, "LICENSED")],
        None: [(ORPHAN, "WARNED")],  # nobody said where the office sits
    }
    assert [g.jurisdiction.id if g.jurisdiction else None for g in answer.jurisdictions] == [
        FREEDONIA,
        US,
        None,
    ]
    assert answer.total == 4
    for g in answer.jurisdictions:
        for f in g.actions:
            assert f.in_force_from and f.in_force_from <= answer.on and f.sources
    flat = sorted(f.event_id for g in answer.jurisdictions for f in g.actions)
    direct = store.actions(target=GLIMMER, in_force_on=answer.on, limit=100)
    assert flat == sorted(f.event_id for f in direct)


def test_an_unnamed_group_of_one_event_is_one_node(store: GraphStore) -> None:
    def apps(aid: str, published: str, group: str, date: str | None) -> Extraction:
        return Extraction(
            article=article(aid, published),
            entities=[
                ent(CBF, *NAMES[CBF]),
                ent(group, "App", "13 apps", unnamed=True, count=13),
            ],
            relations=[rel("BANNED", CBF, group, "The central bank banned 13 apps.", date=date)],
        )

    load(
        store,
        [
            apps("g1", "2022-09-08", "app:group-aaaa", "2022-09"),
            apps("g2", "2022-09-20", "app:group-bbbb", None),
        ],
    )
    assert store.stats().entities_by_type["App"] == 1
    [fact] = store.actions(action_type="BANNED", actor=CBF)
    # the group's id is its event's (group type, actor, action, count, year), not an article's
    assert fact.target.id == event_group_id("App", CBF, "BANNED", 13, 2022)
    assert fact.target.count == 13
    assert fact.sources == ["g1", "g2"] and fact.date == "2022-09"


def test_events_reingest_is_idempotent_and_order_free(store: GraphStore) -> None:
    load(store, EVENT_CASES)
    before = _event_answers(store)
    again = [store.upsert(x) for x in EVENT_CASES]
    assert all(s.entities_new == 0 and s.relations_new == 0 for s in again)
    assert _event_answers(store) == before
    for x in EVENT_CASES:
        store.retract(x.article.id)
    assert list(store.iter_facts()) == [] and list(store.iter_entities()) == []
    load(store, list(reversed(EVENT_CASES)))
    assert _event_answers(store) == before


def _event_answers(s: GraphStore) -> dict[str, Any]:
    """Everything the event questions answer about EVENT_CASES, as plain data."""
    days = [dt.date(2020, 1, 1), dt.date(2021, 12, 1), dt.date(2022, 9, 1), dt.date(2024, 5, 1)]
    out: dict[str, Any] = snapshot(s)
    out["in_force"] = [
        s.in_force(e, d).model_dump(mode="json") for e in (GLIMMER, KRAKEN) for d in days
    ]
    out["history"] = [
        s.pair_history(a, t).model_dump(mode="json")
        for a, t in [(CBF, GLIMMER), (SFSA, GLIMMER), (SEC, GLIMMER), (SEC, KRAKEN), (CBF, KRAKEN)]
    ]
    out["fines"] = [s.fines(e).model_dump(mode="json") for e in (GLIMMER, KRAKEN)]
    out["actions"] = [
        [f.model_dump(mode="json") for f in s.actions(in_force_on=d, status=st)]
        for d in [None, *days]
        for st in (None, "active", "ended")
    ]
    return out


# --- cross-store equality -------------------------------------------------------------------


def test_backends_agree(
    both_stores: tuple[GraphStore, GraphStore],
    seed_gold: list[Extraction],
    dev_gold: list[Extraction],
) -> None:
    """Load the same corpus into both backends; every read must answer identically."""
    embedded, neo = both_stores
    for extraction in seed_gold + dev_gold:
        assert embedded.upsert(extraction) == neo.upsert(extraction)
    assert _answers(embedded) == _answers(neo)
    assert embedded.retract("ph-sec-binance-block") == neo.retract("ph-sec-binance-block")
    assert _answers(embedded) == _answers(neo)


def _answers(s: GraphStore) -> dict[str, Any]:
    def dump(x: Any) -> Any:
        if isinstance(x, list):
            return [dump(i) for i in x]
        return x.model_dump(mode="json") if x is not None else None

    out: dict[str, Any] = snapshot(s)
    action_calls: list[dict[str, Any]] = [
        {},
        {"action_type": "SUED"},
        {"actor": PBOC},
        {"target": "exchange:binance"},
        {"target_type": "Exchange", "limit": 7, "offset": 2},
        {"jurisdiction": CHINA},
        {"jurisdiction": "jurisdiction:united-states"},
        {"jurisdiction": "jurisdiction:canada"},
        {"since": dt.date(2023, 1, 1), "until": dt.date(2023, 12, 31)},
    ]
    out["actions"] = [dump(s.actions(**kw)) for kw in action_calls]
    out["neighbours"] = [
        dump(s.neighbours(eid, depth=d)) for eid in (OKX, "exchange:binance", CHINA) for d in (1, 2)
    ]
    out["paths"] = [
        dump(s.shortest_paths(a, b))
        for a, b in [
            (OKX, CHINA),
            ("exchange:kucoin", "exchange:bybit"),
            (PBOC, "exchange:binance"),
        ]
    ]
    out["search"] = [dump(s.search(q, limit=10)) for q in ("binance", "ou y", "SEC", "central bnk")]
    out["articles"] = [dump(s.get_article(a.id)) for a in s.iter_articles()]
    out["aliases"] = [dump(s.aliases_of(e["entity"]["id"])) for e in out["entities"]]
    out["find"] = [dump(s.find_entity(n)) for n in ("SEC", "Huobi", "the country", "UK")]
    return out


def test_backends_agree_on_events(both_stores: tuple[GraphStore, GraphStore]) -> None:
    """The event cases on both backends: every answer over time is the same."""
    embedded, neo = both_stores
    for extraction in EVENT_CASES:
        assert embedded.upsert(extraction) == neo.upsert(extraction)
    assert _event_answers(embedded) == _event_answers(neo)
    assert embedded.retract("b2-lift") == neo.retract("b2-lift")
    assert embedded.retract("k3-lift") == neo.retract("k3-lift")
    assert _event_answers(embedded) == _event_answers(neo)
