"""Extraction's CPU time per pipeline stage: where an article's milliseconds go.

Usage: .venv/bin/python bench/extract_stages.py [CORPUS_DIR ...] [--repeat N]

Each stage function `extract_article` calls (ingest/extraction/__init__.py, in pipeline
order) is wrapped, for this run only, with a CPU-time counter (`time.process_time`);
the table gives each stage's milliseconds per article and share of the whole, and the
rest (`ArticleState.settle`, the time-budget checks, the wrappers themselves) as
"other". Shares, not absolute figures, are what compare across runs on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ingest.extraction as pipeline
from graph.models import Article
from ingest.extraction.names.gazetteer_index import get_index

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# the stage functions `extract_article` calls, in its order, with the folder each is from
STAGES = [
    ("read_document", "text"),
    ("find_names", "names"),
    ("build_entities", "entities"),
    ("find_unnamed_groups", "references"),
    ("find_activities", "references"),
    ("resolve_descriptions", "references"),
    ("attorney_general_mentions", "references"),
    ("unit_mentions", "references"),
    ("local_unit_mentions", "references"),
    ("lede_firm_mentions", "references"),
    ("lede_body_mentions", "references"),
    ("cataphoric_firm_mentions", "references"),
    ("petitioner_mentions", "references"),
    ("defined_court_mentions", "references"),
    ("resolve_issuer", "references"),
    ("resolve_pronouns", "references"),
    ("read_actions", "actions"),
    ("read_structure", "structure"),
    ("read_affiliations", "structure"),
    ("panel_affiliations", "structure"),
    ("to_extraction", "output"),
]


def load(dirs: list[Path]) -> list[Article]:
    """Every article JSON under the given corpus folders."""
    return [
        Article.model_validate(json.loads(path.read_text(encoding="utf-8")))
        for d in dirs
        for path in sorted((d / "articles").glob("*.json"))
    ]


def _counted(fn: Callable[..., Any], spent: dict[str, float], name: str) -> Callable[..., Any]:
    def counted(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return counted


def stage_times(articles: list[Article], repeat: int) -> tuple[float, dict[str, float]]:
    """(total CPU seconds, CPU seconds per stage) of `repeat` rounds over `articles`."""
    spent = dict.fromkeys((name for name, _ in STAGES), 0.0)
    originals = {name: getattr(pipeline, name) for name, _ in STAGES}
    for name, fn in originals.items():
        setattr(pipeline, name, _counted(fn, spent, name))
    try:
        for a in articles:  # warm caches, then start counting afresh
            pipeline.extract_article(a, 0)
        spent.update(dict.fromkeys(spent, 0.0))
        start = time.process_time()
        for _ in range(repeat):
            for a in articles:
                pipeline.extract_article(a, 0)
        return time.process_time() - start, spent
    finally:
        for name, fn in originals.items():
            setattr(pipeline, name, fn)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*", type=Path, default=[SHARED / "seed", SHARED / "dev"])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    articles = load(args.corpus)
    if not articles:
        ap.error("no articles/*.json under the corpus folders given")
    get_index()
    total, spent = stage_times(articles, args.repeat)
    per = 1000 / (len(articles) * args.repeat)
    print(f"{len(articles)} articles, CPU {total * per:.2f} ms/article")
    folders: dict[str, float] = {}
    for name, folder in STAGES:
        folders[folder] = folders.get(folder, 0.0) + spent[name]
        print(f"  {folder:10s} {name:28s} {spent[name] * per:7.3f} ms  {spent[name] / total:6.1%}")
    other = total - sum(spent.values())
    print(f"  {'':10s} {'other':28s} {other * per:7.3f} ms  {other / total:6.1%}")
    print("by stage: " + ", ".join(f"{f} {t / total:.0%}" for f, t in folders.items()))


if __name__ == "__main__":
    main()
