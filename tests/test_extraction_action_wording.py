"""Action wordings of real reporting the trigger table did not know (issue 12): a charge
of money is a fine ("charged X $30 million"), directives in the passive ("X was told by
Y to stop", "X has been ordered to cease ... by Y"), cease-and-desist orders hit on a
firm, subpoenas and Wells notices, restrictions and business suspensions imposed on a
firm, and a settlement paid or agreed that ends the suit it settles. Sentences written
for these tests (firm names are invented)."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article

SEC = "U.S. Securities and Exchange Commission"


def _rels(text: str) -> dict[tuple[str, str, str], dict[str, object]]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2025, 11, 20)))
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]): dict(r.properties) for r in out.relations}


def test_a_charge_of_money_is_a_fine_not_a_suit() -> None:
    for text, amount in (
        ("The SEC charged Zenmo Exchange $30 million for compliance failures.", 30e6),
        ("The SEC charged Zenmo Exchange a penalty of US$2.5 million in 2024.", 2.5e6),
    ):
        rels = _rels(text)
        assert rels.get((SEC, "FINED", "Zenmo Exchange"), {}).get("amount") == amount, rels
        assert (SEC, "SUED", "Zenmo Exchange") not in rels, rels


def test_a_charge_of_an_offence_stays_a_suit() -> None:
    rels = _rels("The SEC charged Zenmo Exchange with fraud and fined Quillfin Labs $2 million.")
    assert (SEC, "SUED", "Zenmo Exchange") in rels, rels
    assert (SEC, "FINED", "Zenmo Exchange") not in rels, rels


def test_passive_directives_to_stop_are_bans_by_their_agent() -> None:
    osc = "Ontario Securities Commission"
    for text in (
        "Zenmo Exchange was told to stop serving customers in Ontario by the Ontario "
        "Securities Commission.",
        "Zenmo Exchange has been ordered by the Ontario Securities Commission to stop all trading.",
        "Zenmo Exchange and Quillfin Labs were ordered to cease operations by the Ontario "
        "Securities Commission.",
        "Zenmo Exchange was directed by the Ontario Securities Commission to immediately halt "
        "its lending product.",
    ):
        rels = _rels(text)
        assert (osc, "BANNED", "Zenmo Exchange") in rels, (text, rels)


def test_a_passive_instruction_to_customers_is_no_ban() -> None:
    rels = _rels(
        "Customers of Zenmo Exchange were told to withdraw their funds by the Ontario "
        "Securities Commission."
    )
    assert not any(k[1] == "BANNED" for k in rels), rels


def test_cease_and_desist_orders_and_wells_notices_are_warnings() -> None:
    for text in (
        "The SEC hit Zenmo Exchange with a cease-and-desist order in 2023.",
        "The SEC slapped Zenmo Exchange with a cease and desist letter.",
        "The SEC sent a Wells notice to Zenmo Exchange.",
        "Zenmo Exchange received a Wells notice from the SEC in March.",
    ):
        rels = _rels(text)
        assert (SEC, "WARNED", "Zenmo Exchange") in rels, (text, rels)


def test_a_subpoena_is_an_investigation() -> None:
    for text in (
        "The SEC subpoenaed Zenmo Exchange in 2023.",
        "Zenmo Exchange was subpoenaed by the SEC in 2023.",
    ):
        rels = _rels(text)
        assert (SEC, "INVESTIGATED", "Zenmo Exchange") in rels, (text, rels)


def test_restrictions_and_business_suspensions_imposed_on_a_firm_are_bans() -> None:
    for actor, text in (
        (
            "Financial Conduct Authority",
            "The Financial Conduct Authority imposed restrictions on Zenmo Exchange.",
        ),
        (
            "Financial Services Agency",
            "The Financial Services Agency issued a business suspension order to Zenmo Exchange.",
        ),
        (
            "Financial Services Agency",
            "The Financial Services Agency imposed a three-month business suspension on Zenmo "
            "Exchange.",
        ),
    ):
        rels = _rels(text)
        assert (actor, "BANNED", "Zenmo Exchange") in rels, (text, rels)


def test_a_suspension_lifted_is_a_ban_lifted() -> None:
    rels = _rels("The Financial Services Agency lifted the suspension on Zenmo Exchange in May.")
    got = rels[("Financial Services Agency", "BANNED", "Zenmo Exchange")]
    assert (got.get("status"), got.get("ended_how")) == ("ended", "lifted"), rels


def test_money_paid_to_settle_a_lawsuit_settles_it() -> None:
    rels = _rels(
        "Quillfin Labs will pay $12 million to settle a lawsuit filed by the Commodity Futures "
        "Trading Commission."
    )
    sued = rels[("Commodity Futures Trading Commission", "SUED", "Quillfin Labs")]
    assert (sued.get("status"), sued.get("ended_how")) == ("ended", "settled"), rels
    fined = rels[("Commodity Futures Trading Commission", "FINED", "Quillfin Labs")]
    assert fined.get("amount") == 12e6 and fined.get("status") is None, rels


def test_a_settlement_agreed_after_a_suit_settles_it() -> None:
    rels = _rels(
        "Zenmo Exchange agreed to a $24 million settlement after the SEC sued it in April 2025."
    )
    sued = rels[(SEC, "SUED", "Zenmo Exchange")]
    assert (sued.get("status"), sued.get("ended_how")) == ("ended", "settled"), rels
