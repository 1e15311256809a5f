"""`PartialDate`: a date at the precision a text gives it (a year, a month or a day).

"in 2021" is `PartialDate(2021)`, "that September" `PartialDate(2021, 9)`, "on 18 January
2023" `PartialDate(2023, 1, 18)`. `text()` writes it as "YYYY", "YYYY-MM" or
"YYYY-MM-DD" and `parse()` reads that back; `first_day()`/`last_day()` bound the period,
for filters and orders that need a `datetime.date`. The extractor, the stores, the API
and RDF all carry action dates in this form (ONTOLOGY.md, "Actions are events").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

YEAR, MONTH, DAY = "year", "month", "day"
PATTERN = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, optionally a month of it, optionally a day of that month."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def of(cls, date: dt.date, precision: str = DAY) -> PartialDate:
        """`date` cut to `precision` ("year", "month" or "day")."""
        if precision == YEAR:
            return cls(date.year)
        if precision == MONTH:
            return cls(date.year, date.month)
        return cls(date.year, date.month, date.day)

    @classmethod
    def checked(
        cls, year: int, month: int | None = None, day: int | None = None
    ) -> PartialDate | None:
        """The date if it exists in the calendar (and lies in 1900-2099), else None."""
        if not 1900 <= year <= 2099 or (month is not None and not 1 <= month <= 12):
            return None
        if day is not None:
            if month is None:
                return None
            try:
                dt.date(year, month, day)
            except ValueError:
                return None
        return cls(year, month, day)

    @classmethod
    def parse(cls, value: str | dt.date | PartialDate) -> PartialDate:
        """ "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or a `date`, at day precision); ValueError
        for anything else, or a day the calendar does not have."""
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return cls.of(value)
        if not isinstance(value, str):
            raise ValueError(f"a date must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
        return _parse_text(value)

    @property
    def precision(self) -> str:
        if self.month is None:
            return YEAR
        return MONTH if self.day is None else DAY

    def first_day(self) -> dt.date:
        """The first day of the period: 2021 -> 2021-01-01, 2021-09 -> 2021-09-01."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day of the period: 2021 -> 2021-12-31, 2021-02 -> 2021-02-28."""
        if self.month is None:
            return dt.date(self.year, 12, 31)
        if self.day is None:
            following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, self.month, self.day)

    def text(self) -> str:
        """ "YYYY", "YYYY-MM" or "YYYY-MM-DD", as precise as known."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def at(self, precision: str) -> PartialDate:
        """This date no more precise than `precision`."""
        if precision == YEAR:
            return PartialDate(self.year)
        if precision == MONTH and self.month is not None:
            return PartialDate(self.year, self.month)
        return self

    def shifted(self, unit: str, n: int) -> PartialDate | None:
        """`n` years, months or days later (earlier if negative), at this precision."""
        if unit == YEAR:
            return PartialDate.checked(self.year + n, self.month, self.day if self.month else None)
        if unit == MONTH:
            if self.month is None:
                return None
            index = self.year * 12 + self.month - 1 + n
            year, month = index // 12, index % 12 + 1
            if self.day is None:
                return PartialDate.checked(year, month)
            last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
            return PartialDate.checked(year, month, min(self.day, last))
        if self.day is None:
            return None
        moved = self.first_day() + dt.timedelta(days=n)
        return PartialDate.of(moved)

    def agrees(self, other: PartialDate) -> bool:
        """Whether the two name the same period at the precision both give."""
        if self.year != other.year:
            return False
        if self.month is None or other.month is None:
            return True
        if self.month != other.month:
            return False
        return self.day is None or other.day is None or self.day == other.day


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def normalise(value: str | dt.date | PartialDate | None) -> str | None:
    """Any accepted date form as its "YYYY[-MM[-DD]]" text; None stays None."""
    return None if value is None else PartialDate.parse(value).text()


@lru_cache(maxsize=65536)
def _parse_text(value: str) -> PartialDate:
    """`PartialDate.parse` of a text, cached: the stores' event cuts compare the same few
    dates over and over (an instance is immutable, so sharing one is safe)."""
    found = PATTERN.match(value.strip())
    if not found:
        raise ValueError(f"a date must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year, month, day = (int(g) if g else None for g in found.groups())
    assert year is not None
    if (month is not None and not 1 <= month <= 12) or (
        day is not None and month is not None and not _exists(year, month, day)
    ):
        raise ValueError(f"no such date: {value!r}")
    return PartialDate(year, month, day)


def more_precise(a: str | None, b: str | None) -> str | None:
    """Of two agreeing date texts, the more precise (the longer text); either if one is None."""
    if a is None or b is None:
        return a or b
    return a if len(a) >= len(b) else b


def dates_agree(a: str | None, b: str | None) -> bool:
    """A missing date agrees with anything; two dates agree at the precision both give."""
    if a is None or b is None:
        return True
    return PartialDate.parse(a).agrees(PartialDate.parse(b))


def first_day(value: str | None) -> dt.date | None:
    """The first day of a date text's period (None for None)."""
    return None if value is None else PartialDate.parse(value).first_day()
