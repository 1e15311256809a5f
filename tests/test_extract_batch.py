"""Batch extraction: `cryptoreg extract PATH...` as JSON Lines, `--workers`, and the pool
(`ingest.parallel.ArticlePool`) under both the CLI and `ingest`."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

import ingest.parallel as parallel
from api.cli import app
from graph.models import Article
from graph.settings import Settings, load_settings
from graph.store.embedded.store import EmbeddedStore
from ingest.extraction import extract_article
from ingest.outcome import extract_or_fail
from ingest.parallel import ArticlePool, auto_workers
from ingest.pipeline import ingest_articles, ingest_paths
from ingest.read import ReadFailure, read_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FEED = EXAMPLES / "europe-regulators-feed.xml"
ONE_EACH = [
    EXAMPLES / "japan-fsa-warns-binance.txt",
    EXAMPLES / "sec-sues-binance-zhao.json",
    EXAMPLES / "singapore-binance-sg-exit.md",
]


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(app, ["extract", *map(str, args)])


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def example_articles() -> list[Article]:
    return [a for a in read_paths([str(EXAMPLES)], 10**8) if isinstance(a, Article)]


def write_batch(folder: Path, n: int, bad_at: frozenset[int] = frozenset()) -> list[str]:
    """n article files made from the examples (paragraphs rotated, numbered), a malformed
    JSON file at each index in `bad_at`; returns the good articles' ids in path order."""
    folder.mkdir()
    seeds = example_articles()
    ids = []
    for i in range(n):
        if i in bad_at:
            (folder / f"{i:03d}-bad.json").write_text('{"text": ', encoding="utf-8")
            continue
        seed = seeds[i % len(seeds)]
        paras = [p for p in seed.text.split("\n") if p.strip()]
        k = (i // len(seeds)) % len(paras)
        text = "\n\n".join(paras[k:] + paras[:k]) + f"\n\n(Report {i}.)"
        record = {"id": f"batch-{i:03d}", "publisher": seed.publisher, "text": text}
        (folder / f"{i:03d}.json").write_text(json.dumps(record), encoding="utf-8")
        ids.append(f"batch-{i:03d}")
    return ids


def test_one_file_is_still_one_pretty_json_document() -> None:
    done = run(ONE_EACH[0])
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("{\n")
    assert json.loads(done.stdout)["article"]["published"] == "2018-03-23"


def test_several_files_give_one_json_line_each_in_input_order() -> None:
    done = run(*reversed(ONE_EACH))
    assert done.exit_code == 0, done.stderr
    lines = json_lines(done.stdout)
    singles = [json.loads(run(path).stdout) for path in reversed(ONE_EACH)]
    assert lines == singles


def test_a_folder_gives_every_article_in_path_order() -> None:
    done = run(EXAMPLES)
    assert done.exit_code == 0, done.stderr
    ids = [line["article"]["id"] for line in json_lines(done.stdout)]
    assert ids == [a.id for a in example_articles()] and len(ids) == 8


def test_jsonl_flag_takes_a_feed_that_plain_extract_refuses() -> None:
    refused = run(FEED)
    assert refused.exit_code == 1 and "holds 2 articles" in refused.stderr
    assert "--jsonl" in refused.stderr
    done = run("--jsonl", FEED)
    assert done.exit_code == 0, done.stderr
    assert len(json_lines(done.stdout)) == 2
    single = run("--jsonl", ONE_EACH[0])
    assert single.stdout.count("\n") == 1 and json_lines(single.stdout)[0]["article"]


def test_bad_inputs_are_named_on_stderr_and_the_rest_go_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = write_batch(folder, 4, bad_at=frozenset({1}))
    (folder / "003-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    missing = tmp_path / "missing.txt"
    done = run(folder, missing, ONE_EACH[0])
    assert done.exit_code == 1
    ids = [line["article"]["id"] for line in json_lines(done.stdout)]
    assert ids[:-1] == good and len(ids) == len(good) + 1
    errors = done.stderr.splitlines()
    assert len(errors) == 3, done.stderr
    bad, binary, gone = errors
    assert "001-bad.json" in bad and "malformed JSON" in bad
    assert "003-binary.txt" in binary and "binary file" in binary
    assert str(missing) in gone and "no such file" in gone


def test_nothing_to_extract_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    done = run(tmp_path / "empty")
    assert done.exit_code == 1 and "no articles" in done.stderr and done.stdout == ""


def test_two_workers_write_what_one_writes(tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    write_batch(folder, 40, bad_at=frozenset({5, 33}))  # three chunks, failures inside
    one = run("--workers", "1", folder)
    two = run("--workers", "2", folder)
    assert one.exit_code == two.exit_code == 1
    assert len(one.stdout.splitlines()) == 38
    assert two.stdout == one.stdout and two.stderr == one.stderr


@pytest.fixture
def console() -> Console:
    return Console(file=io.StringIO(), width=200, force_terminal=False)


def store_contents(settings: Settings) -> tuple[object, ...]:
    store = EmbeddedStore(settings.data_dir)
    try:
        return (
            store.stats(),
            [a.model_dump() for a in store.iter_articles()],
            sorted(e.model_dump_json() for e in store.iter_entities()),
            [f.model_dump() for f in store.iter_facts()],
        )
    finally:
        store.close()


def test_ingest_with_workers_writes_what_ingest_without_writes(
    tmp_path: Path, console: Console
) -> None:
    ids = write_batch(tmp_path / "batch", 40, bad_at=frozenset({7}))
    runs = {}
    for workers in (1, 2):
        settings = load_settings(store="embedded", data_dir=tmp_path / f"data-{workers}")
        report = ingest_paths([str(tmp_path / "batch")], settings, console, workers=workers)
        assert report.ingested == ids and len(report.failed) == 1
        runs[workers] = store_contents(settings)
    assert runs[1][0].articles == 39  # type: ignore[attr-defined]
    assert runs[2] == runs[1]


# --- the pool itself ---------------------------------------------------------------------


def text_length(article: Article) -> int:
    """A cheap job a worker process can be handed (module-level)."""
    return len(article.text)


def test_pool_keeps_order_and_read_failures_in_place() -> None:
    items: list[Article | ReadFailure] = []
    for i in range(50):
        items.append(Article(id=f"a{i}", text="x" * (i + 1)))
        if i % 7 == 0:
            items.append(ReadFailure(path=f"f{i}", reason="bad"))
    with ArticlePool(text_length, workers=2, chunk_size=3) as pool:
        out = list(pool.map(items))
    expected = [i if isinstance(i, ReadFailure) else (i, len(i.text)) for i in items]
    assert out == expected


def test_pool_reads_only_a_few_chunks_ahead() -> None:
    pulled = 0

    def endless() -> Iterator[Article]:  # long enough that reading it all fails, not hangs
        nonlocal pulled
        while pulled < 5000:
            pulled += 1
            yield Article(id=f"a{pulled}", text="The SEC fined Binance.")

    with ArticlePool(text_length, workers=2, chunk_size=4) as pool:
        results = pool.map(endless())
        for _ in range(20):
            next(results)
        ahead = pulled - 20
    assert 0 <= ahead <= 2 * parallel.IN_FLIGHT_PER_WORKER * 4


def test_pool_of_several_workers_must_be_entered() -> None:
    with pytest.raises(RuntimeError, match="enter the pool"):
        list(ArticlePool(text_length, workers=2).map([Article(id="a", text="t")]))
    assert list(ArticlePool(text_length).map([Article(id="a", text="tt")]))[0][1] == 2  # type: ignore[index]


def test_ingest_articles_takes_the_extractor_or_a_pool_not_both(
    embedded: EmbeddedStore,
) -> None:
    with pytest.raises(ValueError, match="pool"):
        ingest_articles([], embedded, extract=extract_article, pool=ArticlePool(extract_or_fail))


def test_auto_workers_uses_every_core_only_for_a_big_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "cpu_count", lambda: 4)
    small = tmp_path / "small.txt"
    small.write_text("short")
    assert auto_workers([str(small)]) == 1
    assert auto_workers([str(small)] * parallel.AUTO_MIN_SOURCES) == 4
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"x" * parallel.AUTO_MIN_BYTES)
    assert auto_workers([str(big), str(tmp_path / "missing")]) == 4
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert auto_workers([str(big)]) == 1
