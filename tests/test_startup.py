"""api/startup.py: the extractor is loaded with the collector paused, and its state restored."""

from __future__ import annotations

import gc

import pytest

from api.startup import load_extractor
from ingest.extraction.names import gazetteer_index


def test_the_collector_is_paused_while_loading_and_restored_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[bool] = []
    real = gazetteer_index.get_index

    def spying() -> gazetteer_index.GazIndex:
        seen.append(gc.isenabled())
        return real()

    monkeypatch.setattr(gazetteer_index, "get_index", spying)
    assert gc.isenabled()
    load_extractor()
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        load_extractor()
        assert not gc.isenabled()  # (a caller's own choice is kept)
    finally:
        gc.enable()


def test_a_failure_is_left_to_the_extraction_and_the_collector_runs_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken() -> gazetteer_index.GazIndex:
        raise OSError("the index cannot be read")

    monkeypatch.setattr(gazetteer_index, "get_index", broken)
    load_extractor()
    assert gc.isenabled()
