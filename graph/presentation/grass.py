"""The Neo4j Browser style (GraSS) for cryptoreg's graph, generated from the ontology.

Every entity type label gets its colour from graph/presentation/palette.py and the caption `{name}`;
the bookkeeping nodes (`Alias`, `Article`) and links (`ALIAS_OF`, `MENTIONED_IN`) are
muted; relationships are captioned with their type and coloured by kind.

The shipped copy, graph/presentation/neo4j_browser.grass, is what people drag onto the Browser or
load with `:style <url>` (the API serves it at /neo4j/style.grass); tests/test_neo4j_style.py
fails when it differs from `render_grass()`. Rewrite it with `python -m graph.presentation.grass`.
The same rules as one-line JSON go into `browser.post_connect_cmd` (graph/neo4j_server/conf.py),
so a Browser connecting to the project's server is styled without any step.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from graph.ontology import LABEL, Ontology, get_ontology
from graph.presentation.palette import (
    LINK_COLOR,
    STRUCTURAL_COLORS,
    entity_swatches,
    relation_colors,
    swatch,
)

GRASS_FILE = Path(__file__).with_name("neo4j_browser.grass")
Rules = dict[str, dict[str, str]]

# The non-entity labels and links the stores write, with the property that names them.
STRUCTURAL_CAPTIONS = {LABEL.alias: "{name}", LABEL.article: "{title}"}
LINK_TYPES = (LABEL.alias_of, LABEL.mentioned_in)

_DEFAULT_NODE = {
    "diameter": "50px",
    "color": "#A5ABB6",
    "border-color": "#9AA1AC",
    "border-width": "2px",
    "text-color-internal": "#FFFFFF",
    "font-size": "10px",
}
_DEFAULT_RELATIONSHIP = {
    "color": "#A5ABB6",
    "shaft-width": "1px",
    "font-size": "8px",
    "padding": "3px",
    "text-color-external": "#000000",
    "text-color-internal": "#FFFFFF",
    "caption": "<type>",
}


def _node_rule(color: str, caption: str, diameter: str) -> dict[str, str]:
    paint = swatch(color)
    return {
        "diameter": diameter,
        "color": paint.color,
        "border-color": paint.border,
        "text-color-internal": paint.text,
        "caption": caption,
    }


def grass_rules(ont: Ontology | None = None) -> Rules:
    """Selector to properties, in the order the Browser applies them (later rules win)."""
    ont = ont or get_ontology()
    rules: Rules = {"node": dict(_DEFAULT_NODE), "relationship": dict(_DEFAULT_RELATIONSHIP)}
    for name, paint in entity_swatches(ont).items():
        rules[f"node.{name}"] = _node_rule(paint.color, "{name}", "60px")
    for label, caption in STRUCTURAL_CAPTIONS.items():
        rules[f"node.{label}"] = _node_rule(STRUCTURAL_COLORS[label], caption, "40px")
    for rel, color in relation_colors(ont).items():
        rules[f"relationship.{rel}"] = {"color": color, "shaft-width": "2px", "caption": "<type>"}
    for rel in LINK_TYPES:
        rules[f"relationship.{rel}"] = {"color": LINK_COLOR, "shaft-width": "1px"}
    return rules


def render_grass(rules: Rules | None = None) -> str:
    """The GraSS text, laid out as the Browser writes it; no comments, which it cannot parse."""
    rules = rules if rules is not None else grass_rules()
    blocks = []
    for selector, props in rules.items():
        lines = [
            f"  {key}: '{value}';" if key == "caption" else f"  {key}: {value};"
            for key, value in props.items()
        ]
        blocks.append(f"{selector} {{\n" + "\n".join(lines) + "\n}\n")
    return "\n".join(blocks)


def grass_json(rules: Rules | None = None) -> str:
    """The rules as compact JSON, which `:style` accepts inline and which has no ';' in it."""
    text = json.dumps(rules if rules is not None else grass_rules(), separators=(",", ":"))
    if ";" in text or "\n" in text:  # browser.post_connect_cmd splits commands on ';'
        raise ValueError("the style JSON must be one line without ';'")
    return text


def post_connect_command() -> str:
    """The `browser.post_connect_cmd` value that styles the Browser when it connects."""
    return "style " + grass_json()


def write_grass(path: Path = GRASS_FILE) -> bool:
    """Rewrite the shipped GraSS file if it is stale; returns whether it changed."""
    text = render_grass()
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


if __name__ == "__main__":
    changed = write_grass()
    print(f"{GRASS_FILE} {'rewritten' if changed else 'already up to date'}", file=sys.stderr)
