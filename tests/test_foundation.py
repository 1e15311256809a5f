"""The foundation: the project's own Neo4j 5.26 server, its Browser, the CLI's shape, Docker.

Tests marked `neo4j` need the server of `cryptoreg neo4j start` and FAIL when it does not
answer; only CRYPTOREG_SKIP_NEO4J=1 (Settings.skip_neo4j) turns them into skips.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from neo4j import Driver, GraphDatabase
from neo4j.exceptions import AuthError
from typer.testing import CliRunner

from api.cli import app
from graph.errors import ServerError
from graph.neo4j_server.conf import jvm_command, render_conf
from graph.neo4j_server.jars import jars_current, lib_dir, pinned_versions
from graph.neo4j_server.server import browser_url, start, status, stop
from graph.settings import PROJECT_ROOT, Settings, load_settings

VERSIONS = pinned_versions()
CLI = [sys.executable, "-m", "api.cli"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as resp:
        return int(resp.status), resp.read().decode("utf-8", errors="replace")


@pytest.fixture(scope="module")
def neo4j_settings() -> Settings:
    """The settings of the running server; skips only on the developer's explicit opt-out."""
    settings = load_settings()
    if settings.skip_neo4j:
        pytest.skip("CRYPTOREG_SKIP_NEO4J=1: Neo4j tests skipped by the developer's choice")
    return settings


@pytest.fixture(scope="module")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[Driver]:
    """A driver that has already reached the server, or a failed test saying how to start it."""
    auth = (neo4j_settings.neo4j_user, neo4j_settings.neo4j_password)
    with GraphDatabase.driver(neo4j_settings.neo4j_uri, auth=auth) as driver:
        try:
            driver.verify_connectivity()
        except Exception as exc:  # noqa: BLE001 - any failure here means "server not usable"
            pytest.fail(
                f"Neo4j does not answer at {neo4j_settings.neo4j_uri} ({exc}); run "
                "`cryptoreg neo4j start`, or set CRYPTOREG_SKIP_NEO4J=1 to skip deliberately"
            )
        yield driver


@pytest.mark.neo4j
def test_bolt_reports_neo4j_526_community(neo4j_driver: Driver) -> None:
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition"
    )
    kernel = {r["name"]: r for r in records}["Neo4j Kernel"]
    assert kernel["edition"] == "community"
    assert kernel["versions"] == [VERSIONS.neo4j]
    assert VERSIONS.neo4j.startswith("5.26.")


@pytest.mark.neo4j
def test_authentication_is_on(neo4j_settings: Settings) -> None:
    auth = (neo4j_settings.neo4j_user, "not-the-password")
    with GraphDatabase.driver(neo4j_settings.neo4j_uri, auth=auth) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()


@pytest.mark.neo4j
def test_browser_is_served(neo4j_settings: Settings) -> None:
    code, html = _get(browser_url(neo4j_settings))
    assert code == 200
    assert "<title>Neo4j Browser</title>" in html
    assert "<script" in html


@pytest.mark.neo4j
def test_http_discovery_names_version_and_loopback_bolt(neo4j_settings: Settings) -> None:
    import json

    code, body = _get(f"http://127.0.0.1:{neo4j_settings.neo4j_http_port}/")
    info = json.loads(body)
    assert code == 200
    assert info["neo4j_version"] == VERSIONS.neo4j
    assert info["neo4j_edition"] == "community"
    assert info["bolt_direct"] == f"bolt://127.0.0.1:{neo4j_settings.neo4j_bolt_port}"


def _listeners(port: int) -> set[str]:
    """Local addresses (hex, as the kernel prints them) of TCP sockets listening on `port`."""
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, hex_port = fields[1].split(":")
            if fields[3] == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


@pytest.mark.neo4j
def test_server_listens_on_loopback_only(neo4j_settings: Settings) -> None:
    loopback = {"0100007F", "0000000000000000FFFF00000100007F"}  # 127.0.0.1, ::ffff:127.0.0.1
    for port in (neo4j_settings.neo4j_bolt_port, neo4j_settings.neo4j_http_port):
        found = _listeners(port)
        assert found, f"nothing listens on port {port}"
        assert found <= loopback, f"port {port} listens beyond loopback: {found}"


@pytest.mark.neo4j
def test_cli_status_reports_running(neo4j_settings: Settings) -> None:
    done = subprocess.run([*CLI, "neo4j", "status"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "running" in done.stdout
    assert browser_url(neo4j_settings) in done.stdout


@pytest.mark.neo4j
def test_jars_are_cached_so_a_restart_downloads_nothing(neo4j_settings: Settings) -> None:
    assert jars_current(neo4j_settings.neo4j_home)


@pytest.mark.neo4j
def test_second_server_starts_twice_stops_and_keeps_its_password(
    neo4j_settings: Settings, tmp_path: Path
) -> None:
    """A throwaway server in tmp_path (jars shared by symlink) runs the whole life cycle."""
    home = tmp_path / "neo4j"
    home.mkdir()
    lib_dir(home).symlink_to(lib_dir(neo4j_settings.neo4j_home), target_is_directory=True)
    bolt = _free_port()
    other = load_settings(
        neo4j_home=home,
        neo4j_bolt_port=bolt,
        neo4j_http_port=_free_port(),
        neo4j_password="second-server-pw",
        neo4j_heap="256m",
        neo4j_pagecache="32m",
    )
    try:
        assert "started" in start(other)
        assert "already running" in start(other)
        assert status(other)[0]
        auth = (other.neo4j_user, "second-server-pw")
        with GraphDatabase.driver(f"bolt://127.0.0.1:{bolt}", auth=auth) as driver:
            records, _, _ = driver.execute_query("RETURN 1 AS one")
            assert records[0]["one"] == 1
    finally:
        message = stop(other)
    assert "stopped cleanly" in message
    running, said = status(other)
    assert not running and said.startswith("Neo4j is not running")
    assert "from CRYPTOREG_NEO4J_PASSWORD / NEO4J_PASSWORD" in said  # configured: none stored
    assert not other.neo4j_password_file.exists()
    assert stop(other) == "Neo4j is not running"


def test_taken_port_gives_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = int(squatter.getsockname()[1])
        settings = load_settings(
            neo4j_home=tmp_path, neo4j_bolt_port=port, neo4j_http_port=_free_port()
        )
        with pytest.raises(ServerError, match=f"port {port} .*already in use"):
            start(settings)


def test_conf_makes_a_frozen_server_noticed_in_seconds() -> None:
    """The keep-alive hint (interval x probes) is the driver's read timeout: 3 s, not 120 s."""
    lines = set(render_conf(load_settings()).splitlines())
    assert "server.bolt.connection_keep_alive=1s" in lines
    assert "server.bolt.connection_keep_alive_probes=3" in lines
    assert "server.bolt.connection_keep_alive_for_requests=ALL" in lines


def test_conf_binds_loopback_with_auth_and_no_usage_report() -> None:
    settings = load_settings(
        neo4j_heap="2g", neo4j_pagecache="3g", neo4j_bolt_port=7687, neo4j_http_port=7474
    )
    conf = render_conf(settings)
    lines = set(conf.splitlines())
    assert "dbms.security.auth_enabled=true" in lines
    assert "dbms.usage_report.enabled=false" in lines
    assert "server.default_listen_address=127.0.0.1" in lines
    assert "server.bolt.listen_address=127.0.0.1:7687" in lines
    assert "server.http.listen_address=127.0.0.1:7474" in lines
    assert "server.memory.pagecache.size=3g" in lines
    command = jvm_command("java", settings)
    assert "-Xmx2g" in command and "-Xms2g" in command


def test_pinned_versions() -> None:
    assert VERSIONS.neo4j.startswith("5.26.")
    major, minor = (int(part) for part in VERSIONS.browser.split(".")[:2])
    assert (major, minor) >= (5, 24)


def _listed_commands(args: list[str]) -> set[str]:
    """The first word of each row of the help's command table."""
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = (line.strip("│ ").split(" ", 1)[0] for line in result.output.splitlines())
    return {word for word in rows if word.isidentifier()}


def test_cli_help_lists_the_commands() -> None:
    expected = {"extract", "ingest", "serve", "export", "query", "neo4j"}
    assert expected <= _listed_commands(["--help"])
    assert {"start", "stop", "status"} <= _listed_commands(["neo4j", "--help"])


def test_bad_setting_is_a_clear_error_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRYPTOREG_STORE", "bogus")
    done = subprocess.run([*CLI, "neo4j", "status"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "bad configuration" in done.stderr
    assert "CRYPTOREG_STORE" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_docker_compose_runs_526_community_on_loopback_with_auth() -> None:
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["ports"] and all(p.startswith("127.0.0.1:") for p in neo4j["ports"])
    assert "NEO4J_PASSWORD" in neo4j["environment"]["NEO4J_AUTH"]
