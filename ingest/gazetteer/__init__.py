"""The curated gazetteer the rule-based extractor matches: bodies, firms, places, coins, laws.

Data: `ingest/gazetteer/*.yaml`, one file per kind of entity, each with a `source`
and a list of `entries` (see `schema.py` for the fields and the matching rules).
Countries and territories come from pycountry, shaped by `countries.yaml`.

Use `load_gazetteer()` (built once per process) and feed
`gazetteer.surface_forms()` to the automaton; each form unpacks as
`(text, entry, kind, ambiguous)` and also says `case_sensitive` and
`needs_context`. `gazetteer.by_name(name)` resolves a mention to its entries and
`gazetteer.adjectives` maps a country to its adjectives ("China": ["Chinese"]),
which are deliberately not aliases.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ingest.gazetteer.cache import CACHE_DIR

if TYPE_CHECKING:
    from ingest.gazetteer.model import Gazetteer, GazetteerEntry, SurfaceForm
    from ingest.gazetteer.schema import AliasSpec, GazetteerError, is_all_caps_abbreviation

__all__ = [
    "DATA_DIR",
    "AliasSpec",
    "Gazetteer",
    "GazetteerEntry",
    "GazetteerError",
    "SurfaceForm",
    "is_all_caps_abbreviation",
    "load_gazetteer",
]

# (loader.DATA_DIR too: this package's folder)
DATA_DIR = Path(__file__).resolve().parent


def __getattr__(name: str) -> Any:
    """The model's and the schema's names, imported on first use: a `cryptoreg extract`
    whose built index is cached (extraction/names/gazetteer_index.py) reads no YAML and
    needs neither them nor the loader, pycountry and the checks behind them."""
    if name in ("Gazetteer", "GazetteerEntry", "SurfaceForm"):
        from ingest.gazetteer import model

        return getattr(model, name)
    if name in ("AliasSpec", "GazetteerError", "is_all_caps_abbreviation"):
        from ingest.gazetteer import schema

        return getattr(schema, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _shipped() -> Gazetteer:
    from ingest.gazetteer.loader import build_gazetteer

    return build_gazetteer(DATA_DIR, cache_dir=CACHE_DIR)


def load_gazetteer(directory: Path | None = None, *, with_pycountry: bool = True) -> Gazetteer:
    """The shipped gazetteer (cached per process), or the one in `directory` (read afresh).

    Raises `GazetteerError` naming the file and entry on any bad data.
    """
    from ingest.gazetteer.loader import build_gazetteer

    if directory is None and with_pycountry:
        return _shipped()
    return build_gazetteer(directory or DATA_DIR, with_pycountry=with_pycountry)
