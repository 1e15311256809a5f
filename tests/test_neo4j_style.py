"""The Neo4j Browser style: derived from the ontology, shipped up to date, served, applied."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from graph.neo4j_server.conf import render_conf
from graph.ontology import get_ontology, parse_ontology
from graph.presentation.grass import (
    GRASS_FILE,
    LINK_TYPES,
    STRUCTURAL_CAPTIONS,
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
    conf = render_conf(load_settings()).splitlines()
    assert f"browser.post_connect_cmd={command}" in conf


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
