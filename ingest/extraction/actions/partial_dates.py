"""`PartialDate`: a date at the precision a text gives it (a year, a month or a day).

"in 2021" is `PartialDate(2021)`, "that September" `PartialDate(2021, 9)`, "on 18 January
2023" `PartialDate(2023, 1, 18)`. `text()` writes it as "YYYY", "YYYY-MM" or
"YYYY-MM-DD"; `first_day()` gives the first day of the period, for stores that keep a
`datetime.date`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

YEAR, MONTH, DAY = "year", "month", "day"


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

    @property
    def precision(self) -> str:
        if self.month is None:
            return YEAR
        return MONTH if self.day is None else DAY

    def first_day(self) -> dt.date:
        """The first day of the period: 2021 -> 2021-01-01, 2021-09 -> 2021-09-01."""
        return dt.date(self.year, self.month or 1, self.day or 1)

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
