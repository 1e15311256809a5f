"""The change feed over HTTP and the CLI (both stores), and unknown query parameters
refused (422) on every route."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import load_all
from fastapi.testclient import TestClient
from test_api import ARTICLE, KEY, assert_problem, settings_with
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.models import Extraction
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.protocol import GraphStore

BINANCE, CHINA = "exchange:binance", "jurisdiction:china"


@pytest.fixture
def client(loaded_store: GraphStore) -> Iterator[TestClient]:
    with TestClient(create_app(settings_with(), store=loaded_store)) as c:
        yield c


def names(change: dict[str, Any]) -> set[str]:
    ids = {e["entity"]["id"] for e in change["entities"]}
    for f in change["facts"]:
        ids |= {f["source"]["id"], f["target"]["id"]}
    return ids


def test_polling_with_next_gets_every_change_once(client: TestClient) -> None:
    everything = client.get("/changes").json()
    assert [c["seq"] for c in everything["items"]] == list(range(1, 16))  # 15 gold articles
    assert everything["next"] == 15
    seen, since = [], 0
    while True:
        page = client.get("/changes", params={"since": since, "limit": 4}).json()
        seen += [c["seq"] for c in page["items"]]
        if page["next"] == since:
            break
        since = page["next"]
    assert seen == list(range(1, 16))
    posted = {**ARTICLE, "id": "api-feed-1"}
    assert client.post("/articles", json=posted, headers={"X-API-Key": KEY}).status_code == 200
    (new,) = client.get("/changes", params={"since": since}).json()["items"]
    assert (new["seq"], new["kind"], new["article_id"]) == (16, "article_upserted", "api-feed-1")
    client.delete("/articles/api-feed-1", headers={"X-API-Key": KEY})
    (gone,) = client.get("/changes", params={"since": 16}).json()["items"]
    assert gone["kind"] == "article_retracted"
    assert {e["change"] for e in gone["entities"]} <= {"removed", "changed"}
    assert client.get("/changes/16").json() == new


def test_filters_keep_exactly_the_changes_that_match(client: TestClient) -> None:
    every = client.get("/changes").json()["items"]
    about = client.get("/changes", params={"entity": BINANCE}).json()["items"]
    assert about and about == [c for c in every if BINANCE in names(c)]
    fines = client.get("/changes", params={"action_type": "FINED"}).json()["items"]
    assert fines and fines == [c for c in every if any(f["type"] == "FINED" for f in c["facts"])]
    # "all actions in China": the changes with an action the /actions timeline places there
    in_china = client.get("/changes", params={"jurisdiction": CHINA}).json()["items"]
    events = {
        a["event_id"]
        for a in client.get("/actions", params={"jurisdiction": CHINA, "limit": 100}).json()[
            "items"
        ]
    }
    assert in_china == [c for c in every if events & {f["event_id"] for f in c["facts"]}]
    first = every[0]["at"]
    assert len(client.get("/changes", params={"since": first}).json()["items"]) == 15
    assert client.get("/changes", params={"since": "2999-01-01"}).json()["items"] == []


def test_the_atom_feed_is_newest_first_and_links_each_change(client: TestClient) -> None:
    response = client.get("/changes.atom", params={"entity": BINANCE, "limit": 3})
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert BINANCE in feed.feed.title
    about = client.get("/changes", params={"entity": BINANCE}).json()["items"]
    newest = [c["seq"] for c in reversed(about)][:3]
    assert [int(e.id.rsplit("/", 1)[1]) for e in feed.entries] == newest
    entry = feed.entries[0]
    change = client.get(entry.link.replace("http://testserver", "")).json()
    assert change["seq"] == newest[0] and change["title"] in entry.title
    for fact in change["facts"]:
        assert fact["target"]["name"] in entry.summary
    every = feedparser.parse(client.get("/changes.atom").content)
    assert len(every.entries) == 15 and every.feed.id.endswith("/changes.atom")


def test_bad_feed_parameters_are_problems(client: TestClient) -> None:
    for params in ({"since": "-1"}, {"since": "soon"}, {"action_type": "LOCATED_IN"}, {"limit": 0}):
        assert_problem(client.get("/changes", params=params), 422)
        assert_problem(client.get("/changes.atom", params=params), 422)
    assert_problem(client.get("/changes/0"), 422)
    assert_problem(client.get("/changes/9999"), 404)


def _example_path(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path.replace("{entity_id}", BINANCE))


def test_every_route_refuses_an_unknown_query_parameter(tmp_path: Path) -> None:
    """One app-level check: every operation of the OpenAPI document answers 422 naming
    the parameter it does not take, before anything else (keys, bodies, lookups)."""
    store = EmbeddedStore(tmp_path / "data")
    try:
        with TestClient(create_app(settings_with(), store=store)) as c:
            operations = [
                (method, path)
                for path, ops in c.get("/openapi.json").json()["paths"].items()
                for method in ops
            ]
            assert len(operations) > 20
            for method, path in operations:
                response = c.request(method, _example_path(path), params={"jurisdicton": "x"})
                body = assert_problem(response, 422)
                assert "jurisdicton" in body["detail"], (method, path, body)
                assert body["errors"][0]["loc"] == ["query", "jurisdicton"]
            # known parameters still pass, and the pages and assets take any query
            assert c.get("/actions", params={"type": "BANNED"}).status_code == 200
            for page in ("/docs", "/openapi.json", "/ui/", "/ui/js/app.js", "/ui/vocabulary.json"):
                assert c.get(page, params={"v": "2"}).status_code == 200, page
    finally:
        store.close()


def test_changed_since_on_actions_is_no_longer_ignored(client: TestClient) -> None:
    body = assert_problem(client.get("/actions", params={"changed_since": "2024-01-01"}), 422)
    assert "changed_since" in body["detail"] and "since" in body["detail"]


def test_cli_changes(
    embedded: EmbeddedStore,
    seed_gold: list[Extraction],
    dev_gold: list[Extraction],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The CLI's changes are the store's (the embedded store is enough: the command only
    formats what `changes` returns)."""
    load_all(embedded, seed_gold + dev_gold)
    monkeypatch.setenv("CRYPTOREG_STORE", "embedded")
    monkeypatch.setenv("CRYPTOREG_DATA_DIR", str(embedded.data_dir))
    monkeypatch.setattr("api.cli.get_settings", load_settings)
    run = CliRunner().invoke
    shown = run(cli, ["changes", "--entity", BINANCE, "--json"])
    assert shown.exit_code == 0, shown.output
    page = json.loads(shown.output)
    assert page == embedded.changes(entity=BINANCE).model_dump(mode="json")
    assert page["changes"] and all(BINANCE in names(c) for c in page["changes"])
    table = run(cli, ["changes", "--since", "14"])
    assert table.exit_code == 0 and "next: --since 15" in table.output
    bad = run(cli, ["changes", "--since", "soon"])
    assert bad.exit_code == 1 and "since" in bad.output
