"""The ingest pipeline against the real embedded store and the real extractor."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from graph.errors import OntologyError
from graph.models import Article, Extraction
from graph.settings import Settings, load_settings
from graph.store.embedded.store import EmbeddedStore
from ingest.pipeline import IngestReport, ingest_articles, ingest_paths, print_report
from ingest.read import ReadFailure, read_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
BODY = (
    "The Securities and Exchange Commission of Nigeria declared the operations of Binance "
    "Nigeria Limited illegal on Friday and told it to stop soliciting Nigerian investors."
)


def quiet_console() -> Console:
    return Console(file=io.StringIO(), width=200, force_terminal=False)


def output(console: Console) -> str:
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(store="embedded", data_dir=tmp_path / "data")


def test_examples_ingest_and_reingest_changes_nothing(settings: Settings) -> None:
    console = quiet_console()
    first = ingest_paths([str(EXAMPLES)], settings=settings, console=console)
    assert first.failed == []
    assert first.read == 8 and first.summary.articles == 8
    assert len(set(first.ingested)) == 8 and "seed-beijing-crackdown" in first.ingested
    assert first.summary.entities_new > 0
    text = output(console)
    assert "Ingest summary" in text and "articles read" in text and "relations new" in text

    store = EmbeddedStore(settings.data_dir)
    try:
        before = store.stats()
        facts_before = [f.model_dump() for f in store.iter_facts()]
    finally:
        store.close()
    assert before.articles == 8

    again = ingest_paths([str(EXAMPLES)], settings=settings, console=quiet_console())
    assert again.failed == [] and again.read == 8
    assert again.summary.entities_new == 0 and again.summary.relations_new == 0

    store = EmbeddedStore(settings.data_dir)
    try:
        assert store.stats() == before
        assert [f.model_dump() for f in store.iter_facts()] == facts_before
    finally:
        store.close()


def test_bad_inputs_are_reported_and_the_batch_goes_on(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.json").write_text(json.dumps({"id": "good-one", "text": BODY}))
    (folder / "b-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "c-bad.json").write_text('{"text": ')
    (folder / "d-lines.jsonl").write_text(
        json.dumps({"id": "good-two", "text": BODY + " It may appeal."}) + "\n{oops\n"
    )
    console = quiet_console()
    report = ingest_paths([str(folder), str(tmp_path / "missing.txt")], settings, console)
    assert report.read == 2 and sorted(report.ingested) == ["good-one", "good-two"]
    reasons = {(Path(f.path).name, f.line): f.reason for f in report.failed}
    assert set(reasons) == {
        ("b-binary.txt", None),
        ("c-bad.json", None),
        ("d-lines.jsonl", 2),
        ("missing.txt", None),
    }
    assert "binary file" in reasons[("b-binary.txt", None)]
    assert "malformed JSON at line 1" in reasons[("c-bad.json", None)]
    assert "no such file" in reasons[("missing.txt", None)]
    text = output(console)
    assert "Failures" in text and "d-lines.jsonl:2" in text and "binary file" in text


def test_extraction_errors_are_per_article(embedded: EmbeddedStore) -> None:
    from ingest.extraction import extract_article

    def picky(article: Article) -> Extraction:
        """The real extractor, except that it refuses one article."""
        if article.id == "refused":
            raise OntologyError("FINED needs an actor that can act")
        return extract_article(article)

    items: list[Article | ReadFailure] = [
        Article(id="refused", text=BODY),
        ReadFailure(path="gone.txt", reason="no such file"),
        Article(id="accepted", text=BODY),
    ]
    report = ingest_articles(items, embedded, extract=picky)
    assert report.read == 2 and report.ingested == ["accepted"]
    gone, refused = sorted(report.failed, key=lambda f: f.path)
    assert (refused.path, refused.stage) == ("refused", "extract")
    assert "OntologyError: FINED needs an actor" in refused.reason
    assert (gone.path, gone.stage) == ("gone.txt", "read")
    assert embedded.stats().articles == 1


def test_ingest_articles_is_what_the_api_calls(embedded: EmbeddedStore) -> None:
    article = Article(id="api-1", title="Posted", text=BODY)
    report = ingest_articles([article], embedded)
    assert report.ingested == ["api-1"] and report.failed == []
    assert report.summary.articles == 1
    stored = embedded.get_article("api-1")
    assert stored is not None and stored.article.title == "Posted"
    assert ingest_articles([article], embedded).summary.entities_new == 0


def test_many_inputs_show_progress_and_all_arrive(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(21):
        (folder / f"{i:02d}.json").write_text(json.dumps({"id": f"n-{i}", "text": f"{BODY} ({i})"}))
    report = ingest_paths([str(folder)], settings, quiet_console())
    assert report.read == 21 and report.failed == [] and report.summary.articles == 21
    assert [a.id for a in read_paths([str(folder)], 10_000) if isinstance(a, Article)] == [
        f"n-{i}" for i in range(21)
    ]


def test_print_report_lists_every_failure_with_its_line() -> None:
    console = quiet_console()
    report = IngestReport(
        read=1,
        failed=[
            ReadFailure(path="x.jsonl", line=3, reason="line 3: malformed JSON"),
            ReadFailure(path="y.txt", reason="OntologyError: bad edge", stage="extract"),
        ],
    )
    print_report(report, console)
    text = output(console)
    assert "x.jsonl:3" in text and "line 3: malformed JSON" in text
    assert "y.txt" in text and "extract" in text and "OntologyError: bad edge" in text


def test_cli_ingest_and_extract_on_the_examples(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CRYPTOREG_DATA_DIR": str(tmp_path / "data"),
        "CRYPTOREG_STORE": "embedded",
    }
    cmd = [sys.executable, "-m", "api.cli"]
    done = subprocess.run(
        [*cmd, "ingest", str(EXAMPLES)], env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert "Ingest summary" in done.stderr
    done = subprocess.run(
        [*cmd, "extract", str(EXAMPLES / "japan-fsa-warns-binance.txt")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)["article"]
    assert article["title"].startswith("Japan's financial watchdog warns Binance")
    assert article["published"] == "2018-03-23"
    done = subprocess.run(
        [*cmd, "extract", str(EXAMPLES / "europe-regulators-feed.xml")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1 and "holds 2 articles" in done.stderr


def test_cli_retract_removes_an_article_and_says_what_it_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from api.cli import app
    from graph.settings import get_settings, load_settings
    from graph.store.factory import open_store

    monkeypatch.setenv("CRYPTOREG_STORE", "embedded")
    monkeypatch.setenv("CRYPTOREG_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()  # the CLI reads its settings once per process
    monkeypatch.setattr("api.cli.get_settings", load_settings)
    source = tmp_path / "a.txt"
    source.write_text(
        "The Financial Conduct Authority fined Quorvex Markets Ltd.", encoding="utf-8"
    )
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(source)])
    assert ingested.exit_code == 0, ingested.output
    store = open_store(load_settings())
    try:
        (article,) = store.articles()
    finally:
        store.close()
    done = runner.invoke(app, ["retract", article.id])
    assert done.exit_code == 0, done.output
    assert f"retracted {article.id}:" in done.output and "facts" in done.output
    store = open_store(load_settings())
    try:
        assert store.articles() == [] and store.stats().articles == 0
    finally:
        store.close()
    again = runner.invoke(app, ["retract", article.id])
    assert again.exit_code != 0 and "no article" in again.output
