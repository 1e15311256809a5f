"""An instrument told before and named again as a sentence's subject ("The order is
against A, B and C", "The warning names A and B") states its parties; its type comes
from its noun or from the instrument told before, its issuer from the sentences before.
A founder titled after a list ("A, B, and their founder C") holds the role at each.
Issue 12 point 1 (coreference, triggers); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, relations_of

BOARD = "Velmoran State Securities Board"


def test_a_retold_order_takes_the_type_and_issuer_of_the_one_told_before() -> None:
    got = actions(
        extract(
            f"The {BOARD} has issued an emergency cease and desist order against several"
            " firms. The emergency order is against Korvex, TrillMint, Quarry Coin Club, and"
            " their founder Dana K. Mirrow, alleging they sold unregistered securities."
        )
    )
    for party in ("Korvex", "TrillMint", "Quarry Coin Club", "Dana K. Mirrow"):
        assert (BOARD, "WARNED", party) in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The FCA issued a warning on Monday. The warning names Korvex and Zentrope.",
            {("Financial Conduct Authority", "WARNED", p) for p in ("Korvex", "Zentrope")},
        ),
        (
            "The Ontario Securities Commission issued a cease trade order on Tuesday. The"
            " order, which took effect at once, targets Korvex Markets Ltd.",
            {("Ontario Securities Commission", "BANNED", "Korvex Markets Ltd")},
        ),
        (
            f"The {BOARD} issued a cease and desist order. The order was directed at Bybit.",
            {(BOARD, "WARNED", "Bybit")},
        ),
    ],
)
def test_an_instrument_named_again_states_its_parties(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert expected <= relations_of(text)


def test_an_order_with_no_instrument_told_before_states_nothing() -> None:
    got = relations_of(
        "The SEC sued Binance on Monday. A judge issued an order. The order names Bybit."
    )
    assert not {r for r in got if r[2] == "Bybit"}


def test_a_retold_order_does_not_reach_past_a_heading() -> None:
    got = relations_of(
        "The FCA issued a cease and desist order against Kraken on Monday.\n\n"
        "Markets\n\n"
        "Prices fell on Tuesday. The order names Bybit."
    )
    assert not {r for r in got if r[2] == "Bybit"}


def test_an_address_after_the_party_is_no_party() -> None:
    got = relations_of(
        "BaFin issued a cease and desist order against Zorbit Capital Ltd., Alicante, Spain,"
        " which ran an unlicensed banking business."
    )
    assert not {r for r in got if r[2] == "Alicante" and r[1] == "WARNED"}


def test_a_founder_titled_after_a_list_is_each_firms_founder() -> None:
    got = relations_of("The SEC sued Korvex Ltd, Zentrope Ltd, and their founder Dana K. Mirrow.")
    for firm in ("Korvex Ltd", "Zentrope Ltd"):
        assert ("Dana K. Mirrow", "AFFILIATED_WITH", firm) in got


def test_applies_to_needs_the_instrument_as_its_subject() -> None:
    got = relations_of(
        "The exemption, which applied to firms already trading, ended after the Monetary"
        " Authority of Singapore rejected the application of Zentrope Ltd."
    )
    assert not {r for r in got if r[1] == "BANNED"}


def test_parties_written_into_a_retold_instrument_take_the_date_it_was_told_with() -> None:
    out = extract(
        "The Financial Services Agency issued business improvement orders on Friday, April 19."
        " The orders to Korvex, Zentrope Japan and Quillbit follow the agency's rejection of"
        " another registration on April 5."
    )
    names = {e.id: e.name for e in out.entities}
    warned = {
        names[r.target]: r.date
        for r in out.relations
        if r.type == "WARNED" and names[r.source] == "Financial Services Agency"
    }
    assert {"Korvex", "Zentrope Japan", "Quillbit"} <= set(warned)
    assert {warned[p] for p in ("Korvex", "Zentrope Japan", "Quillbit")} == {"2024-04-19"}


def test_a_subhead_naming_the_instrument_goes_on_with_it() -> None:
    got = relations_of(
        f"The {BOARD} has issued an emergency cease and desist order against several firms.\n\n"
        "Crypto scam order\n\n"
        "The emergency order is against Korvex and TrillMint."
    )
    assert {(BOARD, "WARNED", "Korvex"), (BOARD, "WARNED", "TrillMint")} <= got
