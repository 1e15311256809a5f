"""Laws named by kind, number and year, the number in brackets as Gulf states write it;
ministries whose names list several portfolios after a comma."""

from __future__ import annotations

from extraction_support import extract, types_by_name


def test_a_numbered_law_keeps_its_year_and_a_bracketed_number() -> None:
    types = types_by_name(
        extract(
            "Kuwait applied Law No. (31) of 1970, Penal Code No. (16) of 1960 and Law No. 37 "
            "of 2014 to the miners."
        )
    )
    for law in ("Law No. (31) of 1970", "Penal Code No. (16) of 1960", "Law No. 37 of 2014"):
        assert types.get(law) == "Law", types


def test_a_ministry_s_listed_portfolios_are_its_name() -> None:
    types = types_by_name(
        extract("The Ministry of Electricity, Water and Renewable Energy cut power to the farms.")
    )
    assert types.get("Ministry of Electricity, Water and Renewable Energy") == "GovernmentBody"


def test_names_after_a_ministry_s_comma_that_are_no_portfolios_stay_apart() -> None:
    types = types_by_name(extract("The Ministry of Finance, Velmora and Korvane met on Monday."))
    assert "Ministry of Finance" in types, types
