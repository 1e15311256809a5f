"""`cryptoreg extract FILE` imports what extracting one article needs, and nothing else.

The scorer and users run one process per article, so every module the command imports
is paid per article: the API, the stores, RDF, the Neo4j driver and the HTTP stack
are not imported at all, nor (once the built gazetteer index is cached) the gazetteer's
YAML loader with pycountry, nor Rich (the JSON is printed without it). The command runs
in a subprocess with its own cache folder: a first run fills the caches, the second is
the one every later run is, and its `sys.modules` is read.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "examples" / "japan-fsa-warns-binance.txt"

# The extract command's process imports none of these (or any of their submodules).
NOT_NEEDED = (
    "api.app",
    "api.routers",
    "fastapi",
    "starlette",
    "uvicorn",
    "httpx",
    "graph.store",
    "graph.rdf",
    "rdflib",
    "pyshacl",
    "neo4j",
    "networkx",
    "trafilatura",
    "feedparser",
    "rich",
    "pydantic_settings",  # (with nothing configured: graph/environment.py)
    "asyncio",
    "pycountry",
    "yaml",  # (the ontology and the gazetteer are read through their cached copies)
    "ingest.gazetteer.loader",
    "ingest.pipeline",
)

_RUN = """
import json, sys
from api.cli import app
sys.argv = ["cryptoreg", "extract", sys.argv[1]]
try:
    app()
finally:
    sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def _setting_names() -> set[str]:
    """The environment names `Settings` reads (its fields' names and aliases), lower case."""
    names = set()
    for name, info in Settings.model_fields.items():
        names |= {name, info.alias or name, *getattr(info.validation_alias, "choices", ())}
    return {str(n).lower() for n in names}


def _modules_of_a_run(home: Path) -> tuple[str, list[str]]:
    run = subprocess.run(
        [sys.executable, "-c", _RUN, str(ARTICLE)],
        env={
            **{k: v for k, v in os.environ.items() if k.lower() not in _setting_names()},
            "HOME": str(home),
        },
        capture_output=True,
        text=True,
        cwd=home,
    )
    assert run.returncode == 0, run.stderr
    line = next(x for x in run.stderr.splitlines() if x.startswith("MODULES "))
    return run.stdout, json.loads(line.removeprefix("MODULES "))


def test_extract_imports_no_api_store_rdf_neo4j_rich_or_gazetteer_loader(tmp_path: Path) -> None:
    cold_output, _ = _modules_of_a_run(tmp_path)
    output, modules = _modules_of_a_run(tmp_path)
    assert output == cold_output and '"relations"' in output
    imported = sorted(
        m for m in modules for heavy in NOT_NEEDED if m == heavy or m.startswith(f"{heavy}.")
    )
    assert imported == []
    assert "ingest.extraction" in modules  # (the run did extract)
