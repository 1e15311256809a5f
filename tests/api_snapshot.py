"""Record and replay the API's answers on the shipped examples (the refactoring guard).

`snapshot_responses()` ingests `examples/` into a fresh embedded store, asks every route
of `/openapi.json` with typical parameters (the named queries with their own `example`
headers) and returns the answers, normalised where they depend on the day or the
machine. `tests/test_api_snapshot.py` compares them with `tests/data/api_snapshot.json`;
`python tests/api_snapshot.py` writes that file anew (only when a change to the API's
answers is intended).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from rich.console import Console

from api.app import create_app
from graph.settings import Settings
from ingest.pipeline import ingest_paths

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT_FILE = ROOT / "tests" / "data" / "api_snapshot.json"
KEY = "snapshot-key"
ENTITY = "exchange:binance"
OTHER = "regulator:us-sec"

# (method, path, query parameters or JSON body): typical calls, one or more per route.
GET_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("/ping", {}),
    ("/health", {}),
    ("/stats", {}),
    ("/entities", {}),
    ("/entities", {"q": "binance"}),
    ("/entities", {"q": "SEC", "limit": 5}),
    ("/entities", {"type": "Exchange", "limit": 50}),
    ("/entities", {"jurisdiction": "Nigeria"}),
    ("/entities", {"q": "SEC", "jurisdiction": "Nigeria"}),
    ("/entities", {"limit": 3, "offset": 2}),
    (f"/entities/{ENTITY}", {}),
    ("/entities/exchange:no-such-thing", {}),
    (f"/entities/{ENTITY}/relations", {}),
    (f"/entities/{ENTITY}/relations", {"direction": "in"}),
    (f"/entities/{ENTITY}/neighborhood", {}),
    (f"/entities/{ENTITY}/neighborhood", {"depth": 2}),
    ("/paths", {"from": ENTITY, "to": "jurisdiction:china"}),
    ("/paths", {"from": ENTITY, "to": "jurisdiction:nigeria", "max_length": 3}),
    ("/actions", {}),
    ("/actions", {"jurisdiction": "Nigeria"}),
    ("/actions", {"target": ENTITY, "since": "2020-01-01"}),
    ("/actions", {"limit": 2, "offset": 1}),
    ("/actions", {"since": "2023-01-01", "until": "2020-01-01"}),
    ("/actions", {"in_force_on": "2024-06-30", "status": "active"}),
    ("/actions", {"status": "ended"}),
    ("/actions", {"include_unreviewed": "true"}),
    (f"/entities/{ENTITY}/neighborhood", {"include_unreviewed": "true"}),
    ("/review", {}),
    ("/review", {"state": "all", "type": "SUED", "limit": 2}),
    ("/review", {"state": "doubtful"}),
    (f"/entities/{ENTITY}/in-force", {"on": "2024-06-30"}),
    (f"/entities/{ENTITY}/fines", {}),
    (f"/entities/{ENTITY}/explain", {}),
    ("/judgements", {}),
    (
        "/history",
        {"actor": "governmentbody:u-s-department-of-justice", "target": ENTITY},
    ),
    ("/articles", {}),
    ("/changes", {}),
    ("/changes", {"entity": ENTITY, "limit": 2}),
    ("/changes", {"jurisdiction": "jurisdiction:china", "action_type": "BANNED"}),
    ("/changes", {"since": 6}),
    ("/changes", {"since": "soon"}),
    ("/changes.atom", {"entity": ENTITY}),
    ("/changes/1", {}),
    ("/actions", {"changed_since": "2024-01-01"}),
    ("/queries", {}),
    ("/analytics/central", {}),
    ("/analytics/central", {"limit": 3}),
    ("/analytics/most-acted-against", {}),
    ("/analytics/most-acted-against", {"include_unnamed": "true"}),
    ("/analytics/communities", {}),
    ("/export", {"format": "nquads"}),
    ("/export", {"format": "turtle"}),
    (f"/id/{ENTITY}", {}),
    ("/ui/vocabulary.json", {}),
    ("/openapi.json", {}),
    ("/openapi-3.0.json", {}),
    ("/docs", {}),
    ("/neo4j/style.grass", {}),
]

_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")


def _normalise(text: str) -> str:
    """Blank what depends on the day and the folder the snapshot is taken in, not on the code."""
    text = _TIMESTAMP.sub("<timestamp>", text).replace(str(ROOT), "<root>")
    return text.replace(dt.date.today().isoformat(), "<today>")


def _answer(response: Any) -> dict[str, Any]:
    ctype = response.headers.get("content-type", "").split(";")[0]
    body: Any
    if "json" in ctype:
        body = json.loads(_normalise(response.text))
    else:
        body = _normalise(response.text)
        if ctype in ("application/n-quads", "application/n-triples"):
            body = sorted(body.splitlines())
    return {"status": response.status_code, "content_type": ctype, "body": body}


def snapshot_responses(data_dir: Path) -> dict[str, Any]:
    """Every recorded call's normalised answer, keyed by 'METHOD path?query'."""
    settings = Settings(CRYPTOREG_DATA_DIR=data_dir, CRYPTOREG_API_KEY=KEY)
    ingest_paths([str(ROOT / "examples")], settings=settings, console=Console(quiet=True))
    out: dict[str, Any] = {}
    with TestClient(create_app(settings)) as client:
        for path, params in GET_CALLS:
            key = "GET " + path + ("?" + json.dumps(params, sort_keys=True) if params else "")
            out[key] = _answer(client.get(path, params=params))
        for query in client.get("/queries").json():
            name, example = query["name"], query["example"]
            out[f"POST /queries/{name}"] = _answer(client.post(f"/queries/{name}", json=example))
        out["POST /queries/no_such_query"] = _answer(client.post("/queries/no_such_query", json={}))
        article = {"title": "Snapshot", "text": "The SEC sued Binance in June 2023."}
        out["POST /articles (no key)"] = _answer(client.post("/articles", json=article))
        out["POST /articles"] = _answer(
            client.post("/articles", json=article, headers={"X-API-Key": KEY})
        )
        first = client.get("/articles").json()["items"][0]["id"]
        out["GET /articles/{first}"] = _answer(client.get(f"/articles/{first}"))
        out["DELETE /articles/{first}"] = _answer(
            client.delete(f"/articles/{first}", headers={"X-API-Key": KEY})
        )
        out["GET /stats (after delete)"] = _answer(client.get("/stats"))
        first, second = (i["event_id"] for i in client.get("/review").json()["items"][:2])
        auth = {"X-API-Key": KEY}
        review = "/review/{event_id}"
        out[f"POST {review}/accept (no key)"] = _answer(client.post(f"/review/{first}/accept"))
        out[f"POST {review}/accept"] = _answer(
            client.post(f"/review/{first}/accept", params={"note": "checked"}, headers=auth)
        )
        out[f"POST {review}/reject"] = _answer(
            client.post(f"/review/{second}/reject", headers=auth)
        )
        out["GET /review?state=all (after decisions)"] = _answer(
            client.get("/review", params={"state": "all"})
        )
        out[f"DELETE {review}"] = _answer(client.delete(f"/review/{second}", headers=auth))
        out[f"DELETE {review} (none)"] = _answer(client.delete(f"/review/{second}", headers=auth))
        _judgements(client, out)
    return out


def _judgements(client: TestClient, out: dict[str, Any]) -> None:
    """A merge over HTTP, refused without the key, explained, listed and undone."""
    auth = {"X-API-Key": KEY}
    merge = {"kind": "merge", "entity": "exchange:bam-trading", "other": "exchange:binance-us"}
    out["POST /judgements (no key)"] = _answer(client.post("/judgements", json=merge))
    out["POST /judgements"] = _answer(client.post("/judgements", json=merge, headers=auth))
    out["GET /judgements (after merge)"] = _answer(client.get("/judgements"))
    explain = "/entities/exchange:binance-us/explain"
    out["GET explain (after merge)"] = _answer(client.get(explain))
    out["DELETE /judgements/1"] = _answer(client.delete("/judgements/1", headers=auth))
    out["DELETE /judgements/1 (again)"] = _answer(client.delete("/judgements/1", headers=auth))
    out["GET explain (after undo)"] = _answer(client.get("/entities/exchange:bam-trading/explain"))


def covered_routes() -> set[tuple[str, str]]:
    """The (method, path template) pairs the recorded calls exercise."""
    routes = {("GET", re.sub(r"exchange:[\w-]+", "{entity_id}", p)) for p, _ in GET_CALLS}
    routes |= {("POST", "/queries/{name}"), ("POST", "/articles"), ("GET", "/changes/{seq}")}
    routes |= {("GET", "/articles/{article_id}"), ("DELETE", "/articles/{article_id}")}
    routes |= {("POST", "/review/{event_id}/accept"), ("POST", "/review/{event_id}/reject")}
    routes |= {("DELETE", "/review/{event_id}")}
    routes |= {("POST", "/judgements"), ("DELETE", "/judgements/{judgement_id}")}
    return routes


if __name__ == "__main__":
    import os
    import tempfile

    # the test client's Host, trusted as pytest trusts it (pyproject.toml [tool.pytest] env)
    os.environ.setdefault("CRYPTOREG_ALLOWED_HOSTS", '["testserver"]')

    with tempfile.TemporaryDirectory() as tmp:
        answers = snapshot_responses(Path(tmp) / "data")
    SNAPSHOT_FILE.write_text(
        json.dumps(answers, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(answers)} answers to {SNAPSHOT_FILE}")
