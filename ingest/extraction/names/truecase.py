"""Capitals restored where a text lost them, so that names can be told from words.

The extractor reads names by their capitals. A newsflash written ALL IN CAPITALS, a
text pasted all in lower case, or a Title Case headline ("Regulator Bans OKX,
Removes 13 Apps") defeats that: every word or no word looks like a name. `restore_case`
rewrites such text (keeping its length, so offsets hold) the way an editor would:

- lower case everywhere, then the capitals of every gazetteer name found in it (in
  its curated spelling: "financial conduct authority" -> "Financial Conduct Authority",
  "SEC"), of demonyms ("thai" -> "Thai"), of months and weekdays ("june 2023"; "may" and
  "march" only before a day or a year), of a legal form and the name before it ("ZOLTA
  TRADE LTD" -> "Zolta Trade Ltd") and of each sentence's first letter (not after a
  legal form's point: "Korvane Inc. in March");
- in a Title Case line of an otherwise normal text, a word keeps its capital only when
  it is a gazetteer name, an acronym, the line's first word, or written with a capital
  in the middle of a sentence elsewhere in the text.
"""

from __future__ import annotations

import re

from ingest.extraction.names.gazetteer_index import GazIndex, get_index
from ingest.extraction.text.tokens import MONTHS, WEEKDAYS, lower_in_place

MIN_LETTERS = 20  # below this, a text's case says nothing
CAPS_SHARE = 0.85  # more capitals than this: an all-capitals text
LOWER_SHARE = 0.02  # fewer than this: an all-lower-case text
STARTS_SHARE = 0.6  # sentences starting with a capital this often: the text kept its case
TITLE_SHARE = 0.75  # a line whose long words are capitalised this often is in Title Case

_WORD = re.compile(r"[^\W\d_][\w'-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n)\W*(\w)")
_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;:] )([A-Z][\w'-]*)")


def restore_case(text: str) -> str:
    """`text` with the capitals a reader expects, when it lost them; else `text` itself."""
    letters = sum(map(str.isalpha, text))  # map over str methods: C speed, no list
    if letters < MIN_LETTERS:
        return text
    upper = sum(map(str.isupper, text)) / letters
    if upper > CAPS_SHARE or (upper < LOWER_SHARE and not _starts_capitalised(text)):
        return _recase(text, get_index())
    lines = text.split("\n")
    if not any(_is_title_case(line) for line in lines):
        return text
    body = "\n".join(line for line in lines if not _is_title_case(line))
    known = set(_MID_SENTENCE_CAPITAL.findall(body))
    return "\n".join(
        _recase_title(line, known, get_index()) if _is_title_case(line) else line for line in lines
    )


def _recase(text: str, index: GazIndex) -> str:
    chars = list(lower_in_place(text))
    for hit in index.find(text, any_case=True):
        _copy_capitals(chars, hit.start, hit.surfaces[0].text)
    words = list(_WORD.finditer(text))
    for i, m in enumerate(words):
        word = m.group().lower()
        if index.country_of_adjective(m.group()) or _names_a_day(word, text, m.end()):
            chars[m.start()] = chars[m.start()].upper()
        elif word.rstrip(".") in _LEGAL_FORMS and i > 0:
            _capitalise_firm(chars, words, i, text)
    for m in _SENTENCE_START.finditer(text):
        if text[max(0, m.start(1) - 7) : m.start(1)].lower().rstrip().endswith(_FORM_STOPS):
            continue  # "korvane inc. in march": the point ends the legal form, no sentence
        chars[m.start(1)] = chars[m.start(1)].upper()
    return "".join(chars)


# months that are also words ("may", "march"): a month only before a day or a year
_AMBIGUOUS_MONTHS = frozenset(("may", "march", "jan", "mar", "sep"))
_DAY_OR_YEAR_AFTER = re.compile(r"\.?,? \d")
# the legal forms a firm's name ends in, with the words of its name before them
_LEGAL_FORMS = {
    form.lower(): form for form in "Ltd Limited Inc LLC PLC Corp GmbH AG Pte".split()
}  # their usual spelling
_NOT_IN_NAME = frozenset(
    "the a an of and or to in on by for with from at its their his her is was were "
    "has have had fined sued banned charged against said".split()
)


_FORM_STOPS = (" inc.", " ltd.", " corp.", " co.")


def _names_a_day(word: str, text: str, end: int) -> bool:
    """Whether `word` is a month's or weekday's name ("june 2023", "on monday")."""
    if word in WEEKDAYS:
        return True
    if word not in MONTHS:
        return False
    return word not in _AMBIGUOUS_MONTHS or _DAY_OR_YEAR_AFTER.match(text, end) is not None


def _capitalise_firm(chars: list[str], words: list[re.Match[str]], i: int, text: str) -> None:
    """'zolta trade ltd': the legal form and the (up to three) words of the name before it
    get their capitals, stopping at a word no name holds ('fined zolta ltd')."""
    form = words[i]
    chars[form.start() : form.start() + len(form.group().rstrip("."))] = list(
        _LEGAL_FORMS[form.group().lower().rstrip(".")]
    )
    for m in reversed(words[max(0, i - 3) : i]):
        if m.group().lower() in _NOT_IN_NAME or text[m.end() : m.end() + 1] not in (" ",):
            break
        chars[m.start()] = chars[m.start()].upper()


def _starts_capitalised(text: str) -> bool:
    """Whether most sentences start with a capital: prose with few names has few capitals
    and keeps its case; a text that lost its capitals lost these too."""
    starts = [m.group(1) for m in _SENTENCE_START.finditer(text) if m.group(1).isalpha()]
    return bool(starts) and sum(c.isupper() for c in starts) / len(starts) >= STARTS_SHARE


def _recase_title(line: str, known: set[str], index: GazIndex) -> str:
    chars = list(line)
    keep: set[int] = set()
    for hit in index.find(line, any_case=True):
        keep.update(range(hit.start, hit.end))
    for i, m in enumerate(_WORD.finditer(line)):
        word = m.group()
        if i == 0 or m.start() in keep or word in known or _is_acronym(word):
            continue
        if index.country_of_adjective(word):
            continue
        chars[m.start()] = chars[m.start()].lower()
    return "".join(chars)


def _copy_capitals(chars: list[str], start: int, surface: str) -> None:
    """Give the span at `start` the capitals of the curated `surface` (same length)."""
    for i, c in enumerate(surface):
        if start + i < len(chars) and c.isupper():
            chars[start + i] = chars[start + i].upper()


def _is_acronym(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def _is_title_case(line: str) -> bool:
    """A headline-like line (no closing full stop) whose long words nearly all start upper."""
    if line.rstrip().endswith((".", '"')):
        return False
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(words) < 3:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised / len(words) >= TITLE_SHARE and not all(w.isupper() for w in words)
