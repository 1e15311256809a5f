"""Dates that a heading gives the section under it.

Timelines, trackers and tables flattened to text put an item's date on a line of its own
("April 10, 2025" above the row's summary; "2013: The First Warning Signals" above the
year's paragraphs; "APRIL 5, 2018" above a numbered directive), and the item's sentences
then name no date at all. An action those sentences state without a date of its own took
place on the date of the heading above it, up to the next heading. Only a heading that
opens with one date counts ("2013 2017: ..." or "2013-2017" is a period, "Bolivia lets
banks ..." has none), and never a date after publication (a deadline).
"""

from __future__ import annotations

import datetime as dt
import re

from graph.partial_dates import PartialDate
from ingest.extraction.entities.drafts import RelationDraft
from ingest.extraction.text.document import Sentence

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "April 10, 2025", "10 April 2025", "December 2013", "2013:", "2013 -", "2013" alone;
# bullets and markup may come first; a second year after it makes a period
_HEADING_DATE = re.compile(
    r"[\s•*#>–—-]*(?:"
    rf"{_MONTH} (?P<day>\d{{1,2}}),? (?P<year>(?:19|20)\d\d)"
    rf"|(?P<day2>\d{{1,2}}) {_MONTH.replace('month', 'month2')} (?P<year2>(?:19|20)\d\d)"
    rf"|{_MONTH.replace('month', 'month3')} (?P<year3>(?:19|20)\d\d)"
    r"|(?P<year4>(?:19|20)\d\d)"
    r")(?![\w/])(?!\s*(?:[-–—/]|to|and|&)?\s*(?:19|20)\d\d)(?:\s*[:.–—-]|$)",
    re.IGNORECASE,
)


def date_sections(
    relations: list[tuple[int, RelationDraft]],
    sentences: list[Sentence],
    published: dt.date | None,
) -> None:
    """Date each undated relation (sentence index, draft) from the heading above it."""
    section_date: dict[int, str] = {}
    current: str | None = None
    for sent in sentences:
        if sent.heading:
            found = heading_date(sent.text)
            late = found is not None and published is not None and found.first_day() > published
            current = None if found is None or late else found.text()
        elif current is not None:
            section_date[sent.index] = current
    if not section_date:
        return
    for index, rel in relations:
        if rel.date is None and index in section_date:
            rel.date = section_date[index]


def heading_date(heading: str) -> PartialDate | None:
    """The one date a heading opens with, at its precision."""
    m = _HEADING_DATE.match(heading)
    if m is None:
        return None
    g = m.groupdict()
    year = int(g["year"] or g["year2"] or g["year3"] or g["year4"])
    month_word = g["month"] or g["month2"] or g["month3"]
    month = _month_number(month_word) if month_word else None
    day = g["day"] or g["day2"]
    return PartialDate.checked(year, month, int(day) if day else None)


def _month_number(word: str) -> int:
    return next(i for i, name in enumerate(_MONTHS, 1) if name.startswith(word.lower()[:3]))
