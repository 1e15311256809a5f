"""When a sentence says something happened: 'on March 25', 'in September 2021', 'last
September', 'on Tuesday', relative to the article's publication date.

Plain regexes rather than dateparser: they cover news usage and cost microseconds.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
DATE = re.compile(
    rf"\b(?:(?P<day1>\d{{1,2}}) {_MONTH}(?:,? (?P<year1>\d{{4}}))?"
    rf"|{_MONTH.replace('month', 'month2')} (?P<day2>\d{{1,2}})(?:st|nd|rd"
    rf"|th)?(?:,? (?P<year2>\d{{4}}))?\b"
    rf"|(?P<last>last |this |next )?{_MONTH.replace('month', 'month3')}"
    rf"(?: (?P<year3>\d{{4}}))?"
    r"|(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?P<rel>yesterday|today|last week|last month|last year))\b"
)


@lru_cache(maxsize=1024)
def find_date(text: str, published: dt.date | None) -> dt.date | None:
    """The first date a sentence states, resolved against `published` (None if it states none).

    Memoised: it is asked once per relation, and a sentence often states several.
    """
    for m in DATE.finditer(text):
        found = _resolve(m, published)
        if found is not None:
            return found
    return None


def _resolve(m: re.Match[str], pub: dt.date | None) -> dt.date | None:
    g = m.groupdict()
    month_word = g["month"] or g["month2"] or g["month3"]
    if month_word:
        if g["month3"] and month_word.lower() == "may" and not g["year3"] and not g["last"]:
            return None  # "may" is mostly a verb
        month = _MONTHS[month_word.lower().rstrip(".")]
        day = int(g["day1"] or g["day2"] or 1)
        year_text = g["year1"] or g["year2"] or g["year3"]
        if year_text:
            year = int(year_text)
        elif pub is None:
            return None
        else:
            year = pub.year if month <= pub.month and not g["last"] else pub.year - 1
            if g["last"] and month < pub.month and g["last"].strip() == "last":
                year = pub.year if month < pub.month else pub.year - 1
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    if pub is None:
        return None
    if g["wd"]:
        back = (pub.weekday() - _WEEKDAYS.index(g["wd"].lower())) % 7
        return pub - dt.timedelta(days=back)
    rel = (g["rel"] or "").lower()
    return {
        "yesterday": pub - dt.timedelta(days=1),
        "today": pub,
        "last week": pub - dt.timedelta(days=7),
        "last month": (pub.replace(day=1) - dt.timedelta(days=1)).replace(day=1),
        "last year": dt.date(pub.year - 1, 1, 1),
    }.get(rel)
