"""Fast, honest failure (issue 17, point 5): Neo4j down, unreachable or frozen.

* With nothing on the port, something that accepts connections and never answers, a
  server that is stopped, or one that is frozen (SIGSTOP) with connections open, GET
  /health answers within 2 s and every other request fails within 5 s, each with a 503
  problem+json, alone and 32 at a time.
* The driver's timeouts come from the settings (NEO4J_*_TIMEOUT, NEO4J_*_RETRY_TIME).
* `cryptoreg ingest` against a server that stops mid-batch names the articles written
  before the outage (checked against the server once it is back), and those of the
  transaction that failed (a batch of articles: all stored or none), and exits non-zero.

The server tests run a SECOND server of their own (a temporary folder, free ports, the
jars of the project's server by symlink, a password generated on its first start) and
stop it; the project's server on 7687 is never touched.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from neo4j import GraphDatabase

from api.app import create_app
from graph.errors import ConfigError, StoreUnavailableError
from graph.neo4j_server.jars import lib_dir
from graph.neo4j_server.server import running_pid, start, status, stop
from graph.settings import Neo4jTimeouts, Settings, load_settings
from graph.store.neo4j.store import LIVENESS_CHECK_S, Neo4jStore

HEALTH_S = 2.0
REQUEST_S = 5.0
PATHS = ["/stats", "/entities?q=binance", "/entities/exchange:binance", "/actions", "/articles"]
CLI = [sys.executable, "-m", "api.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _silent_listener() -> Iterator[int]:
    """A port that accepts TCP connections and never says a word (a hung or cut-off server)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(128)
    held: list[socket.socket] = []

    def accept() -> None:
        while True:
            try:
                held.append(server.accept()[0])
            except OSError:
                return

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield int(server.getsockname()[1])
    finally:
        server.close()
        for conn in held:
            conn.close()


def _timed(client: TestClient, path: str) -> tuple[int, float, str, dict[str, object]]:
    began = time.monotonic()
    response = client.get(path)
    took = time.monotonic() - began
    body = response.json() if response.content else {}
    return response.status_code, took, response.headers.get("content-type", ""), body


def assert_fails_fast(client: TestClient) -> None:
    """/health within 2 s, the rest within 5 s, all 503 problems; then 32 at once."""
    for path in ["/health", *PATHS, "/health"]:
        code, took, media, body = _timed(client, path)
        limit = HEALTH_S if path == "/health" else REQUEST_S
        assert code == 503, (path, code, body)
        assert media == "application/problem+json", path
        assert body["title"] == "Store unavailable", body
        assert took < limit, f"{path} took {took:.2f} s (limit {limit} s)"
    with ThreadPoolExecutor(32) as pool:
        results = list(pool.map(lambda p: _timed(client, p), ["/health", *PATHS] * 6))
    assert {r[0] for r in results} == {503}
    slowest = max(r[1] for r in results)
    assert slowest < REQUEST_S, f"under load the slowest 503 took {slowest:.2f} s"


def _neo4j_app(uri: str, **overrides: object) -> TestClient:
    return TestClient(create_app(load_settings(store="neo4j", neo4j_uri=uri, **overrides)))


# -- no server needed -----------------------------------------------------------------------


def test_nothing_listening_fails_fast() -> None:
    with _neo4j_app(f"bolt://127.0.0.1:{_free_port()}") as client:
        assert_fails_fast(client)
        assert "not reachable" in str(client.get("/health").json()["detail"])


def test_a_port_that_never_answers_fails_fast() -> None:
    """Before: 10 s per request (5 s connection timeout, twice), /health too."""
    with _silent_listener() as port, _neo4j_app(f"bolt://127.0.0.1:{port}") as client:
        time.sleep(1.1)  # past the remembered failure of the start-up open: really try
        assert_fails_fast(client)


def test_the_driver_timeouts_come_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_CONNECTION_TIMEOUT", "0.25")
    monkeypatch.setenv("NEO4J_ACQUISITION_TIMEOUT", "0.5")
    monkeypatch.setenv("NEO4J_PING_TIMEOUT", "0.75")
    monkeypatch.setenv("NEO4J_READ_RETRY_TIME", "0")
    monkeypatch.setenv("NEO4J_WRITE_RETRY_TIME", "4")
    timeouts = load_settings().neo4j_timeouts()
    assert timeouts == Neo4jTimeouts(
        connection=0.25, acquisition=0.5, ping=0.75, read_retry=0.0, write_retry=4.0
    )
    with _silent_listener() as port:
        for budget in (0.5, 1.5):
            began = time.monotonic()
            with pytest.raises(StoreUnavailableError):
                Neo4jStore(
                    f"bolt://127.0.0.1:{port}",
                    "neo4j",
                    "any-password",
                    timeouts=Neo4jTimeouts(connection=budget, acquisition=budget),
                )
            took = time.monotonic() - began
            assert budget * 0.8 < took < budget + 1.0, (budget, took)
    monkeypatch.setenv("NEO4J_ACQUISITION_TIMEOUT", "0.1")
    with pytest.raises(ConfigError, match="NEO4J_ACQUISITION_TIMEOUT"):
        load_settings()


# -- a second server of our own -------------------------------------------------------------


@pytest.fixture(scope="module")
def second(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A throwaway Neo4j in a temporary folder with no password configured; stopped at the end."""
    shared = load_settings()
    if shared.skip_neo4j:
        pytest.skip("CRYPTOREG_SKIP_NEO4J=1: Neo4j tests skipped by the developer's choice")
    home = tmp_path_factory.mktemp("outage") / "neo4j"
    home.mkdir()
    lib_dir(home).symlink_to(lib_dir(shared.neo4j_home), target_is_directory=True)
    bolt = _free_port()
    env = {
        "NEO4J_HOME": str(home),
        "NEO4J_BOLT_PORT": str(bolt),
        "NEO4J_HTTP_PORT": str(_free_port()),
        "NEO4J_URI": f"bolt://127.0.0.1:{bolt}",
        "NEO4J_HEAP": "256m",
        "NEO4J_PAGECACHE": "32m",
        "CRYPTOREG_STORE": "neo4j",
    }
    with pytest.MonkeyPatch.context() as mp:
        for name in ("NEO4J_PASSWORD", "CRYPTOREG_NEO4J_PASSWORD"):
            mp.delenv(name, raising=False)
        for name, value in env.items():
            mp.setenv(name, value)
        settings = load_settings()
        assert settings.neo4j_password_origin == "none"
        try:
            start(settings)
            yield load_settings()  # now with the generated password
        finally:
            stop(settings)


def _up(settings: Settings) -> Settings:
    start(settings)
    return load_settings()


@pytest.mark.neo4j
def test_first_start_generated_a_password_kept_0600_that_everything_uses(
    second: Settings,
) -> None:
    """Point 6: no configured password, so `start` made one, kept beside the data."""
    path = second.neo4j_password_file
    assert path.parent == second.neo4j_home / "data"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert second.neo4j_password_origin == "stored"
    assert second.neo4j_password == path.read_text().strip() != "cryptoreg-local"
    running, message = status(second)
    assert running and str(path) in message
    auth = (second.neo4j_user, second.neo4j_password)
    with GraphDatabase.driver(second.neo4j_uri, auth=auth) as driver:
        driver.verify_connectivity()
    for guess in ("cryptoreg-local", "neo4j", "password"):
        with GraphDatabase.driver(second.neo4j_uri, auth=("neo4j", guess)) as driver:
            with pytest.raises(Exception, match="(?i)auth|unauthorized|credentials"):
                driver.verify_connectivity()


def _article_files(folder: Path, files: int, per_file: int) -> list[Path]:
    """JSON Lines files of numbered articles (out-0000, out-0001, ... across the files)."""
    paths = []
    for f in range(files):
        path = folder / f"batch-{f}.jsonl"
        with path.open("w") as fh:
            for i in range(f * per_file, (f + 1) * per_file):
                text = (
                    f"Regulator number {i} of Ruritania warned the exchange Zedcoin Markets "
                    f"on 3 March 2021 that its licence application {i} was incomplete."
                )
                article = {"id": f"out-{i:04d}", "title": f"Warning {i}", "text": text}
                fh.write(json.dumps(article) + "\n")
        paths.append(path)
    return paths


def _stored_articles(settings: Settings) -> list[str]:
    auth = (settings.neo4j_user, settings.neo4j_password)
    with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
        records, _, _ = driver.execute_query("MATCH (a:Article) RETURN a.id AS id ORDER BY id")
    return [r["id"] for r in records]


def _wait_for_articles(settings: Settings, at_least: int, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if len(_stored_articles(settings)) >= at_least:
            return
        time.sleep(0.2)
    raise AssertionError(f"the ingest never wrote its first articles: {proc.communicate()}")


@pytest.mark.neo4j
def test_cli_ingest_says_which_articles_landed_before_the_outage(
    second: Settings, tmp_path: Path
) -> None:
    settings = _up(second)
    batch = [str(p) for p in _article_files(tmp_path, 4, 900)]  # files of 1,000 at most
    env = {**os.environ, "NEO4J_WRITE_RETRY_TIME": "2"}
    proc = subprocess.Popen(
        [*CLI, "ingest", *batch, "--workers", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        _wait_for_articles(settings, 5, proc)
        stop(settings)
        _, stderr = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode != 0
    assert "Traceback" not in stderr
    said = " ".join(stderr.split())  # rich wraps long lines
    match = re.search(r"written before the outage: (\d+) article\(s\) \(([^)]*)\)", said)
    assert match, said
    count = int(match.group(1))
    named = [part.strip() for part in match.group(2).split(",") if part.strip()]
    # the articles of the transaction that failed: one, or a batch ("'a' … 'z' (n, ...)")
    failed = re.search(
        r"articles? '([^']+)'(?: … '([^']+)' \((\d+), one transaction\))? "
        r"(was not written|were not written|may or may not be stored)",
        said,
    )
    assert failed, said
    first, last = failed.group(1), failed.group(2) or failed.group(1)
    lost = [f"out-{i:04d}" for i in range(int(first[4:]), int(last[4:]) + 1)]
    assert len(lost) == int(failed.group(3) or 1)

    landed = _stored_articles(_up(settings))  # back up: what did reach the server?
    expected = [f"out-{i:04d}" for i in range(count)]
    if failed.group(4) != "may or may not be stored":
        assert landed == expected
    else:  # the commit was cut: the failed transaction's articles may be either side
        assert landed in (expected, [*expected, *lost])
    assert first == f"out-{count:04d}"
    assert named[0] == "out-0000" and named[-1] == expected[-1]
    assert {n for n in named if n.startswith("out-")} <= set(expected)


@pytest.mark.neo4j
def test_api_on_a_frozen_then_stopped_server_fails_fast(second: Settings) -> None:
    settings = _up(second)
    with TestClient(create_app(settings)) as client:
        for path in ["/health", *PATHS]:  # every connection in the pool is in use once
            assert client.get(path).status_code in (200, 404), path
        pid = running_pid(settings)
        assert pid is not None
        os.kill(pid, signal.SIGSTOP)  # frozen: connections open, nothing answers
        # The pool checks a connection idle for LIVENESS_CHECK_S before reuse; one that
        # answered a moment before the freeze is trusted until then (a fast run reused
        # one and /health said 200), so the checks start once every connection is idle.
        time.sleep(LIVENESS_CHECK_S + 0.25)
        try:
            assert_fails_fast(client)
        finally:
            os.kill(pid, signal.SIGCONT)
        stop(settings)  # down: nothing listens any more
        assert_fails_fast(client)
