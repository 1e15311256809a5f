"""A fine imposed with a prison sentence falls on the person sentenced ("sentenced X to five
years in prison and a fine of 100,000 euro"); a firm named in apposition as the person's
part ("X, BTC-e exchange operator,") is the person's firm, no party of the sentence.
Issue 12 points 1 and 3 (action nouns; amounts; affiliations); sentences written for these
tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties, relations_of


def test_the_fine_with_a_sentence_falls_on_the_sentenced() -> None:
    out = extract(
        "A Paris court has sentenced Tom Reyes to five years in prison and a fine of 100,000 euro."
    )
    props = relation_properties(out)
    fine = next((p for (s, k, t), p in props.items() if k == "FINED" and t == "Tom Reyes"), None)
    assert fine is not None and fine.get("amount") == 100_000, props


def test_a_firm_naming_the_persons_part_is_no_party() -> None:
    found = relations_of(
        "A Paris court has sentenced Tom Reyes, Korvex exchange operator, to five years in"
        " prison on Monday."
    )
    assert ("Tom Reyes", "AFFILIATED_WITH", "Korvex") in found, found
    assert not any(k == "SUED" and t == "Korvex" for _, k, t in found), found
