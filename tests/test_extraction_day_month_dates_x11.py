"""A day and month written in numerals without a year after "on" ("On 15/9, police
announced ...", common in Asian outlets) dates the action, in the year its month falls
in; service hours ("on 24/7 basis") are no date. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from extraction_support import extract


def _dates(text: str, published: dt.date) -> dict[tuple[str, str, str], str | None]:
    out = extract(text, published)
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]): r.date for r in out.relations}


def test_a_numeric_day_and_month_after_on_dates_the_action() -> None:
    dates = _dates(
        "On 15/9, the Criminal Police Department announced that the Hanoi Police Department "
        "had charged Tran Van Hoang with fraud.",
        dt.date(2025, 9, 16),
    )
    assert dates[("Hanoi Police Department", "SUED", "Tran Van Hoang")] == "2025-09-15", dates


def test_a_month_after_publication_falls_in_the_year_before_and_service_hours_are_none() -> None:
    dates = _dates(
        "The Hanoi Police Department charged Tran Van Hoang on 20/11 with fraud.",
        dt.date(2025, 2, 1),
    )
    assert dates[("Hanoi Police Department", "SUED", "Tran Van Hoang")] == "2024-11-20", dates
    # service hours are no date
    dates = _dates(
        "Zolta Ltd offered support on 24/7 basis until the Securities and Exchange Commission "
        "fined it.",
        dt.date(2025, 2, 1),
    )
    assert all(d is None for d in dates.values()), dates
