"""Text normalisation: one spelling for quotes, apostrophes, dashes and spaces; name keys.

It also repairs page habits (`page_repairs`): sentences and words run together without
a space, and names written in quote marks. Every later step (regexes, the
gazetteer automaton, sentence splitting) assumes this form, so it runs once on the
article text before anything else. `normalize_name` is
the key names are compared by (the gazetteer index and the entity table both use it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.ids import normalize_name as _normalize_name
from ingest.extraction.text.page_repairs import (
    split_glued_sentences,
    split_glued_words,
    unquote_names,
)

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u2026": "...",
        "\t": " ",
        "\r": None,
    }
)
# en/em dashes: a range between digits stays a hyphen; anything else is a spaced dash
_DIGIT_RANGE = re.compile(r"(?<=\d)[\u2013\u2014](?=\d)")
_DASH = re.compile(r" *[\u2013\u2014\u2015]+ *")
_SPACES = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"\n[ \n]*\n")


def normalize_text(text: str) -> str:
    """Return `text` with straight quotes, ASCII dashes, plain spaces and tidy line breaks."""
    text = text.translate(_TRANSLATE)
    if "\u2013" in text or "\u2014" in text or "\u2015" in text:  # most texts have none
        text = _DIGIT_RANGE.sub("-", text)
        text = _DASH.sub(" - ", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    text = _BLANK_LINES.sub("\n\n", text)
    text = unquote_names(split_glued_words(split_glued_sentences(text)))
    return "\n".join(line.strip() for line in text.split("\n")).strip()


@lru_cache(maxsize=16384)
def normalize_name(name: str) -> str:
    """`graph.ids.normalize_name`, memoised: the same names recur many times per article."""
    return _normalize_name(name)


def run_together(name: str) -> str:
    """A name's letters and digits alone, lower case: "Coin Flip" and "CoinFlip" spell one
    name."""
    return "".join(ch for ch in name.lower() if ch.isalnum())
