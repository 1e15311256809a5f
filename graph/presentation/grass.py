"""The Neo4j Browser style (GraSS) for cryptoreg's graph, generated from the ontology.

Every entity type label gets its colour from graph/presentation/palette.py and the caption `{name}`;
the bookkeeping nodes (`Alias`, `Article`) and links (`ALIAS_OF`, `MENTIONED_IN`) are
muted; relationships are coloured by kind, and captioned with their type (actions: below).

Actions are events with a life (ONTOLOGY.md, "Actions are events with a life (v2)"): an
action relationship's caption is its type followed by its own date, its amount where the
relation has one (FINED), and how and when it ended, e.g. `BANNED 2021 lifted 2023-06`
for a lifted ban and `BANNED 2021` for one in force; /ui says the same as
`BANNED (lifted 2023-06)` on a dashed, faded line. That caption is as far as GraSS goes:

* GraSS selects on labels and relationship types only, never on property values, so an
  ended action cannot get its own colour, width or dash: it looks like an active one
  except for its caption. (Nor does GraSS have dashed lines or opacity at all.)
* A caption is one template per type. `<type>` is only replaced when it is the whole
  caption, so the type is written out in each action's own rule; each `{property}` is
  replaced by the relationship's value or by nothing, which is why an active action's
  caption simply stops after its date.
* The caption needs the relationship properties `date`, `ended_how`, `ended_on` (and
  `amount`, `currency`) that the Neo4j store writes on every action; to see only what is
  still in force, filter in Cypher (`WHERE r.status = 'active'`) rather than by style.

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

# The action properties a caption shows, around the relation's own ones (FINED: amount,
# currency): the event's date first, how and when it ended last. `status` itself is left
# out: `ended_how` already says an action ended, and "active" on every edge is noise.
DATE_PROPERTY = "date"
STATUS_PROPERTY = "status"
ENDING_PROPERTIES = ("ended_how", "ended_on")

# The non-entity labels and links the stores write, with the property that names them.
# An article's `caption` is its title cut to a few words by the Neo4j store (records.py
# `short_caption`); its circle is as large as an entity's so the Browser, which cuts a
# caption to about radius² π / font-size² characters, shows all of it.
STRUCTURAL_CAPTIONS = {LABEL.alias: "{name}", LABEL.article: "{caption}"}
STRUCTURAL_DIAMETERS = {LABEL.alias: "40px", LABEL.article: "60px"}
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
        diameter = STRUCTURAL_DIAMETERS[label]
        rules[f"node.{label}"] = _node_rule(STRUCTURAL_COLORS[label], caption, diameter)
    for rel, color in relation_colors(ont).items():
        rules[f"relationship.{rel}"] = {
            "color": color,
            "shaft-width": "2px",
            "caption": action_caption(ont, rel) if rel in ont.action_types else "<type>",
        }
    for rel in LINK_TYPES:
        rules[f"relationship.{rel}"] = {"color": LINK_COLOR, "shaft-width": "1px"}
    return rules


def action_caption(ont: Ontology, rel: str) -> str:
    """`TYPE {date} {amount} {currency} {ended_how} {ended_on}`: the type written out (a
    caption with more than `<type>` in it never gets the type), then the event's properties."""
    lifecycle = {STATUS_PROPERTY, *ENDING_PROPERTIES}
    own = [p for p in ont.relations[rel].properties if p not in lifecycle]
    shown = [DATE_PROPERTY, *own, *ENDING_PROPERTIES]
    return " ".join([rel, *(f"{{{p}}}" for p in shown)])


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
