"""Property-based check of the whole API from its own OpenAPI document (schemathesis).

Every operation gets generated requests, valid and invalid, against the embedded store
holding seed + dev gold, with the write key sent so writes are exercised too. The only
property demanded is the one the API promises: bad input is a 4xx, never a 5xx.
Examples per operation are capped so the whole file runs in well under two minutes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import schemathesis
from conftest import CORPUS, load_all
from fastapi import FastAPI
from gold import load_gold_corpus
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from api.app import create_app
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore

KEY = "schema-test-key"


def _app() -> FastAPI:
    """The app over an embedded store holding seed + dev gold, in a folder removed at exit."""
    store = EmbeddedStore(Path(_DATA.name))
    load_all(store, load_gold_corpus(CORPUS / "seed") + load_gold_corpus(CORPUS / "dev"))
    return create_app(load_settings(api_key=KEY, max_body_bytes=200_000), store=store)


_DATA = tempfile.TemporaryDirectory(prefix="cryptoreg-schema-")
schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_error(case: Any) -> None:
    case.call_and_validate(headers={"X-API-Key": KEY}, checks=[not_a_server_error])
