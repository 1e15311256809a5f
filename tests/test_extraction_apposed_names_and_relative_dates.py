"""A description with the name in apposition ("A Seychelles-registered exchange, Korvex,")
types the name; a date inside a relative clause ("X, who founded Y in 2018,") is that
clause's, not the action's nor the news's; approving an extradition licenses nobody.
Issue 12 point 1 and point 3 (dates); sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from extraction_support import extract, relations_of

SEC = "U.S. Securities and Exchange Commission"


def test_a_name_in_apposition_to_a_description_is_typed_by_it() -> None:
    got = relations_of("A Seychelles-registered exchange, Korvex, was fined by the FCA.")
    assert ("Financial Conduct Authority", "FINED", "Korvex") in got
    assert ("Korvex", "HEADQUARTERED_IN", "Seychelles") in got


def test_a_relative_clauses_date_is_not_the_actions() -> None:
    out = extract("The SEC charged Dana Mirrow, who founded Korvex Ltd in 2018, with fraud.")
    names = {e.id: e.name for e in out.entities}
    sued = [r for r in out.relations if r.type == "SUED" and names[r.target] == "Dana Mirrow"]
    assert sued and sued[0].date != "2018"


def test_the_actions_own_date_after_a_relative_clause_stands() -> None:
    out = extract("The SEC fined Korvex Ltd, which was registered in 2019, in March 2023.")
    assert [r.date for r in out.relations if r.type == "FINED"] == ["2023-03"]


def test_approving_an_extradition_licenses_nobody() -> None:
    got = relations_of("Montenegro's High Court approved the extradition of Dana Mirrow.")
    assert not {r for r in got if r[1] == "LICENSED"}


def test_a_relative_clauses_year_gives_no_year_to_a_month_after_it() -> None:
    out = extract(
        "The SEC, which was founded in 1934, fined Korvex Ltd in March.",
        published=dt.date(2024, 6, 10),
    )
    assert [r.date for r in out.relations if r.type == "FINED"] == ["2024-03"]
