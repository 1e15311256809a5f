"""bench/extract_stages.py, structure only (never a timing): it counts every stage
`extract_article` calls, leaves the pipeline as it found it, and changes no output."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import extract_stages  # noqa: E402

import ingest.extraction as pipeline  # noqa: E402
from graph.models import Article  # noqa: E402

TEXT = (
    "The Securities and Exchange Commission fined Velkor Ltd $2 million on 3 March 2024. "
    "Its chief executive, Dana Orrell, said the firm would appeal."
)


def _called_stages() -> list[str]:
    """The functions `extract_article` calls by a bare name, in order."""
    tree = ast.parse((ROOT / "ingest" / "extraction" / "__init__.py").read_text())
    fn = next(
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "extract_article"
    )
    names = [
        c.func.id for c in ast.walk(fn) if isinstance(c, ast.Call) and isinstance(c.func, ast.Name)
    ]
    skip = {"budget", "check"}
    return [n for n in dict.fromkeys(names) if n not in skip]


def test_every_stage_the_pipeline_calls_is_counted() -> None:
    assert sorted(name for name, _ in extract_stages.STAGES) == sorted(_called_stages())


def test_counting_restores_the_pipeline_and_changes_no_output() -> None:
    article = Article(id="a1", url="https://example.org/a1", title="t", text=TEXT)
    before = {name: getattr(pipeline, name) for name, _ in extract_stages.STAGES}
    want = pipeline.extract_article(article, 0).model_dump_json()
    total, spent = extract_stages.stage_times([article], 1)
    assert {name: getattr(pipeline, name) for name in before} == before
    assert set(spent) == set(before) and all(t >= 0 for t in spent.values())
    assert sum(spent.values()) <= total + 1e-3
    assert pipeline.extract_article(article, 0).model_dump_json() == want
