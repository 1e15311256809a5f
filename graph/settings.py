"""The one typed configuration, from environment variables or a `.env` file.

This is the only module that reads the environment. A bad value fails at start
with a clear message (`ConfigError`), not later with a traceback.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parent.parent


ONTOLOGY_ENV = "CRYPTOREG_ONTOLOGY"


def ontology_override() -> Path | None:
    """The ontology file `CRYPTOREG_ONTOLOGY` names instead of the shipped one, if any.

    Read apart from `Settings` because the ontology is loaded at import time, before any
    other setting is needed (and a bad unrelated setting must not stop an import).
    """
    value = os.environ.get(ONTOLOGY_ENV, "").strip()
    return Path(value) if value else None


class Settings(BaseSettings):
    """All of cryptoreg's settings; see the README's configuration table."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    store: Literal["embedded", "neo4j"] = Field("embedded", alias="CRYPTOREG_STORE")
    data_dir: Path = Field(Path("data"), alias="CRYPTOREG_DATA_DIR")
    base_iri: str = Field("https://w3id.org/cryptoreg/id/", alias="CRYPTOREG_BASE_IRI")
    api_key: str | None = Field(None, alias="CRYPTOREG_API_KEY")
    host: str = Field("127.0.0.1", alias="CRYPTOREG_HOST")
    port: int = Field(8000, ge=1, le=65535, alias="CRYPTOREG_PORT")
    workers: int = Field(1, ge=1, le=64, alias="CRYPTOREG_WORKERS")
    cors_origins: list[str] = Field(default_factory=list, alias="CRYPTOREG_CORS_ORIGINS")
    max_body_bytes: int = Field(10_000_000, ge=1024, alias="CRYPTOREG_MAX_BODY_BYTES")
    max_file_bytes: int = Field(20_000_000, ge=1024, alias="CRYPTOREG_MAX_FILE_BYTES")

    neo4j_uri: str = Field(
        "bolt://127.0.0.1:7687", pattern=r"^(bolt|neo4j)(\+s|\+ssc)?://", alias="NEO4J_URI"
    )
    neo4j_user: str = Field("neo4j", alias="NEO4J_USER")
    neo4j_password: str = Field("cryptoreg-local", min_length=8, alias="NEO4J_PASSWORD")
    neo4j_database: str = Field("neo4j", alias="NEO4J_DATABASE")
    neo4j_home: Path = Field(PROJECT_ROOT / ".neo4j", alias="NEO4J_HOME")
    neo4j_heap: str = Field("1g", pattern=r"^\d+[kmgKMG]$", alias="NEO4J_HEAP")
    neo4j_pagecache: str = Field("512m", pattern=r"^\d+[kmgKMG]$", alias="NEO4J_PAGECACHE")
    neo4j_bolt_port: int = Field(7687, ge=1, le=65535, alias="NEO4J_BOLT_PORT")
    neo4j_http_port: int = Field(7474, ge=1, le=65535, alias="NEO4J_HTTP_PORT")
    skip_neo4j: bool = Field(False, alias="CRYPTOREG_SKIP_NEO4J")
    skip_browser: bool = Field(False, alias="CRYPTOREG_SKIP_BROWSER")


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
