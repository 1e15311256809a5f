""" "US prosecutors" is the prosecuting office the article names in that country, even
beside other bodies of it (the FBI, the Secret Service); "Two operators of the exchange
service X are charged" charges the operators, not X. Issue 12 point 1 (descriptive
actors, precision); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of

OFFICE = "US Attorney's Office for the District of Velmora"


def test_described_prosecutors_are_the_named_office_beside_other_bodies() -> None:
    got = relations_of(
        "Dana Mirrow was charged by US prosecutors on Monday. The charges were unveiled by"
        f" the {OFFICE}. The FBI and the US Secret Service investigated Korvex."
    )
    assert (OFFICE, "SUED", "Dana Mirrow") in got
    assert not {r for r in got if r[0] == "US prosecutors"}


def test_described_prosecutors_stay_as_written_when_no_office_is_named() -> None:
    got = relations_of(
        "Dana Mirrow was charged by US prosecutors on Monday. The FBI investigated Korvex."
    )
    assert ("US prosecutors", "SUED", "Dana Mirrow") in got


def test_counted_operators_of_a_firm_are_not_the_firm() -> None:
    got = relations_of(
        "Two operators of the bitcoin exchange service Korvex are being charged by the"
        " Department of Justice."
    )
    assert not {r for r in got if r[1] == "SUED" and r[2] == "Korvex"}
