"""Bad input loses nothing (issue 17, point 2) and one set of limits holds everywhere (point 3).

Every input error (nesting depth, size, encoding, item count, special files, unsafe ids)
is the reason of one file or item, the rest of the batch lands, and nothing is a 500 or
a traceback: through `read_paths` and `ingest_paths` (the CLI's path), the `cryptoreg`
command itself, and POST /articles with JSON bodies and uploads.
"""

from __future__ import annotations

import io
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from rich.console import Console

from api.app import create_app
from graph.models import Article
from graph.settings import Settings, load_settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.protocol import GraphStore
from ingest.pipeline import IngestReport, ingest_paths
from ingest.read import ReadFailure, ReadNote, read_paths
from ingest.readers.limits import MAX_ITEMS, MAX_TEXT_CHARS

ROOT = Path(__file__).resolve().parents[1]
KEY = "test-key-0123456789"
AUTH = {"X-API-Key": KEY}
LOCAL = "http://127.0.0.1"  # a Host the API answers
DEEP = 10_000
BODY = (
    "The Securities and Exchange Commission of Nigeria declared the operations of Binance "
    "Nigeria Limited illegal on Friday and told it to stop soliciting Nigerian investors."
)
GERMAN = (
    "Die Bundesanstalt für Finanzdienstleistungsaufsicht hat am Dienstag gewarnt. Die Börse "
    "müsse ihre Geschäfte einstellen, hieß es. Die Behörde prüft weitere Schritte."
)
T = TypeVar("T")


def deep_json(depth: int = DEEP) -> str:
    return "[" * depth + "]" * depth


def good(article_id: str, extra: str = "") -> dict[str, str]:
    return {"id": article_id, "text": f"{BODY} {extra}".strip()}


def articles(items: list[Article | ReadFailure]) -> list[Article]:
    return [a for a in items if isinstance(a, Article)]


def failures(items: list[Article | ReadFailure]) -> dict[str, str]:
    """Failure reasons by file name (and line, when there is one)."""
    out = {}
    for f in items:
        if isinstance(f, ReadFailure):
            out[Path(f.path).name + (f":{f.line}" if f.line else "")] = f.reason
    return out


def within(seconds: float, job: Callable[[], T]) -> T:
    """`job()`, failing (not hanging) when it takes longer than `seconds`."""
    box: list[Any] = []
    worker = threading.Thread(target=lambda: box.append(_capture(job)), daemon=True)
    worker.start()
    worker.join(seconds)
    assert not worker.is_alive(), f"still running after {seconds} s: it hangs"
    result, error = box[0]
    if error is not None:
        raise error
    return result  # type: ignore[no-any-return]


def _capture(job: Callable[[], T]) -> tuple[T | None, BaseException | None]:
    try:
        return job(), None
    except BaseException as exc:  # handed to the test's thread
        return None, exc


def read_all(
    *paths: Path | str, notes: list[ReadNote] | None = None
) -> list[Article | ReadFailure]:
    return within(60, lambda: list(read_paths([str(p) for p in paths], 10**7, notes=notes)))


def quiet() -> Console:
    return Console(file=io.StringIO(), width=200, force_terminal=False)


@pytest.fixture
def local(tmp_path: Path) -> Settings:
    """Settings for an embedded store in this test's folder."""
    return load_settings(store="embedded", data_dir=tmp_path / "data", api_key=KEY)


@pytest.fixture
def client(embedded: EmbeddedStore) -> Iterator[TestClient]:
    with TestClient(create_app(load_settings(api_key=KEY), store=embedded), base_url=LOCAL) as c:
        yield c


def post_json(client: TestClient, body: Any) -> Any:
    content = body if isinstance(body, str | bytes) else json.dumps(body)
    headers = {**AUTH, "content-type": "application/json"}
    return client.post("/articles", content=content, headers=headers)


def upload(client: TestClient, *files: tuple[str, bytes, str]) -> Any:
    return client.post("/articles", files=[("file", f) for f in files], headers=AUTH)


def assert_problem(response: Any, status: int, *words: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    detail: str = response.json()["detail"]
    for word in words:
        assert word in detail, detail
    return detail


# --- nesting depth ----------------------------------------------------------------------


def test_deep_json_files_and_lines_are_reasons_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(good("a-good")))
    (tmp_path / "b-deep.json").write_text(deep_json())
    (tmp_path / "c-deep-object.json").write_text('{"text": ' + deep_json() + "}")
    (tmp_path / "d-list.json").write_text(
        "[" + json.dumps(good("d-1")) + "," + deep_json() + "," + json.dumps(good("d-3")) + "]"
    )
    (tmp_path / "e.jsonl").write_text(
        json.dumps(good("e-1")) + "\n" + deep_json() + "\n" + json.dumps(good("e-3")) + "\n"
    )
    (tmp_path / "f-moderate.json").write_text(
        "[" + json.dumps(good("f-1")) + "," + deep_json(100) + "]"
    )
    (tmp_path / "g.json").write_text(json.dumps(good("g-good")))
    items = read_all(tmp_path)
    assert [a.id for a in articles(items)] == [
        "a-good",
        "d-1",
        "d-3",
        "e-1",
        "e-3",
        "f-1",
        "g-good",
    ]
    reasons = failures(items)
    assert set(reasons) == {
        "b-deep.json",
        "c-deep-object.json",
        "d-list.json",
        "e.jsonl:2",
        "f-moderate.json",
    }
    assert "nested" in reasons["b-deep.json"] and "the limit is 64" in reasons["b-deep.json"]
    assert reasons["d-list.json"].startswith("item 2: JSON nested 10,001 levels")
    assert reasons["e.jsonl:2"].startswith("line 2: JSON nested")
    assert reasons["f-moderate.json"].startswith("item 2: JSON nested 101 levels")


def test_deep_json_over_http_is_a_422_or_an_item_failure(client: TestClient) -> None:
    assert_problem(post_json(client, deep_json()), 422, "nested", "limit is 64")
    assert_problem(post_json(client, '{"text": ' + deep_json() + "}"), 422, "nested")
    mixed = "[" + json.dumps(good("http-good")) + "," + deep_json() + "]"
    report = post_json(client, mixed)
    assert report.status_code == 200, report.text
    body = report.json()
    assert body["ingested"] == ["http-good"]
    assert [f["reason"][:22] for f in body["failed"]] == ["item 2: JSON nested 10"]
    assert client.get("/articles/http-good").status_code == 200


def test_deep_json_upload_fails_alone_and_the_good_file_lands(client: TestClient) -> None:
    response = upload(
        client,
        ("deep.json", deep_json().encode(), "application/json"),
        ("lines.jsonl", (deep_json() + "\n" + json.dumps(good("up-2"))).encode(), "text/plain"),
        ("good.txt", BODY.encode(), "text/plain"),
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert len(report["ingested"]) == 2 and "up-2" in report["ingested"]
    reasons = {(f["path"], f["line"]): f["reason"] for f in report["failed"]}
    assert set(reasons) == {("deep.json", None), ("lines.jsonl", 1)}
    assert all("nested" in r for r in reasons.values())
    only_deep = upload(client, ("deep.json", deep_json().encode(), "application/json"))
    assert_problem(only_deep, 422, "deep.json", "nested")


def cli(*args: str, data: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CRYPTOREG_DATA_DIR": str(data), "CRYPTOREG_STORE": "embedded"}
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )


@pytest.fixture
def batch_with_a_deep_file(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(good("cli-a")))
    (folder / "b-deep.json").write_text(deep_json())
    (folder / "c.json").write_text(json.dumps(good("cli-c", "It may appeal.")))
    return folder


def test_cli_ingest_goes_on_after_a_deep_file_and_names_it(
    batch_with_a_deep_file: Path, tmp_path: Path
) -> None:
    done = cli("ingest", str(batch_with_a_deep_file), data=tmp_path / "data")
    assert "Traceback" not in done.stderr and "RecursionError" not in done.stderr, done.stderr
    assert "b-deep.json" in done.stderr and "nested" in done.stderr
    store = EmbeddedStore(tmp_path / "data")
    try:
        assert {a.id for a in store.articles(10, 0)} == {"cli-a", "cli-c"}
    finally:
        store.close()


def test_cli_ingest_exits_non_zero_when_an_input_failed(
    batch_with_a_deep_file: Path, tmp_path: Path
) -> None:
    """Issue 14: partial success is a failure of the command (both good files still land)."""
    done = cli("ingest", str(batch_with_a_deep_file), data=tmp_path / "data")
    assert done.returncode != 0, done.stderr


# --- encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (GERMAN, "latin-1"),
        ("São Paulo: the CVM barred Binance from offering derivatives. " + BODY, "latin-1"),
        ("\u201cWe will appeal,\u201d the exchange\u2019s lawyer said \u2013 " + BODY, "cp1252"),
        ("Crédit Agricole and Société Générale were warned by the AMF. " + BODY, "cp1252"),
    ],
)
def test_western_text_is_decoded_by_a_reported_fallback(
    tmp_path: Path, text: str, encoding: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    notes: list[ReadNote] = []
    [article] = read_all(path, notes=notes)
    assert isinstance(article, Article) and article.text == text
    assert [n.path for n in notes] == [str(path)]
    assert "not UTF-8" in notes[0].note and "Windows-1252" in notes[0].note


@pytest.mark.parametrize(
    "data",
    [
        ("Die Börse müsse " + BODY).encode() + " café".encode("latin-1"),
        "Crédit Agricole ".encode("latin-1") + ("and Société Générale " + BODY).encode(),
        ("Zürich " * 50).encode() + b"\xff" + BODY.encode(),
    ],
    ids=["utf8-then-latin1", "latin1-then-utf8", "one-bad-byte"],
)
def test_damaged_utf8_is_refused_never_stored_as_mojibake(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    [failure] = read_all(path)
    assert isinstance(failure, ReadFailure)
    assert "invalid UTF-8" in failure.reason and "mojibake" in failure.reason


def test_random_bytes_are_refused(tmp_path: Path) -> None:
    rng = random.Random(17)
    accepted = []
    for i in range(120):
        low = (0x00, 0x09, 0x20, 0x80)[i % 4]
        data = bytes(rng.randrange(low, 0x100) for _ in range(rng.choice((64, 512, 4096))))
        path = tmp_path / f"r{i}.txt"
        path.write_bytes(data)
        [result] = read_all(path)
        if isinstance(result, Article):
            accepted.append((i, result.text[:40]))
    assert accepted == []


def test_other_scripts_are_guessed_and_say_so(tmp_path: Path) -> None:
    title = "中国人民银行宣布禁止加密货币交易"
    text = (
        "所有交易所必须停止运营。中华人民共和国国家外汇管理局发布通知，"
        "要求各银行严格审查比特币相关的资金流动。"
    )
    path = tmp_path / "zh.txt"
    path.write_bytes(f"{title}\n\n{text}".encode("gbk"))
    notes: list[ReadNote] = []
    [article] = read_all(path, notes=notes)
    assert isinstance(article, Article) and (article.title, article.text) == (title, text)
    assert "charset-normalizer's guess" in notes[0].note


def test_fallback_decoding_is_reported_by_ingest_and_the_api(
    tmp_path: Path, local: Settings, client: TestClient
) -> None:
    (tmp_path / "de.txt").write_bytes(GERMAN.encode("latin-1"))
    console = quiet()
    report = ingest_paths([str(tmp_path / "de.txt")], local, console)
    assert report.read == 1 and report.failed == []
    assert [n.path for n in report.notes] == [str(tmp_path / "de.txt")]
    assert "Windows-1252" in console.file.getvalue()  # type: ignore[attr-defined]
    response = upload(client, ("de.txt", GERMAN.encode("latin-1"), "text/plain"))
    assert response.status_code == 200, response.text
    [note] = response.json()["notes"]
    assert note["path"] == "de.txt" and "Windows-1252" in note["note"]
    [article_id] = response.json()["ingested"]
    assert client.get(f"/articles/{article_id}").json()["article"]["text"] == GERMAN


def test_damaged_utf8_upload_and_body_are_reasons(client: TestClient) -> None:
    mixed = ("Die Börse müsse " + BODY).encode() + " café".encode("latin-1")
    response = upload(
        client, ("mixed.txt", mixed, "text/plain"), ("ok.txt", BODY.encode(), "text/plain")
    )
    assert response.status_code == 200, response.text
    [failure] = response.json()["failed"]
    assert failure["path"] == "mixed.txt" and "invalid UTF-8" in failure["reason"]
    body = json.dumps(good("latin")).encode()[:-2] + ' caf\xe9"}'.encode("latin-1")
    assert_problem(post_json(client, body), 422, "not valid utf-8")


# --- special files ------------------------------------------------------------------------


@pytest.fixture
def special_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.json").write_text(json.dumps(good("sp-a")))
    os.mkfifo(folder / "b-fifo.txt")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(folder / "c-socket.txt"))
    (folder / "d-device.txt").symlink_to("/dev/zero")
    (folder / "e-loop.txt").symlink_to(folder / "e-loop.txt")
    (folder / "f-dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "sub" / "back-up").symlink_to(folder)  # a directory cycle
    (folder / "sub" / "g.json").write_text(json.dumps(good("sp-g", "It may appeal.")))
    (folder / "z.json").write_text(json.dumps(good("sp-z", "It will appeal.")))
    yield folder
    server.close()


def test_special_files_in_a_folder_are_skipped_with_reasons(special_folder: Path) -> None:
    items = read_all(special_folder)
    assert [a.id for a in articles(items)] == ["sp-a", "sp-g", "sp-z"]
    reasons = failures(items)
    assert "named pipe" in reasons["b-fifo.txt"] and "skipped" in reasons["b-fifo.txt"]
    assert "socket" in reasons["c-socket.txt"]
    assert "character device" in reasons["d-device.txt"]
    assert "loop of symbolic links" in reasons["e-loop.txt"]
    assert "link to nothing" in reasons["f-dangling.txt"]
    assert "already read" in reasons["back-up"]


def test_special_files_do_not_hang_ingest(special_folder: Path, local: Settings) -> None:
    report: IngestReport = within(120, lambda: ingest_paths([str(special_folder)], local, quiet()))
    assert sorted(report.ingested) == ["sp-a", "sp-g", "sp-z"]
    assert report.inputs_failed == 6


def test_special_files_named_explicitly_are_bounded(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    started = time.monotonic()
    items = read_all(fifo, "/dev/null", "/dev/zero")
    assert time.monotonic() - started < 30
    reasons = {f.path: f.reason for f in items if isinstance(f, ReadFailure)}
    assert "named pipe (FIFO) with nothing to read" in reasons[str(fifo)]
    assert "character device with nothing to read" in reasons["/dev/null"]
    assert "too large (at least" in reasons["/dev/zero"]


def test_a_pipe_named_explicitly_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("w") as fh:
            fh.write(json.dumps(good("from-a-pipe")))

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    time.sleep(0.2)  # the writer is waiting in open() for a reader
    items = read_all(fifo)
    writer.join(5)
    assert [a.id for a in articles(items)] == ["from-a-pipe"]


# --- sizes and counts, the same in every format and entry point ----------------------------


def many(fmt: str, n: int) -> tuple[str, bytes]:
    """A file of `fmt` holding `n` small articles."""
    if fmt == "json":
        return "many.json", json.dumps([good(f"m-{i}") for i in range(n)]).encode()
    if fmt == "jsonl":
        return "many.jsonl", "\n".join(json.dumps(good(f"m-{i}")) for i in range(n)).encode()
    if fmt == "rss":
        entries = "".join(
            f"<item><title>t{i}</title><link>https://x.example/{i}</link>"
            f"<description>{BODY} ({i})</description></item>"
            for i in range(n)
        )
        return (
            "many.xml",
            f'<rss version="2.0"><channel><title>F</title>{entries}</channel></rss>'.encode(),
        )
    entries = "".join(
        f"<entry><title>t{i}</title><id>https://x.example/{i}</id>"
        f"<summary>{BODY} ({i})</summary></entry>"
        for i in range(n)
    )
    return (
        "many.atom",
        f'<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>{entries}</feed>'.encode(),
    )


FORMATS = ["json", "jsonl", "rss", "atom"]
LIMIT_WORDS = f"at most {MAX_ITEMS:,} articles per file, feed or request"


@pytest.mark.parametrize("fmt", FORMATS)
def test_item_limit_is_the_same_in_every_format(tmp_path: Path, fmt: str) -> None:
    name, data = many(fmt, MAX_ITEMS + 1)
    (tmp_path / name).write_bytes(data)
    [failure] = read_all(tmp_path / name)
    assert isinstance(failure, ReadFailure)
    assert f"holds {MAX_ITEMS + 1:,}" in failure.reason and LIMIT_WORDS in failure.reason
    name, data = many(fmt, MAX_ITEMS)
    (tmp_path / name).write_bytes(data)
    assert len(articles(read_all(tmp_path / name))) == MAX_ITEMS


@pytest.mark.parametrize("fmt", FORMATS)
def test_item_limit_holds_for_uploads_and_the_good_file_lands(client: TestClient, fmt: str) -> None:
    name, data = many(fmt, MAX_ITEMS + 1)
    response = upload(
        client, (name, data, "application/octet-stream"), ("ok.txt", BODY.encode(), "text/plain")
    )
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["read"] == 1 and len(report["ingested"]) == 1
    [failure] = report["failed"]
    assert failure["path"] == name and LIMIT_WORDS in failure["reason"]


def test_a_10000_item_rss_upload_is_refused_quickly(client: TestClient) -> None:
    name, data = many("rss", 10_000)
    started = time.monotonic()
    response = upload(client, (name, data, "application/rss+xml"))
    elapsed = time.monotonic() - started
    assert_problem(response, 422, "holds 10,000 entries", LIMIT_WORDS)
    assert client.get("/articles").json()["items"] == []
    print(f"10,000-item RSS upload refused in {elapsed:.2f} s")


def test_item_limit_holds_for_json_bodies(client: TestClient) -> None:
    body = [good(f"b-{i}") for i in range(MAX_ITEMS + 1)]
    assert_problem(post_json(client, body), 422, f"holds {MAX_ITEMS + 1:,} items", LIMIT_WORDS)


def test_item_limit_counts_all_files_of_one_request(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("api.uploads.MAX_ITEMS", 3)
    first = json.dumps([good("r-1"), good("r-2", "x")]).encode()
    second = json.dumps([good("r-3", "y"), good("r-4", "z")]).encode()
    response = upload(
        client, ("one.json", first, "application/json"), ("two.json", second, "application/json")
    )
    report = response.json()
    assert sorted(report["ingested"]) == ["r-1", "r-2"]
    [failure] = report["failed"]
    assert failure["path"] == "two.json" and "request holds 4 articles" in failure["reason"]


def test_text_limit_is_the_same_for_files_and_bodies(tmp_path: Path, client: TestClient) -> None:
    long_text = ("word " * (MAX_TEXT_CHARS // 5 + 1)).strip() + "s"
    (tmp_path / "long.json").write_text(
        json.dumps([good("short"), {"id": "long", "text": long_text}])
    )
    items = read_all(tmp_path / "long.json")
    assert [a.id for a in articles(items)] == ["short"]
    assert f"the limit is {MAX_TEXT_CHARS:,}" in failures(items)["long.json"]
    assert_problem(post_json(client, {"text": long_text}), 422, "text")


def test_file_over_the_byte_limit_in_an_upload_fails_alone(embedded: EmbeddedStore) -> None:
    settings = load_settings(api_key=KEY, max_file_bytes=4096, max_body_bytes=100_000)
    with TestClient(create_app(settings, store=embedded), base_url=LOCAL) as c:
        response = upload(
            c,
            ("big.txt", ("x" * 5000).encode(), "text/plain"),
            ("ok.txt", BODY.encode(), "text/plain"),
        )
    assert response.status_code == 200, response.text
    [failure] = response.json()["failed"]
    assert failure["path"] == "big.txt" and "too large" in failure["reason"]
    assert len(response.json()["ingested"]) == 1


# --- article ids --------------------------------------------------------------------------

ODD_IDS = [
    "with spaces in it",
    "urn:example:article:1",
    "ünïcödé-記事-статья",
    "100% sure?#not-a-fragment",
    "semi;colon&amp=1+plus~tilde",
    "...",
    "emoji 🚀 launch",
    "a%2Fb",
]
HOSTILE_IDS = {
    "a/b": "'/'",
    "../etc/passwd": "'/'",
    "..": "relative path segment",
    ".": "relative path segment",
    "back\\slash": "'\\\\'",
    "nul\x00byte": "'\\x00'",
    "new\nline": "'\\n'",
    "tab\there": "'\\t'",
    "bidi\u202eevil": "'\\u202e'",
    "line\u2028sep": "'\\u2028'",
    "x" * 201: "at most 200 characters",
}


@contextmanager
def serving(store: GraphStore) -> Iterator[httpx.Client]:
    """A client of the API served by uvicorn on a free port: real percent-decoding (the
    test client decodes paths twice, so it cannot fetch an id holding "%2F")."""
    import uvicorn

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    app = create_app(load_settings(api_key=KEY), store=store)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        assert thread.is_alive(), "uvicorn did not start"
        time.sleep(0.02)
    base = f"http://127.0.0.1:{listener.getsockname()[1]}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            yield client
    finally:
        server.should_exit = True
        thread.join(10)
        listener.close()


def test_odd_but_valid_ids_can_be_fetched_and_retracted(store: GraphStore) -> None:
    with serving(store) as c:
        body = [good(article_id, str(i)) for i, article_id in enumerate(ODD_IDS)]
        report = c.post("/articles", json=body, headers=AUTH).json()
        assert report["ingested"] == ODD_IDS, report
        for article_id in ODD_IDS:
            path = "/articles/" + quote(article_id, safe="")
            fetched = c.get(path)
            assert fetched.status_code == 200, (article_id, fetched.text)
            assert fetched.json()["article"]["id"] == article_id
            gone = c.delete(path, headers=AUTH)
            assert gone.status_code == 200 and gone.json()["article"] == article_id
            assert c.get(path).status_code == 404
        assert c.get("/articles").json()["items"] == []


def test_hostile_ids_are_refused_alone(client: TestClient) -> None:
    body = [good(article_id, str(i)) for i, article_id in enumerate(HOSTILE_IDS)]
    body.append(good("the-good-one", "Finally."))
    response = post_json(client, body)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["ingested"] == ["the-good-one"]
    assert len(report["failed"]) == len(HOSTILE_IDS)
    for failure, expected in zip(report["failed"], HOSTILE_IDS.values(), strict=True):
        assert "id" in failure["reason"] and expected in failure["reason"], failure
    assert [a["id"] for a in client.get("/articles").json()["items"]] == ["the-good-one"]


def test_hostile_ids_in_files_are_per_item_reasons(tmp_path: Path) -> None:
    lines = [json.dumps(good(article_id, str(i))) for i, article_id in enumerate(HOSTILE_IDS)]
    lines.append(json.dumps(good("fine", "Finally.")))
    (tmp_path / "ids.jsonl").write_text("\n".join(lines))
    items = read_all(tmp_path / "ids.jsonl")
    assert [a.id for a in articles(items)] == ["fine"]
    assert len(failures(items)) == len(HOSTILE_IDS)


def test_every_stored_id_is_one_path_segment() -> None:
    for article_id in ODD_IDS:
        assert Article(id=article_id, text="x").id == article_id
    for article_id in HOSTILE_IDS:
        with pytest.raises(ValueError):
            Article(id=article_id, text="x")


# --- nothing lost -------------------------------------------------------------------------


def test_one_bad_file_of_each_kind_among_good_ones_loses_no_good_one(
    tmp_path: Path, local: Settings
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"good-{i}.json").write_text(json.dumps(good(f"keep-{i}", f"Case {i}.")))
    (folder / "bad-deep.json").write_text(deep_json())
    (folder / "bad-mixed.txt").write_bytes(("Börse " + BODY).encode() + b"\xe9")
    (folder / "bad-random.txt").write_bytes(
        bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(999))
    )
    (folder / "bad-id.json").write_text(json.dumps(good("no/slash")))
    (folder / "bad-many.jsonl").write_text(
        "\n".join(json.dumps(good(f"n-{i}")) for i in range(MAX_ITEMS + 1))
    )
    os.mkfifo(folder / "bad-fifo.txt")
    report: IngestReport = within(120, lambda: ingest_paths([str(folder)], local, quiet()))
    assert sorted(report.ingested) == [f"keep-{i}" for i in range(5)]
    assert report.inputs_failed == 6
    store = EmbeddedStore(local.data_dir)
    try:
        assert sorted(a.id for a in store.articles(100, 0)) == [f"keep-{i}" for i in range(5)]
    finally:
        store.close()


def test_a_month_only_publication_date_is_kept_undated_by_the_api_with_a_note(
    client: TestClient,
) -> None:
    """POST /articles with a JSON body: the article is stored, not refused; a note says so."""
    article = {**good("month-only"), "published": "2019-01"}
    response = client.post("/articles", json=article, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["ingested"] == ["month-only"]
    [note] = response.json()["notes"]
    assert "'2019-01' names no day (month only)" in note["note"]
    stored = client.get("/articles/month-only").json()["article"]
    assert stored["published"] is None and stored["text"] == article["text"]
