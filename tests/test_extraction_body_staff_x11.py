"""A body's own officials act for it: "Bank Indonesia officials went undercover to
investigate X" is Bank Indonesia's inquiry (a place's officials stay no body: "U.S.
officials"). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_body_s_officials_act_for_the_body() -> None:
    found = actions(
        extract("Bank Indonesia officials went undercover in 2017 to investigate Zolta Ltd.")
    )
    assert ("Bank Indonesia", "INVESTIGATED", "Zolta Ltd") in found, found
    found = actions(extract("Financial Conduct Authority investigators raided Zolta Ltd in May."))
    assert ("Financial Conduct Authority", "INVESTIGATED", "Zolta Ltd") in found, found
