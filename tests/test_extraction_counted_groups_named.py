"""The names a counted group is told by in apposition are of the group's kind: "Two
cryptocurrency exchange service providers, Rapira and Mosca, were raided" (exchanges),
"Three firms, A, B and C, were fined" (companies). Issue 12 point 1 (organisations from
their context; lists); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of, types_of


def test_names_in_apposition_to_counted_exchanges() -> None:
    text = (
        "Two cryptocurrency exchange service providers, Rapira and Mosca, were raided by"
        " Russian police on Friday."
    )
    types = types_of(text)
    assert types.get("Rapira") == "Exchange" and types.get("Mosca") == "Exchange", types
    found = relations_of(text)
    assert ("Russian police", "INVESTIGATED", "Mosca") in found, found


def test_names_in_apposition_to_counted_firms() -> None:
    types = types_of("Three firms, Quorvex, Zentrax and Korvane, were fined by the FCA.")
    assert {types.get(n) for n in ("Quorvex", "Zentrax", "Korvane")} == {"Company"}, types
