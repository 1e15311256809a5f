"""Reading articles: every format, every failure kind, furniture, ids, folders, URLs."""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
import threading
import tracemalloc
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from graph.errors import InputFileError, InvalidInputError
from graph.ids import article_id
from graph.models import Article
from ingest.read import (
    ReadFailure,
    ReadNote,
    clean_text,
    iter_sources,
    read_article_file,
    read_paths,
)

DATA = Path(__file__).parent / "data" / "read"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
MB = 1024 * 1024
LIMIT = 1 * MB

BODY = (
    "The Securities Commission of Examplestan fined the exchange Coinmarket Ltd on Tuesday "
    "for trading without a licence, the regulator said."
)


def read_one(path: Path, max_bytes: int = LIMIT) -> Article:
    return read_article_file(path, max_bytes=max_bytes)


def read_all(*paths: Path | str, max_bytes: int = LIMIT) -> list[Article | ReadFailure]:
    return list(read_paths([str(p) for p in paths], max_bytes=max_bytes))


def only_failure(path: Path, max_bytes: int = LIMIT) -> ReadFailure:
    results = read_all(path, max_bytes=max_bytes)
    assert len(results) == 1 and isinstance(results[0], ReadFailure), results
    return results[0]


# --- plain text and Markdown -------------------------------------------------------------


def test_txt_headline_byline_header_and_dateline() -> None:
    art = read_one(DATA / "wire.txt")
    assert art.title == "Regulator orders exchange to halt lending product"
    assert art.published == dt.date(2024, 3, 26)  # the header wins over the dateline
    assert art.publisher == "Example Wire"  # from the dateline's agency
    assert "Jane Example" not in art.text
    assert art.text.startswith("BANGKOK, March 25 (Example Wire) - The Securities")
    # hard-wrapped lines are joined into one paragraph
    assert "on Monday ordered the crypto exchange" in art.text
    assert "Read more" not in art.text
    assert art.text.endswith("within 30 days.")


def test_txt_first_line_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{BODY}\n\nA second paragraph follows.\n", encoding="utf-8")
    art = read_one(path)
    assert art.title is None
    assert art.text.startswith("The Securities Commission")
    assert art.published is None


def test_txt_dateline_is_never_the_title_and_gives_the_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"LAGOS, June 9, 2023 (Wire) - {BODY}\n\nMore text here.\n", encoding="utf-8")
    art = read_one(path)
    assert art.title is None
    assert art.published == dt.date(2023, 6, 9)
    assert art.text.startswith("LAGOS, June 9, 2023 (Wire) - The Securities")


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_txt_one_paragraph_per_long_line(tmp_path: Path, gap: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Headline here{gap}{BODY}\n{BODY}\n", encoding="utf-8")
    art = read_one(path)
    assert art.title == "Headline here"
    assert art.text == f"{BODY}\n\n{BODY}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-26T10:00:00+02:00", dt.date(2024, 3, 26)),
        ("Tuesday, March 26, 2024", dt.date(2024, 3, 26)),
        ("Mar. 26, 2024", dt.date(2024, 3, 26)),
        ("Tue, 26 Mar 2024 10:00:00 GMT", dt.date(2024, 3, 26)),
        ("le 26 mars 2024", dt.date(2024, 3, 26)),
        ("March 2024", "undated"),  # a month only: kept, without a made-up day
        ("2 days ago", None),
    ],
)
def test_dates_in_headers(tmp_path: Path, value: str, expected: dt.date | str | None) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Headline\nPublished: {value}\n\n{BODY}\n", encoding="utf-8")
    if expected is None:
        assert "as a date" in only_failure(path).reason
    elif expected == "undated":
        assert read_one(path).published is None and read_one(path).text == BODY
    else:
        assert read_one(path).published == expected


def test_markdown_front_matter_heading_and_inline_markup() -> None:
    art = read_one(DATA / "note.md")
    assert art.title == "Central bank bans crypto payments"
    assert art.published == dt.date(2021, 4, 16)
    assert art.publisher == "Markdown Times"
    assert art.url == "https://mdtimes.example/2021/04/16/central-bank-bans-crypto-payments"
    assert art.text.startswith("The Central Bank of Examplestan banned")
    assert "**" not in art.text and "](" not in art.text and "#" not in art.text
    assert "citing irreparable risks." in art.text
    assert "Markdown Times staff" not in art.text
    assert "Subscribe" not in art.text


# --- HTML ---------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    art = read_one(DATA / "page.html")
    assert art.title == "Regulator fines exchange for unregistered trading"
    assert art.url == "https://gazette.example/news/2024/03/26/regulator-fines-exchange"
    assert art.publisher == "Test Gazette"
    assert art.published == dt.date(2024, 3, 26)
    assert art.text.startswith("The Securities Commission of Examplestan fined")
    assert art.text.endswith("took effect in 2022.")
    for junk in (
        "NAVIGATION_SCRIPT_TEXT",
        "AD_TEXT_MARKER",
        "MOST_READ_MARKER",
        "Sign in",
        "Related:",
        "Read more",
        "Subscribe",
        "Advertisement",
    ):
        assert junk not in art.text, junk
    assert art.text.count("\n\n") == 3  # four paragraphs, kept apart


def test_html_without_article_text_fails(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>x</title></head><body><script>var a;</script></body></html>"
    )
    assert "no article text" in only_failure(path).reason


# --- JSON and JSON Lines ------------------------------------------------------------------


def test_json_object_keeps_explicit_id(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    record = {
        "id": "seed-x",
        "title": "T",
        "url": "https://x.example/1",
        "publisher": "P",
        "published": "2024-03-26T10:00:00Z",
        "text": BODY,
    }
    path.write_text(json.dumps(record))
    art = read_one(path)
    assert (art.id, art.title, art.url, art.publisher) == (
        "seed-x",
        "T",
        "https://x.example/1",
        "P",
    )
    assert art.published == dt.date(2024, 3, 26)
    assert art.source_path == str(path)


def test_json_alternative_keys_and_html_body(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(
        json.dumps(
            [
                {"content": f"<p>{BODY}</p><p>Read more: elsewhere</p>", "date": "June 9, 2023"},
                {"body": BODY, "date": "2023-06-10"},
            ]
        )
    )
    first, second = read_all(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == BODY and first.published == dt.date(2023, 6, 9)
    assert second.text == BODY and second.published == dt.date(2023, 6, 10)


def test_json_list_of_one_is_an_article_list_of_two_is_refused_by_extract(tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps([{"text": BODY}]))
    two.write_text(json.dumps([{"text": BODY}, {"text": BODY + " Again."}]))
    assert read_one(one).text == BODY
    with pytest.raises(InvalidInputError, match="holds 2 articles.*ingest"):
        read_one(two)
    assert all(isinstance(r, Article) for r in read_all(two))


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "title": "x",\n  "text": oops\n}\n')
    failure = only_failure(path)
    assert "malformed JSON at line 3, column 11" in failure.reason
    with pytest.raises(InputFileError, match=r"bad\.json: malformed JSON at line 3"):
        read_one(path)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('"just a string"', "object or a list of objects"),
        ("[]", "empty JSON list"),
        ('{"title": "no text"}', "no article text"),
        ('{"text": 42}', "no article text"),
        ('{"text": "Body.", "published": "not a date"}', "cannot read 'not a date' as a date"),
        ('{"text": "Body.", "url": 5}', "url must be a string"),
        ('{"text": "Body.", "published": "yesterday"}', "cannot read 'yesterday' as a date"),
        ('{"text": "Body.", "id": true}', "id must be a string"),
    ],
)
def test_json_content_problems_are_clear(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(content)
    assert reason in only_failure(path).reason


@pytest.mark.parametrize(
    ("published", "precision"),
    [("2019-01", "month"), ("January 2019", "month"), ("Jan. 2019", "month"), ("2019", "year")],
)
def test_a_publication_date_without_a_day_keeps_the_article_undated_with_a_note(
    tmp_path: Path, published: str, precision: str
) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": BODY, "published": published}))
    notes: list[ReadNote] = []
    (article,) = read_paths([str(path)], max_bytes=LIMIT, notes=notes)
    assert isinstance(article, Article) and article.text == BODY
    assert article.published is None  # no day is made up
    (note,) = notes
    assert f"{published!r} names no day ({precision} only)" in note.note


@pytest.mark.parametrize("published", ["2019-13", "1850", "13/2019", "Smarch 2019"])
def test_a_period_that_is_no_month_or_year_is_still_refused(tmp_path: Path, published: str) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": BODY, "published": published}))
    assert f"cannot read {published!r} as a date" in only_failure(path).reason


def test_jsonl_bad_line_is_a_per_line_failure(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": BODY}), '{"text": "broken', "", json.dumps({"body": "Second."})]
    path.write_text("\n".join(lines) + "\n")
    first, bad, last = read_all(path)
    assert isinstance(first, Article) and first.text == BODY
    assert isinstance(bad, ReadFailure) and bad.line == 2 and bad.path == str(path)
    assert "line 2: malformed JSON at column" in bad.reason
    assert isinstance(last, Article) and last.text == "Second."


def test_jsonl_record_without_text_fails_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"title": "t"}) + "\n")
    _, bad = read_all(path)
    assert isinstance(bad, ReadFailure) and bad.line == 2 and "no article text" in bad.reason


# --- feeds --------------------------------------------------------------------------------


def test_rss_feed_entries_are_articles() -> None:
    first, second = read_all(DATA / "feed.rss")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Exchange banned in Examplestan"
    assert first.url == "https://rssledger.example/2023/06/09/exchange-banned"
    assert first.publisher == "RSS Test Ledger"
    assert first.published == dt.date(2023, 6, 9)
    assert first.id == article_id(first.url, first.text)
    # content:encoded beats the summary; HTML, scripts and furniture are gone
    assert first.text == (
        "The Securities Commission of Examplestan declared the operations of Coinmarket Ltd "
        "illegal on Friday.\n\nThe commission told the company to stop soliciting investors."
    )
    assert (
        second.text
        == "The High Court of Examplestan fined the founder of Coinmarket Ltd on Saturday."
    )


def test_atom_feed_is_sniffed_without_a_known_suffix(tmp_path: Path) -> None:
    path = tmp_path / "download.dat"
    path.write_bytes((DATA / "feed.atom").read_bytes())
    first, second = read_all(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.publisher == "Atom Regulatory Wire"
    assert first.text.startswith("The Financial Watchdog of Examplestan warned investors")
    assert "Read more" not in first.text and "Short summary" not in first.text
    assert (
        second.text
        == "The Central Bank of Examplestan granted a licence to Stable Issuer Ltd on Tuesday."
    )
    with pytest.raises(InvalidInputError, match="holds 2 articles"):
        read_one(path)


def test_xml_that_is_not_a_feed_fails(tmp_path: Path) -> None:
    path = tmp_path / "data.xml"
    path.write_text('<?xml version="1.0"?><catalog><book>x</book></catalog>')
    assert "not an RSS or Atom feed" in only_failure(path).reason


# --- undecodable, binary, empty, too large ------------------------------------------------

LATIN = (
    "Die Bundesanstalt für Finanzdienstleistungsaufsicht hat am Dienstag gewarnt. Die Börse "
    "müsse ihre Geschäfte einstellen, hieß es. La Banque de France a averti que les "
    "plateformes non enregistrées s'exposent à des sanctions, déjà évoquées."
)


def test_latin1_text_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(LATIN.encode("latin-1"))
    assert read_one(path).text == LATIN


def test_cp1252_curly_quotes(tmp_path: Path) -> None:
    text = "\u201cWe will appeal,\u201d the exchange\u2019s lawyer said of the fine. " + LATIN
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_one(path).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig"])
def test_utf16_and_bom_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(f"Headline über Börsen\n\n{LATIN}".encode(encoding))
    art = read_one(path)
    assert art.title == "Headline über Börsen"
    assert art.text == LATIN


def test_declared_charset_of_html_is_used(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    html = (DATA / "page.html").read_text().replace('charset="utf-8"', 'charset="iso-8859-1"')
    html = html.replace("2 million dollars", "2 millions d'euros après enquête")
    path.write_bytes(html.encode("latin-1"))
    assert "2 millions d'euros après enquête" in read_one(path).text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (a PDF document)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (a PNG image)"),
        (b"PK\x03\x04\x14\x00\x06\x00", "binary file (a ZIP archive"),
        (b"some text\x00\x01\x02\x03 with NULs\x00 inside" * 3, "binary file (contains NUL bytes)"),
        (bytes(range(0x80, 0x100)) * 40, "cannot decode"),
        (b"", "empty file"),
        (b" \n\t\n  ", "empty file"),
        (" \n\t ".encode("utf-16"), "empty file"),
    ],
)
def test_unreadable_bytes_fail_clearly(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(data)
    failure = only_failure(path)
    assert reason in failure.reason
    assert failure.path == str(path) and failure.stage == "read"
    with pytest.raises(InputFileError, match="input.txt: "):
        read_one(path)


def test_control_character_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("ab\x01\x02\x03\x04cd\x05\x06" * 100).encode("utf-8"))
    assert "not readable text" in only_failure(path).reason


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        fh.truncate(50 * MB + 1)  # sparse: costs no disk
    tracemalloc.start()
    try:
        failure = only_failure(path, max_bytes=50 * MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "too large (52,428,801 bytes; the limit is 52,428,800" in failure.reason
    assert peak < 1 * MB, f"peak {peak} bytes: the file was read"


def test_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    assert read_one(path, max_bytes=len(BODY.encode())).text == BODY


def test_missing_file_and_folder_given_to_extract(tmp_path: Path) -> None:
    assert "no such file" in only_failure(tmp_path / "nope.txt").reason
    with pytest.raises(InputFileError, match="no such file"):
        read_one(tmp_path / "nope.txt")
    with pytest.raises(InvalidInputError, match="is a folder"):
        read_one(tmp_path)


# --- furniture and normalisation ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "See related article: China takes aim at corruption in underground Bitcoin mines",
        "Read more: CFTC vs SEC - who polices crypto in America?",
        "READ MORE: Budget 2024",
        "Related: Five things to know",
        "Related articles: a, b and c",
        "Also read: The naira's slide",
        "Also Read The naira's slide",
        "Subscribe to our newsletter",
        "Sign up for the Crypto Daily briefing",
        "* Read more: bullet furniture",
        "Advertisement",
        "Share this article",
    ],
)
def test_furniture_lines_are_dropped(line: str) -> None:
    assert clean_text(f"First paragraph.\n\n{line}\n\nLast paragraph.") == (
        "First paragraph.\n\nLast paragraph."
    )


def test_bare_furniture_label_takes_its_headline_along() -> None:
    text = "First paragraph.\n\nREAD ALSO:\n\nNaira slides to record low\n\nLast paragraph."
    assert clean_text(text) == "First paragraph.\n\nLast paragraph."


def test_content_that_merely_starts_like_furniture_is_kept() -> None:
    long_related = "Related to the case, " + "the regulator said the exchange misled users. " * 6
    text = (
        f"{long_related.strip()}\n\nSubscribers were told nothing.\n\nAlso, the court agreed."
        "\n\nRelated to that, fees rose.\n\nSign up bonuses were banned."
    )
    assert clean_text(text) == text.strip()


def test_clean_text_normalises_whitespace_and_invisible_characters() -> None:
    raw = "Caf\u0065\u0301 \u00a0rules\u200b apply\r\n\r\n\r\n\r\nNext\u2009 line\u00ad.\r"
    assert clean_text(raw) == "Café rules apply\n\nNext line."


@pytest.mark.parametrize("suffix", [".txt", ".md", ".json", ".html", ".rss"])
def test_furniture_is_removed_in_every_format(tmp_path: Path, suffix: str) -> None:
    paragraphs = [BODY, "See related article: Something else entirely", "The exchange will appeal."]
    path = tmp_path / f"a{suffix}"
    if suffix in (".txt", ".md"):
        path.write_text("\n\n".join(paragraphs))
    elif suffix == ".json":
        path.write_text(json.dumps({"text": "\n\n".join(paragraphs)}))
    elif suffix == ".html":
        body = "".join(f"<p>{p}</p>" for p in paragraphs)
        path.write_text(f"<html><body><article>{body}</article></body></html>")
    else:
        body = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in paragraphs)
        path.write_text(
            '<rss version="2.0"><channel><title>F</title><item><link>https://f.example/1</link>'
            f"<description>{body}</description></item></channel></rss>"
        )
    assert read_one(path).text == f"{BODY}\n\nThe exchange will appeal."


# --- ids ----------------------------------------------------------------------------------


def test_ids_are_stable_and_ignore_furniture_and_layout(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(f"{BODY}\n\nMore.\n")
    b.write_text(f"\r\n{BODY}\r\n\r\nRead more: other story\r\n\r\n\r\nMore.  \r\n")
    first, again, other = read_one(a), read_one(a), read_one(b)
    assert first.id == again.id == other.id == article_id(None, f"{BODY}\n\nMore.")
    assert first.id.startswith("article-")


def test_id_comes_from_the_url_when_there_is_one(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"url": "https://x.example/story", "text": BODY}))
    assert read_one(path).id == article_id("https://x.example/story", BODY)


# --- folders ------------------------------------------------------------------------------


def test_folders_are_walked_recursively_in_sorted_order(tmp_path: Path) -> None:
    files = {
        "b/2.txt": BODY,
        "b/a/1.json": json.dumps({"id": "one", "text": BODY}),
        "a.md": BODY,
        "README.md": "docs, not an article",
        ".hidden.txt": BODY,
        ".git/config.txt": BODY,
        "c.png": "\x89PNG\r\n\x1a\n",
    }
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content.encode("latin-1"))
    sources = [os.path.relpath(s, tmp_path) for s in iter_sources([str(tmp_path)])]
    assert sources == ["a.md", "b/2.txt", "b/a/1.json", "c.png"]
    results = read_all(tmp_path)
    assert [type(r).__name__ for r in results] == ["Article", "Article", "Article", "ReadFailure"]
    assert "binary" in results[3].reason  # type: ignore[union-attr]
    # a path named explicitly is read even when a folder walk would skip it
    assert isinstance(read_all(tmp_path / ".hidden.txt")[0], Article)


def test_examples_folder_reads_cleanly() -> None:
    results = read_all(EXAMPLES, max_bytes=20 * MB)
    failures = [r for r in results if isinstance(r, ReadFailure)]
    assert failures == []
    articles = [r for r in results if isinstance(r, Article)]
    assert len(articles) == 8
    assert len({a.id for a in articles}) == 8
    by_id = {a.id: a for a in articles}
    assert "seed-beijing-crackdown" in by_id
    assert "See related article" not in by_id["seed-beijing-crackdown"].text
    for art in articles:
        assert 200 <= len(art.text.split()) <= 450, (art.source_path, len(art.text.split()))
        assert "Read more" not in art.text and "Subscribe" not in art.text
        assert art.publisher
        assert art.title or art.id == "seed-beijing-crackdown"


# --- URLs (a local server on 127.0.0.1: there is no internet here) ------------------------


class _Handler(BaseHTTPRequestHandler):
    """Serves the fixtures; `/stream` sends more than the limit without a Content-Length."""

    routes: dict[str, tuple[str, bytes]] = {
        "/feed": ("application/rss+xml; charset=utf-8", (DATA / "feed.rss").read_bytes()),
        "/page": ("text/html; charset=utf-8", (DATA / "page.html").read_bytes()),
        "/atom-as-html": ("text/html", (DATA / "feed.atom").read_bytes()),
    }

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/stream":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"x" * 1024)
            return
        if self.path == "/declared-huge":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10 * LIMIT))
            self.end_headers()
            return
        if self.path not in self.routes:
            self.send_error(404)
            return
        content_type, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def http_base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def read_url(url: str, max_bytes: int = LIMIT) -> list[Article | ReadFailure]:
    return list(read_paths([url], max_bytes=max_bytes, timeout=5.0))


def test_feed_from_a_url(http_base: str) -> None:
    first, second = read_url(f"{http_base}/feed")
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.title == "Exchange banned in Examplestan"
    assert first.source_path == f"{http_base}/feed"
    from_file = read_all(DATA / "feed.rss")[0]
    assert isinstance(from_file, Article) and first.id == from_file.id  # same entry, same id


def test_page_from_a_url_and_a_feed_served_as_html(http_base: str) -> None:
    (page,) = read_url(f"{http_base}/page")
    assert isinstance(page, Article)
    assert page.url == "https://gazette.example/news/2024/03/26/regulator-fines-exchange"
    assert len(read_url(f"{http_base}/atom-as-html")) == 2


def test_url_failures(http_base: str) -> None:
    (missing,) = read_url(f"{http_base}/nope")
    assert isinstance(missing, ReadFailure) and "HTTP 404" in missing.reason
    (streamed,) = read_url(f"{http_base}/stream", max_bytes=16 * 1024)
    assert isinstance(streamed, ReadFailure) and "too large (at least" in streamed.reason
    (declared,) = read_url(f"{http_base}/declared-huge")
    assert isinstance(declared, ReadFailure) and "too large (10,485,760 bytes" in declared.reason


def test_unreachable_url_is_a_failure_not_a_crash() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    (failure,) = read_url(f"http://127.0.0.1:{port}/feed")
    assert isinstance(failure, ReadFailure) and "cannot fetch" in failure.reason


def test_linked_folders_are_walked_once_and_in_order(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.txt").write_text(BODY)
    (tmp_path / "a-link").symlink_to(tmp_path / "real")  # read here first, by name order
    (tmp_path / "b.txt").write_text(BODY)
    results = read_all(tmp_path)
    assert [
        Path(r.path if isinstance(r, ReadFailure) else str(r.source_path))
        .relative_to(tmp_path)
        .as_posix()
        for r in results
    ] == ["a-link/x.txt", "b.txt", "real"]
    assert "the same folder as" in results[2].reason  # type: ignore[union-attr]


# --- JSON nesting -------------------------------------------------------------------------


def test_too_deep_list_is_cut_into_items_whatever_its_strings_hold(tmp_path: Path) -> None:
    first = {"id": "t-1", "text": 'He said "[[{{" and \\"]]}}\\" then left, [a, b]. ' + BODY}
    last = {"id": "t-3", "text": BODY + " ]],{ \u2028 \\u005b"}
    deep = "[" * 5000 + "{}" + "]" * 5000
    path = tmp_path / "list.json"
    path.write_text("[\n " + json.dumps(first) + " ,\n" + deep + ",\t" + json.dumps(last) + "\n]")
    results = read_all(path)
    assert [r.id if isinstance(r, Article) else r.reason[:31] for r in results] == [
        "t-1",
        "item 2: JSON nested 5,002 level",
        "t-3",
    ]
    assert results[0].text.startswith('He said "[[{{" and \\"]]}}\\"')  # type: ignore[union-attr]


@pytest.mark.parametrize(("depth", "ok"), [(64, True), (65, False)])
def test_nesting_limit_is_exact(tmp_path: Path, depth: int, ok: bool) -> None:
    """An object holding a list `depth - 1` deep: the document is `depth` levels deep."""
    nested = "[" * (depth - 1) + "]" * (depth - 1)
    line = '{"id": "n", "text": "' + BODY + '", "extra": ' + nested + "}"
    (tmp_path / "one.json").write_text(line)
    (tmp_path / "one.jsonl").write_text(line + "\n")
    for result in read_all(tmp_path / "one.json", tmp_path / "one.jsonl"):
        assert isinstance(result, Article) == ok, result
        if not ok:
            assert f"JSON nested {depth} levels deep; the limit is 64" in result.reason  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["Neo4j server error", "v2 release", "Web3 news", "COVID-19"])
def test_a_value_with_no_year_never_reaches_dateparser(
    value: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dateparser's first call takes seconds; a value that cannot be a full date (no
    four-digit year, fewer than three numbers) is refused without it."""
    import dateparser

    from ingest.readers.dates import parse_date

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("dateparser was asked")

    monkeypatch.setattr(dateparser, "parse", boom)
    assert parse_date(value) is None


def test_a_full_date_in_an_odd_format_still_reaches_dateparser() -> None:
    from ingest.readers.dates import parse_date

    assert parse_date("le 26 mars 2024") == dt.date(2024, 3, 26)
