"""Hardening (issue 17, point 6): Host allow-list, security headers, the Neo4j password.

* A request whose `Host` is not localhost, 127.0.0.1, [::1], the bind host or one of
  CRYPTOREG_ALLOWED_HOSTS is refused (400): a DNS-rebinding page cannot read the API.
* Every response carries Content-Security-Policy, X-Frame-Options and
  X-Content-Type-Options; /ui and /docs get policies that let exactly their own assets
  run (checked in chromium: Swagger UI still renders, no CSP violation).
* `cryptoreg neo4j start` generates the password of a new server unless one is set,
  keeps it in the data folder with mode 0600, and settings read it back; `status` says
  where it is. (The first start of a real server is in tests/test_outage.py, which runs a
  second server anyway.)
"""

from __future__ import annotations

import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from playwright.sync_api import Browser

from api.app import create_app
from graph.errors import ConfigError
from graph.neo4j_server.conf import set_initial_password, write_conf
from graph.neo4j_server.password import (
    LEGACY_PASSWORD,
    password_file,
    read_stored,
    store_password,
)
from graph.neo4j_server.server import ensure_password, status
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore

CLI = [sys.executable, "-m", "api.cli"]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    # testserver: the TestClient's own Host
    hosts = ["graph.example.org", "testserver"]
    settings = load_settings(host="127.0.0.1", allowed_hosts=hosts)
    with TestClient(create_app(settings, store=EmbeddedStore(tmp_path))) as c:
        yield c


# -- Host ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    ["localhost", "localhost:8000", "127.0.0.1:8000", "[::1]:8000", "graph.example.org"],
)
def test_allowed_hosts_are_served(client: TestClient, host: str) -> None:
    assert client.get("/ping", headers={"host": host}).status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "[::2]", "0.0.0.0"]
)
def test_other_hosts_are_refused(client: TestClient, host: str) -> None:
    response = client.get("/health", headers={"host": host})
    assert response.status_code == 400
    assert "Invalid host" in response.text


def test_trusted_hosts_follow_the_settings() -> None:
    default = load_settings(host="127.0.0.1", allowed_hosts=[])
    assert default.trusted_hosts() == ["localhost", "127.0.0.1", "[::1]"]
    lan = load_settings(host="192.168.1.20", allowed_hosts=["Graph.Example.org"])
    assert lan.trusted_hosts()[-2:] == ["192.168.1.20", "graph.example.org"]
    assert load_settings(host="::1", allowed_hosts=[]).trusted_hosts() == [
        "localhost",
        "127.0.0.1",
        "[::1]",
    ]
    everywhere = load_settings(host="0.0.0.0", allowed_hosts=[])
    assert "0.0.0.0" not in everywhere.trusted_hosts()  # binding everywhere names no host


def test_allowed_hosts_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CRYPTOREG_ALLOWED_HOSTS", '["cryptoreg.internal"]')
    assert "cryptoreg.internal" in load_settings().trusted_hosts()


# -- security headers ----------------------------------------------------------------------


def _csp(response: httpx.Response) -> dict[str, str]:
    header = response.headers["content-security-policy"]
    return {
        part.split()[0]: part.partition(" ")[2]
        for part in (p.strip() for p in header.split(";"))
        if part
    }


@pytest.mark.parametrize("path", ["/ui/", "/docs", "/health", "/openapi.json", "/nope"])
def test_every_response_forbids_framing_and_sniffing(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert _csp(response)["frame-ancestors"] == "'none'"


def test_ui_policy_allows_only_its_own_assets(client: TestClient) -> None:
    csp = _csp(client.get("/ui/"))
    assert csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self'"
    assert "unsafe" not in " ".join(csp.values())


def test_docs_policy_allows_exactly_its_inline_script(client: TestClient) -> None:
    import base64
    import hashlib

    response = client.get("/docs")
    csp = _csp(response)
    inline = re.findall(r"<script>(.*?)</script>", response.text, re.DOTALL)
    assert len(inline) == 1
    digest = base64.b64encode(hashlib.sha256(inline[0].encode()).digest()).decode()
    assert csp["script-src"] == f"'self' 'sha256-{digest}'"
    assert "unsafe" not in " ".join(csp.values())


def test_data_responses_may_load_nothing(client: TestClient) -> None:
    assert _csp(client.get("/stats"))["default-src"] == "'none'"


@pytest.mark.browser
def test_docs_and_ui_render_under_their_policies(tmp_path: Path) -> None:
    """Swagger UI (inline bootstrap, bundled assets) and the graph page run in chromium with
    the headers on: operations render, a request can be tried, nothing is refused."""
    from browser_support import launch_chromium, require_chromium, serve
    from playwright.sync_api import sync_playwright

    require_chromium(load_settings())
    app = create_app(load_settings(), store=EmbeddedStore(tmp_path))
    with serve(app) as base, sync_playwright() as pw:
        browser = launch_chromium(pw)
        try:
            for path in ("/docs", "/ui/"):
                _check_page(browser, base, path)
        finally:
            browser.close()


def _check_page(browser: Browser, base: str, path: str) -> None:
    page = browser.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    response = page.goto(base + path)
    assert response is not None
    assert "frame-ancestors" in response.headers.get("content-security-policy", "")
    if path == "/docs":
        page.wait_for_selector(".opblock", timeout=20_000)
        assert page.locator(".opblock").count() > 10
        with page.expect_response(lambda r: r.url.endswith("/ping")) as ping:
            page.evaluate("fetch('/ping')")
        assert ping.value.status == 200
    else:
        page.wait_for_load_state("networkidle")
    assert problems == [], f"{path}: {problems}"
    page.close()


# -- the Neo4j password --------------------------------------------------------------------


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "neo4j"
    home.mkdir(parents=True)
    return home


def _unset_password(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NEO4J_PASSWORD", "CRYPTOREG_NEO4J_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def test_no_password_before_the_first_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unset_password(monkeypatch)
    settings = load_settings(neo4j_home=_home(tmp_path))
    assert settings.neo4j_password == ""
    assert settings.neo4j_password_origin == "none"


def test_first_start_generates_and_stores_a_private_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _unset_password(monkeypatch)
    home = _home(tmp_path)
    first = ensure_password(load_settings(neo4j_home=home))
    path = password_file(home)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.parent == home / "data"
    assert len(first.neo4j_password) >= 24 and first.neo4j_password != LEGACY_PASSWORD
    again = load_settings(neo4j_home=home)  # every later command reads it back
    assert (again.neo4j_password, again.neo4j_password_origin) == (first.neo4j_password, "stored")
    other = ensure_password(load_settings(neo4j_home=_home(tmp_path / "x")))
    assert other.neo4j_password != first.neo4j_password  # random, not a default


def test_a_configured_password_is_used_and_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = _home(tmp_path)
    for name in ("CRYPTOREG_NEO4J_PASSWORD", "NEO4J_PASSWORD"):
        _unset_password(monkeypatch)
        monkeypatch.setenv(name, f"chosen-by-{name.lower()}")
        settings = ensure_password(load_settings(neo4j_home=home))
        assert settings.neo4j_password == f"chosen-by-{name.lower()}"
        assert settings.neo4j_password_origin == "setting"
        assert read_stored(home) is None
    monkeypatch.setenv("NEO4J_PASSWORD", "short")
    with pytest.raises(ConfigError, match="at least 8"):
        load_settings(neo4j_home=home)


def test_a_server_made_with_the_old_default_is_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A data folder from before generated passwords has the old default until the next
    start replaces it; the settings still reach it meanwhile."""
    _unset_password(monkeypatch)
    home = _home(tmp_path)
    (home / "data" / "databases" / "system").mkdir(parents=True)
    settings = load_settings(neo4j_home=home)
    assert (settings.neo4j_password, settings.neo4j_password_origin) == (
        LEGACY_PASSWORD,
        "legacy",
    )
    store_password(home, "a-stored-password")
    assert load_settings(neo4j_home=home).neo4j_password == "a-stored-password"


def test_status_says_where_the_password_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _unset_password(monkeypatch)
    home = _home(tmp_path)
    store_password(home, "a-stored-password")
    running, message = status(load_settings(neo4j_home=home))
    assert not running
    assert str(password_file(home)) in message
    assert "a-stored-password" not in message
    env = {"NEO4J_HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [*CLI, "neo4j", "status"], capture_output=True, text=True, timeout=60, env=env
    )
    assert done.returncode == 3
    assert str(password_file(home)) in done.stdout


def test_a_password_beginning_with_a_dash_is_set_as_the_initial_password(
    tmp_path: Path,
) -> None:
    """`secrets.token_urlsafe` begins one password in 32 with "-", which neo4j-admin took
    for an option: the first start then failed. Run the real admin tool on such a one."""
    jars = load_settings().neo4j_home / "lib"
    java = shutil.which("java")
    if java is None or not any(jars.glob("neo4j-*.jar")):
        pytest.skip("needs java and the Neo4j jars (`cryptoreg neo4j start` fetches them)")
    home = tmp_path / "neo4j"
    home.mkdir()
    (home / "lib").symlink_to(jars)
    settings = load_settings(neo4j_home=home, neo4j_password="-Starts-with-a-dash-0123456789")
    write_conf(settings)
    set_initial_password(java, settings)
    assert (home / "data" / "dbms" / "auth.ini").is_file()
