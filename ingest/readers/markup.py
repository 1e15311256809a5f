"""HTML fragments (feed entries, JSON bodies) to plain text, with paragraphs kept apart.

Whole pages go through trafilatura (`html.py`); a fragment has no navigation to
drop, so the standard library's parser is enough and much faster.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article "
    "header footer figure figcaption dd dt hr".split()
)
_SKIPPED = frozenset({"script", "style", "template", "noscript", "svg", "iframe"})
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[^<>]*>")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data.replace("\n", " "))


def looks_like_html(text: str) -> bool:
    """Whether a string carries markup (a feed summary may be plain text or HTML)."""
    return bool(_TAG.search(text[:5000]))


def html_to_text(fragment: str) -> str:
    """The readable text of an HTML fragment; block elements become paragraph breaks."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    return "".join(collector.parts)
