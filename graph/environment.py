"""What the environment says before `Settings` is built: the ontology override, and
whether anything configures cryptoreg at all.

Building `Settings` (graph/settings.py) imports pydantic-settings, with asyncio and
dotenv behind it: some 45 ms of CPU, a tenth of a `cryptoreg extract FILE`, which runs
once per article and needs two settings (the file size limit and the time budget). When
nothing configures cryptoreg, every setting is its default: `unconfigured()` says so,
and `DEFAULT_MAX_FILE_BYTES` and `DEFAULT_EXTRACT_TIME_BUDGET` are then the two values
(graph/settings.py defines its fields with them). Anything else builds `Settings`, with
its validation and its errors, as before.

"Nothing configures": no `.env` file in the working folder (Settings' `env_file`) and no
environment variable named, in any case, like a name `Settings` reads (a field's name
or one of its aliases). tests/test_environment.py keeps `SETTING_NAMES` equal to what
`Settings` reads.
"""

from __future__ import annotations

import os
from pathlib import Path

ONTOLOGY_ENV = "CRYPTOREG_ONTOLOGY"
# where cryptoreg keeps what a process would otherwise rebuild (parsed YAML, indexes)
CACHE_DIR = Path.home() / ".cache" / "cryptoreg"

DEFAULT_MAX_FILE_BYTES = 20_000_000
DEFAULT_EXTRACT_TIME_BUDGET = 60.0
ENV_FILE = ".env"

# Every environment name `Settings` reads (case-blind), lower case.
SETTING_NAMES = frozenset(
    """
    store cryptoreg_store data_dir cryptoreg_data_dir base_iri cryptoreg_base_iri
    api_key cryptoreg_api_key host cryptoreg_host port cryptoreg_port
    workers cryptoreg_workers cors_origins cryptoreg_cors_origins
    allowed_hosts cryptoreg_allowed_hosts max_body_bytes cryptoreg_max_body_bytes
    max_exports cryptoreg_max_exports extract_time_budget cryptoreg_extract_time_budget
    max_file_bytes cryptoreg_max_file_bytes review_below cryptoreg_review_below
    neo4j_uri neo4j_user neo4j_password cryptoreg_neo4j_password neo4j_database
    neo4j_home neo4j_heap neo4j_pagecache neo4j_bolt_port neo4j_http_port
    neo4j_connection_timeout neo4j_acquisition_timeout neo4j_ping_timeout
    neo4j_read_retry_time neo4j_write_retry_time
    skip_neo4j cryptoreg_skip_neo4j skip_browser cryptoreg_skip_browser
    """.split()
)


def ontology_override() -> Path | None:
    """The ontology file `CRYPTOREG_ONTOLOGY` names instead of the shipped one, if any.

    Read apart from `Settings` because the ontology is loaded at import time, before any
    other setting is needed (and a bad unrelated setting must not stop an import).
    """
    value = os.environ.get(ONTOLOGY_ENV, "").strip()
    return Path(value) if value else None


def unconfigured() -> bool:
    """Whether every setting is its default: no `.env` file here, and no environment
    variable `Settings` reads."""
    if Path(ENV_FILE).is_file():
        return False
    return not any(name.lower() in SETTING_NAMES for name in os.environ)
