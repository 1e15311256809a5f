"""One colour per entity type and per action type or relation kind, shared by Neo4j Browser and /ui.

Colours are given out in the ontology's order of entity types, so a type keeps its
colour while types are only appended, and both views of the graph agree. The text
colour drawn on a node is picked for contrast (WCAG relative luminance).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.ontology import LABEL, REL, Ontology, get_ontology

# Distinct, print-safe colours; entity types take them in ontology order (cycling if
# the ontology ever outgrows the list, which tests/test_neo4j_style.py flags). No fill
# is red, magenta, orange, dark green, black or mid grey: those hues belong to the
# relations below, so a node never looks like an edge (tests/test_ui.py measures the
# CIEDE2000 distances).
PALETTE = (
    "#4C78A8",
    "#2A9D8F",
    "#6F4E9C",
    "#3E5C76",
    "#EECA3B",
    "#B6992D",
    "#54A24B",
    "#FFB5BD",
    "#8CD17D",
    "#FFD8A8",
    "#9D755D",
    "#72B7B2",
    "#E0E0E0",
    "#79A6DC",
    "#C9B8E0",
    "#D4A6C8",
    "#A0A0A0",
)
# Nodes that are not entities: alias names and source articles.
STRUCTURAL_COLORS = {LABEL.alias: "#DDDDDD", LABEL.article: "#E8E2D0"}
# Each action its own colour: adverse ones in reds, magentas and orange, the one that
# is not adverse (a licence) in dark green; a referral black, structure light grey.
ACTION_COLORS = {
    REL.banned: "#7F0000",
    REL.blocked: "#D7191C",
    REL.fined: "#C51B7D",
    REL.sued: "#5E0B4A",
    REL.investigated: "#FF4F4F",
    REL.warned: "#E65C00",
    REL.licensed: "#006400",
}
RELATION_KIND_COLORS = {"action": "#7F0000", "referral": "#000000", "structure": "#999999"}
LINK_COLOR = "#BBBBBB"  # ALIAS_OF and MENTIONED_IN, which are bookkeeping, not facts
DARK_TEXT, LIGHT_TEXT = "#1E1E1E", "#FFFFFF"


@dataclass(frozen=True)
class Swatch:
    """How one kind of node is painted: fill, border and the caption's colour on the fill."""

    color: str
    border: str
    text: str


def _channels(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white)."""

    def linear(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in _channels(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def swatch(hex_color: str) -> Swatch:
    """A fill with a 25% darker border and whichever text colour contrasts more with it."""
    border = "#" + "".join(f"{int(c * 0.75):02X}" for c in _channels(hex_color))
    lum = luminance(hex_color)
    dark_contrast = (lum + 0.05) / (luminance(DARK_TEXT) + 0.05)
    light_contrast = 1.05 / (lum + 0.05)
    return Swatch(hex_color, border, DARK_TEXT if dark_contrast >= light_contrast else LIGHT_TEXT)


def entity_swatches(ont: Ontology | None = None) -> dict[str, Swatch]:
    """Each entity type's swatch, in ontology order."""
    ont = ont or get_ontology()
    return {name: swatch(PALETTE[i % len(PALETTE)]) for i, name in enumerate(ont.entity_types)}


def relation_colors(ont: Ontology | None = None) -> dict[str, str]:
    """Each relation type's line colour: an action's own, else its kind's."""
    ont = ont or get_ontology()
    return {
        name: ACTION_COLORS.get(name, RELATION_KIND_COLORS[rel.kind])
        for name, rel in ont.relations.items()
    }
