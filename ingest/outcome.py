"""What extracting one article gives: its `Extraction` (or that as JSON), or why not.

These are the jobs `ingest.parallel.ArticlePool` runs per article, in this process or
in a worker: module-level functions, so a worker process can be handed them. A problem
with one article comes back as a `ReadFailure` naming it (not as an exception, which
would stop the batch and may not cross a process boundary intact).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Literal

from graph.errors import CryptoregError
from graph.models import Article, Extraction
from ingest.readers.records import ReadFailure

Extractor = Callable[[Article], Extraction]


def extract_or_fail(article: Article, extract: Extractor | None = None) -> Extraction | ReadFailure:
    """`extract(article)` (default `ingest.extraction.extract_article`), or its failure."""
    if extract is None:
        from ingest.extraction import extract_article

        extract = extract_article
    try:
        return extract(article)
    except (CryptoregError, ValueError) as exc:  # pydantic's ValidationError is a ValueError
        return article_failure(article, exc, "extract")


def extraction_json(extraction: Extraction, indent: int | None = None) -> str:
    """The ontology JSON of one extraction: pretty with `indent`, else on one line."""
    data = extraction.model_dump(mode="json", exclude_none=False)
    return json.dumps(data, ensure_ascii=False, indent=indent)


def extract_json_line(article: Article) -> str | ReadFailure:
    """One article's extraction as one JSON line (no newline), or its failure."""
    result = extract_or_fail(article)
    return result if isinstance(result, ReadFailure) else extraction_json(result)


def article_failure(
    article: Article, exc: Exception, stage: Literal["extract", "store"]
) -> ReadFailure:
    """Named by the input it came from, and by id too, since a feed or JSONL file holds many."""
    detail = exc.detail if isinstance(exc, CryptoregError) else str(exc)
    reason = f"{type(exc).__name__}: {' '.join(detail.split())}"
    if article.source_path:
        return ReadFailure(path=article.source_path, reason=f"{article.id}: {reason}", stage=stage)
    return ReadFailure(path=article.id, reason=reason, stage=stage)
