"""Property-based check of the whole API from its own OpenAPI document (schemathesis).

Every operation gets generated requests, valid and invalid, against each store (embedded
and Neo4j) holding seed + dev gold, once sending the write key and once without it (so
writes are exercised, and refused). Every built-in check runs (server errors, status
codes, content types, response schemas and headers, acceptance of valid and rejection of
invalid data, auth, ...), plus a response-time limit of 5 s: the API promises bad input
is a 4xx, never a 5xx, and that no request takes long. Examples per operation are capped
(`MAX_EXAMPLES`) so the file runs in a few minutes.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from conftest import CORPUS, load_all, require_corpus
from fastapi import FastAPI
from gold import load_gold_corpus
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.core.failures import FailureGroup, ResponseTimeExceeded
from schemathesis.specs.openapi.checks import negative_data_rejection, positive_data_acceptance

from api.app import create_app
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.protocol import GraphStore

KEY = "schema-test-key"
MAX_EXAMPLES = 15
MAX_RESPONSE_S = 5.0
CONFIG = SchemathesisConfig.from_dict({"checks": {"max_response_time": MAX_RESPONSE_S}})

# Checks left out for one operation, each with why. Only the two heuristic checks
# (schema-valid data accepted, schema-violating data refused) may be left out, never
# the server-error, response-time, status, schema or auth checks. An entry names a gap
# between what the OpenAPI document says and what the API accepts; close it in the route
# (a pattern, a bound, an enum in the document, or a stricter parser) and drop the entry.
KNOWN_GAPS: dict[str, tuple[list[Any], str]] = {
    "GET /entities": (
        [positive_data_acceptance],
        "`jurisdiction` must name a known place (422 otherwise); the document cannot list them",
    ),
    "GET /entities/{entity_id}/in-force": (
        [positive_data_acceptance],
        "`on` is a partial date YYYY[-MM[-DD]]; the document does not give the pattern",
    ),
    "POST /articles": (
        [positive_data_acceptance],
        "an uploaded file is judged by its content (a PNG is refused, 422), not its schema",
    ),
    "POST /queries/{name}": (
        [positive_data_acceptance],
        "parameters are checked against the named query's own types; the body may not be null",
    ),
    "GET /actions": (
        [positive_data_acceptance, negative_data_rejection],
        "the dates are partial dates, `in_force_on` an ISO date or 'today', and `until=0` is "
        "accepted as the year 0 (issue 17: `until=0` means 1970); the document gives no "
        "pattern for them",
    ),
}


@pytest.fixture(scope="module", params=["embedded", "neo4j"])
def loaded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[GraphStore]:
    """Each store in turn, holding seed + dev gold."""
    require_corpus("seed", "dev")
    store: GraphStore
    if request.param == "embedded":
        store = EmbeddedStore(tmp_path_factory.mktemp("schema") / "data")
    else:
        store = request.getfixturevalue("_neo4j_session")
        store.clear()  # type: ignore[attr-defined]
    load_all(store, load_gold_corpus(CORPUS / "seed") + load_gold_corpus(CORPUS / "dev"))
    yield store
    if request.param == "embedded":
        store.close()


# Known slow answers, by (store kind, operation): only the response-time check may fail
# there, and the case is then reported as an expected failure with this reason.
# (None now: Neo4j's POST /articles of ~1,000 articles took ~5 s with one transaction per
# article; batched writes take well under 1 s.)
SLOW: dict[tuple[str, str], str] = {}


@dataclass(frozen=True)
class Variant:
    """The app under test, its store's kind and whether requests carry the write key."""

    app: FastAPI
    sends_key: bool
    kind: str = "embedded"


@pytest.fixture(params=[True, False], ids=["with-key", "without-key"])
def variant(request: pytest.FixtureRequest, loaded: GraphStore) -> Variant:
    """The app over `loaded`; requests send the write key in one variant (writes are
    exercised) and not in the other (writes are refused)."""
    app = create_app(load_settings(api_key=KEY, max_body_bytes=200_000), store=loaded)
    return Variant(app, bool(request.param), loaded.kind)


def _document_app() -> FastAPI:
    """An app to read the OpenAPI document from (the document does not depend on the store)."""
    return create_app(load_settings(api_key=KEY), store=EmbeddedStore(Path(_DOC_DATA.name)))


_DOC_DATA = tempfile.TemporaryDirectory(prefix="cryptoreg-schema-")
schema = schemathesis.openapi.from_asgi("/openapi.json", _document_app(), config=CONFIG)


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_every_check_holds(case: Any, variant: Variant) -> None:
    headers = {"X-API-Key": KEY} if variant.sends_key else None
    gap = KNOWN_GAPS.get(case.operation.label)
    excluded = gap[0] if gap else None
    try:
        case.call_and_validate(headers=headers, app=variant.app, excluded_checks=excluded)
    except FailureGroup as group:  # one failure per check that failed
        slow = SLOW.get((variant.kind, case.operation.label))
        if slow and all(isinstance(f, ResponseTimeExceeded) for f in group.exceptions):
            pytest.xfail(slow)
        raise


def test_responses_slower_than_5_s_fail_and_gaps_spare_the_vital_checks() -> None:
    assert CONFIG.projects.default.checks.max_response_time.limit == MAX_RESPONSE_S
    allowed = {positive_data_acceptance, negative_data_rejection}
    assert {check for checks, _ in KNOWN_GAPS.values() for check in checks} <= allowed
