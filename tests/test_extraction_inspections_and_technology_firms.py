"""Inspections name whom they inspect after what they were for ("inspections for
anti-money laundering on X"), an inspection "on Monday" names nobody, and a name ending
in "Technology" is a firm unless it names a field ("Information Technology"). Issue 12
point 1 (action nouns, organisations from their shape); sentences written for these
tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of, types_of

FSC = "Financial Supervisory Commission"


@pytest.mark.parametrize(
    "sentence",
    [
        f"In March, Taiwan's {FSC} conducted inspections on Korvex Ltd and Zentrope Ltd.",
        f"In March, Taiwan's {FSC} conducted project inspections for anti-money laundering"
        " and combating terrorist financing on Korvex Ltd and Zentrope Ltd.",
    ],
)
def test_inspections_on_firms_investigate_them(sentence: str) -> None:
    got = relations_of(sentence)
    assert {(FSC, "INVESTIGATED", "Korvex Ltd"), (FSC, "INVESTIGATED", "Zentrope Ltd")} <= got


def test_an_inspection_on_a_day_names_no_party() -> None:
    got = relations_of(f"Taiwan's {FSC} began an inspection on Monday, Korvex Ltd said.")
    assert not {r for r in got if r[1] == "INVESTIGATED"}


def test_a_name_ending_in_technology_is_a_firm_unless_it_names_a_field() -> None:
    types = types_of(
        "Qorvane Digital Technology said it would appeal. The Ministry of Electronics and"
        " Information Technology said nothing."
    )
    assert types.get("Qorvane Digital Technology") == "Company"
    assert "Electronics and Information Technology" not in types
