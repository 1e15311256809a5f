"""`GET /export`, `GET /id/{id}` content negotiation, and the CLI's `export`, on both stores."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from api.routers.export import negotiate
from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import ENDED, REL, STATUS, TYPE
from graph.rdf.export import FORMATS
from graph.rdf.namespaces import CRG
from graph.rdf.shapes import validate
from graph.settings import Settings
from graph.store.protocol import GraphStore

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def client(loaded_store: GraphStore, settings: Settings) -> Iterator[TestClient]:
    from api.app import create_app

    with TestClient(create_app(settings, store=loaded_store)) as c:
        yield c


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_streams_each_format_with_its_media_type(client: TestClient, fmt: str) -> None:
    rdf_format = FORMATS[fmt]
    resp = client.get("/export", params={"format": fmt})
    assert resp.status_code == 200
    assert resp.headers["content-type"].split(";")[0] == rdf_format.media_type
    graph: Graph = Dataset() if rdf_format.quads else Graph()
    graph.parse(data=resp.content, format=rdf_format.rdflib_name)
    okx = URIRef(client.app.state.settings.base_iri + "exchange:okx")  # type: ignore[attr-defined]
    assert (okx, SKOS.prefLabel, Literal("OKX")) in graph


@pytest.mark.parametrize("bad", ["xml", "TURTLE", "", "n3"])
def test_export_refuses_unknown_formats_as_problem(client: TestClient, bad: str) -> None:
    resp = client.get("/export", params={"format": bad})
    assert resp.status_code == 422
    assert resp.headers["content-type"] == "application/problem+json"
    assert resp.json()["status"] == 422


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/turtle", "text/turtle"),
        ("application/ld+json", "application/ld+json"),
        ("application/n-triples", "application/n-triples"),
        ("application/json, text/turtle;q=0.5", "application/json"),
        ("text/turtle;q=0.9, application/ld+json", "application/ld+json"),
    ],
)
def test_id_negotiates_rdf_or_json(client: TestClient, accept: str, media: str) -> None:
    resp = client.get("/id/exchange:okx", headers={"Accept": accept})
    assert resp.status_code == 200
    assert resp.headers["content-type"].split(";")[0] == media
    assert "Accept" in resp.headers["vary"]
    if media == "application/json":
        assert resp.json() == client.get("/entities/exchange:okx").json()
        return
    graph = Graph().parse(data=resp.content, format=FORMATS[_name(media)].rdflib_name)
    base = client.app.state.settings.base_iri  # type: ignore[attr-defined]
    okx = URIRef(base + "exchange:okx")
    assert (okx, CRG.headquarteredIn, URIRef(base + "jurisdiction:seychelles")) in graph
    referrer = URIRef(base + "court:peoples-court-of-chaoyang-district")
    assert (okx, CRG.referredBy, referrer) in graph  # a fact out, and its statement
    assert set(graph.subjects(CRG.subject, okx))
    assert (referrer, SKOS.prefLabel, None) in graph  # the neighbour's label


def _name(media: str) -> str:
    return next(f.name for f in FORMATS.values() if f.media_type == media)


@pytest.mark.parametrize("accept", ["text/html,application/xhtml+xml,*/*;q=0.8", "*/*", None])
def test_id_gives_browsers_and_defaults_the_entity_json(
    client: TestClient, accept: str | None
) -> None:
    headers = {"Accept": accept} if accept else {}
    resp = client.get("/id/exchange:okx", headers=headers)
    assert resp.status_code == 200
    assert resp.json()["id"] == "exchange:okx"


@pytest.mark.parametrize("accept", ["text/turtle", "application/json"])
def test_id_of_unknown_entity_is_404_problem(client: TestClient, accept: str) -> None:
    resp = client.get("/id/exchange:nope", headers={"Accept": accept})
    assert resp.status_code == 404
    assert resp.headers["content-type"] == "application/problem+json"


def test_negotiation_rules() -> None:
    assert negotiate(None) == "application/json"
    assert negotiate("image/png") == "application/json"
    assert negotiate("text/*") == "text/turtle"
    assert negotiate("application/n-quads;q=0.2, text/turtle;q=0") == "application/n-quads"
    assert negotiate("text/turtle;q=bogus, application/trig") == "application/trig"


def _cli(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRYPTOREG_STORE": "embedded", "CRYPTOREG_DATA_DIR": str(data_dir)}
    cli = Path(sys.executable).with_name("cryptoreg")
    return subprocess.run(
        [str(cli), *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120
    )


def test_cli_refuses_a_bad_format_without_traceback(tmp_path: Path) -> None:
    result = _cli("export", "--format", "xml", data_dir=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "xml" in result.stderr


def test_cli_exports_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "graph.nq"
    result = _cli("export", "--format", "nquads", "-o", str(out), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert out.exists()


# --- action events over HTTP, on own articles in the embedded store ----------------------

SDO = Namespace("https://schema.org/")
HARBOUR, TIDE = "regulator:harbour-authority", "exchange:tidecoin"


def _tern(
    article: str, day: dt.date, rel: str, sentence: str, date: str, **props: object
) -> Extraction:
    return Extraction(
        article=Article(id=article, title=sentence, published=day),
        entities=[
            Entity(id=HARBOUR, type=TYPE.regulator, name="Harbour Authority"),
            Entity(id=TIDE, type=TYPE.exchange, name="Tidecoin"),
        ],
        relations=[
            Relation(
                type=rel,
                source=HARBOUR,
                target=TIDE,
                evidence=sentence,
                date=date,
                properties=props,
            )
        ],
    )


@pytest.fixture
def tern_client(embedded: GraphStore, settings: Settings) -> Iterator[TestClient]:
    """The API over a ban (2021-09), its lifting (2023-06) and a fine in euros."""
    from api.app import create_app

    for extraction in (
        _tern("u1", dt.date(2021, 9, 20), REL.banned, "The authority banned Tidecoin.", "2021-09"),
        _tern("u2", dt.date(2023, 6, 2), REL.banned, "It lifted the 2021 Tidecoin ban.", "2021",
              status=STATUS.ended, ended_how=ENDED.lifted, ended_on="2023-06"),
        _tern("u3", dt.date(2022, 2, 1), REL.fined, "It fined Tidecoin EUR 75,000.", "2022-01",
              amount=75000.0, currency="EUR"),
    ):  # fmt: skip
        embedded.upsert(extraction)
    with TestClient(create_app(settings, store=embedded)) as c:
        yield c


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_carries_the_events_and_conforms(tern_client: TestClient, fmt: str) -> None:
    rdf_format = FORMATS[fmt]
    resp = tern_client.get("/export", params={"format": fmt})
    assert resp.status_code == 200
    graph: Graph = Dataset() if rdf_format.quads else Graph()
    graph.parse(data=resp.content, format=rdf_format.rdflib_name)
    merged = Graph()
    if isinstance(graph, Dataset):
        for s, p, o, _ in graph.quads((None, None, None, None)):
            merged.add((s, p, o))
    else:
        merged += graph
    (ban,) = set(merged.subjects(RDF.type, CRG.BannedEvent))
    (fine,) = set(merged.subjects(RDF.type, CRG.FinedEvent))
    assert merged.value(ban, SDO.actionStatus) == SDO.CompletedActionStatus
    assert merged.value(ban, SDO.endTime) == Literal("2023-06", datatype=rdflib.XSD.gYearMonth)
    assert merged.value(fine, SDO.startTime) == Literal("2022-01", datatype=rdflib.XSD.gYearMonth)
    money = merged.value(fine, SDO.amount)
    assert merged.value(money, SDO.currency) == Literal("EUR")
    conforms, _, text = validate(merged)
    assert conforms, text


def test_id_describes_the_entitys_events(tern_client: TestClient) -> None:
    resp = tern_client.get(f"/id/{TIDE}", headers={"Accept": "text/turtle"})
    assert resp.status_code == 200
    graph = Graph().parse(data=resp.content, format="turtle")
    base = tern_client.app.state.settings.base_iri  # type: ignore[attr-defined]
    events = set(graph.subjects(SDO.object, URIRef(base + TIDE)))
    assert {graph.value(e, CRG.predicate) for e in events} == {CRG.banned, CRG.fined}
    for e in events:
        assert set(graph.objects(e, CRG.history))  # each with its status history
