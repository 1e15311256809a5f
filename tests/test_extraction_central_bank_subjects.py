"""A central bank named only by its kind acted: the regulator named before did not.
Issue 12 point 1 (precision guards: no actor carried past a subject that was not
recognised); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_an_unresolved_central_bank_is_not_the_regulator_before() -> None:
    found = relations_of(
        "Quorvex Ltd was fined by the SEC in May. The central bank told lenders to stop"
        " dealing with Quorvex Ltd."
    )
    assert ("U.S. Securities and Exchange Commission", "FINED", "Quorvex Ltd") in found, found
    assert not any(k == "BANNED" for _, k, _ in found), found


def test_the_central_bank_named_before_still_acts() -> None:
    found = relations_of(
        "Quorvex Ltd was fined by the Central Bank of Nigeria in May. The central bank also"
        " told lenders to stop dealing with Quorvex Ltd."
    )
    assert ("Central Bank of Nigeria", "BANNED", "Quorvex Ltd") in found, found
