"""A body named after a place's dotted abbreviation keeps its place; a counted group whose
members a colon lists is those members."""

from __future__ import annotations

from extraction_support import actions, extract, triples


def test_a_body_after_a_dotted_place_abbreviation_keeps_its_place() -> None:
    found = actions(extract("The B.C. Securities Commission fined Zolta Ltd."))
    assert found == {("British Columbia Securities Commission", "FINED", "Zolta Ltd")}, found
    found = actions(extract("The N.Y. Department of Financial Services fined Zolta Ltd."))
    assert ("New York State Department of Financial Services", "FINED", "Zolta Ltd") in found
    # (a body's seat is the place its name carries when the article names that place)
    rels = triples(
        extract(
            "Zolta Ltd traded in British Columbia. The B.C. Supreme Court appointed a receiver "
            "for Zolta Ltd."
        )
    )
    assert ("B.C. Supreme Court", "LOCATED_IN", "British Columbia") in rels, rels
    # the dotted abbreviations the gazetteer already joins are read as before
    found = actions(extract("The U.K. Supreme Court fined Zolta Ltd."))
    assert ("Supreme Court of the United Kingdom", "FINED", "Zolta Ltd") in found, found


def test_a_group_whose_members_a_colon_lists_is_those_members() -> None:
    found = actions(
        extract(
            "The BCSC disclosed ongoing investigations into two cryptoasset trading platforms: "
            "Einstein Exchange and ezBtc."
        )
    )
    assert {t[2] for t in found} == {"Einstein Exchange", "ezBtc"}, found
    # a count the list does not fill keeps the group
    found = actions(extract("The FCA fined three exchanges: Zolta Ltd and Korvane Ltd."))
    assert ("Financial Conduct Authority", "FINED", "exchanges") in found, found
