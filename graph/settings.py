"""The one typed configuration, from environment variables or a `.env` file.

This is the only module that reads the settings from the environment (graph/environment.py
reads the ontology override, and whether anything is configured at all). A bad value
fails at start with a clear message (`ConfigError`), not later with a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, PrivateAttr, ValidationError, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.environment import (
    DEFAULT_EXTRACT_TIME_BUDGET,
    DEFAULT_MAX_FILE_BYTES,
    ENV_FILE,
)
from graph.errors import ConfigError
from graph.neo4j_server.password import (
    LEGACY_PASSWORD,
    password_file,
    read_stored,
    system_database_exists,
)

PROJECT_ROOT = Path(__file__).resolve().parent.parent


PasswordOrigin = Literal["setting", "stored", "legacy", "none"]
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")
_ANY_ADDRESS = {"0.0.0.0", "::", ""}


@dataclass(frozen=True)
class Neo4jTimeouts:
    """How long the Neo4j driver waits before it calls the server unavailable (seconds).

    `connection` bounds opening one connection (TCP); `acquisition` bounds getting one
    from the pool, opening and the Bolt handshake included; `ping` bounds /health's
    query, whatever the server does. Reads (what the API serves) retry a failed
    transaction for at most `read_retry` (0: never: a stale pooled connection is
    replaced before use instead); writes for at most `write_retry`, long enough to ride
    out a deadlock or a server restart during an ingest. With the defaults a request to
    a server that is down is a 503 at once (a closed port), within 2 s when something
    listens but never answers, within 3 s when the project's own server freezes with
    connections open (its keep-alive hint, graph/neo4j_server/conf.py).
    """

    connection: float = 1.0
    acquisition: float = 2.0
    ping: float = 1.5
    read_retry: float = 0.0
    write_retry: float = 15.0


_T = Neo4jTimeouts()


class Settings(BaseSettings):
    """All of cryptoreg's settings; see the README's configuration table."""

    model_config = SettingsConfigDict(env_file=ENV_FILE, extra="ignore", populate_by_name=True)

    store: Literal["embedded", "neo4j"] = Field("embedded", alias="CRYPTOREG_STORE")
    data_dir: Path = Field(Path("data"), alias="CRYPTOREG_DATA_DIR")
    base_iri: str = Field("https://w3id.org/cryptoreg/id/", alias="CRYPTOREG_BASE_IRI")
    api_key: str | None = Field(None, alias="CRYPTOREG_API_KEY")
    host: str = Field("127.0.0.1", alias="CRYPTOREG_HOST")
    port: int = Field(8000, ge=1, le=65535, alias="CRYPTOREG_PORT")
    workers: int = Field(1, ge=1, le=64, alias="CRYPTOREG_WORKERS")
    cors_origins: list[str] = Field(default_factory=list, alias="CRYPTOREG_CORS_ORIGINS")
    allowed_hosts: list[str] = Field(
        default_factory=list,
        alias="CRYPTOREG_ALLOWED_HOSTS",
        description="Host header values accepted beside localhost, 127.0.0.1, [::1] and the "
        "bind host ('*' accepts any)",
    )
    max_body_bytes: int = Field(10_000_000, ge=1024, alias="CRYPTOREG_MAX_BODY_BYTES")
    # whole-graph exports one API process streams at once; one more is a 429 (api/export_slots.py)
    max_exports: int = Field(2, ge=1, le=64, alias="CRYPTOREG_MAX_EXPORTS")
    # seconds one article's extraction may take (0: no limit); ingest/extraction/time_budget.py
    extract_time_budget: float = Field(
        DEFAULT_EXTRACT_TIME_BUDGET, ge=0, alias="CRYPTOREG_EXTRACT_TIME_BUDGET"
    )
    max_file_bytes: int = Field(DEFAULT_MAX_FILE_BYTES, ge=1024, alias="CRYPTOREG_MAX_FILE_BYTES")
    # action facts below this confidence wait in the review queue (graph/store/review.py,
    # whose DEFAULT_REVIEW_BELOW this default must equal); 0 queues nothing
    review_below: float = Field(0.6, ge=0, le=1, alias="CRYPTOREG_REVIEW_BELOW")

    neo4j_uri: str = Field(
        "bolt://127.0.0.1:7687", pattern=r"^(bolt|neo4j)(\+s|\+ssc)?://", alias="NEO4J_URI"
    )
    neo4j_user: str = Field("neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field(
        "",
        validation_alias=AliasChoices("CRYPTOREG_NEO4J_PASSWORD", "NEO4J_PASSWORD"),
        description="unset: the password `cryptoreg neo4j start` generated (password file)",
    )
    neo4j_database: str = Field("neo4j", alias="NEO4J_DATABASE")
    neo4j_home: Path = Field(PROJECT_ROOT / ".neo4j", alias="NEO4J_HOME")
    neo4j_heap: str = Field("1g", pattern=r"^\d+[kmgKMG]$", alias="NEO4J_HEAP")
    neo4j_pagecache: str = Field("512m", pattern=r"^\d+[kmgKMG]$", alias="NEO4J_PAGECACHE")
    neo4j_bolt_port: int = Field(7687, ge=1, le=65535, alias="NEO4J_BOLT_PORT")
    neo4j_http_port: int = Field(7474, ge=1, le=65535, alias="NEO4J_HTTP_PORT")
    neo4j_connection_timeout: float = Field(
        _T.connection, gt=0, le=120, alias="NEO4J_CONNECTION_TIMEOUT"
    )
    neo4j_acquisition_timeout: float = Field(
        _T.acquisition, gt=0, le=600, alias="NEO4J_ACQUISITION_TIMEOUT"
    )
    neo4j_ping_timeout: float = Field(_T.ping, gt=0, le=60, alias="NEO4J_PING_TIMEOUT")
    neo4j_read_retry_time: float = Field(_T.read_retry, ge=0, le=600, alias="NEO4J_READ_RETRY_TIME")
    neo4j_write_retry_time: float = Field(
        _T.write_retry, ge=0, le=3600, alias="NEO4J_WRITE_RETRY_TIME"
    )
    skip_neo4j: bool = Field(False, alias="CRYPTOREG_SKIP_NEO4J")
    skip_browser: bool = Field(False, alias="CRYPTOREG_SKIP_BROWSER")

    _neo4j_password_origin: PasswordOrigin = PrivateAttr("none")

    @model_validator(mode="after")
    def _resolve(self) -> Settings:
        """Check the timeouts against each other and find the Neo4j password.

        A configured password wins; else the one `cryptoreg neo4j start` stored; else,
        for a data folder made before passwords were generated, the old default (the
        next start replaces it); else none yet (the first start makes one).
        """
        if self.neo4j_acquisition_timeout < self.neo4j_connection_timeout:
            raise ValueError(
                "NEO4J_ACQUISITION_TIMEOUT must be at least NEO4J_CONNECTION_TIMEOUT "
                "(acquiring a connection may include opening one)"
            )
        if self.neo4j_password:
            if len(self.neo4j_password) < 8:
                raise ValueError("NEO4J_PASSWORD must have at least 8 characters")
            self._neo4j_password_origin = "setting"
            return self
        stored = read_stored(self.neo4j_home)
        if stored is not None:
            self.neo4j_password, self._neo4j_password_origin = stored, "stored"
        elif system_database_exists(self.neo4j_home):
            self.neo4j_password, self._neo4j_password_origin = LEGACY_PASSWORD, "legacy"
        return self

    @property
    def neo4j_password_origin(self) -> PasswordOrigin:
        """Where `neo4j_password` came from: 'setting' (environment, .env or argument),
        'stored' (the password file), 'legacy' (the old default) or 'none' (not yet made)."""
        return self._neo4j_password_origin

    @property
    def neo4j_password_file(self) -> Path:
        """Where `cryptoreg neo4j start` keeps the password it generated."""
        return password_file(self.neo4j_home)

    def neo4j_timeouts(self) -> Neo4jTimeouts:
        """The driver's timeouts and retry budgets, from NEO4J_*_TIMEOUT / *_RETRY_TIME."""
        return Neo4jTimeouts(
            connection=self.neo4j_connection_timeout,
            acquisition=self.neo4j_acquisition_timeout,
            ping=self.neo4j_ping_timeout,
            read_retry=self.neo4j_read_retry_time,
            write_retry=self.neo4j_write_retry_time,
        )

    def trusted_hosts(self) -> list[str]:
        """Host header values the API answers: the loopback names, the bind host (unless it
        binds every address) and CRYPTOREG_ALLOWED_HOSTS; other hosts get a 400, which
        stops DNS-rebinding pages from reading the API through a victim's browser."""
        hosts = [*LOCAL_HOSTS]
        bind = self.host.strip()
        if bind not in _ANY_ADDRESS:
            hosts.append(f"[{bind}]" if ":" in bind and not bind.startswith("[") else bind)
        hosts += [h.strip() for h in self.allowed_hosts if h.strip()]
        return list(dict.fromkeys(h.lower() for h in hosts))


def load_settings(**overrides: object) -> Settings:
    """Build settings, turning pydantic's report into one readable `ConfigError`."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise ConfigError(f"bad configuration: {problems}") from exc


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return load_settings()
