"""The Neo4j Browser style: derived from the ontology, shipped up to date, served, applied."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.named.catalogue import load_queries
from graph.neo4j_server.conf import render_conf
from graph.ontology import ENDED, REL, STATUS, get_ontology, parse_ontology
from graph.presentation.grass import (
    GRASS_FILE,
    LINK_TYPES,
    STRUCTURAL_CAPTIONS,
    action_caption,
    grass_json,
    grass_rules,
    post_connect_command,
    render_grass,
)
from graph.presentation.palette import PALETTE, luminance, swatch
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore

HEX = re.compile(r"^#[0-9A-F]{6}$")


def test_shipped_grass_file_is_up_to_date() -> None:
    assert GRASS_FILE.read_text(encoding="utf-8") == render_grass(), (
        "graph/presentation/neo4j_browser.grass is stale: run "
        "`.venv/bin/python -m graph.presentation.grass`"
    )


def test_every_label_is_coloured_and_captioned() -> None:
    ont = get_ontology()
    rules = grass_rules(ont)
    for name in ont.entity_types:
        rule = rules[f"node.{name}"]
        assert rule["caption"] == "{name}"
        assert HEX.match(rule["color"]) and HEX.match(rule["border-color"])
    entity_colors = [rules[f"node.{n}"]["color"] for n in ont.entity_types]
    assert len(set(entity_colors)) == len(entity_colors), "two entity types share a colour"
    assert len(ont.entity_types) <= len(PALETTE), "add colours to graph/palette.py"
    for label, caption in STRUCTURAL_CAPTIONS.items():
        assert rules[f"node.{label}"]["caption"] == caption
    for rel in [*ont.relations, *LINK_TYPES]:
        assert f"relationship.{rel}" in rules
    assert rules["relationship"]["caption"] == "<type>"
    for rel in ont.relations:
        caption = rules[f"relationship.{rel}"]["caption"]
        assert caption == ("<type>" if rel not in ont.action_types else action_caption(ont, rel))


def browser_caption(template: str, rel_type: str, props: Mapping[str, object]) -> str:
    """Neo4j Browser 5's `graphStyle.interpolate` for a relationship, as in its bundle:
    each `{key}` becomes the property (a list joined by ', ') or nothing; a caption that
    is exactly `<type>` becomes the type, and `<type>` anywhere else stays as it is."""

    def value(m: re.Match[str]) -> str:
        v = props.get(m[1])
        if isinstance(v, list):
            return ", ".join(map(str, v))
        return str(v) if isinstance(v, str | int | float) else ""

    text = re.sub(r"\{([^{}]*)\}", value, template)
    return rel_type if text == "<type>" else text


def test_action_captions_say_when_an_action_was_taken_and_how_it_ended() -> None:
    """GraSS cannot select on a property, so the caption carries the event's life: the
    type (written out), the action's date, FINED's amount, then how and when it ended."""
    rules = grass_rules()

    def shown(rel: str, props: Mapping[str, object]) -> str:
        return " ".join(
            browser_caption(rules[f"relationship.{rel}"]["caption"], rel, props).split()
        )

    lifted = {
        "date": "2021",
        "status": STATUS.ended,
        "ended_how": ENDED.lifted,
        "ended_on": "2023-06",
        "event_id": "ev-1",
    }
    assert shown(REL.banned, lifted) == "BANNED 2021 lifted 2023-06"
    assert shown(REL.banned, {"date": "2021-09", "status": STATUS.active}) == "BANNED 2021-09"
    assert shown(REL.banned, {"status": STATUS.active}) == "BANNED"
    fine = {"date": "2024-03-12", "status": STATUS.active, "amount": 5000000.0, "currency": "USD"}
    assert shown(REL.fined, fine) == "FINED 2024-03-12 5000000.0 USD"
    revoked = {"status": STATUS.ended, "ended_how": ENDED.revoked, "ended_on": "2024"}
    assert shown(REL.licensed, revoked) == "LICENSED revoked 2024"
    assert shown(REL.headquartered_in, {"sources": ["a"]}) == REL.headquartered_in
    ont = get_ontology()
    for rel in ont.action_types:
        caption = rules[f"relationship.{rel}"]["caption"]
        assert caption.startswith(f"{rel} {{date}}") and caption.endswith("{ended_how} {ended_on}")
        assert "<type>" not in caption and ":" not in caption and ";" not in caption


def test_labels_follow_the_ontology_not_a_list_written_here() -> None:
    data = {
        "namespace": "https://example.org/o#",
        "entity_types": {
            "Ship": {"description": "A ship.", "rdf": ["schema:Thing"], "id_prefix": "ship"},
            "Port": {"description": "A port.", "rdf": ["schema:Place"], "id_prefix": "port"},
        },
        "groups": {"actor": ["Port"]},
        "relations": {"DOCKED_AT": {"kind": "structure", "from": ["Ship"], "to": ["Port"]}},
        "alias_kinds": ["other"],
        "provenance": ["sources"],
    }
    rules = grass_rules(parse_ontology(data))
    assert {"node.Ship", "node.Port", "relationship.DOCKED_AT"} <= set(rules)
    assert "node.Exchange" not in rules


def test_caption_text_contrasts_with_its_fill() -> None:
    for color in PALETTE:
        paint = swatch(color)
        hi, lo = sorted([luminance(color), luminance(paint.text)], reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 3.0, color


def test_grass_is_what_the_browser_parser_reads() -> None:
    """Neo4j Browser's GraSS parser (grassUtils.parseGrassCSS): `selector { key: value; }`,
    values without ':' and quotes only around captions; no comments."""
    text = render_grass()
    assert "/*" not in text and "//" not in text
    parsed: dict[str, dict[str, str]] = {}
    for selector, body in re.findall(r"([\w.]+) \{\n(.*?)\n\}", text, re.S):
        props = {}
        for line in body.splitlines():
            key, value = line.strip().rstrip(";").split(": ")
            props[key] = value.strip("'")
        parsed[selector] = props
    assert parsed == grass_rules()


def test_post_connect_command_applies_the_same_style_inline() -> None:
    command = post_connect_command()
    assert command.startswith("style {") and ";" not in command and "\n" not in command
    assert json.loads(command.removeprefix("style ")) == grass_rules() == json.loads(grass_json())
    settings = load_settings()
    conf = render_conf(settings).splitlines()
    greeting = (
        f"style {grass_json()}; clear; play http://localhost:{settings.port}/neo4j/guide.html"
    )
    assert f"browser.post_connect_cmd={greeting}" in conf


def test_api_serves_the_browser_guide_with_every_named_query(tmp_path: Path) -> None:
    """The guide the post-connect command plays: a welcome card drawing a neighbourhood,
    then one card per named query with its `:param` examples and Cypher, runnable."""
    queries = load_queries()
    with TestClient(create_app(load_settings(), store=EmbeddedStore(tmp_path))) as client:
        response = client.get("/neo4j/guide.html", headers={"Origin": "http://127.0.0.1:7474"})
    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["content-type"].startswith("text/html")
    slides = re.findall(r"<slide[^>]*>(.*?)</slide>", response.text, re.S)
    assert len(slides) == 1 + len(queries)
    assert "MATCH p = (e:Entity {id: &#x27;exchange:okx&#x27;})" in slides[0]
    for slide, query in zip(
        slides[1:], sorted(queries.values(), key=lambda q: q.name), strict=True
    ):
        blocks = re.findall(r'<pre class="code runnable">(.*?)</pre>', slide, re.S)
        assert len(blocks) == 1, query.name
        code = html.unescape(blocks[0])
        assert code.endswith(query.cypher), query.name
        assert all(f":param {p} =>" in code for p in query.examples), query.name
        assert html.escape(query.description) in slide


def test_api_serves_the_style_to_any_origin(tmp_path: Path) -> None:
    with TestClient(create_app(load_settings(), store=EmbeddedStore(tmp_path))) as client:
        response = client.get("/neo4j/style.grass", headers={"Origin": "http://127.0.0.1:7474"})
    assert response.status_code == 200
    assert response.text == GRASS_FILE.read_text(encoding="utf-8")
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["content-type"].startswith("text/plain")


def test_style_preflight_allows_the_browser_origin(tmp_path: Path) -> None:
    """Chromium asks first when the Browser (127.0.0.1:7474) fetches from localhost:8000."""
    headers = {
        "Origin": "http://127.0.0.1:7474",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Private-Network": "true",
    }
    with TestClient(create_app(load_settings(), store=EmbeddedStore(tmp_path))) as client:
        response = client.options("/neo4j/style.grass", headers=headers)
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["access-control-allow-private-network"] == "true"
    assert "GET" in response.headers["access-control-allow-methods"]
