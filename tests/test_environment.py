"""graph/environment.py: what a one-shot command reads without building `Settings`."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import AliasChoices
from typer.testing import CliRunner

from api.cli import app
from graph.environment import (
    DEFAULT_EXTRACT_TIME_BUDGET,
    DEFAULT_MAX_FILE_BYTES,
    SETTING_NAMES,
    unconfigured,
)
from graph.settings import Settings, get_settings

ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "japan-fsa-warns-binance.txt"


def _names_settings_reads() -> set[str]:
    names: set[str] = set()
    for name, info in Settings.model_fields.items():
        names.add(name)
        if info.alias:
            names.add(info.alias)
        choices = info.validation_alias
        if isinstance(choices, str):
            names.add(choices)
        elif isinstance(choices, AliasChoices):
            names.update(c for c in choices.choices if isinstance(c, str))
    return {n.lower() for n in names}


def test_the_names_and_defaults_are_those_of_settings() -> None:
    assert _names_settings_reads() == SETTING_NAMES
    fields = Settings.model_fields
    assert fields["max_file_bytes"].default == DEFAULT_MAX_FILE_BYTES
    assert fields["extract_time_budget"].default == DEFAULT_EXTRACT_TIME_BUDGET
    assert Settings.model_config.get("case_sensitive") is False  # (names read in any case)
    assert Settings.model_config.get("env_prefix", "") == ""


@pytest.fixture
def bare(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No setting in the environment, and a working folder with no `.env`."""
    for name in list(os.environ):
        if name.lower() in SETTING_NAMES:
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_unconfigured_until_a_variable_or_a_dotenv_file_says_otherwise(
    bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert unconfigured()
    monkeypatch.setenv("Port", "8001")  # a field's own name, in any case
    assert not unconfigured()
    monkeypatch.delenv("Port")
    (bare / ".env").write_text("CRYPTOREG_MAX_FILE_BYTES=2048\n")
    assert not unconfigured()


def _extract() -> int:
    get_settings.cache_clear()  # (the process reads its settings once)
    try:
        return CliRunner().invoke(app, ["extract", str(ARTICLE)]).exit_code
    finally:
        get_settings.cache_clear()


def test_extract_obeys_a_file_limit_set_in_the_environment_or_a_dotenv_file(
    bare: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert ARTICLE.stat().st_size > 2048
    assert _extract() == 0
    monkeypatch.setenv("CRYPTOREG_MAX_FILE_BYTES", "2048")
    assert _extract() == 1  # too big
    monkeypatch.setenv("CRYPTOREG_MAX_FILE_BYTES", "2000000")
    assert _extract() == 0
    monkeypatch.delenv("CRYPTOREG_MAX_FILE_BYTES")
    (bare / ".env").write_text("CRYPTOREG_MAX_FILE_BYTES=2048\n")
    assert _extract() == 1
    (bare / ".env").write_text("CRYPTOREG_PORT=not a port\n")  # a bad setting stops it
    assert _extract() == 2
