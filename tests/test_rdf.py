"""The export through the real stores: every serialisation, SHACL, SPARQL, provenance.

`loaded_store` holds the seed + dev gold on each backend; the vocabulary, the IRIs and
the term serialiser are checked without a store in tests/test_rdf_vocab.py.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import rdflib
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SKOS
from rdflib.query import ResultRow

from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.ontology import ENDED, REL, STATUS
from graph.rdf.export import FORMATS, build_graph, export_store, iter_export, iter_record_quads
from graph.rdf.mapping import RdfMapper
from graph.rdf.namespaces import CRG, Iris
from graph.rdf.shapes import validate
from graph.store.protocol import EntityRecord, EntitySummary, Fact, GraphStore, StatusChange

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BASE = "https://w3id.org/cryptoreg/id/"
WHEN = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
PREFIXES = """
PREFIX crg: <https://w3id.org/cryptoreg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
BANNED_OR_BLOCKED_IN_CHINA = (
    PREFIXES
    + """
SELECT DISTINCT ?name WHERE {
  ?china a crg:Jurisdiction ; skos:prefLabel "China" .
  ?actor a schema:GovernmentOrganization ; skos:prefLabel ?name ;
         crg:banned|crg:blocked ?target .
  { ?actor crg:locatedIn/crg:partOf* ?china }
  UNION { ?target crg:partOf* ?china }
  UNION { ?target (crg:locatedIn|crg:headquarteredIn)/crg:partOf* ?china }
}"""
)
HEADQUARTERED_IN_SEYCHELLES = (
    PREFIXES
    + """
SELECT DISTINCT ?name WHERE {
  ?seychelles a crg:Jurisdiction ; skos:prefLabel "Seychelles" .
  ?exchange a crg:Exchange ; skos:prefLabel ?name ;
            crg:headquarteredIn/crg:partOf* ?seychelles .
}"""
)


def export_bytes(store: GraphStore, fmt: str) -> bytes:
    buf = io.BytesIO()
    export_store(store, fmt, buf, base_iri=BASE, generated_at=WHEN)
    return buf.getvalue()


def parse(data: bytes, fmt: str) -> Graph:
    """Parse an export back with rdflib: a Dataset for quad formats, else a Graph."""
    rdf_format = FORMATS[fmt]
    graph: Graph = Dataset() if rdf_format.quads else Graph()
    graph.parse(data=data, format=rdf_format.rdflib_name)
    return graph


def select_names(graph: Graph, query: str) -> set[str]:
    """The first column of a SPARQL SELECT, as strings."""
    out = set()
    for row in graph.query(query):
        assert isinstance(row, ResultRow)
        out.add(str(row[0]))
    return out


def quads(ds: Graph) -> set[tuple[object, ...]]:
    assert isinstance(ds, Dataset)
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


class Exports(dict[str, Graph]):
    """The store's export in each format, parsed back, made on first use."""

    def __init__(self, store: GraphStore) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, fmt: str) -> Graph:
        graph = self[fmt] = parse(export_bytes(self.store, fmt), fmt)
        return graph


@pytest.fixture
def exports(loaded_store: GraphStore) -> Exports:
    """The seed + dev export in every format, parsed back (lazily)."""
    return Exports(loaded_store)


# --- the export through the stores -------------------------------------------------------


def test_every_format_parses_and_agrees(
    loaded_store: GraphStore, exports: dict[str, Graph]
) -> None:
    merged = exports["ntriples"]
    assert len(merged) > 1000
    mapper = RdfMapper(Iris(BASE), WHEN)
    expected = build_graph(iter_record_quads(loaded_store, mapper), quads=False)
    assert isomorphic(merged, expected)  # the streaming writer says what rdflib would
    for fmt in ("turtle", "jsonld"):
        assert isomorphic(exports[fmt], merged), fmt
    assert quads(exports["trig"]) == quads(exports["nquads"])
    union = {(s, p, o) for s, p, o, _ in quads(exports["nquads"])}
    assert union == set(merged)


def test_export_is_deterministic(loaded_store: GraphStore) -> None:
    assert export_bytes(loaded_store, "nquads") == export_bytes(loaded_store, "nquads")


def test_seed_and_dev_exports_conform_to_the_shapes(exports: dict[str, Graph]) -> None:
    conforms, _, text = validate(exports["turtle"])
    assert conforms, text


def test_a_broken_graph_violates_the_shapes(exports: dict[str, Graph]) -> None:
    graph = exports["ntriples"]
    okx, seychelles = URIRef(BASE + "exchange:okx"), URIRef(BASE + "jurisdiction:seychelles")
    assert (okx, SKOS.prefLabel, Literal("OKX")) in graph
    graph.add((okx, CRG.banned, seychelles))  # an exchange is no actor
    conforms, report, text = validate(graph)
    assert not conforms
    assert "BANNED" in text


@pytest.mark.parametrize(
    ("broken", "component"),
    [
        ("prefLabel", "MinCountConstraintComponent"),
        ("count", "DatatypeConstraintComponent"),
        ("statement", "SPARQLConstraintComponent"),
    ],
)
def test_each_kind_of_break_is_reported(
    exports: dict[str, Graph], broken: str, component: str
) -> None:
    graph = exports["ntriples"]
    okx, seychelles = URIRef(BASE + "exchange:okx"), URIRef(BASE + "jurisdiction:seychelles")
    if broken == "prefLabel":
        graph.remove((seychelles, SKOS.prefLabel, None))
    elif broken == "count":
        graph.add((okx, CRG.count, Literal("thirteen")))
    else:
        graph.remove((okx, CRG.headquarteredIn, seychelles))
    conforms, _, text = validate(graph)
    assert not conforms
    assert component in text


def test_okx_is_mapped_with_standard_types_and_provenance(exports: dict[str, Graph]) -> None:
    g = exports["ntriples"]
    okx = URIRef(BASE + "exchange:okx")
    types = set(g.objects(okx, RDF.type))
    assert {CRG.Exchange, URIRef("https://schema.org/Corporation")} <= types
    assert Literal("Ou Yi") in set(g.objects(okx, SKOS.altLabel))
    statements = set(g.subjects(CRG.subject, okx)) & set(
        g.subjects(CRG.predicate, CRG.headquarteredIn)
    )
    assert len(statements) == 1
    (st,) = statements
    assert (
        st,
        URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"),
        URIRef(BASE + "article/seed-beijing-crackdown"),
    ) in g


def test_each_fact_sits_in_its_articles_graph(exports: dict[str, Graph]) -> None:
    ds = exports["trig"]
    assert isinstance(ds, Dataset)
    okx, seychelles = URIRef(BASE + "exchange:okx"), URIRef(BASE + "jurisdiction:seychelles")
    graphs = {g for _, _, _, g in ds.quads((okx, CRG.headquarteredIn, seychelles, None))}
    facts = URIRef(BASE + "article/seed-beijing-crackdown#facts")
    assert graphs == {facts}
    prov = "http://www.w3.org/ns/prov#"
    default = ds.default_graph
    assert (
        facts,
        URIRef(prov + "wasDerivedFrom"),
        URIRef(BASE + "article/seed-beijing-crackdown"),
    ) in default
    assert (
        facts,
        URIRef(prov + "generatedAtTime"),
        Literal(WHEN, datatype=rdflib.XSD.dateTime),
    ) in default


def test_sparql_regulators_banning_or_blocking_in_china(exports: dict[str, Graph]) -> None:
    for fmt in ("turtle", "jsonld"):
        names = select_names(exports[fmt], BANNED_OR_BLOCKED_IN_CHINA)
        assert names == {
            "Beijing Local Financial Supervision and Administration",
            "People's Bank of China",
        }


def test_sparql_exchanges_headquartered_in_seychelles(exports: dict[str, Graph]) -> None:
    assert select_names(exports["turtle"], HEADQUARTERED_IN_SEYCHELLES) == {"OKX"}


# --- edge cases through the stores -----------------------------------------------------


def _odd_extraction() -> Extraction:
    """Language-tagged aliases, a Wikidata id, a fine, a group, and awkward characters."""
    return Extraction(
        article=Article(
            id="odd article:1",
            url="https://example.org/news?id=1&x=a b",
            title='Title with "quotes" and a\nnewline',
            publisher="Forkast",
            published=dt.date(2024, 5, 6),
        ),
        entities=[
            Entity(
                id="exchange:okx",
                type="Exchange",
                name="OKX",
                qid="Q104842213",
                aliases=[
                    Alias(name="Ou Yi", kind="translation", lang="zh-Latn"),
                    Alias(name="欧易", kind="translation", lang="zh"),
                    Alias(name="OKEx", kind="former_name"),
                    Alias(name="the Seychelles-based exchange", kind="descriptive"),
                ],
            ),
            Entity(id="regulator:sec", type="Regulator", name='SEC \\ "Commission"'),
            Entity(
                id="app:group-1",
                type="App",
                name="13 apps",
                unnamed=True,
                count=13,
                description="apps involved in trading",
            ),
        ],
        relations=[
            Relation(
                type="FINED",
                source="regulator:sec",
                target="exchange:okx",
                evidence="The SEC fined OKX $1.5 million.\tReally.",
                confidence=0.8,
                properties={"amount": 1.5e21, "currency": "USD"},
            ),
            Relation(type="BANNED", source="regulator:sec", target="app:group-1", evidence=None),
        ],
    )


def test_aliases_qids_amounts_and_escapes_survive(store: GraphStore) -> None:
    store.upsert(_odd_extraction())
    g = parse(export_bytes(store, "ntriples"), "ntriples")
    okx = URIRef(BASE + "exchange:okx")
    labels = set(g.objects(okx, SKOS.altLabel))
    assert {Literal("Ou Yi", lang="zh-Latn"), Literal("欧易", lang="zh"), Literal("OKEx")} <= labels
    assert (okx, CRG.formerNameLabel, Literal("OKEx")) in g
    # a description is searchable (skos:hiddenLabel), never shown as a label
    described = Literal("the Seychelles-based exchange")
    assert described not in labels
    assert (okx, SKOS.hiddenLabel, described) in g and (okx, CRG.descriptiveLabel, described) in g
    assert (okx, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q104842213")) in g
    (st,) = set(g.subjects(CRG.predicate, CRG.fined)) & set(g.subjects(RDF.type, CRG.Statement))
    huge = Literal("1500000000000000000000.0", datatype=rdflib.XSD.decimal)
    assert (st, CRG.amount, huge) in g
    (money,) = set(g.objects(g.value(st, CRG.event), URIRef("https://schema.org/amount")))
    assert (money, URIRef("https://schema.org/value"), huge) in g
    assert (st, CRG.currency, Literal("USD")) in g
    assert (st, CRG.evidence, Literal("The SEC fined OKX $1.5 million.\tReally.")) in g
    # the unnamed group an action targets takes its event's id (graph.ids.event_group_id)
    (group,) = set(g.subjects(CRG.count, Literal(13)))
    assert str(group).startswith(BASE + "app:")
    (article,) = set(
        g.subjects(
            URIRef("http://purl.org/dc/terms/source"),
            URIRef("https://example.org/news?id=1&x=a%20b"),
        )
    )
    assert str(article) == BASE + "article/odd%20article%3A1"
    conforms, _, text = validate(g)
    assert conforms, text
    for fmt in FORMATS:
        parse(export_bytes(store, fmt), fmt)  # every syntax copes with the escapes


def test_empty_store_exports_empty_graphs(store: GraphStore) -> None:
    for fmt in FORMATS:
        assert len(parse(export_bytes(store, fmt), fmt)) == 0


# --- action events (issue 13, point 4) ---------------------------------------------------
#
# Every action fact is also an event resource: a schema:Action typed with its relation's
# event class, its agent, object, dates typed by precision, status, money and PROV.
# The mapping tests build Fact records by hand (no store); the store tests upsert own
# articles into the embedded store and export them.

SDO = rdflib.Namespace("https://schema.org/")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")
AUTHORITY = EntitySummary(
    id="regulator:harbour-authority", type="Regulator", name="Harbour Authority"
)
TIDECOIN = EntitySummary(id="exchange:tidecoin", type="Exchange", name="Tidecoin")
ISLE = EntitySummary(id="jurisdiction:isle-of-tern", type="Jurisdiction", name="Isle of Tern")
ENT_AUTHORITY, ENT_TIDECOIN = URIRef(BASE + AUTHORITY.id), URIRef(BASE + TIDECOIN.id)


def _event(fact: Fact) -> URIRef:
    return URIRef(BASE + "event/" + fact.event_id)


def _article(article_id: str) -> URIRef:
    return URIRef(BASE + "article/" + article_id)


def _lifted_ban() -> Fact:
    """Banned in September 2021 (article n1), lifted in June 2023 (article n2)."""
    return Fact(
        type=REL.banned,
        source=AUTHORITY,
        target=TIDECOIN,
        event_id="ev-00000000000000b1",
        sources=["n1", "n2"],
        evidence=["The authority banned Tidecoin in September 2021.", "It lifted the ban."],
        first_seen=dt.date(2021, 9, 20),
        last_seen=dt.date(2023, 6, 2),
        confidence=0.9,
        date="2021-09",
        status=STATUS.ended,
        ended_how=ENDED.lifted,
        ended_on="2023-06",
        history=[
            StatusChange(status=STATUS.active, on="2021-09", sources=["n1"]),
            StatusChange(status=STATUS.ended, how=ENDED.lifted, on="2023-06", sources=["n2"]),
        ],
    )


def _fine(event_id: str, date: str, amount: float, currency: str, article: str) -> Fact:
    return Fact(
        type=REL.fined,
        source=AUTHORITY,
        target=TIDECOIN,
        event_id=event_id,
        sources=[article],
        evidence=[f"The authority fined Tidecoin {amount} {currency}."],
        confidence=0.8,
        date=date,
        history=[StatusChange(status=STATUS.active, on=date, sources=[article])],
        properties={"amount": amount, "currency": currency},
    )


class _Records:
    """An RdfSource over hand-made records: articles n1..n4, the three entities, `facts`."""

    def __init__(self, facts: list[Fact]) -> None:
        self.facts = facts

    def iter_articles(self) -> Iterator[Article]:
        for n in range(1, 5):
            yield Article(id=f"n{n}", title=f"Tern news {n}", published=dt.date(2020 + n, 1, n))

    def iter_entities(self) -> Iterator[EntityRecord]:
        for e in (AUTHORITY, TIDECOIN, ISLE):
            yield EntityRecord(entity=Entity(id=e.id, type=e.type, name=e.name), sources=["n1"])

    def iter_facts(self) -> Iterator[Fact]:
        yield from self.facts


def _graph_of(*facts: Fact) -> Graph:
    mapper = RdfMapper(Iris(BASE), WHEN)
    return build_graph(iter_record_quads(_Records(list(facts)), mapper), quads=False)


def test_an_ended_action_is_an_event_with_agent_object_times_and_status() -> None:
    ban = _lifted_ban()
    g = _graph_of(ban)
    e = _event(ban)
    assert set(g.objects(e, RDF.type)) == {CRG.BannedEvent, SDO.Action}
    assert (e, DCT.identifier, Literal(ban.event_id)) in g
    assert (e, CRG.predicate, CRG.banned) in g
    assert (e, SDO.agent, ENT_AUTHORITY) in g and (e, SDO.object, ENT_TIDECOIN) in g
    assert (ENT_AUTHORITY, CRG.banned, ENT_TIDECOIN) in g  # the direct triple stays
    assert set(g.objects(e, SDO.startTime)) == {Literal("2021-09", datatype=rdflib.XSD.gYearMonth)}
    assert set(g.objects(e, SDO.endTime)) == {Literal("2023-06", datatype=rdflib.XSD.gYearMonth)}
    assert set(g.objects(e, SDO.actionStatus)) == {SDO.CompletedActionStatus}
    assert set(g.objects(e, CRG.endedHow)) == {Literal(ENDED.lifted)}
    assert set(g.objects(e, PROV.wasDerivedFrom)) == {_article("n1"), _article("n2")}
    statements = set(g.subjects(CRG.event, e))
    assert len(statements) == 2  # one per reporting article, each pointing at the event
    assert {o for st in statements for o in g.objects(st, PROV.wasDerivedFrom)} == {
        _article("n1"),
        _article("n2"),
    }


def test_each_status_change_is_a_resource_with_its_own_sources() -> None:
    ban = _lifted_ban()
    g = _graph_of(ban)
    steps = {int(str(g.value(h, SDO.position))): h for h in g.objects(_event(ban), CRG.history)}
    assert sorted(steps) == [0, 1]
    taken, lifted = steps[0], steps[1]
    assert (taken, RDF.type, CRG.StatusChange) in g
    assert (taken, SDO.actionStatus, SDO.ActiveActionStatus) in g
    assert (taken, DCT.date, Literal("2021-09", datatype=rdflib.XSD.gYearMonth)) in g
    assert set(g.objects(taken, PROV.wasDerivedFrom)) == {_article("n1")}
    assert (lifted, SDO.actionStatus, SDO.CompletedActionStatus) in g
    assert (lifted, CRG.endedHow, Literal(ENDED.lifted)) in g
    assert set(g.objects(lifted, PROV.wasDerivedFrom)) == {_article("n2")}
    assert (taken, CRG.endedHow, None) not in g


@pytest.mark.parametrize(
    ("date", "datatype"),
    [
        ("2021", rdflib.XSD.gYear),
        ("2021-09", rdflib.XSD.gYearMonth),
        ("2021-09-15", rdflib.XSD.date),
    ],
)
def test_partial_dates_are_typed_by_their_precision(date: str, datatype: URIRef) -> None:
    fine = _fine("ev-00000000000000f1", date, 1000.0, "EUR", "n1")
    g = _graph_of(fine)
    assert set(g.objects(_event(fine), SDO.startTime)) == {Literal(date, datatype=datatype)}
    (st,) = set(g.subjects(CRG.event, _event(fine)))
    assert set(g.objects(st, CRG.date)) == {Literal(date, datatype=datatype)}
    assert (_event(fine), SDO.endTime, None) not in g  # active: no end
    assert (_event(fine), SDO.actionStatus, SDO.ActiveActionStatus) in g
    conforms, _, text = validate(g)
    assert conforms, text


def test_two_fines_of_one_pair_are_two_events_with_their_own_money() -> None:
    first = _fine("ev-00000000000000f1", "2023", 30e6, "USD", "n1")
    second = _fine("ev-00000000000000f2", "2025-02", 1.25e6, "EUR", "n2")
    g = _graph_of(first, second)
    money = {}
    for fine in (first, second):
        (m,) = set(g.objects(_event(fine), SDO.amount))
        assert (m, RDF.type, SDO.MonetaryAmount) in g
        money[fine.event_id] = (g.value(m, SDO.value), g.value(m, SDO.currency))
    assert money == {
        first.event_id: (Literal("30000000.0", datatype=rdflib.XSD.decimal), Literal("USD")),
        second.event_id: (Literal("1250000.0", datatype=rdflib.XSD.decimal), Literal("EUR")),
    }
    # one direct triple, but two statements (their IRIs hash the event id) and two events
    assert len(set(g.triples((ENT_AUTHORITY, CRG.fined, ENT_TIDECOIN)))) == 1
    statements = set(g.subjects(CRG.predicate, CRG.fined)) - {_event(first), _event(second)}
    assert len(statements) == 2
    conforms, _, text = validate(g)
    assert conforms, text


def test_structure_facts_have_no_event() -> None:
    seat = Fact(
        type=REL.located_in,
        source=AUTHORITY,
        target=ISLE,
        event_id="ev-00000000000000c1",
        sources=["n1"],
        evidence=["The Harbour Authority of the Isle of Tern."],
        confidence=0.9,
    )
    g = _graph_of(seat)
    assert (None, RDF.type, SDO.Action) not in g
    assert (None, CRG.event, None) not in g
    assert (ENT_AUTHORITY, CRG.locatedIn, URIRef(BASE + ISLE.id)) in g


def test_a_record_without_event_id_or_history_still_gets_a_stable_event() -> None:
    """A record written before events: the id events.py would give, a history implied."""
    bare = _lifted_ban().model_copy(update={"event_id": "", "history": []})
    g1, g2 = _graph_of(bare), _graph_of(bare)
    (e,) = set(g1.subjects(RDF.type, CRG.BannedEvent))
    assert set(g2.subjects(RDF.type, CRG.BannedEvent)) == {e}
    assert str(e).startswith(BASE + "event/ev-")
    assert len(set(g1.objects(e, CRG.history))) == 2
    conforms, _, text = validate(g1)
    assert conforms, text


def test_events_round_trip_through_every_format() -> None:
    facts = [_lifted_ban(), _fine("ev-00000000000000f1", "2023-04-05", 30e6, "USD", "n3")]
    source = _Records(facts)
    merged = _graph_of(*facts)
    for name, fmt in FORMATS.items():
        data = b"".join(iter_export(source, name, BASE, WHEN))
        parsed = parse(data, name)
        if fmt.quads:
            union = Graph()
            for s, p, o, _ in quads(parsed):
                union.add((s, p, o))  # type: ignore[arg-type]
            parsed = union
        assert isomorphic(parsed, merged), name


def _reopen_without_history(g: Graph, e: URIRef) -> None:
    """Say the event is active again without a step of its history saying so."""
    for p in (SDO.endTime, CRG.endedHow):
        g.remove((e, p, None))
    g.set((e, SDO.actionStatus, SDO.ActiveActionStatus))


# Each way an event can be wrong, and the SHACL component that must report it.
EVENT_BREAKS: dict[str, tuple[Callable[[Graph, URIRef], object], str]] = {
    "agent is no actor": (
        lambda g, e: g.set((e, SDO.agent, ENT_TIDECOIN)),
        "a BANNED event goes from",
    ),
    "two statuses": (
        lambda g, e: g.add((e, SDO.actionStatus, SDO.ActiveActionStatus)),
        "MaxCountConstraintComponent",
    ),
    "unknown status": (
        lambda g, e: g.set((e, SDO.actionStatus, SDO.FailedActionStatus)),
        "InConstraintComponent",
    ),
    "unknown ending": (
        lambda g, e: g.set((e, CRG.endedHow, Literal("forgotten"))),
        "InConstraintComponent",
    ),
    "date as a string": (
        lambda g, e: g.set((e, SDO.startTime, Literal("2021-09"))),
        "OrConstraintComponent",
    ),
    "ends before it began": (
        lambda g, e: g.set((e, SDO.endTime, Literal("2021-08", datatype=rdflib.XSD.gYearMonth))),
        "the event ends before it began",
    ),
    "active with an end": (
        lambda g, e: g.set((e, SDO.actionStatus, SDO.ActiveActionStatus)),
        "an active event has no end time",
    ),
    "status is not the last step's": (
        lambda g, e: _reopen_without_history(g, e),
        "the event's status is not its last step's",
    ),
    "triple not asserted": (
        lambda g, e: g.remove((ENT_AUTHORITY, CRG.banned, ENT_TIDECOIN)),
        "the event's direct triple is not asserted",
    ),
    "no history": (
        lambda g, e: g.remove((e, CRG.history, None)),
        "MinCountConstraintComponent",
    ),
    "wrong relation": (
        lambda g, e: g.set((e, CRG.predicate, CRG.fined)),
        "HasValueConstraintComponent",
    ),
    "money as text": (
        lambda g, e: g.add((e, SDO.amount, Literal("a lot"))),
        "ClassConstraintComponent",
    ),
}


def test_events_conform_and_each_break_of_one_is_reported() -> None:
    ban = _lifted_ban()
    conforms, _, text = validate(_graph_of(ban))
    assert conforms, text
    for name, (breaks, expected) in EVENT_BREAKS.items():
        g = _graph_of(ban)
        breaks(g, _event(ban))
        conforms, _, text = validate(g)
        assert not conforms, name
        assert expected in text, (name, text)


def test_a_fines_money_is_checked() -> None:
    fine = _fine("ev-00000000000000f1", "2023", 30e6, "USD", "n1")
    for value, expected in (
        ((SDO.value, Literal("thirty million")), "DatatypeConstraintComponent"),
        ((SDO.currency, Literal("dollars")), "PatternConstraintComponent"),
    ):
        g = _graph_of(fine)
        (m,) = set(g.objects(_event(fine), SDO.amount))
        g.set((m, *value))
        conforms, _, text = validate(g)
        assert not conforms
        assert expected in text


# --- events through the embedded store -----------------------------------------------------

CORAL = Entity(id="company:coral-wallet", type="Company", name="Coral Wallet")
_ENTITIES = [
    Entity(id=AUTHORITY.id, type=AUTHORITY.type, name=AUTHORITY.name),
    Entity(id=TIDECOIN.id, type=TIDECOIN.type, name=TIDECOIN.name),
    CORAL,
]


def _report(
    article: str,
    published: dt.date,
    rel_type: str,
    target: str,
    sentence: str,
    date: str | None,
    **properties: object,
) -> Extraction:
    return Extraction(
        article=Article(
            id=article, title=sentence, publisher="Ledger Tribune", published=published
        ),
        entities=_ENTITIES,
        relations=[
            Relation(
                type=rel_type,
                source=AUTHORITY.id,
                target=target,
                evidence=sentence,
                confidence=0.9,
                date=date,
                properties=properties,
            )
        ],
    )


def _tern_reports() -> list[Extraction]:
    """A ban and its lifting, two fines of the same pair, a licence granted then revoked."""
    tide, coral = TIDECOIN.id, CORAL.id
    return [
        _report("t1", dt.date(2021, 9, 20), REL.banned, tide,
                "The Harbour Authority banned Tidecoin in September 2021.", "2021-09"),
        _report("t2", dt.date(2023, 6, 2), REL.banned, tide,
                "The Harbour Authority lifted its 2021 ban on Tidecoin in June.", "2021",
                status=STATUS.ended, ended_how=ENDED.lifted, ended_on="2023-06"),
        _report("t3", dt.date(2021, 11, 5), REL.fined, tide,
                "The authority fined Tidecoin 2.5 million euros in 2021.", "2021",
                amount=2.5e6, currency="EUR"),
        _report("t4", dt.date(2024, 3, 1), REL.fined, tide,
                "Tidecoin was fined $4 million by the Harbour Authority on 1 March 2024.",
                "2024-03-01", amount=4e6, currency="USD"),
        _report("t5", dt.date(2019, 5, 14), REL.licensed, coral,
                "The Harbour Authority granted Coral Wallet a licence in May 2019.", "2019-05"),
        _report("t6", dt.date(2022, 11, 4), REL.licensed, coral,
                "The authority revoked Coral Wallet's licence on 3 November 2022.", None,
                status=STATUS.ended, ended_how=ENDED.revoked, ended_on="2022-11-03"),
    ]  # fmt: skip


def _events_by_class(g: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(e for e in g.subjects(RDF.type, cls) if isinstance(e, URIRef))


FINES_BY_CURRENCY = """
PREFIX crg: <https://w3id.org/cryptoreg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?currency (SUM(?value) AS ?total) WHERE {
  ?e a crg:FinedEvent ; schema:object ?target ;
     schema:amount [ schema:value ?value ; schema:currency ?currency ] .
} GROUP BY ?currency"""


def test_stored_events_export_in_every_format_and_conform(embedded: GraphStore) -> None:
    for extraction in _tern_reports():
        embedded.upsert(extraction)
    merged = parse(export_bytes(embedded, "ntriples"), "ntriples")
    for fmt in ("turtle", "jsonld"):
        assert isomorphic(parse(export_bytes(embedded, fmt), fmt), merged), fmt
    assert quads(parse(export_bytes(embedded, "trig"), "trig")) == quads(
        parse(export_bytes(embedded, "nquads"), "nquads")
    )
    conforms, _, text = validate(merged)
    assert conforms, text

    (ban,) = _events_by_class(merged, CRG.BannedEvent)
    assert merged.value(ban, SDO.actionStatus) == SDO.CompletedActionStatus
    assert merged.value(ban, SDO.startTime) == Literal("2021-09", datatype=rdflib.XSD.gYearMonth)
    assert merged.value(ban, SDO.endTime) == Literal("2023-06", datatype=rdflib.XSD.gYearMonth)
    assert set(merged.objects(ban, PROV.wasDerivedFrom)) == {_article("t1"), _article("t2")}
    (licence,) = _events_by_class(merged, CRG.LicensedEvent)
    assert merged.value(licence, CRG.endedHow) == Literal(ENDED.revoked)
    assert merged.value(licence, SDO.endTime) == Literal("2022-11-03", datatype=rdflib.XSD.date)
    fines = _events_by_class(merged, CRG.FinedEvent)
    assert len(fines) == 2  # two amounts, two years: two events of one pair
    assert all(merged.value(f, SDO.actionStatus) == SDO.ActiveActionStatus for f in fines)
    totals = {str(r[0]): r[1].toPython() for r in merged.query(FINES_BY_CURRENCY)}  # type: ignore[index,union-attr]
    assert totals == {"EUR": Decimal("2500000.0"), "USD": Decimal("4000000.0")}


def test_event_iris_do_not_depend_on_the_order_of_ingestion(tmp_path: Path) -> None:
    from graph.store.embedded.store import EmbeddedStore

    graphs = []
    for name, reports in (("forward", _tern_reports()), ("backward", _tern_reports()[::-1])):
        store = EmbeddedStore(tmp_path / name)
        try:
            for extraction in reports:
                store.upsert(extraction)
            store.upsert(reports[0])  # re-ingesting changes nothing
            graphs.append(parse(export_bytes(store, "ntriples"), "ntriples"))
        finally:
            store.close()
    forward, backward = graphs
    events = set(forward.subjects(RDF.type, SDO.Action))
    assert len(events) == 4
    assert events == set(backward.subjects(RDF.type, SDO.Action))
    assert isomorphic(forward, backward)


def test_retracting_the_ending_makes_the_event_active_again(embedded: GraphStore) -> None:
    for extraction in _tern_reports():
        embedded.upsert(extraction)
    embedded.retract("t2")
    g = parse(export_bytes(embedded, "turtle"), "turtle")
    (ban,) = _events_by_class(g, CRG.BannedEvent)
    assert g.value(ban, SDO.actionStatus) == SDO.ActiveActionStatus
    assert (ban, SDO.endTime, None) not in g and (ban, CRG.endedHow, None) not in g
    assert set(g.objects(ban, PROV.wasDerivedFrom)) == {_article("t1")}
    assert len(set(g.objects(ban, CRG.history))) == 1
    conforms, _, text = validate(g)
    assert conforms, text
