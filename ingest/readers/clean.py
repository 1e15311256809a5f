"""`clean_text`: the one normalisation every format's text goes through.

Page furniture ("Read more: ...", "See related article: ...", "Subscribe to ...")
is not article content: an extractor that reads it finds entities the article
never discusses. Such lines are dropped only when short, so that a real
paragraph that happens to start with "Related" survives.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_MANY_BLANKS = re.compile(r"\n{3,}")
_MAX_FURNITURE_CHARS = 200
_LEAD = r"^[\s*_>#\-•|\[(]*"
_FURNITURE = re.compile(
    _LEAD
    + r"(?:"
    + r"(?:see|read)\s+(?:also|more|related(?:\s+(?:article|story|stories|coverage))?)\b"
    + r"|also\s+read\b|read\s+next\b|recommended(?:\s+reading)?\s*:"
    + r"|related(?:\s+(?:articles?|stories|story|coverage|news|reading|content))?\s*:"
    + r"|more\s+(?:from|on)\s+[^:]{1,60}:"
    + r"|subscribe\s+(?:to|now|for|today)\b|sign\s+up\s+(?:for|to|now|here)\b"
    + r"|(?:follow|like)\s+us\s+on\b|share\s+(?:this|on)\b|click\s+here\b"
    + r"|(?:advertisement|sponsored(?:\s+content)?|ad)\s*$"
    + r")",
    re.IGNORECASE,
)
_LABEL_ONLY = re.compile(r"^[\s*_>#\-•|]*[\w\s]{2,30}:[\s*_]*$")


def clean_text(text: str) -> str:
    """Normalised article text: NFC, plain spaces, `\\n` line ends, furniture lines removed."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    kept = _drop_furniture(lines)
    return _MANY_BLANKS.sub("\n\n", "\n".join(kept)).strip()


def clean_line(text: str) -> str:
    """One-line fields (titles, publishers): NFC, no invisible characters, single spaces."""
    return " ".join(_INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())


def is_furniture(line: str) -> bool:
    """Whether one line is page furniture rather than article content."""
    return len(line) <= _MAX_FURNITURE_CHARS and bool(_FURNITURE.match(line))


def _drop_furniture(lines: list[str]) -> list[str]:
    """Drop furniture lines; a bare label ("READ ALSO:") also takes the headline after it."""
    kept: list[str] = []
    skip_headline = False
    for line in lines:
        if skip_headline and line:
            skip_headline = False
            if len(line) <= _MAX_FURNITURE_CHARS and not line.endswith((".", '"', "\u201d")):
                continue
        if is_furniture(line):
            skip_headline = bool(_LABEL_ONLY.match(line))
            continue
        kept.append(line)
    return kept
