"""A stand-in gazetteer of countries only (pycountry), used while `ingest.gazetteer` is absent.

It carries no curated data: the real lists live in `ingest/gazetteer/`. This keeps
the extractor runnable (and its tests meaningful) without that package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FallbackEntry:
    name: str
    type: str = "Jurisdiction"
    aliases: list[dict[str, Any]] = field(default_factory=list)
    ambiguous_aliases: list[str] = field(default_factory=list)
    jurisdiction: str | None = None
    parent: str | None = None
    qid: str | None = None
    needs_context: bool = False


@dataclass
class FallbackGazetteer:
    entries: list[FallbackEntry]
    adjectives: dict[str, list[str]] = field(default_factory=dict)


def load_fallback() -> FallbackGazetteer:
    """Countries with their official and common names as aliases."""
    import pycountry

    entries = []
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        aliases = [
            {"name": n, "kind": "other"}
            for n in {c.name, getattr(c, "official_name", None)}
            if n and n != name and "," not in n
        ]
        entries.append(FallbackEntry(name=name, aliases=aliases))
    return FallbackGazetteer(entries)
