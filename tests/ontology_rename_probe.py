"""Run under a renamed ontology (`CRYPTOREG_ONTOLOGY`): print, as JSON, what each room made
of it. tests/test_ontology_rename.py starts it in a fresh process, since the ontology is
read once per process.

Usage: python tests/ontology_rename_probe.py ARTICLE_FILE ENTITY_ID [--neo4j]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console

from api.app import create_app
from graph.ontology import get_ontology
from graph.rdf.owl import build_vocabulary
from graph.settings import load_settings
from graph.store.factory import open_store
from graph.store.neo4j.schema import schema_statements
from ingest.pipeline import ingest_paths


def _stored_type(store_kind: str, article: Path, entity_id: str) -> str | None:
    settings = load_settings(CRYPTOREG_STORE=store_kind)
    ingest_paths([str(article)], settings=settings, console=Console(quiet=True))
    store = open_store(settings)
    try:
        record = store.get_entity(entity_id)
        return record.entity.type if record else None
    finally:
        store.close()


def _api_enums() -> dict[str, list[str]]:
    schemas = create_app().openapi()["components"]["schemas"]
    return {name: s["enum"] for name, s in schemas.items() if "enum" in s}


def main(article: Path, entity_id: str, with_neo4j: bool) -> dict[str, Any]:
    vocabulary = build_vocabulary().serialize(format="turtle")
    return {
        "ontology_types": sorted(get_ontology().entity_types),
        "embedded_type": _stored_type("embedded", article, entity_id),
        "neo4j_type": _stored_type("neo4j", article, entity_id) if with_neo4j else None,
        "neo4j_schema": schema_statements(),
        "rdf_vocabulary": vocabulary,
        "api_enums": _api_enums(),
    }


if __name__ == "__main__":
    result = main(Path(sys.argv[1]), sys.argv[2], "--neo4j" in sys.argv)
    sys.stdout.write(json.dumps(result))
