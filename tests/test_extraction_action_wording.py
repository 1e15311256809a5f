"""Action wordings of real reporting the trigger table did not know (issue 12): a charge
of money is a fine ("charged X $30 million"), directives in the passive ("X was told by
Y to stop", "X has been ordered to cease ... by Y"), cease-and-desist orders hit on a
firm, subpoenas and Wells notices, restrictions and business suspensions imposed on a
firm, and a settlement paid or agreed that ends the suit it settles. Sentences written
for these tests (firm names are invented)."""

from __future__ import annotations

import datetime as dt

from extraction_support import extract, relation_properties

SEC = "U.S. Securities and Exchange Commission"


def _rels(text: str) -> dict[tuple[str, str, str], dict[str, object]]:
    return relation_properties(extract(text, dt.date(2025, 11, 20)))


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


def test_a_fine_a_firm_must_pay_by_a_bodys_word_is_the_bodys_fine() -> None:
    rels = _rels("Zenmo Exchange must pay a $2 million penalty, the SEC said on Tuesday.")
    assert rels.get((SEC, "FINED", "Zenmo Exchange"), {}).get("amount") == 2e6, rels


def test_a_firm_flagged_or_named_as_unauthorised_is_warned() -> None:
    fca = "Financial Conduct Authority"
    for text in (
        "The Financial Conduct Authority flagged Zenmo Exchange as an unauthorised firm.",
        "The Financial Conduct Authority named Zenmo Exchange on its list of unauthorised firms.",
        "The Financial Conduct Authority listed Zenmo Exchange as an unregistered operator.",
    ):
        rels = _rels(text)
        assert (fca, "WARNED", "Zenmo Exchange") in rels, (text, rels)


def test_halting_a_firms_operations_is_a_ban_on_the_firm() -> None:
    thai = "Securities and Exchange Commission of Thailand"
    for text in (
        "The Securities and Exchange Commission of Thailand halted Zenmo Exchange's operations.",
        "The Securities and Exchange Commission of Thailand declared Zenmo Exchange's business "
        "illegal.",
    ):
        rels = _rels(text)
        assert (thai, "BANNED", "Zenmo Exchange") in rels, (text, rels)


def test_a_firm_that_halts_withdrawals_is_banned_by_nobody() -> None:
    rels = _rels("Zenmo Exchange halted withdrawals in July after the market fell.")
    assert not any(k[1] == "BANNED" for k in rels), rels


def test_a_register_entry_or_a_green_light_is_a_licence() -> None:
    for actor, text in (
        (
            "Financial Conduct Authority",
            "The Financial Conduct Authority added Zenmo Exchange to its register of cryptoasset "
            "firms.",
        ),
        (
            "Monetary Authority of Singapore",
            "The Monetary Authority of Singapore gave Zenmo Exchange in-principle approval.",
        ),
        (
            "Monetary Authority of Singapore",
            "The Monetary Authority of Singapore gave Zenmo Exchange the green light to operate.",
        ),
    ):
        rels = _rels(text)
        assert (actor, "LICENSED", "Zenmo Exchange") in rels, (text, rels)


def test_a_register_of_banned_sites_is_a_block_not_a_licence() -> None:
    rels = _rels(
        "The Federal Service for Supervision of Communications put Zenmo Exchange on the register "
        "of banned online resources."
    )
    assert not any(k[1] == "LICENSED" for k in rels), rels
    rels = _rels(
        "The Financial Conduct Authority put Zenmo Exchange on the register of banned online "
        "resources."
    )
    assert ("Financial Conduct Authority", "BLOCKED", "Zenmo Exchange") in rels, rels


def test_scrutiny_is_an_investigation() -> None:
    rels = _rels("The SEC is scrutinising Zenmo Exchange's token sale.")
    assert (SEC, "INVESTIGATED", "Zenmo Exchange") in rels, rels


def test_the_investigation_named_again_later_is_the_one_already_told() -> None:
    rels = _rels(
        "The Sofia City Prosecutor's Office opened an investigation into Zenmo Exchange in "
        "January 2023. Officers searched 15 addresses. Four people were detained. The company "
        "denied wrongdoing. In June the Supreme Judicial Council removed the chief prosecutor "
        "from office. Zenmo Exchange said the investigation had slowed its growth."
    )
    probes = {k[0] for k in rels if k[1:] == ("INVESTIGATED", "Zenmo Exchange")}
    assert probes == {"Sofia City Prosecutor's Office"}, rels


def test_a_corrective_order_is_a_warning() -> None:
    for actor, text in (
        (
            "Securities and Exchange Commission of Thailand",
            "The Securities and Exchange Commission of Thailand ordered Zenmo Exchange to restore "
            "its capital to the required level.",
        ),
        (
            "Financial Services Agency",
            "The Financial Services Agency told Zenmo Exchange to improve its anti-money-"
            "laundering controls.",
        ),
        (
            "Monetary Authority of Singapore",
            "The Monetary Authority of Singapore directed Zenmo Exchange to submit a remediation "
            "plan within 30 days.",
        ),
    ):
        rels = _rels(text)
        assert (actor, "WARNED", "Zenmo Exchange") in rels, (text, rels)
        assert (actor, "BANNED", "Zenmo Exchange") not in rels, (text, rels)


def test_an_order_to_delete_or_dissolve_is_a_ban() -> None:
    for text in (
        "The High Court of Kenya ordered Zenmo Exchange to delete all biometric data it had "
        "collected.",
        "The High Court of Kenya ordered Zenmo Exchange to dissolve within 30 days.",
    ):
        rels = _rels(text)
        assert ("High Court of Kenya", "BANNED", "Zenmo Exchange") in rels, (text, rels)


def test_examining_a_firm_is_investigating_it() -> None:
    rels = _rels(
        "The Office of the Data Protection Commissioner had been examining whether Zenmo "
        "Exchange complied with the Data Protection Act."
    )
    key = ("Office of the Data Protection Commissioner", "INVESTIGATED", "Zenmo Exchange")
    assert key in rels, rels


def test_the_subject_that_pays_is_fined_though_its_name_followed_an_of_before() -> None:
    rels = _rels(
        "The SEC charged Zenmo Exchange over the sale of its lending product, and the company "
        "settled the same day, agreeing to pay a $22.5 million penalty to the SEC."
    )
    assert rels.get((SEC, "FINED", "Zenmo Exchange"), {}).get("amount") == 22.5e6, rels


def test_several_actors_and_several_targets_each_pair() -> None:
    rels = _rels(
        "The SEC, the CFTC and the Department of Justice charged Zenmo Exchange, Quillfin Labs "
        "and Ivo Petrov on Monday."
    )
    actors = (SEC, "Commodity Futures Trading Commission", "U.S. Department of Justice")
    for actor in actors:
        for target in ("Zenmo Exchange", "Quillfin Labs", "Ivo Petrov"):
            assert (actor, "SUED", target) in rels, (actor, target, rels)


def test_a_list_of_actors_then_an_attribution_adds_no_target() -> None:
    rels = _rels(
        "The SEC, the CFTC and the Department of Justice charged Zenmo Exchange, the exchange "
        "said on Monday."
    )
    assert {k[2] for k in rels if k[1] == "SUED"} == {"Zenmo Exchange"}, rels
