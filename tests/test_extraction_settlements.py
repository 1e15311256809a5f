"""Money paid to settle is a fine (issue 12): "X and Y paid $30M to resolve claims",
with the amount the verb pays; a price paid for a stake is not. Sentences written for
these tests."""

from __future__ import annotations

from extraction_support import extract as _extract
from extraction_support import triples

from graph.models import Extraction


def _fines(out: Extraction) -> dict[tuple[str, str], float | None]:
    names = {e.id: e.name for e in out.entities}
    return {
        (names[r.source], names[r.target]): r.properties.get("amount")
        for r in out.relations
        if r.type == "FINED"
    }


def test_firms_that_pay_money_to_resolve_claims_are_fined_by_the_claimant() -> None:
    out = _extract(
        "In March 2023, Tarvo Ventures and Tarvo Trading Ltd. paid $30M to resolve SEC "
        "claims that their yield program was an unregistered securities offering."
    )
    fines = _fines(out)
    sec = "U.S. Securities and Exchange Commission"
    assert fines.get((sec, "Tarvo Ventures")) == 30_000_000
    assert fines.get((sec, "Tarvo Trading Ltd.")) == 30_000_000


def test_the_amount_is_what_the_verb_pays_not_a_component_listed_after_it() -> None:
    out = _extract(
        "The SEC sued Orvex Inc. in May. Orvex Inc. and Orvex Europe AG agreed to pay $12 "
        "million in aggregate to settle, comprising disgorgement of $7.1 million and a civil "
        "penalty of $4.9 million."
    )
    fines = _fines(out)
    assert fines.get(("U.S. Securities and Exchange Commission", "Orvex Europe AG")) == 12_000_000


def test_a_price_paid_for_a_stake_is_no_fine() -> None:
    out = _extract(
        "The SEC settled its case against Orvex Inc. last year. This week Orvex Inc. paid $50 "
        "million for a stake in Kestrel Labs Ltd to settle a dispute over its token."
    )
    assert ("U.S. Securities and Exchange Commission", "Kestrel Labs Ltd") not in _fines(out)
    assert not any(amount == 50_000_000 for amount in _fines(out).values())


def test_a_settlement_approved_on_a_day_is_no_licence_and_that_will_pay_fines_its_antecedent() -> (
    None
):
    """Non-native English: 'approved on Tuesday a term of commitment with X, that will pay'."""
    out = _extract(
        "The CVM approved on Tuesday a term of commitment with the crypto broker Binance, that "
        "will pay R$ 9.6 million to close the sanctioning process."
    )
    rels = triples(out)
    assert ("Comissão de Valores Mobiliários", "FINED", "Binance") in rels
    assert ("Comissão de Valores Mobiliários", "LICENSED", "Binance") not in rels
