"""Extraction quality on the shared corpora, scored with the project's own scorer.

Targets (from the extractor's brief): seed — every required entity and relation
found, entity precision >= 0.95; dev — entity F1 >= 0.85, relation F1 >= 0.70,
alias recall >= 0.9. The extractor's own annotated articles (tests/data/extract,
written to test generality) are held to the dev thresholds. One test runs the
installed CLI, as the scorer does.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from ingest.extraction import extract_article
from ingest.read import read_article_file

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_extraction.py"
OWN = Path(__file__).parent / "data" / "extract"


def _require_shared(*paths: Path) -> None:
    """Skip, saying why, on a clone with no ../shared beside it (CI always has it)."""
    for path in (SCORER, *paths):
        if not path.exists():
            pytest.skip(f"{path} is absent: this test reads ../shared (scorer and corpus)")


def _scorer() -> ModuleType:
    _require_shared()
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    assert spec is not None and spec.loader is not None, f"scorer missing at {SCORER}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(corpus: Path) -> dict[str, Any]:
    """Micro-averaged P/R/F1 of entities and relations, and alias recall, over a corpus."""
    _require_shared(corpus)
    scorer = _scorer()
    totals = {k: {"tp": 0, "pred": 0, "gold": 0} for k in ("entities", "relations")}
    alias_tp = alias_gold = 0
    attributes: dict[str, list[int]] = {}
    golds = sorted((corpus / "gold").glob("*.json"))
    assert golds, f"no gold files under {corpus}"
    for gold_path in golds:
        article = read_article_file(corpus / "articles" / gold_path.name, max_bytes=10_000_000)
        pred = extract_article(article).model_dump(mode="json")
        s = scorer.score_article(pred, json.loads(gold_path.read_text(encoding="utf-8")))
        for k in totals:
            for f in ("tp", "pred", "gold"):
                totals[k][f] += s[k][f]
        alias_tp += s["aliases"]["tp"]
        alias_gold += s["aliases"]["gold"]
        for name, counts in s.get("attributes", {}).items():
            right_gold = attributes.setdefault(name, [0, 0])
            right_gold[0] += counts["right"]
            right_gold[1] += counts["gold"]
    out: dict[str, Any] = {}
    for k, t in totals.items():
        p, r, f = scorer.prf(t["tp"], t["pred"], t["gold"])
        out[k] = {"p": p, "r": r, "f1": f}
    out["alias_recall"] = alias_tp / alias_gold if alias_gold else 1.0
    out["attributes"] = {
        k: right / gold if gold else 1.0 for k, (right, gold) in attributes.items()
    }
    return out


def test_seed_finds_everything_precisely() -> None:
    s = _score(SHARED / "corpus" / "seed")
    assert s["entities"]["r"] == 1.0, s
    assert s["relations"]["r"] == 1.0, s
    assert s["entities"]["p"] >= 0.95, s


@pytest.mark.parametrize("corpus", [SHARED / "corpus" / "dev", OWN], ids=["dev", "own"])
def test_corpus_meets_targets(corpus: Path) -> None:
    s = _score(corpus)
    assert s["entities"]["f1"] >= 0.85, s
    assert s["relations"]["f1"] >= 0.70, s
    assert s["alias_recall"] >= 0.9, s


HELDOUT = Path(__file__).parent / "data" / "heldout"


def test_heldout_corpus_meets_floors() -> None:
    """The independently written held-out articles (all 8): generalisation, not tuning.

    Floors sit a little under the scores measured when they were last raised (entity F1
    0.91 with precision 0.94, relation F1 0.75 with precision 0.88, alias recall 0.93), so a
    change that loses generality fails here even when the dev corpus still scores 1.0.
    Four of the eight articles were never inspected while the extractor was tuned.
    """
    s = _score(HELDOUT)
    assert s["entities"]["f1"] >= 0.88, s
    assert s["entities"]["p"] >= 0.90, s
    assert s["relations"]["f1"] >= 0.72, s
    assert s["relations"]["p"] >= 0.84, s
    assert s["alias_recall"] >= 0.88, s


def test_dev2_meets_floors() -> None:
    """dev2 (30 articles in styles the rules were not first written for, with action
    attributes): floors a little under what was measured when they were last raised
    (entity F1 0.937, relation F1 0.864 with precision 0.909, alias recall 0.931; date
    0.872, status 0.993, ended_how 0.962, amount 1.0); the relation floor is the issue's
    target (0.85). They only stop a change that loses ground."""
    s = _score(SHARED / "corpus" / "dev2")
    assert s["entities"]["f1"] >= 0.93, s
    assert s["relations"]["f1"] >= 0.85, s
    assert s["relations"]["p"] >= 0.89, s
    assert s["alias_recall"] >= 0.92, s
    attributes = s["attributes"]
    assert attributes["date"] >= 0.86, s
    assert attributes["status"] >= 0.98, s
    assert attributes["ended_how"] >= 0.94, s
    assert attributes["amount"] >= 0.95, s


SEALED = Path(__file__).parent / "data" / "sealed"


@pytest.mark.parametrize(
    ("part", "entity_f1", "relation_f1", "alias_recall"),
    [("part_a", 0.79, 0.48, 0.75), ("part_b", 0.86, 0.47, 0.83)],
)
def test_sealed_set_meets_floors(
    part: str, entity_f1: float, relation_f1: float, alias_recall: float
) -> None:
    """The sealed set (16 articles written independently, never read while writing rules):
    floors a little under its first and only measurement (part A entity F1 0.819, relation
    F1 0.523, alias recall 0.786; part B 0.897, 0.512, 0.870). Only a regression guard:
    raising these by tuning to the set would spoil it as an estimate."""
    s = _score(SEALED / part)
    assert s["entities"]["f1"] >= entity_f1, s
    assert s["relations"]["f1"] >= relation_f1, s
    assert s["alias_recall"] >= alias_recall, s


def test_cli_prints_the_ontology_json() -> None:
    exe = shutil.which("cryptoreg", path=str(Path(sys.executable).parent))
    assert exe, "the cryptoreg CLI is not installed in this environment"
    path = SHARED / "corpus" / "seed" / "articles" / "seed-beijing-crackdown.json"
    _require_shared(path)
    out = subprocess.run(
        [exe, "extract", str(path)], capture_output=True, text=True, timeout=120, check=True
    )
    doc = json.loads(out.stdout)
    assert {"article", "entities", "relations"} <= set(doc)
    ids = {e["id"] for e in doc["entities"]}
    assert "exchange:okx" in ids
    assert all(r["source"] in ids and r["target"] in ids for r in doc["relations"])
    score = _scorer().score_article(
        doc, json.loads((SHARED / "corpus" / "seed" / "gold" / path.name).read_text())
    )
    assert score["relations"]["tp"] == score["relations"]["gold"]
