"""Web pages: the main text and metadata via trafilatura, navigation and ads left behind.

trafilatura is imported on first use: it takes a noticeable share of a second,
which `cryptoreg extract some.txt` should not pay.
"""

from __future__ import annotations

from typing import Any

from graph.errors import InputFileError
from ingest.readers.records import Record

_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def parse_html(html: str, origin: str, url: str | None = None) -> Record:
    """The article of one page; `url` is where it was fetched from, if it was."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=_DATE_PARAMS,
    )
    if doc is None or not (doc.text or "").strip():
        raise InputFileError(f"{origin}: no article text found in the HTML page")
    return {
        "title": doc.title,
        "url": doc.url or url,
        "publisher": doc.sitename,
        "published": doc.date,
        "text": _paragraphs(doc.text, doc.title),
    }


def _paragraphs(text: str, title: str | None) -> str:
    """One paragraph per line of trafilatura's text, without the headline repeated on top."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]
    return "\n\n".join(lines)
