"""A criminal case registered by those who investigate (South Asian usage: "registered a
case", "lodged an FIR") opens an investigation, no lawsuit."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract

FIA = "Federal Investigation Agency"


@pytest.mark.parametrize(
    "sentence",
    [
        "Pakistan's FIA registered a case against Velmora Ltd on Monday.",
        "Pakistan's FIA lodged an FIR against Velmora Ltd on Monday.",
        "Pakistan's FIA registered a money laundering case against Velmora Ltd.",
    ],
)
def test_a_case_registered_against_a_party_is_an_investigation(sentence: str) -> None:
    found = actions(extract(sentence))
    assert (FIA, "INVESTIGATED", "Velmora Ltd") in found, found
    assert (FIA, "SUED", "Velmora Ltd") not in found, found


def test_a_case_filed_against_a_party_is_still_a_suit() -> None:
    found = actions(extract("The SEC filed a case against Velmora Ltd on Monday."))
    assert ("U.S. Securities and Exchange Commission", "SUED", "Velmora Ltd") in found


def test_a_case_against_an_unnamed_party_borrows_no_one_named_before() -> None:
    found = actions(
        extract(
            "The court directed Abdul Ghaffar to explain how Pakistan's FIA came to register "
            "a case against the petitioner."
        )
    )
    assert not [t for t in found if t[2] == "Abdul Ghaffar"], found
