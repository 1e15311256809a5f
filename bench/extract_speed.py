"""Extraction speed: per-article milliseconds and articles/s, against a baseline in the same run.

Usage: .venv/bin/python bench/extract_speed.py [CORPUS_DIR ...] [--repeat N]

The baseline is the time to normalise and sentence-split the same articles (the
cheapest step every extractor needs), so the ratio says how much the extraction
proper costs on this machine today. Articles are also scaled to 600 words (by
repeating paragraphs) to report the figure the project's speed goal names. The
gazetteer index is built (and timed) once before the loop, as in a long-running
process; a fresh CLI process pays it once per article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from graph.models import Article
from ingest.extraction import extract_article
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.text.document import build_document
from ingest.extraction.text.normalize import normalize_text

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def load(dirs: list[Path]) -> list[Article]:
    """Every article JSON under the given corpus folders."""
    out = []
    for d in dirs:
        for path in sorted((d / "articles").glob("*.json")):
            out.append(Article.model_validate(json.loads(path.read_text(encoding="utf-8"))))
    return out


def to_600_words(article: Article) -> Article:
    """The article's paragraphs repeated (or cut) to about 600 words."""
    paras = [p for p in article.text.split("\n") if p.strip()]
    out: list[str] = []
    words = 0
    while words < 600 and paras:
        for p in paras:
            out.append(p)
            words += len(p.split())
            if words >= 600:
                break
    return article.model_copy(update={"text": "\n\n".join(out)})


def per_article_ms(
    fn: Callable[[Article], object],
    articles: list[Article],
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median over `repeat` rounds of the mean milliseconds per article, by `clock`."""
    rounds: list[float] = []
    for _ in range(repeat):
        start = clock()
        for a in articles:
            fn(a)
        rounds.append((clock() - start) / len(articles) * 1000)
    return float(statistics.median(rounds))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="*", type=Path, default=[SHARED / "seed", SHARED / "dev"])
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    start = time.perf_counter()
    get_index()
    index_ms = (time.perf_counter() - start) * 1000
    articles = load(args.corpus)
    if not articles:
        where = ", ".join(map(str, args.corpus))
        ap.error(f"no articles/*.json under {where}: pass corpus folders")
    long = [to_600_words(a) for a in articles]
    for a in articles:  # warm caches
        extract_article(a)

    def baseline(a: Article) -> object:
        return build_document(normalize_text(a.text))

    words = statistics.mean(len(a.text.split()) for a in articles)
    base = per_article_ms(baseline, articles, args.repeat)
    ext = per_article_ms(extract_article, articles, args.repeat)
    base600 = per_article_ms(baseline, long, args.repeat)
    ext600 = per_article_ms(extract_article, long, args.repeat)
    cpu600 = per_article_ms(extract_article, long, args.repeat, time.process_time)
    print(f"gazetteer index build (once per process): {index_ms:.0f} ms")
    print(f"{len(articles)} articles, {words:.0f} words on average")
    print(f"  baseline (normalise + split): {base:.3f} ms/article")
    print(
        f"  extract_article:              {ext:.3f} ms/article, {1000 / ext:.0f} articles/s, "
        f"{ext / base:.1f}x baseline"
    )
    print("same articles scaled to ~600 words:")
    print(f"  baseline (normalise + split): {base600:.3f} ms/article")
    print(
        f"  extract_article:              {ext600:.3f} ms/article, {1000 / ext600:.0f} articles/s, "
        f"{ext600 / base600:.1f}x baseline"
    )
    print(f"  extract_article CPU time:     {cpu600:.3f} ms/article (process time, which other")
    print("                                processes competing for the cores inflate far less)")


if __name__ == "__main__":
    main()
