"""Publication dates from the many ways news inputs write them."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time

from graph.partial_dates import DAY, PartialDate

_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")
# a year written out: four digits in a row (any script's), or three groups of digits
# ("26/3/24"); without one there is no full date to ask dateparser for
_YEAR_RUN = re.compile(r"\d{4}")
_DIGIT_GROUP = re.compile(r"\d+")
_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)


def parse_date(value: object) -> dt.date | None:
    """A date from a string, datetime or struct_time; None when nothing date-like is there.

    Cheap formats are tried first; dateparser (slow to warm up, many languages) is
    the last resort and only accepts absolute dates naming a day, a month and a year.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return _parse_iso(text) or _parse_known(text) or _parse_rfc2822(text) or _parse_any(text)


_PERIOD_FORMATS = ("%B %Y", "%b %Y", "%b. %Y", "%Y/%m", "%m/%Y", "%Y-%m", "%Y")


def parse_period(value: object) -> PartialDate | None:
    """A month or a year that a publication date gives without its day ("2019-01",
    "January 2019", "2019"); None for a full date or for anything else.

    Such an article is kept, without a publication date: a day is never made up.
    """
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    for fmt in _PERIOD_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        month = parsed.month if "%m" in fmt or "%b" in fmt or "%B" in fmt else None
        period = PartialDate.checked(parsed.year, month)
        if period is not None and period.precision != DAY:
            return period
    return None


def _parse_iso(text: str) -> dt.date | None:
    if not _ISO_PREFIX.match(text):
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _parse_known(text: str) -> dt.date | None:
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _parse_rfc2822(text: str) -> dt.date | None:
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _parse_any(text: str) -> dt.date | None:
    if not _YEAR_RUN.search(text) and len(_DIGIT_GROUP.findall(text)) < 3:
        # no year written ("Neo4j server error"): nothing to ask dateparser, whose first call
        # takes seconds (a request holding such a value timed out behind it under load)
        return None
    import dateparser  # slow first call; only reached for unusual formats

    parsed = dateparser.parse(
        text,
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "PARSERS": ["custom-formats", "absolute-time"],  # never "yesterday" -> today - 1
        },
    )
    return parsed.date() if parsed else None
