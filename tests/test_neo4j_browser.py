"""Neo4j Browser, ready to use: the documented queries run, and a real Browser shows the graph.

* The ten queries of docs/neo4j-browser.md: the named ones are exactly the files of
  queries/ (with their examples as `:param` lines), and every one runs on the real Neo4j
  holding the seed + dev gold and returns rows; the look-ups they rely on use indexes.
* End to end: headless Debian chromium opens the project server's Browser, fills the
  connect form with the configured credentials, loads our style from the API with
  `:style <url>`, pastes a documented query over the seed graph and finds OKX and
  Seychelles drawn, in our colours, and in the table view. A screenshot goes to artifacts/.

Both FAIL when Neo4j is down (unless CRYPTOREG_SKIP_NEO4J=1); the browser test also
fails when chromium is missing (unless CRYPTOREG_SKIP_BROWSER=1).
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from browser_support import launch_chromium, require_chromium, screenshot_path, serve
from conftest import load_all
from neo4j import GraphDatabase
from playwright.sync_api import Locator, Page, expect, sync_playwright

from api.app import create_app
from graph.models import Extraction
from graph.named.browser_guide import param_lines
from graph.named.catalogue import load_queries
from graph.named.params import parse_literal
from graph.neo4j_server.conf import browser_greeting, guide_url
from graph.neo4j_server.server import browser_url
from graph.presentation.grass import grass_json, grass_rules
from graph.settings import PROJECT_ROOT, Settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.neo4j.records import CAPTION_CHARS
from graph.store.protocol import GraphStore

DOC = PROJECT_ROOT / "docs" / "neo4j-browser.md"
_SECTION = re.compile(
    r"^### (?P<number>\d+)\. (?P<title>.+?)$\n(?P<prose>.*?)^```cypher\n(?P<block>.*?)^```$",
    re.M | re.S,
)
_NAMED = re.compile(r"\(`(?P<name>[a-z_]+)`\)$")
_PARAM = re.compile(r"^:param (?P<name>\w+) => (?P<value>.+);$")
NEIGHBOURHOOD = 2  # the documented query the browser test pastes
COURT = "People's Court of Chaoyang District"
# Neo4j Browser's own React app sometimes dies while it draws a result ("Something went
# wrong: TypeError: Cannot read properties of undefined (reading 'replace') and the
# application can't recover", seen once in CI on a frame that rendered fine on rerun):
# only that crash screen earns one rerun (pytest-rerunfailures); any other failure stands.
pytestmark = pytest.mark.flaky(reruns=1, only_rerun=["the application can't recover"])
# What a finished Cypher frame shows: a graph's overview, an empty result, or an error.
_FRAME_DONE = re.compile(r"Displaying \d+ nodes|no changes, no records|ERROR")


@dataclass(frozen=True)
class DocQuery:
    """One documented query: its `:param` lines and its Cypher."""

    number: int
    title: str
    name: str | None
    param_lines: list[str]
    cypher: str

    @property
    def params(self) -> dict[str, Any]:
        out = {}
        for line in self.param_lines:
            m = _PARAM.match(line)
            assert m, f"query {self.number}: bad :param line {line!r}"
            out[m["name"]] = parse_literal(m["value"])
        return out


def doc_queries() -> list[DocQuery]:
    out = []
    for m in _SECTION.finditer(DOC.read_text(encoding="utf-8")):
        lines = m["block"].rstrip("\n").splitlines()
        params = [line for line in lines if line.startswith(":param")]
        named = _NAMED.search(m["title"])
        out.append(
            DocQuery(
                number=int(m["number"]),
                title=m["title"],
                name=named["name"] if named else None,
                param_lines=params,
                cypher="\n".join(lines[len(params) :]),
            )
        )
    return out


def browser_block(name: str) -> tuple[list[str], str]:
    """How a named query pastes into the Browser: its example lines, then its Cypher."""
    query = load_queries()[name]
    return param_lines(query), query.cypher


# ---- the documented queries -------------------------------------------------------------


def test_doc_has_ten_numbered_queries_each_with_params() -> None:
    queries = doc_queries()
    assert [q.number for q in queries] == list(range(1, 11))
    for q in queries:
        assert q.param_lines and q.cypher.strip(), q.title
        assert q.params.keys() == set(re.findall(r"\$(\w+)", q.cypher)), q.title


def test_named_queries_in_the_doc_are_the_files_of_queries_dir() -> None:
    named = [q for q in doc_queries() if q.name]
    assert len(named) >= 5
    for q in named:
        params, cypher = browser_block(q.name or "")
        assert (q.param_lines, q.cypher) == (params, cypher), (
            f"docs/neo4j-browser.md query {q.number} differs from queries/{q.name}.cypher; "
            "paste this instead:\n" + "\n".join([*params, cypher])
        )


def test_doc_names_every_other_named_query() -> None:
    text = DOC.read_text(encoding="utf-8")
    shown = {q.name for q in doc_queries() if q.name}
    for name in set(load_queries()) - shown:
        assert f"`{name}`" in text, f"docs/neo4j-browser.md does not mention {name}"


@pytest.fixture
def gold_neo4j(
    neo4j: GraphStore, seed_gold: list[Extraction], dev_gold: list[Extraction]
) -> GraphStore:
    load_all(neo4j, seed_gold + dev_gold)
    return neo4j


@pytest.mark.neo4j
@pytest.mark.parametrize("query", doc_queries(), ids=lambda q: f"q{q.number}")
def test_documented_query_runs_on_the_gold_graph(gold_neo4j: Any, query: DocQuery) -> None:
    rows = gold_neo4j.read(query.cypher, **query.params)
    assert rows, f"query {query.number} ({query.title}) returned nothing on seed + dev gold"
    if query.number in (1, 2, 8):
        assert "OKX" in str(rows)


def _operators(plan: dict[str, Any]) -> set[str]:
    """Every operator of an EXPLAIN plan (the driver gives it as nested dicts)."""
    ops = {str(plan["operatorType"]).split("@")[0]}
    for child in plan.get("children", []):
        ops |= _operators(child)
    return ops


@pytest.mark.neo4j
@pytest.mark.parametrize(
    ("cypher", "operator"),
    [
        ("MATCH (e:Entity {id: 'exchange:okx'}) RETURN e", "NodeUniqueIndexSeek"),
        ("MATCH (x:Exchange {name_norm: 'okx'}) RETURN x", "NodeIndexSeek"),
        ("MATCH (x:Jurisdiction {name_norm: 'china'}) RETURN x", "NodeIndexSeek"),
    ],
)
def test_name_lookups_are_indexed(
    neo4j: Any, settings: Settings, cypher: str, operator: str
) -> None:
    auth = (settings.neo4j_user, settings.neo4j_password)
    with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
        summary = driver.execute_query(
            "EXPLAIN " + cypher, database_=settings.neo4j_database
        ).summary
    assert summary.plan is not None
    ops = " ".join(_operators(summary.plan))
    assert operator in ops.split(), f"{cypher!r} plans as {ops}"


# ---- Neo4j Browser itself, in headless chromium --------------------------------------


@pytest.fixture
def style_url(tmp_path: Path, settings: Settings) -> Iterator[str]:
    """The API (over an empty embedded store) serving /neo4j/style.grass, by the host name
    the Browser's default remote-content allowlist accepts (localhost)."""
    with serve(create_app(settings, store=EmbeddedStore(tmp_path))) as base:
        yield base.replace("127.0.0.1", "localhost") + "/neo4j/style.grass"


def greets(neo4j: Any) -> bool:
    """Whether the running server's post-connect command ends by playing our guide (a
    server started with an older neo4j.conf only styles)."""
    config = {r["name"]: r["value"] for r in neo4j.read("CALL dbms.clientConfig()")}
    return " play http" in str(config.get("browser.post_connect_cmd", ""))


def connect_form(page: Page, settings: Settings, greeted: bool = True) -> None:
    """Fill the Browser's connect form with the configured Bolt address and credentials,
    and wait until the Browser connected and, on a greeting server, until the guide's
    frame (or its "could not fetch" frame when no API serves it) has come: its `:clear`
    would otherwise remove what a test runs meanwhile."""
    scheme, address = settings.neo4j_uri.split("://", 1)
    page.get_by_test_id("bolt-scheme-select").select_option(f"{scheme}://")
    page.get_by_test_id("boltaddress").fill(address)
    page.get_by_test_id("username").fill(settings.neo4j_user)
    page.get_by_test_id("password").fill(settings.neo4j_password)
    page.get_by_test_id("connect").click()
    expect(page.get_by_test_id("connect")).to_have_count(0, timeout=30_000)
    if greeted:
        expect(frame_of(page, ":play http")).to_have_count(1, timeout=30_000)


def run_in_editor(page: Page, lines: list[str]) -> None:
    """Type lines into the Browser's editor as a person would, then run them."""
    page.get_by_test_id("activeEditor").click()
    for i, line in enumerate(lines):
        if i:
            page.keyboard.press("Shift+Enter")
        page.keyboard.type(line)
    page.get_by_test_id("editor-Run").click()


def frame_of(page: Page, command: str) -> Locator:
    """The newest result frame of the command that starts with `command`."""
    heads = page.get_by_test_id("frameCommand").filter(has_text=command)
    return page.get_by_test_id("frame").filter(has=heads).first


def node_fill(page: Page, caption: str) -> str:
    """The fill colour of the drawn node whose caption starts with `caption`."""
    node = page.locator("svg g.node", has=page.locator("text.caption", has_text=caption))
    return str(node.first.locator("circle.b-outline").get_attribute("fill"))


@pytest.fixture
def browser_page(settings: Settings, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh chromium page on the project server's Neo4j Browser, not yet connected."""
    require_chromium(settings)
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        page = chromium.new_page(viewport={"width": 1400, "height": 900})
        page.goto(browser_url(settings))
        try:
            yield page
        finally:  # what the Browser showed last, to see why a test failed
            page.screenshot(path=str(screenshot_path(f"last-{request.node.name}.png")))
            chromium.close()


def draw_neighbourhood(page: Page) -> Locator:
    """Paste documented query 2 as a person would (its `:param` lines, then the query) and
    check that OKX's neighbours are drawn in our colours; returns the result frame."""
    query = doc_queries()[NEIGHBOURHOOD - 1]
    colours = grass_rules()
    run_in_editor(page, query.param_lines)
    # The Browser evaluates a :param on the server; its frame shows the value once set.
    expect(frame_of(page, ":param id")).to_contain_text(f'"id": "{query.params["id"]}"')
    run_in_editor(page, query.cypher.splitlines())
    result = frame_of(page, query.cypher.splitlines()[0])
    expect(result).to_contain_text(_FRAME_DONE, timeout=30_000)
    shown = result.inner_text()
    assert "Displaying" in shown, f"the Browser drew no graph; its frame says: {shown[:600]}"
    captions = result.locator("svg text.caption")
    expect(captions.filter(has_text="OKX")).to_have_count(1)
    expect(captions.filter(has_text="Seychelles")).to_have_count(1)
    assert node_fill(page, "OKX") == colours["node.Exchange"]["color"]
    assert node_fill(page, "Seychelles") == colours["node.Jurisdiction"]["color"]
    assert node_fill(page, "People") == colours["node.Court"]["color"]
    return result


@pytest.mark.neo4j
@pytest.mark.browser
def test_browser_loads_our_style_from_the_api_and_draws_the_seed_graph(
    neo4j: GraphStore,
    seed_gold: list[Extraction],
    settings: Settings,
    style_url: str,
    browser_page: Page,
) -> None:
    load_all(neo4j, seed_gold)
    page = browser_page
    connect_form(page, settings, greeted=greets(neo4j))
    run_in_editor(page, [f":style {style_url}"])
    style_frame = frame_of(page, f":style {style_url}")
    expect(style_frame).to_contain_text("node.Exchange")
    expect(style_frame).to_contain_text(grass_rules()["node.Exchange"]["color"])

    result = draw_neighbourhood(page)
    page.screenshot(path=str(screenshot_path("neo4j-browser-graph.png")))
    result.get_by_test_id("cypherFrameSidebarTable").click()
    for text in ("OKX", "Seychelles", COURT, "HEADQUARTERED_IN"):
        expect(result).to_contain_text(text)


def port_is_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


@pytest.fixture
def guide_server(tmp_path: Path, settings: Settings) -> Iterator[str]:
    """The API on the port the server's post-connect command fetches the guide from."""
    if not port_is_free(settings.port):
        pytest.skip(f"port {settings.port} is taken: the API cannot serve the guide there")
    with serve(create_app(settings, store=EmbeddedStore(tmp_path)), port=settings.port):
        yield guide_url(settings)


@pytest.mark.neo4j
@pytest.mark.browser
def test_browser_greets_with_our_guide_already_styled(
    neo4j: Any,
    seed_gold: list[Extraction],
    settings: Settings,
    guide_server: str,
    browser_page: Page,
) -> None:
    """`browser.post_connect_cmd` (graph/neo4j_server/conf.py) styles the Browser, clears
    the style frame and opens our guide: its cards run the named queries, in our colours."""
    config = {r["name"]: r["value"] for r in neo4j.read("CALL dbms.clientConfig()")}
    if config.get("browser.post_connect_cmd") != browser_greeting(settings):
        pytest.skip(
            "the running Neo4j was started with an older neo4j.conf: restart it "
            "(`cryptoreg neo4j stop && cryptoreg neo4j start`) to greet with the guide"
        )
    load_all(neo4j, seed_gold)
    page = browser_page
    connect_form(page, settings)
    guide = frame_of(page, f":play {guide_server}")
    expect(guide).to_contain_text("Welcome", timeout=30_000)
    expect(guide).to_contain_text("who banned, blocked, fined or licensed")
    # The stream holds the guide alone: no wall of style rules, no connection frames.
    expect(page.get_by_test_id("frame")).to_have_count(1)
    page.screenshot(path=str(screenshot_path("neo4j-browser-guide.png")))

    # The first card's first block, run from its play icon, draws OKX's neighbourhood
    # in our colours: the style was applied although its frame is gone.
    guide.locator("pre.runnable").first.locator("i").click()
    result = frame_of(page, "MATCH p = (e:Entity {id: 'exchange:okx'})")
    expect(result).to_contain_text(_FRAME_DONE, timeout=30_000)
    captions = result.locator("svg text.caption")
    expect(captions.filter(has_text="OKX")).to_have_count(1)
    assert node_fill(page, "OKX") == grass_rules()["node.Exchange"]["color"]
    assert node_fill(page, "Seychelles") == grass_rules()["node.Jurisdiction"]["color"]

    # Every named query is a card after the welcome; the carousel's arrow turns to them.
    queries = sorted(load_queries().values(), key=lambda q: q.name)
    expect(guide).to_contain_text(f"1 / {1 + len(queries)}")
    guide.locator("button, a, div").filter(has=page.locator("svg polyline")).last.click()
    expect(guide).to_contain_text(f"2 / {1 + len(queries)}")
    expect(guide).to_contain_text(queries[0].description[:60])
    expect(guide.locator("pre.runnable").first).to_contain_text(queries[0].cypher.splitlines()[0])


@pytest.mark.neo4j
@pytest.mark.browser
def test_articles_are_captioned_by_a_short_title(
    neo4j: Any, seed_gold: list[Extraction], settings: Settings, browser_page: Page
) -> None:
    title = "Beijing court names OKX and Huobi in a crypto crackdown ruling"
    seed = seed_gold[0]
    load_all(
        neo4j,
        [seed.model_copy(update={"article": seed.article.model_copy(update={"title": title})})],
    )
    connect_form(browser_page, settings, greeted=greets(neo4j))
    run_in_editor(browser_page, [":style " + grass_json()])
    run_in_editor(browser_page, ["MATCH (a:Article) RETURN a"])
    result = frame_of(browser_page, "MATCH (a:Article) RETURN a")
    expect(result).to_contain_text(_FRAME_DONE, timeout=30_000)
    # The Browser wraps a caption over lines inside the circle, one <text> per line.
    # The frame says "Displaying 1 nodes" before the node's captions are drawn: wait.
    captions = result.locator("svg g.node").first.locator("text.caption")
    expect(captions.first).to_have_text(re.compile(r"\S"), timeout=30_000)
    lines = captions.all_text_contents()
    shown = " ".join(" ".join(lines).split())
    # "Beijing court names…", not the Browser's own cut ("Be…") of the whole title.
    assert shown == "Beijing court names OKX…" and len(shown) <= CAPTION_CHARS, shown
