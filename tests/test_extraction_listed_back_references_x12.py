"""A plural back-reference names the firms just listed: "these two companies", "both
firms", and "all four Bybit entities" when the list also names the brand the members
share ("three other Bybit entities, namely ..."). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_these_two_companies_are_the_two_firms_just_fined() -> None:
    found = actions(
        extract(
            "The Financial Supervisory Commission fined Alder Digital Co., Ltd. and Brisk "
            "Ledger Co., Ltd. on Monday. In March, the commission conducted a special "
            "inspection on these two companies regarding their compliance."
        )
    )
    fsc = "Financial Supervisory Commission"
    assert (fsc, "INVESTIGATED", "Alder Digital Co., Ltd.") in found, found
    assert (fsc, "INVESTIGATED", "Brisk Ledger Co., Ltd.") in found, found


def test_both_firms_are_the_two_firms_just_named() -> None:
    found = actions(
        extract(
            "Quorvane Ltd and Telmira Ltd stopped withdrawals in June. The Financial "
            "Conduct Authority later opened an investigation into both firms."
        )
    )
    fca = "Financial Conduct Authority"
    assert (fca, "INVESTIGATED", "Quorvane Ltd") in found, found
    assert (fca, "INVESTIGATED", "Telmira Ltd") in found, found


def test_a_brand_modifying_the_plural_noun_is_no_member_of_the_list() -> None:
    found = actions(
        extract(
            "The Securities Commission Malaysia took action against Bybit on Friday. The "
            "regulator reprimanded Bybit Holdings Limited and three other Bybit "
            "entities, namely Bybit Digital Limited, Bybit Trade UAB and Bybit Asia "
            "Pte Ltd. The Securities Commission Malaysia later fined all four Bybit "
            "entities RM1 million each."
        )
    )
    sc = "Securities Commission Malaysia"
    for firm in (
        "Bybit Holdings Limited",
        "Bybit Digital Limited",
        "Bybit Trade UAB",
        "Bybit Asia Pte Ltd",
    ):
        assert (sc, "FINED", firm) in found, found


def test_a_count_that_does_not_match_the_list_still_resolves_nothing() -> None:
    found = actions(
        extract(
            "The Financial Supervisory Commission fined Alder Digital Co., Ltd. and Brisk "
            "Ledger Co., Ltd. on Monday. In March, the commission inspected these three "
            "companies."
        )
    )
    assert not any(t[1] == "INVESTIGATED" for t in found), found
