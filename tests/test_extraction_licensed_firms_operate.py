"""A firm a body licenses operates where the body sits, also when the licence is revoked;
a firm a body only fines stays where the text puts it, and a free zone's licensee is
not read as a firm from abroad. Issue 12 point 1 (presence cues); sentences written for
these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_a_licensed_firm_operates_where_the_body_sits() -> None:
    found = relations_of(
        "Britain's Financial Conduct Authority granted Korvane Payments Ltd a licence."
    )
    assert ("Korvane Payments Ltd", "OPERATES_IN", "United Kingdom") in found, found


def test_a_firm_whose_licence_was_revoked_operated_there() -> None:
    found = relations_of(
        "California's Department of Financial Protection and Innovation revoked the lending"
        " licence of Korvane Lending LLC on Thursday."
    )
    assert ("Korvane Lending LLC", "OPERATES_IN", "California") in found, found


def test_a_fined_firm_is_not_placed_by_the_fine() -> None:
    found = relations_of("The Financial Conduct Authority fined Korvane Payments Ltd £2 million.")
    assert not any(k == "OPERATES_IN" and s == "Korvane Payments Ltd" for s, k, _ in found), found
