"""The API's documentation: offline Swagger UI, and an example for every endpoint."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = EmbeddedStore(Path(tmp_path_factory.mktemp("docs")))
    with TestClient(create_app(load_settings(), store=store)) as c:
        yield c
    store.close()


def test_docs_reference_only_local_assets(client: TestClient) -> None:
    html = client.get("/docs").text
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)""", html)
    urls += re.findall(r"""url:\s*['"]([^'"]+)""", html)
    assert urls, html
    assert not [u for u in urls if "//" in u], urls
    assert "cdn" not in html.lower()
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_redoc_is_off(client: TestClient) -> None:
    assert client.get("/redoc").status_code == 404


def test_swagger_reads_an_openapi_30_copy(client: TestClient) -> None:
    doc = client.get("/openapi-3.0.json").json()
    assert doc["openapi"].startswith("3.0.")
    text = str(doc)
    assert "'null'" not in text and "'const'" not in text
    assert set(doc["paths"]) == set(client.get("/openapi.json").json()["paths"])


def _operations(doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in doc["paths"].items():
        for method, op in item.items():
            yield path, method, op


def test_every_endpoint_is_described_with_examples(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert doc["info"]["description"]
    for path, method, op in _operations(doc):
        where = f"{method.upper()} {path}"
        assert op.get("summary") and op.get("description"), where
        ok = op["responses"].get("200", {}).get("content", {})
        assert any("example" in media or "examples" in media for media in ok.values()), where
        for param in op.get("parameters", []):
            if param.get("required"):
                assert param.get("examples") or param["schema"].get("examples"), (where, param)


def test_problem_responses_are_documented(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    assert "Problem" in doc["components"]["schemas"]
    for path, method, op in _operations(doc):
        if path.startswith(("/ping", "/queries")) and method == "get":
            continue
        assert "503" in op["responses"] or path.startswith(("/export", "/id")), (method, path)


def test_questions_over_time_are_documented(client: TestClient) -> None:
    doc = client.get("/openapi.json").json()
    schemas = doc["components"]["schemas"]
    fact = schemas["Fact"]["properties"]
    for field in ("event_id", "status", "ended_how", "ended_on", "in_force_from", "history"):
        assert field in fact, field
    assert {"type": "string"} in fact["date"]["anyOf"]  # partial text, not a date
    actions = {p["name"]: p for p in doc["paths"]["/actions"]["get"]["parameters"]}
    assert "in_force_on" in actions and "today" in actions["in_force_on"]["description"]
    status = actions["status"]["schema"]["anyOf"][0]["$ref"].rsplit("/", 1)[-1]
    assert schemas[status]["enum"] == ["active", "ended"]
    for path, model in [
        ("/entities/{entity_id}/in-force", "InForce"),
        ("/entities/{entity_id}/fines", "EntityFines"),
        ("/history", "PairHistory"),
    ]:
        ok = doc["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"]["$ref"].endswith(f"/{model}"), path
    assert {"currency", "total", "fines"} <= set(schemas["CurrencyTotal"]["properties"])
