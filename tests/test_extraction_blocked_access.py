"""The firm whose web presence an action shuts is its party ("blocked the websites of
Korvex", "blocked access to Korvex", "Access to Korvex has been restricted"); a licence
"pulled" is revoked. Issue 12 point 1 (triggers, parties named only as objects); sentences
written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract, relation_properties, relations_of

BAPPEBTI = "Commodity Futures Trading Regulatory Agency"


def test_the_websites_of_firms_blocked_are_the_firms_blocked() -> None:
    got = relations_of("India blocked the websites of Korvex and Zentrope.")
    assert {("India", "BLOCKED", "Korvex"), ("India", "BLOCKED", "Zentrope")} <= got


@pytest.mark.parametrize(
    "sentence",
    [
        "Indonesia's Bappebti blocked access to Korvex.",
        "Access to Korvex has been restricted in Indonesia, Bappebti said.",
    ],
)
def test_access_blocked_blocks_the_firm(sentence: str) -> None:
    assert (BAPPEBTI, "BLOCKED", "Korvex") in relations_of(sentence)


def test_access_granted_blocks_nothing() -> None:
    got = relations_of("Bappebti said access to Korvex has been granted to local users.")
    assert not {r for r in got if r[1] == "BLOCKED"}


def test_a_licence_pulled_is_revoked() -> None:
    out = extract("Korvex Ltd's licence was pulled by the Estonian Financial Intelligence Unit.")
    props = relation_properties(out)
    licence = next(
        (p for (s, t, o), p in props.items() if t == "LICENSED" and o == "Korvex Ltd"), None
    )
    assert licence is not None and licence.get("ended_how") == "revoked"
