"""Fixtures shared by every test file: one `store` fixture run once per backend.

* `store`: an empty store, parametrised over ["embedded", "neo4j"]. The embedded one
  lives in the test's tmp_path; the neo4j one is `graph.store.neo4j.store.Neo4jStore` built
  from `load_settings()` and wiped with `Neo4jStore.clear()` before each test.
  The neo4j half FAILS when no server answers; it is skipped only when the developer
  sets CRYPTOREG_SKIP_NEO4J=1 (Settings.skip_neo4j). Never set that in CI.
* `seed_gold` / `dev_gold`: the gold annotations of ../shared/corpus/{seed,dev} as
  extractions (gold.load_gold_corpus).
* `loaded_store`: `store` with seed + dev gold upserted, seed first, then dev in file
  name order (the graph does not depend on the order: ids come from the entities alone,
  graph/identity.py; a fixed order keeps the upsert summaries comparable).
* `both_stores`: an (embedded, neo4j) pair of empty stores, for the cross-store
  equality tests; skipped only under CRYPTOREG_SKIP_NEO4J=1.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gold import load_gold_corpus

from graph.models import Extraction
from graph.settings import Settings, load_settings
from graph.store.protocol import GraphStore

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
BACKENDS = ["embedded", "neo4j"]


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


def require_corpus(*names: str) -> Path:
    """CORPUS, or skip the calling test, saying why, when ../shared/corpus/<name> is absent
    (a clone with nothing beside it; CI always has it)."""
    for name in names:
        if not (CORPUS / name).is_dir():
            pytest.skip(f"{CORPUS / name} is absent: this test reads the shared gold corpus")
    return CORPUS


@pytest.fixture(scope="session")
def seed_gold() -> list[Extraction]:
    return load_gold_corpus(require_corpus("seed") / "seed")


@pytest.fixture(scope="session")
def dev_gold() -> list[Extraction]:
    return load_gold_corpus(require_corpus("dev") / "dev")


@pytest.fixture(scope="session")
def _neo4j_session(settings: Settings) -> Iterator[Any]:
    """One Neo4j connection for the whole run; fails loudly when the server is down."""
    if settings.skip_neo4j:
        pytest.skip("CRYPTOREG_SKIP_NEO4J=1: Neo4j half skipped by the developer's choice")
    from graph.store.neo4j.store import Neo4jStore

    # The tests wipe the one database Community edition has: two pytest runs on the same
    # server (two developers, or a developer and a benchmark) would wipe each other's data.
    settings.neo4j_home.mkdir(parents=True, exist_ok=True)
    lock = (settings.neo4j_home / "pytest.lock").open("w")
    fcntl.flock(lock, fcntl.LOCK_EX)
    neo = Neo4jStore(
        uri=settings.neo4j_uri,
        user=settings.neo4j_user,
        password=settings.neo4j_password,
        database=settings.neo4j_database,
    )
    neo.ping()  # raises StoreUnavailableError -> the test errors, it is not skipped
    try:
        yield neo
    finally:
        neo.close()
        lock.close()


@pytest.fixture
def neo4j(_neo4j_session: Any) -> Any:
    """The Neo4j store, emptied before the test."""
    _neo4j_session.clear()
    return _neo4j_session


@pytest.fixture
def embedded(tmp_path: Path) -> Iterator[Any]:
    from graph.store.embedded.store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest) -> GraphStore:
    """An empty store of each backend in turn."""
    backend: GraphStore = request.getfixturevalue(request.param)
    return backend


@pytest.fixture
def loaded_store(
    store: GraphStore, seed_gold: list[Extraction], dev_gold: list[Extraction]
) -> GraphStore:
    """`store` holding seed + dev gold (seed first, then dev in file-name order)."""
    load_all(store, seed_gold + dev_gold)
    return store


@pytest.fixture
def both_stores(embedded: Any, neo4j: Any) -> tuple[GraphStore, GraphStore]:
    """Both backends, empty, for cross-store equality."""
    return embedded, neo4j


def load_all(store: GraphStore, extractions: list[Extraction]) -> None:
    """Upsert articles one by one, in order."""
    for extraction in extractions:
        store.upsert(extraction)
