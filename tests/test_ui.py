"""The graph page at /ui, in headless Debian chromium driven by Playwright.

A real uvicorn serves the real app over an embedded store into which the seed article
was ingested (so facts carry their evidence sentences), plus one article whose names
and sentence are HTML, to show the page never turns data into markup, and five articles
of our own about one regulator and one exchange: a 2021 ban, its lifting in June 2023,
two fines of the pair (two events, so two edges) and an undated warning. Every request
the page makes is recorded: all must go to the API's own origin. Screenshots land in
artifacts/ for people to look at.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from browser_support import launch_chromium, require_chromium, screenshot_path, serve
from conftest import require_corpus
from fastapi.testclient import TestClient
from playwright.sync_api import Browser, ConsoleMessage, Locator, Page, expect, sync_playwright

from api.app import UI_DIR, create_app
from api.routers.ui import vocabulary
from graph.ids import entity_id
from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import ENDED, REL, STATUS, TYPE, get_ontology
from graph.presentation.color_difference import ciede2000, difference
from graph.settings import PROJECT_ROOT, Settings, load_settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.hubs import HubLimits
from ingest.pipeline import ingest_articles
from ingest.read import read_paths

pytestmark = pytest.mark.browser

OKX = "exchange:okx"
PBOC = "centralbank:peoples-bank-of-china"
COURT = "People's Court of Chaoyang District"
HOSTILE_NAME = '<img src=x onerror="window.pwned=1">Evil <b>Exchange</b>'
HOSTILE_SENTENCE = "<script>window.pwned=2</script>Evil <i>Exchange</i> is based in Seychelles."
VIEWPORT = {"width": 1400, "height": 850}


def hostile_extraction() -> Extraction:
    """An article whose entity name and evidence are markup, linked to Seychelles."""
    evil = Entity.model_validate(
        {"id": entity_id("Exchange", HOSTILE_NAME), "type": "Exchange", "name": HOSTILE_NAME}
    )
    place = Entity.model_validate(
        {"id": "jurisdiction:seychelles", "type": "Jurisdiction", "name": "Seychelles"}
    )
    fact = Relation(
        type="HEADQUARTERED_IN",
        source=evil.id,
        target=place.id,
        evidence=HOSTILE_SENTENCE,
        confidence=0.9,
    )
    article = Article(id="test-hostile", title="<h1>Hostile</h1> title", text=HOSTILE_SENTENCE)
    return Extraction(article=article, entities=[evil, place], relations=[fact])


AUTHORITY = "Aurelian Markets Authority"
EXCHANGE = "Quillcoin"
BAN_SENTENCE = "The Aurelian Markets Authority banned Quillcoin from the country in 2021."
LIFT_SENTENCE = "In June 2023 the Aurelian Markets Authority lifted its 2021 ban on Quillcoin."
FINE_SENTENCE = "On 12 March 2024 the authority fined Quillcoin $5 million."
OLD_FINE_SENTENCE = "The authority fined Quillcoin $1.2 million in 2022."
WARNING_SENTENCE = "The authority warned Quillcoin about its marketing."


def event_extractions() -> list[Extraction]:
    """Our own articles (no corpus text): one actor and target, five reports."""
    authority = Entity.model_validate(
        {"id": entity_id(TYPE.regulator, AUTHORITY), "type": TYPE.regulator, "name": AUTHORITY}
    )
    exchange = Entity.model_validate(
        {"id": entity_id(TYPE.exchange, EXCHANGE), "type": TYPE.exchange, "name": EXCHANGE}
    )

    def report(
        aid: str, published: str, rel: str, sentence: str, date: str | None, **props: object
    ) -> Extraction:
        article = Article(
            id=aid, title=f"Title of {aid}", publisher="Test Wire", published=published,
            text=sentence,
        )  # fmt: skip
        fact = Relation(
            type=rel,
            source=authority.id,
            target=exchange.id,
            evidence=sentence,
            confidence=0.9,
            date=date,
            properties=props,
        )
        return Extraction(article=article, entities=[authority, exchange], relations=[fact])

    lifted = {"status": STATUS.ended, "ended_how": ENDED.lifted, "ended_on": "2023-06"}
    return [
        report("test-ban", "2021-05-04", REL.banned, BAN_SENTENCE, "2021"),
        report("test-lift", "2023-07-01", REL.banned, LIFT_SENTENCE, "2021", **lifted),
        report(
            "test-fine",
            "2024-03-15",
            REL.fined,
            FINE_SENTENCE,
            "2024-03-12",
            status=STATUS.active,
            amount=5_000_000.0,
            currency="USD",
        ),  # fmt: skip
        report(
            "test-old-fine",
            "2022-11-02",
            REL.fined,
            OLD_FINE_SENTENCE,
            "2022",
            amount=1_200_000.0,
            currency="USD",
        ),  # fmt: skip
        report("test-warning", "2025-02-03", REL.warned, WARNING_SENTENCE, None),
    ]


HUB = "Hubland Conduct Authority"
HUB_FIRMS = 32  # more warned firms than one answer holds per relation type (HubLimits)


def hub_extraction() -> Extraction:
    """One regulator that warned HUB_FIRMS firms: a hub whose answer the API caps."""
    hub = Entity.model_validate(
        {"id": entity_id(TYPE.regulator, HUB), "type": TYPE.regulator, "name": HUB}
    )
    firms = [
        Entity.model_validate(
            {
                "id": entity_id(TYPE.company, f"Hubfirm {i:02d}"),
                "type": TYPE.company,
                "name": f"Hubfirm {i:02d}",
            }
        )  # fmt: skip
        for i in range(1, HUB_FIRMS + 1)
    ]
    sentence = f"The {HUB} warned {HUB_FIRMS} firms, naming each of them."
    facts = [
        Relation(type=REL.warned, source=hub.id, target=f.id, evidence=sentence, confidence=0.8)
        for f in firms
    ]
    article = Article(id="test-hub", title="Hubland warns firms", text=sentence)
    return Extraction(article=article, entities=[hub, *firms], relations=facts)


@pytest.fixture(scope="module")
def ui_settings() -> Settings:
    settings = load_settings()
    require_chromium(settings)
    return settings


@pytest.fixture(scope="module")
def base_url(ui_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API on a free port, over the ingested seed article plus the hostile one."""
    store = EmbeddedStore(tmp_path_factory.mktemp("ui-store"))
    report = ingest_articles(
        read_paths([str(require_corpus("seed") / "seed" / "articles")], 10_000_000), store
    )
    assert report.ingested == ["seed-beijing-crackdown"], report.failed
    store.upsert(hostile_extraction())
    store.upsert(hub_extraction())
    for extraction in event_extractions():
        store.upsert(extraction)
    with serve(create_app(ui_settings, store=store)) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def browser(ui_settings: Settings) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


class Recorder:
    """Every URL the page requested and every console error it logged."""

    def __init__(self, page: Page) -> None:
        self.urls: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.urls.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def assert_clean(self, base_url: str) -> None:
        """Only same-origin requests (so no CDN, no web font) and no error in the console."""
        foreign = [u for u in self.urls if not u.startswith(base_url + "/")]
        assert not foreign, f"requests outside {base_url}: {foreign}"
        assert self.urls, "no request was recorded"
        assert not self.errors, self.errors


@contextmanager
def open_page(
    browser: Browser, url: str, viewport: dict[str, int] = VIEWPORT, touch: bool = False
) -> Iterator[tuple[Page, Recorder]]:
    """A fresh browser context on `url`, once the page says it is ready."""
    context = browser.new_context(viewport=viewport, has_touch=touch)  # type: ignore[arg-type]
    page = context.new_page()
    recorder = Recorder(page)
    page.goto(url)
    expect(page.locator("body")).to_have_attribute("data-ready", "true")
    settle(page)
    try:
        yield page, recorder
    finally:
        context.close()


@pytest.fixture
def page(browser: Browser, base_url: str) -> Iterator[tuple[Page, Recorder]]:
    with open_page(browser, f"{base_url}/ui/") as opened:
        yield opened


@pytest.fixture(scope="module")
def corpus_url(ui_settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The API over examples/ and the dev corpus, where Binance has some 40 neighbours."""
    store = EmbeddedStore(tmp_path_factory.mktemp("ui-corpus"))
    inputs = [str(PROJECT_ROOT / "examples"), str(require_corpus("dev") / "dev" / "articles")]
    report = ingest_articles(read_paths(inputs, 10_000_000), store)
    assert report.ingested and not report.failed, report.failed
    with serve(create_app(ui_settings, store=store)) as url:
        yield url
    store.close()


def settle(page: Page) -> None:
    """Wait until nothing the page started is still on its way (its own busy flag)."""
    expect(page.locator("body")).to_have_attribute("data-busy", "false")


def go_back(page: Page) -> None:
    """Back, then wait until the page has drawn what the URL now says (the popstate
    handler runs after Playwright's go_back returns, so busy alone could be stale)."""
    renders = int(page.get_attribute("#cy", "data-renders") or 0)
    page.go_back()
    page.wait_for_function(
        "(n) => Number(document.getElementById('cy').dataset.renders) > n", arg=renders
    )
    settle(page)


def search(page: Page, text: str) -> None:
    page.fill("#search-input", text)
    page.click("#search-form button[type=submit]")
    settle(page)


def drawn_nodes(page: Page) -> dict[str, dict[str, Any]]:
    """Cytoscape's own model of the drawn nodes, by id."""
    nodes: list[dict[str, Any]] = page.evaluate("window.cy.nodes().map(n => n.data())")
    return {n["id"]: n for n in nodes}


def element_point(page: Page, selector: str) -> tuple[float, float]:
    """Where a cytoscape node or edge is on the page (its rendered middle)."""
    x, y = page.evaluate(
        """(selector) => {
            const ele = window.cy.$(selector)[0];
            const box = document.getElementById('cy').getBoundingClientRect();
            const at = ele.isNode() ? ele.renderedPosition() : ele.renderedMidpoint();
            return [at.x + box.left, at.y + box.top];
        }""",
        selector,
    )
    return x, y


def click_element(page: Page, selector: str) -> None:
    """A real mouse click on a cytoscape node or edge."""
    page.mouse.click(*element_point(page, selector))
    settle(page)


def double_click_element(page: Page, selector: str) -> None:
    page.mouse.dblclick(*element_point(page, selector))
    settle(page)


def test_search_by_alias_draws_the_neighbourhood_and_an_edge_shows_its_evidence(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    search(tab, "Ou Yi")
    expect(tab.locator("#hits")).to_contain_text("OKX")
    expect(tab.locator("#hits")).to_contain_text("as “Ou Yi”")
    side = tab.locator("#node-list")
    expect(side).to_contain_text("Seychelles")
    expect(side).to_contain_text(COURT)

    nodes = drawn_nodes(tab)
    names = {n["name"] for n in nodes.values()}
    assert {"OKX", "Seychelles", COURT, "China"} <= names
    assert nodes[OKX]["type"] == "Exchange"
    vocab = json.loads(tab.evaluate("fetch('/ui/vocabulary.json').then(r => r.text())"))
    colors = {t["name"]: t["color"] for t in vocab["entity_types"]}
    assert nodes[OKX]["color"] == colors["Exchange"] != colors["Jurisdiction"]
    edges = tab.evaluate("window.cy.edges().map(e => e.data('types')).flat()")
    assert {"HEADQUARTERED_IN", "REFERRED_BY", "ORIGINATED_IN"} <= set(edges)

    click_element(tab, f'edge[source = "{OKX}"][type = "HEADQUARTERED_IN"]')
    evidence = tab.locator("#details blockquote.evidence")
    expect(evidence).to_contain_text("a Seychelles-based exchange")
    expect(tab.locator("#details .source")).to_contain_text("seed-beijing-crackdown · Forkast")
    expect(tab.locator("#details .fact-line")).to_contain_text("OKX HEADQUARTERED_IN Seychelles")
    tab.screenshot(path=str(screenshot_path("ui-graph.png")))
    recorder.assert_clean(base_url)


def test_clicking_a_node_merges_its_neighbourhood(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    search(tab, "OKX")
    expect(tab.locator("#node-list li")).to_have_count(4)
    before = drawn_nodes(tab)

    click_element(tab, 'node[id = "jurisdiction:china"]')
    expect(tab.locator("#details h3")).to_contain_text("China")
    assert set(drawn_nodes(tab)) == set(before), "a click selects; it does not expand"
    assert tab.evaluate("window.cy.$(':selected').map(e => e.id())") == ["jurisdiction:china"]

    double_click_element(tab, 'node[id = "jurisdiction:china"]')
    expect(tab.locator("#node-list")).to_contain_text("Beijing")
    after = drawn_nodes(tab)
    assert set(before) < set(after), "expanding must keep what was drawn and add to it"
    assert "jurisdiction:beijing" in after
    expect(tab.locator("#details h3")).to_contain_text("China")
    assert PBOC in after

    double_click_element(tab, f'node[id = "{PBOC}"]')
    expect(tab.locator("#node-list")).to_contain_text("32 domain names related to cryptocurrencies")
    final = drawn_nodes(tab)
    assert set(after) < set(final)
    unnamed = [n for n in final.values() if n.get("unnamed")]
    assert unnamed and all(n["label"] == f"{n['count']} {n['name']}" for n in unnamed)
    expect(tab.locator("#node-list li")).to_have_count(len(final))
    tab.screenshot(path=str(screenshot_path("ui-expanded.png")))
    recorder.assert_clean(base_url)


def test_timeline_filters_by_jurisdiction_and_action_type(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    tab.click("#tab-timeline")
    expect(tab.locator("#timeline-view")).to_be_visible()
    options = tab.locator("#action-select option").all_inner_texts()
    assert options[1:] == list(get_ontology().action_types)
    tab.select_option("#jurisdiction-select", "jurisdiction:china")
    tab.select_option("#action-select", "BLOCKED")
    items = tab.locator("#timeline > li")
    expect(items.first).to_contain_text("BLOCKED")
    texts = items.all_inner_texts()
    assert texts and all("BLOCKED" in t and "BANNED" not in t for t in texts)
    assert any("People's Bank of China" in t for t in texts)
    tab.screenshot(path=str(screenshot_path("ui-timeline.png")))
    recorder.assert_clean(base_url)


def test_timeline_filters_by_status_ended_active_and_in_force_today(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    """The lifted ban is the only ended event of the pair: "ended" shows it alone, "active"
    and "in force today" the other three (begun before today, never ended)."""
    tab, recorder = page
    tab.click("#tab-timeline")
    items = tab.locator("#timeline > li", has_text=EXCHANGE)
    expect(items).to_have_count(4)

    def shown(choice: str, count: int) -> list[str]:
        tab.select_option("#status-select", choice)
        expect(items).to_have_count(count)
        settle(tab)
        return items.all_inner_texts()

    in_force = shown("in-force", 3)
    assert not any(REL.banned in t for t in in_force), in_force
    ended = shown("ended", 1)
    assert REL.banned in ended[0] and "lifted" in ended[0], ended
    assert "ended" in (items.first.get_attribute("class") or "")
    active = shown("active", 3)
    assert sorted(next(r for r in (REL.warned, REL.fined) if r in t) for t in active) == sorted(
        [REL.fined, REL.fined, REL.warned]
    ), active
    assert all("ended" not in (li.get_attribute("class") or "") for li in items.all())
    recorder.assert_clean(base_url)


def test_names_and_sentences_are_shown_as_text_never_as_markup(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    search(tab, "Evil")
    hit = tab.locator("#hits button", has_text=HOSTILE_NAME)
    expect(hit).to_have_count(1)
    hit.click()
    expect(tab.locator("#node-list")).to_contain_text(HOSTILE_NAME)
    evil = entity_id("Exchange", HOSTILE_NAME)
    click_element(tab, f'edge[source = "{evil}"]')
    expect(tab.locator("#details blockquote.evidence")).to_have_text(HOSTILE_SENTENCE)
    assert tab.locator("main img, main b, main i, main script, main h1").count() == 0
    assert tab.evaluate("window.pwned === undefined")
    recorder.assert_clean(base_url)


def test_timeline_orders_by_the_action_date_and_shows_an_ended_action_s_life(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    tab.click("#tab-timeline")
    items = tab.locator("#timeline > li", has_text=EXCHANGE)
    expect(items).to_have_count(4)
    texts = items.all_inner_texts()
    # Newest first: the undated warning by when it was first reported (2025-02-03), then
    # the fines by their own dates, then the ban by its own date (2021), not by the
    # articles (2021-05, 2023-07).
    order = [REL.warned, REL.fined, REL.fined, REL.banned]
    assert [next(r for r in order if r in t) for t in texts] == order, texts
    warning, fine, old_fine, ban = items.all()

    expect(warning.locator(".when")).to_contain_text("2025-02-03")
    expect(warning.locator(".when")).to_contain_text("first reported")
    expect(warning.locator(".when")).to_contain_text("date is not given")
    expect(warning.locator(".action-date")).to_have_count(0)

    expect(fine.locator(".action-date")).to_have_text("2024-03-12")
    expect(fine.locator(".when")).to_contain_text("first reported 2024-03-15")
    expect(fine.locator(".amount")).to_contain_text("5,000,000")
    expect(fine.locator(".amount")).to_contain_text("USD")
    expect(fine.locator(".span")).to_have_count(0)
    expect(old_fine.locator(".action-date")).to_have_text("2022")
    expect(old_fine.locator(".amount")).to_contain_text("1,200,000")

    expect(ban.locator(".action-date")).to_have_text("2021")
    expect(ban.locator(".when")).to_contain_text("action date")
    expect(ban.locator(".when")).to_contain_text("first reported 2021-05-04")
    expect(ban.locator(".span")).to_have_text("2021 → lifted 2023-06")
    assert "ended" in (ban.get_attribute("class") or "")
    assert "ended" not in (fine.get_attribute("class") or "")
    history = ban.locator("details.history-box")
    expect(history.locator("summary")).to_have_text("History: taken 2021 → lifted 2023-06")
    history.locator("summary").click()
    steps = history.locator("ol.history > li")
    expect(steps).to_have_count(2)
    expect(steps.nth(0)).to_contain_text("Title of test-ban · Test Wire · 2021-05-04")
    expect(steps.nth(1)).to_contain_text("lifted 2023-06")
    expect(steps.nth(1)).to_contain_text("Title of test-lift · Test Wire · 2023-07-01")
    assert "test-lift" not in steps.nth(0).inner_text()
    tab.screenshot(path=str(screenshot_path("ui-timeline-events.png")), full_page=True)
    recorder.assert_clean(base_url)


EDGES_JS = """() => window.cy.edges().map(e => ({
    id: e.id(), source: e.source().id(), target: e.target().id(), types: e.data('types'),
    label: e.data('label'), events: e.data('events'), color: e.data('color'),
    ended: e.hasClass('ended'), line: e.style('line-style'), opacity: e.style('opacity'),
}))"""


def test_ended_actions_are_dashed_and_parallel_events_are_bundled(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    """Two fines and a warning of one pair are one edge, labelled with its types and
    counts; the lifted ban of the same pair is its own dashed, faded edge."""
    tab, recorder = page
    search(tab, EXCHANGE)
    expect(tab.locator("#node-list")).to_contain_text(AUTHORITY)
    edges: list[dict[str, Any]] = tab.evaluate(EDGES_JS)
    assert len(edges) == 2, edges
    (bundle,) = [e for e in edges if not e["ended"]]
    (ban,) = [e for e in edges if e["ended"]]
    assert bundle["label"] == f"{REL.fined} ×2 · {REL.warned}"
    assert len(bundle["events"]) == 3 and len(set(bundle["events"])) == 3
    assert bundle["line"] == "solid" and float(bundle["opacity"]) == 1
    assert ban["types"] == [REL.banned] and ban["events"] == [ban["id"]]
    assert ban["line"] == "dashed" and float(ban["opacity"]) < 1
    assert ban["label"] == "BANNED (lifted 2023-06)"
    assert ban["color"] != bundle["color"], "each action type has its own colour"
    expect(tab.locator("#line-legend")).to_contain_text("action in force")
    expect(tab.locator("#line-legend")).to_contain_text("ended action")

    click_element(tab, f'edge[id = "{ban["id"]}"]')
    details = tab.locator("#details")
    expect(details.locator(".fact-dates")).to_contain_text("ended: 2021 → lifted 2023-06")
    expect(details.locator(".fact-dates dt").first).to_have_text("Action date")
    expect(details.locator(".fact-dates dd").first).to_have_text("2021")
    expect(details.locator("ol.history > li")).to_have_count(2)
    expect(details.locator("ol.history")).to_contain_text("Title of test-lift")
    expect(details.locator("blockquote.evidence")).to_have_count(2)
    expect(details).to_contain_text(LIFT_SENTENCE)
    tab.screenshot(path=str(screenshot_path("ui-ended-edge.png")))

    click_element(tab, f'edge[id = "{bundle["id"]}"]')
    expect(details.locator(".fact")).to_have_count(3)
    expect(details).to_contain_text(FINE_SENTENCE)
    expect(details).to_contain_text(OLD_FINE_SENTENCE)
    expect(details).to_contain_text(WARNING_SENTENCE)
    recorder.assert_clean(base_url)


HOLD_NEIGHBOURHOODS = """() => {
    const send = window.fetch;
    window.heldAnswers = [];
    window.fetch = (url, ...rest) => String(url).includes("/neighborhood")
        ? new Promise((answer) => window.heldAnswers.push(() => answer(send(url, ...rest))))
        : send(url, ...rest);
}"""
"""Hold every neighbourhood request in the page until the test releases it."""


def test_an_edge_clicked_while_a_redraw_is_on_its_way_keeps_its_evidence(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    """The later click wins, not the later answer: a search hit's neighbourhood that
    arrives after the user clicked an edge redraws the graph but leaves the evidence."""
    tab, recorder = page
    search(tab, "Evil")
    hit = tab.locator("#hits button", has_text=HOSTILE_NAME)
    expect(tab.locator("#node-list")).to_contain_text("Seychelles")
    tab.evaluate(HOLD_NEIGHBOURHOODS)
    hit.click()
    tab.wait_for_function("() => window.heldAnswers.length === 1")
    evil = entity_id("Exchange", HOSTILE_NAME)
    tab.mouse.click(*element_point(tab, f'edge[source = "{evil}"]'))  # the page stays busy
    evidence = tab.locator("#details blockquote.evidence")
    expect(evidence).to_have_text(HOSTILE_SENTENCE)
    tab.evaluate("() => { window.cy.elements().data('before', true); }")
    tab.evaluate("() => { window.heldAnswers.forEach((release) => release()); }")
    tab.wait_for_function("() => window.cy.elements('[?before]').length === 0")  # redrawn
    settle(tab)  # the hit's own details answer has arrived, and was dropped
    expect(evidence).to_have_text(HOSTILE_SENTENCE)
    recorder.assert_clean(base_url)


# ---- without a browser: the page's sources and its helper endpoints ----


def page_code() -> str:
    """The page's own JavaScript, every module of it."""
    modules = sorted((UI_DIR / "js").glob("*.js"))
    assert len(modules) > 5 and UI_DIR / "js" / "app.js" in modules
    return "\n".join(m.read_text(encoding="utf-8") for m in modules)


def test_page_code_never_builds_html_from_strings() -> None:
    code = page_code()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink
    assert not re.search(r"https?://", code), "the page must only use relative URLs"
    html = (UI_DIR / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)


def test_page_knows_the_ontology_s_ended_status() -> None:
    code = page_code()
    assert f'const ENDED = "{STATUS.ended}";' in code


def test_vendored_cytoscape_is_the_pinned_version() -> None:
    pinned = json.loads((PROJECT_ROOT / "package.json").read_text())["devDependencies"]
    lock = json.loads((PROJECT_ROOT / "package-lock.json").read_text())
    version = pinned["cytoscape"]
    assert lock["packages"]["node_modules/cytoscape"]["version"] == version
    vendor = UI_DIR / "vendor"
    assert (vendor / "VERSIONS.txt").read_text().startswith(f"cytoscape {version} ")
    assert "Permission is hereby granted" in (vendor / "cytoscape.LICENSE.txt").read_text()
    assert (vendor / "cytoscape.min.js").stat().st_size > 100_000


def test_vocabulary_lists_every_type_with_a_colour(tmp_path: Path) -> None:
    with TestClient(create_app(load_settings(), store=EmbeddedStore(tmp_path))) as client:
        body = client.get("/ui/vocabulary.json").json()
        page = client.get("/ui/")
    ont = get_ontology()
    assert [t["name"] for t in body["entity_types"]] == list(ont.entity_types)
    assert [r["name"] for r in body["relations"]] == list(ont.relations)
    assert body["action_types"] == list(ont.action_types)
    colors = [t["color"] for t in body["entity_types"]]
    assert len(set(colors)) == len(colors)
    assert page.status_code == 200 and "cytoscape.min.js" in page.text and "js/app.js" in page.text


def test_colours_tell_node_types_actions_and_other_relations_apart() -> None:
    """Issue 15: LICENSED looked like BANNED (one red for all actions), red was also the
    Exchange colour and orange both Company and REFERRED_BY. Measured in CIEDE2000:
    every action its own colour (>= 12 apart), a licence far from every adverse action
    (>= 40), and no edge colour near a node colour (>= 18)."""
    vocab = vocabulary()
    rels = vocab["relations"]
    actions = [r for r in rels if r["kind"] == "action"]
    assert {r["name"] for r in actions} == set(get_ontology().action_types)
    adverse = [r for r in actions if r["adverse"]]
    licensing = [r for r in actions if not r["adverse"]]
    assert adverse and licensing
    for i, a in enumerate(actions):
        for b in actions[i + 1 :]:
            assert difference(a["color"], b["color"]) >= 12, (a["name"], b["name"])
    for a in adverse:
        for lic in licensing:
            assert difference(a["color"], lic["color"]) >= 40, (a["name"], lic["name"])
    kinds = {r["kind"]: r["color"] for r in rels if r["kind"] != "action"}
    for kind, color in kinds.items():
        assert all(difference(color, a["color"]) >= 12 for a in actions), kind
    for node in vocab["entity_types"]:
        for rel in rels:
            gap = difference(node["color"], rel["color"])
            assert gap >= 18, f"{node['name']} and {rel['name']} look alike ({gap:.1f})"


def test_color_difference_matches_published_ciede2000_values() -> None:
    """Sharma, Wu and Dalal (2005), test pairs 1, 7, 17 and 34."""
    pairs = [
        ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
        ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
        ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
        ((2.0776, 0.0795, -1.135), (0.9033, -0.0636, -0.5514), 0.9082),
    ]
    for lab1, lab2, expected in pairs:
        assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert difference("#000000", "#FFFFFF") == pytest.approx(100, abs=0.01)


def legend_button(page: Page, name: str) -> Locator:
    return page.locator(f'#left .legend-item[data-name="{name}"]')


def test_legend_counts_types_and_filters_apply_to_the_drawn_graph(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    search(tab, EXCHANGE)
    counts = {REL.fined: "2", REL.banned: "1", REL.warned: "1", "Regulator": "1", "Exchange": "1"}
    for name, count in counts.items():
        expect(legend_button(tab, name).locator(".count")).to_have_text(count)
    vocab = {r["name"]: r["color"] for r in vocabulary()["relations"]}
    edges: list[dict[str, Any]] = tab.evaluate(EDGES_JS)
    assert all(e["color"] == vocab[e["types"][0]] for e in edges)

    legend_button(tab, REL.fined).click()
    settle(tab)
    expect(legend_button(tab, REL.fined)).to_have_attribute("aria-pressed", "false")
    labels = sorted(e["label"] for e in tab.evaluate(EDGES_JS))
    assert labels == ["BANNED (lifted 2023-06)", REL.warned]
    assert f"off={REL.fined}" in tab.url
    expect(legend_button(tab, REL.fined).locator(".count")).to_have_text("2")  # still counted

    go_back(tab)
    labels = sorted(e["label"] for e in tab.evaluate(EDGES_JS))
    assert labels == ["BANNED (lifted 2023-06)", f"{REL.fined} ×2 · {REL.warned}"]
    expect(legend_button(tab, REL.fined)).to_have_attribute("aria-pressed", "true")

    # Dates: actions from 2024 on (the 2024 fine and the warning first reported in 2025).
    tab.fill("#since", "2024")
    tab.click("#date-filter button[type=submit]")
    settle(tab)
    assert [e["label"] for e in tab.evaluate(EDGES_JS)] == [f"{REL.fined} · {REL.warned}"]
    assert "since=2024" in tab.url
    tab.fill("#since", "")
    tab.fill("#until", "2021-12")
    tab.click("#date-filter button[type=submit]")
    settle(tab)
    assert [e["label"] for e in tab.evaluate(EDGES_JS)] == ["BANNED (lifted 2023-06)"]
    tab.screenshot(path=str(screenshot_path("ui-filters.png")))

    # A node type switched off: the regulator goes, and with it every edge.
    tab.fill("#until", "")
    tab.click("#date-filter button[type=submit]")
    settle(tab)
    legend_button(tab, "Regulator").click()
    settle(tab)
    assert list(drawn_nodes(tab)) == [entity_id(TYPE.exchange, EXCHANGE)]
    assert tab.evaluate("window.cy.edges().length") == 0
    recorder.assert_clean(base_url)


BINANCE = "exchange:binance"

LABELS_JS = """() => {
    const cy = window.cy, zoom = cy.zoom();
    const labels = cy.nodes().map((n) => {
        const bb = n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true });
        return {
            id: n.id(), text: n.data('label'),
            px: parseFloat(n.style('font-size')) * zoom,
            shown: parseFloat(n.style('text-opacity')) > 0 && n.visible() && !!n.data('label'),
            box: [bb.x1 * zoom, bb.y1 * zoom, bb.x2 * zoom, bb.y2 * zoom],
        };
    });
    return { zoom, labels };
}"""
"""Every node's label as drawn: its size on screen, whether it is shown, its box in pixels."""


def label_overlaps(labels: list[dict[str, Any]]) -> list[tuple[str, str]]:
    shown = [lab for lab in labels if lab["shown"]]
    clashes = []
    for i, a in enumerate(shown):
        for b in shown[i + 1 :]:
            ax1, ay1, ax2, ay2 = a["box"]
            bx1, by1, bx2, by2 = b["box"]
            if ax1 < bx2 and bx1 < ax2 and ay1 < by2 and by1 < ay2:
                clashes.append((a["text"], b["text"]))
    return clashes


def draw_binance(tab: Page) -> None:
    expect(tab.locator("#cy")).to_have_attribute("data-focus", BINANCE)
    settle(tab)


def test_binance_s_neighbourhood_is_readable_at_the_first_fit(
    browser: Browser, corpus_url: str
) -> None:
    """Issue 15 point 1: 43 nodes in one ring at zoom 0.28 with ~3 px labels. Now: no two
    node labels overlap, every label shown is >= 10 px (and all are shown), the 12
    jurisdictions only Binance links to are one cluster node, and the facts of a pair are
    one edge."""
    url = f"{corpus_url}/ui/?q=Binance&focus={BINANCE}"
    with open_page(browser, url) as (tab, recorder):
        draw_binance(tab)
        drawn: dict[str, Any] = tab.evaluate(LABELS_JS)
        labels = drawn["labels"]
        assert len(labels) >= 25, "the neighbourhood is drawn"
        assert label_overlaps(labels) == []
        assert all(lab["shown"] for lab in labels), [lab["text"] for lab in labels]
        assert min(lab["px"] for lab in labels) >= 10, drawn["zoom"]
        clusters = [n for n in drawn_nodes(tab).values() if "cluster" in n]
        assert [c["label"] for c in clusters] == ["12 Jurisdiction (cluster)"]
        edges: list[dict[str, Any]] = tab.evaluate(EDGES_JS)
        pairs = [(e["source"], e["target"], e["ended"]) for e in edges]
        assert len(pairs) == len(set(pairs)), "one edge per pair (ended actions apart)"
        assert any(len(e["events"]) > 1 and len(e["types"]) > 1 for e in edges)
        tab.screenshot(path=str(screenshot_path("ui-desktop-graph.png")))

        # The cluster opens on a double click; its members take their own places.
        double_click_element(tab, "node.cluster")
        opened = drawn_nodes(tab)
        assert not [n for n in opened.values() if "cluster" in n]
        assert sum(n["type"] == "Jurisdiction" for n in opened.values()) == 12
        assert "open=" in tab.url
        recorder.assert_clean(corpus_url)


FOLDING_JS = """async ([groups, open]) => {
  const { drawable } = await import("./js/model.js");
  const { state } = await import("./js/state.js");
  const saved = state.view;
  state.view = { ...saved, open };
  try {
    const hub = { id: "hub", type: "Exchange", name: "Hub" };
    const nodes = [hub];
    const facts = [];
    for (const [type, count] of Object.entries(groups)) {
      for (let i = 0; i < count; i++) {
        const leaf = { id: `${type}:${i}`, type, name: `${type} ${i}` };
        nodes.push(leaf);
        facts.push({ type: "BANNED", source: leaf, target: hub });
      }
    }
    const elements = drawable({ nodes, facts, anchors: new Set(["hub"]) });
    return elements.filter((e) => e.group === "nodes").map((e) => e.data.label);
  } finally {
    state.view = saved;
  }
}"""


def folded(tab: Page, groups: dict[str, int], opened: tuple[str, ...] = ()) -> list[str]:
    """The cluster labels `drawable` gives a hub with leaf groups of these sizes."""
    labels: list[str] = tab.evaluate(FOLDING_JS, [groups, list(opened)])
    return sorted(label for label in labels if label.endswith("(cluster)"))


def test_only_as_many_leaf_groups_fold_as_keep_the_drawing_readable(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    """A hub with 16 jurisdictions, 11 regulators and 10 firms as leaves: folding the
    jurisdictions is enough, so its regulators (who acted on it: the story) stay drawn,
    and opening the jurisdictions' cluster folds nothing else; many more leaves fold
    both groups."""
    tab, recorder = page
    settle(tab)
    leaves = {"Jurisdiction": 16, "Regulator": 11, "Company": 10}
    assert folded(tab, leaves) == ["16 Jurisdiction (cluster)"]
    assert folded(tab, leaves, ("hub|Jurisdiction",)) == []
    assert folded(tab, {"Jurisdiction": 40, "Regulator": 38}) == [
        "38 Regulator (cluster)",
        "40 Jurisdiction (cluster)",
    ]
    assert folded(tab, {"Jurisdiction": 12, "Regulator": 8}) == [], "a drawing that fits"
    recorder.assert_clean(base_url)


def test_an_ambiguous_search_lists_its_hits_with_their_places_before_drawing(
    browser: Browser, corpus_url: str
) -> None:
    """Issue 15: "SEC" quietly drew Nigeria's SEC out of four tied hits."""
    with open_page(browser, f"{corpus_url}/ui/") as (tab, recorder):
        search(tab, "SEC")
        expect(tab.locator("#status")).to_contain_text("equally good matches")
        assert tab.evaluate("window.cy.nodes().length") == 0
        hits = tab.locator("#hits li")
        assert hits.count() >= 4
        places = tab.locator("#hits .where")
        expect(places.first).not_to_have_text("…")
        texts = hits.all_inner_texts()
        assert any("Nigeria" in t for t in texts) and any("Thailand" in t for t in texts), texts
        assert "focus=" not in tab.url and "q=SEC" in tab.url

        search(tab, "Binance")
        expect(tab.locator("#status")).to_contain_text("equally good matches")
        tab.locator(f'#hits li[data-id="{BINANCE}"] button').click()
        draw_binance(tab)
        assert f"focus={BINANCE.replace(':', '%3A')}" in tab.url
        recorder.assert_clean(corpus_url)


def test_select_expand_hide_collapse_undo_and_the_url(
    page: tuple[Page, Recorder], base_url: str, browser: Browser
) -> None:
    tab, recorder = page
    search(tab, "OKX")
    assert "focus=exchange%3Aokx" in tab.url
    start = set(drawn_nodes(tab))

    # Expand by relation type from the details pane (here: only what PBOC BLOCKED).
    double_click_element(tab, 'node[id = "jurisdiction:china"]')
    click_element(tab, f'node[id = "{PBOC}"]')
    tab.locator("#details .expand-by button", has_text=REL.blocked).click()
    settle(tab)
    expanded = drawn_nodes(tab)
    assert any(n.get("unnamed") for n in expanded.values())
    pboc_edges = tab.evaluate(
        f"window.cy.getElementById('{PBOC}').connectedEdges().map(e => e.data('types')).flat()"
    )
    assert REL.blocked in pboc_edges
    assert "expand=jurisdiction%3Achina" in tab.url and f"%7C{REL.blocked}" in tab.url

    # Hide a node, then undo.
    click_element(tab, 'node[id = "jurisdiction:beijing"]')
    tab.locator("#details .actions button", has_text="Hide").click()
    settle(tab)
    assert "jurisdiction:beijing" not in drawn_nodes(tab)
    tab.click("#undo")
    settle(tab)
    assert "jurisdiction:beijing" in drawn_nodes(tab)

    # A link to this view draws the same graph in another tab.
    with open_page(browser, tab.url) as (other, other_recorder):
        expect(other.locator("#cy")).to_have_attribute("data-focus", OKX)
        settle(other)
        assert set(drawn_nodes(other)) == set(drawn_nodes(tab))
        other_recorder.assert_clean(base_url)

    # Collapse China: what its expansion added goes; Back brings it again.
    click_element(tab, 'node[id = "jurisdiction:china"]')
    tab.locator("#details .actions button", has_text="Collapse").click()
    settle(tab)
    assert "jurisdiction:beijing" not in drawn_nodes(tab)
    assert start <= set(drawn_nodes(tab))
    go_back(tab)
    assert "jurisdiction:beijing" in drawn_nodes(tab)

    # A search with no match clears the canvas.
    search(tab, "Xylophone Qqqq")
    expect(tab.locator("#status")).to_contain_text("Nothing matches")
    assert tab.evaluate("window.cy.elements().length") == 0
    recorder.assert_clean(base_url)


def test_a_hub_s_left_out_facts_are_offered_and_drawn_page_by_page(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    """Issue 16 point 4: the API caps a hub's answer per relation type and says what it
    left out; the details pane offers it ("7 more WARNED from it") and draws it."""
    tab, recorder = page
    per_type = HubLimits().per_type
    search(tab, HUB)
    assert f"focus={entity_id(TYPE.regulator, HUB).replace(':', '%3A')}" in tab.url

    def members() -> int:
        """Firms drawn, each on its own or in a cluster node."""
        nodes = drawn_nodes(tab).values()
        return sum(len(n.get("members", [])) or 1 for n in nodes if n["type"] == TYPE.company)

    assert members() == per_type
    more = tab.locator("#details .more-pages button")
    expect(more).to_have_count(1)
    expect(more).to_have_text(f"{HUB_FIRMS - per_type} more {REL.warned} from it")
    more.click()
    settle(tab)
    assert members() == HUB_FIRMS
    assert "more=" in tab.url
    expect(tab.locator("#details .more-pages button")).to_have_count(0)
    # Undo takes the page away again.
    tab.click("#undo")
    settle(tab)
    assert members() == per_type
    recorder.assert_clean(base_url)


def test_evidence_is_in_view_highlighted_and_sorted_and_the_timeline_link_selects_the_edge(
    browser: Browser, corpus_url: str
) -> None:
    """Issue 15 point 2: an edge's evidence rendered at y = 1585 in a 900 px window."""
    url = f"{corpus_url}/ui/?q=Binance&focus={BINANCE}"
    with open_page(browser, url) as (tab, recorder):
        draw_binance(tab)
        edges: list[dict[str, Any]] = tab.evaluate(EDGES_JS)
        bundle = max(edges, key=lambda e: len(e["events"]))
        click_element(tab, f'edge[id = "{bundle["id"]}"]')
        assert tab.evaluate("window.cy.$(':selected').map(e => e.id())") == [bundle["id"]]
        assert float(tab.evaluate(f"window.cy.getElementById('{bundle['id']}')"
                                  ".style('underlay-opacity')")) > 0  # fmt: skip
        quote = tab.locator("#details blockquote.evidence").first
        expect(quote).to_be_visible()
        box = quote.bounding_box()
        assert box is not None and box["y"] + box["height"] <= VIEWPORT["height"], box
        for fact in tab.locator("#details .fact").all():
            lines = fact.locator(".source").all_inner_texts()
            dates = [m.group(0) for t in lines if (m := re.search(r"\d{4}-\d{2}-\d{2}", t))]
            assert dates == sorted(dates), lines

        tab.click("#tab-timeline")
        settle(tab)
        item = tab.locator("#timeline > li").first
        event = item.get_attribute("data-event")
        item.locator("button", has_text="evidence").click()
        settle(tab)
        expect(tab.locator("#graph-view")).to_be_visible()
        selected = tab.evaluate("window.cy.$('edge:selected').map(e => e.data('events')).flat()")
        assert event in selected
        expect(tab.locator(f'#details .fact[data-event="{event}"]')).to_be_visible()
        recorder.assert_clean(corpus_url)


PHONE = {"width": 390, "height": 844}


def test_phone_layout_stacks_the_canvas_over_tabbed_panels_and_works_by_touch(
    browser: Browser, corpus_url: str
) -> None:
    """Issue 15 point 5: at 390 px the canvas was 0 px wide and the grid clipped a panel."""
    url = f"{corpus_url}/ui/?q=Binance&focus={BINANCE}"
    with open_page(browser, url, viewport=PHONE, touch=True) as (tab, recorder):
        draw_binance(tab)
        canvas = tab.locator("#cy").bounding_box()
        tabs = tab.locator("#panel-tabs").bounding_box()
        assert canvas and tabs and canvas["width"] >= 0.9 * PHONE["width"]
        assert canvas["height"] >= 300 and canvas["y"] + canvas["height"] <= tabs["y"]
        page_width = tab.evaluate("document.documentElement.scrollWidth")
        assert page_width <= PHONE["width"], "nothing wider than the screen"
        tab.screenshot(path=str(screenshot_path("ui-phone-graph.png")))

        edges: list[dict[str, Any]] = tab.evaluate(EDGES_JS)
        action = next(e for e in edges if e["types"][0] in get_ontology().action_types)
        tab.touchscreen.tap(*element_point(tab, f'edge[id = "{action["id"]}"]'))
        settle(tab)
        expect(tab.locator('#panel-tabs .tab[data-panel="details"]')).to_have_attribute(
            "aria-pressed", "true"
        )
        expect(tab.locator("#details blockquote.evidence").first).to_be_visible()
        expect(tab.locator("#left")).to_be_hidden()
        tab.screenshot(path=str(screenshot_path("ui-phone-details.png")), full_page=True)

        tab.locator('#panel-tabs .tab[data-panel="find"]').tap()
        expect(tab.locator("#legend")).to_be_visible()
        expect(tab.locator("#details-pane")).to_be_hidden()
        tab.locator("#tab-timeline").tap()
        settle(tab)
        expect(tab.locator("#timeline > li").first).to_be_visible()
        tab.screenshot(path=str(screenshot_path("ui-phone-timeline.png")))
        recorder.assert_clean(corpus_url)


def test_keyboard_reaches_every_node_and_its_evidence(
    page: tuple[Page, Recorder], base_url: str
) -> None:
    tab, recorder = page
    tab.focus("#search-input")
    tab.keyboard.type(EXCHANGE)
    tab.keyboard.press("Enter")
    settle(tab)
    buttons = tab.locator("#node-list button")
    expect(buttons).to_have_count(len(drawn_nodes(tab)))
    buttons.filter(has_text=AUTHORITY).focus()
    tab.keyboard.press("Enter")
    settle(tab)
    expect(tab.locator("#details h3")).to_contain_text(AUTHORITY)
    edge_button = tab.locator("#details .edge-list button", has_text=REL.fined)
    edge_button.focus()
    tab.keyboard.press("Enter")
    settle(tab)
    expect(tab.locator("#details")).to_contain_text(FINE_SENTENCE)
    selected = tab.evaluate("window.cy.$('edge:selected').map(e => e.data('types')).flat()")
    assert REL.fined in selected
    recorder.assert_clean(base_url)


def test_desktop_screenshots_of_each_view(browser: Browser, corpus_url: str) -> None:
    """The desktop views people look at (artifacts/; the phone ones come from the phone
    test): the timeline, and the graph with an edge's evidence open."""
    url = f"{corpus_url}/ui/?q=Binance&focus={BINANCE}"
    with open_page(browser, url) as (tab, recorder):
        draw_binance(tab)
        edges: list[dict[str, Any]] = tab.evaluate(EDGES_JS)
        action = next(e for e in edges if len(e["types"]) > 1)
        click_element(tab, f'edge[id = "{action["id"]}"]')
        expect(tab.locator("#details blockquote.evidence").first).to_be_visible()
        tab.screenshot(path=str(screenshot_path("ui-desktop-evidence.png")))
        tab.click("#tab-timeline")
        settle(tab)
        expect(tab.locator("#timeline > li").first).to_be_visible()
        tab.screenshot(path=str(screenshot_path("ui-desktop-timeline.png")))
        recorder.assert_clean(corpus_url)
