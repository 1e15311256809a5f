"""A settlement reached with its sum is the money paid, a fine: "The CFTC and Korvex Ltd
reached a $10 million settlement" (the body coordinated with the firm), "..., and OFAC
reached a settlement of about $968 million" (the body that reached it, the party told
before it in the sentence). Issue 12 point 1 (action nouns); sentences written for these
tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties

CFTC = "Commodity Futures Trading Commission"


def test_a_body_and_a_firm_reaching_a_settlement() -> None:
    out = extract("The CFTC and Korvex Ltd reached a $10 million settlement last month.")
    fine = relation_properties(out).get((CFTC, "FINED", "Korvex Ltd"))
    assert fine is not None and fine.get("amount") == 10_000_000


def test_the_body_that_reached_it_fines_the_party_told_before() -> None:
    out = extract(
        "FinCEN imposed a $3.4 billion civil penalty on Korvex Ltd, and the Office of Foreign"
        " Assets Control reached a settlement of about $968 million."
    )
    props = relation_properties(out)
    fine = props.get(("Office of Foreign Assets Control", "FINED", "Korvex Ltd"))
    assert fine is not None and fine.get("amount") == 968_000_000
