"""The party of an order, a warning or a raid named after the noun ("a stop order against
Cryptoxa", "raided the offices of Bitvana"), a known brand's unit kept as the brand's kind
when it is such an object, and an approved settlement that licenses nobody (issue
12 point 1: action nouns). Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, types_by_name


@pytest.mark.parametrize(
    ("sentence", "action"),
    [
        (
            "Brazil's CVM issued a stop order against Cryptoxa, which sold unregistered notes.",
            "BANNED",
        ),
        ("The CVM published a stop order against Cryptoxa on Monday.", "BANNED"),
        ("Thai police raided the offices of Bitvana on Tuesday.", "INVESTIGATED"),
        ("Thai police raided Bitvana's offices on Tuesday.", "INVESTIGATED"),
    ],
)
def test_the_party_named_after_an_order_or_a_raid(sentence: str, action: str) -> None:
    out = extract(sentence)
    assert {t for s, a, t in actions(out) if a == action} & {"Cryptoxa", "Bitvana"}, actions(out)


def test_a_known_brands_unit_as_an_orders_object_keeps_the_brands_kind() -> None:
    out = extract("The CVM published a stop order against Binance Futures, a unit of the group.")
    assert types_by_name(out).get("Binance Futures") == "Exchange"


@pytest.mark.parametrize(
    "amount", ["a $4.3 billion settlement", "the C$2 million settlement", "a 1.5 million euro deal"]
)
def test_approving_a_settlement_licenses_nobody(amount: str) -> None:
    out = extract(f"The Ontario Securities Commission approved {amount} with Tarvex Ltd.")
    assert not {t for t in actions(out) if t[1] == "LICENSED"}, actions(out)
