"""Sentence kinds the extractor must read the same way wherever they appear.

Each test is one frame of enforcement news (a verb family, a syntactic construction
or a noun-phrase pattern) in sentences written for the test, not taken from any
corpus, so that a rule tuned to one article's wording fails here.
"""

from __future__ import annotations

import pytest
from extraction_support import relations_of as _rels

from graph.models import Article
from ingest.extraction import extract_article
from ingest.extraction.actions.money import find_money

Rel = tuple[str, str, str]


def _actions(text: str) -> set[Rel]:
    kinds = {"BANNED", "BLOCKED", "FINED", "SUED", "INVESTIGATED", "WARNED", "LICENSED"}
    return {r for r in _rels(text) if r[1] in kinds}


def test_order_to_stop_with_adverb_and_legal_suffix() -> None:
    rels = _actions(
        "The Financial Conduct Authority has ordered Coinbase Inc., the operator of a wallet "
        "app, to temporarily halt new sign-ups."
    )
    assert ("Financial Conduct Authority", "BANNED", "Coinbase") in rels


def test_proceedings_are_a_suit_not_a_fine() -> None:
    rels = _actions(
        "The Monetary Authority of Singapore said it had started civil penalty proceedings "
        "against Bybit in the High Court."
    )
    assert ("Monetary Authority of Singapore", "SUED", "Bybit") in rels
    assert not [r for r in rels if r[1] == "FINED"]


def test_take_to_court_is_a_suit() -> None:
    rels = _actions("The Financial Conduct Authority took OKX to court over its marketing.")
    assert ("Financial Conduct Authority", "SUED", "OKX") in rels


def test_settle_charges_brought_by_is_a_fine_and_a_suit() -> None:
    rels = _rels(
        "Bitfinex agreed to pay $24 million to resolve charges brought by the Commodity "
        "Futures Trading Commission."
    )
    assert ("Commodity Futures Trading Commission", "FINED", "Bitfinex") in rels


def test_coordinated_subjects_both_act() -> None:
    rels = _actions(
        "The Financial Conduct Authority and the Monetary Authority of Singapore warned Bybit "
        "on Friday."
    )
    assert ("Financial Conduct Authority", "WARNED", "Bybit") in rels
    assert ("Monetary Authority of Singapore", "WARNED", "Bybit") in rels


def test_added_to_a_list_of_unauthorised_firms_is_a_warning() -> None:
    rels = _actions(
        "The Financial Conduct Authority added KuCoin to its list of unauthorised firms."
    )
    assert ("Financial Conduct Authority", "WARNED", "KuCoin") in rels


def test_sanctions_designation_is_a_ban() -> None:
    rels = _actions("The Office of Foreign Assets Control sanctioned Bitzlato on Wednesday.")
    assert ("Office of Foreign Assets Control", "BANNED", "Bitzlato") in rels


def test_inspection_of_a_firm_is_an_investigation() -> None:
    rels = _actions(
        "The Financial Services Agency carried out an on-site inspection of bitFlyer last year."
    )
    assert ("Financial Services Agency", "INVESTIGATED", "bitFlyer") in rels


def test_routine_inspections_name_no_target() -> None:
    rels = _actions(
        "Chair Gary Gensler of the Financial Conduct Authority said routine inspections "
        "protect investors."
    )
    assert not [r for r in rels if r[1] == "INVESTIGATED"]


def test_company_titling_a_person_is_not_the_target() -> None:
    rels = _actions(
        "The Financial Conduct Authority issued a formal warning to Kraken chief executive "
        "Jesse Powell on Monday."
    )
    assert ("Financial Conduct Authority", "WARNED", "Jesse Powell") in rels
    assert ("Financial Conduct Authority", "WARNED", "Kraken") not in rels


def test_new_subject_after_and_is_not_hedged_by_the_first_clause() -> None:
    rels = _actions(
        "The Financial Conduct Authority asked banks to stop serving Bybit, and the "
        "Monetary Authority of Singapore banned Bybit on Friday."
    )
    assert ("Monetary Authority of Singapore", "BANNED", "Bybit") in rels
    assert ("Financial Conduct Authority", "BANNED", "Bybit") not in rels


def test_national_government_description_and_plural_group_members() -> None:
    rels = _actions(
        "NEW DELHI: The Financial Intelligence Unit India warned three offshore exchanges, "
        "among them OKX, Bybit and Bitget. Weeks later the Centre blocked the exchanges' apps."
    )
    for name in ("OKX", "Bybit", "Bitget"):
        assert ("Government of India", "BLOCKED", name) in rels


def test_plural_description_serving_a_country_operates_there() -> None:
    rels = _rels(
        "The Monetary Authority of Singapore warned two foreign exchanges, OKX and Bybit, on "
        "Monday. Officials said the two platforms serve residents of Singapore without a licence."
    )
    assert ("OKX", "OPERATES_IN", "Singapore") in rels
    assert ("Bybit", "OPERATES_IN", "Singapore") in rels


def test_market_share_phrase_means_operating_there() -> None:
    rels = _rels("Bitstamp handles most of the bitcoin trading in Luxembourg.")
    assert ("Bitstamp", "OPERATES_IN", "Luxembourg") in rels


def test_fine_lands_on_parties_not_activities() -> None:
    rels = _actions(
        "The penalty comes as the Financial Conduct Authority prepares rules for crypto "
        "trading accounts."
    )
    assert not [r for r in rels if r[1] == "FINED"]


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("an A$ 3 million fine", 3e6, "AUD"), ("HK$ 12m", 12e6, "HKD")],
)
def test_currency_symbol_with_a_space(text: str, amount: float, currency: str) -> None:
    found = find_money(text)
    assert found and found[0].amount == pytest.approx(amount) and found[0].currency == currency


def test_relative_clause_object_is_the_antecedent() -> None:
    rels = _actions(
        "The ruling helps Bittrex, which the Monetary Authority of Singapore ordered last year "
        "to stop serving local users."
    )
    assert ("Monetary Authority of Singapore", "BANNED", "Bittrex") in rels


def test_relative_clause_receiver_settled_with() -> None:
    rels = _actions(
        "Bitstamp, which settled with the Financial Conduct Authority in 2023 for $2 million, "
        "said it would expand."
    )
    assert ("Financial Conduct Authority", "FINED", "Bitstamp") in rels


def test_introduced_regional_unit_is_its_own_entity() -> None:
    rels = _rels(
        "Kraken said UK users could keep trading on its local exchange, Kraken Canada, which "
        "is registered with the Financial Conduct Authority."
    )
    assert ("Financial Conduct Authority", "LICENSED", "Kraken Canada") in rels
    assert ("Kraken Canada", "SUBSIDIARY_OF", "Kraken") in rels


def test_unintroduced_brand_and_country_is_the_brand() -> None:
    art = Article(
        id="t", text="Kraken denied it. The regulator said funds flowed through Kraken Canada."
    )
    names = {e.name for e in extract_article(art).entities}
    assert "Kraken" in names and "Kraken Canada" not in names


def test_apposition_is_not_an_object_relative_clause() -> None:
    rels = _actions(
        "The Office of Foreign Assets Control sanctioned Bitzlato, a Hong Kong-registered "
        "exchange, on Wednesday."
    )
    assert ("Office of Foreign Assets Control", "BANNED", "Bitzlato") in rels
    assert not [r for r in rels if r[1] == "LICENSED"]


def test_time_phrase_between_agreed_and_to_pay() -> None:
    rels = _actions(
        "Bittrex agreed on Monday to pay $24 million to settle charges by the Commodity Futures "
        "Trading Commission."
    )
    assert ("Commodity Futures Trading Commission", "FINED", "Bittrex") in rels


def test_progressive_after_been_is_active() -> None:
    rels = _actions(
        "The Financial Conduct Authority, which has been investigating Bitstamp since March, "
        "declined to comment."
    )
    assert ("Financial Conduct Authority", "INVESTIGATED", "Bitstamp") in rels


def test_arrest_of_an_unnamed_person_not_of_the_grounds() -> None:
    rels = _actions(
        "German police arrested a 41-year-old woman in Berlin on suspicion of moving stolen "
        "funds through Bitzlato."
    )
    assert ("German police", "INVESTIGATED", "41-year-old woman") in rels
    assert not [r for r in rels if r[2] == "Bitzlato"]


def test_participle_accusation_restates_the_main_action() -> None:
    rels = _actions(
        "The Office of Foreign Assets Control sanctioned Bitzlato in May, accusing it of "
        "serving ransomware gangs. The Financial Conduct Authority declined to comment."
    )
    assert ("Office of Foreign Assets Control", "BANNED", "Bitzlato") in rels
    assert not [r for r in rels if r[1] == "SUED"]


def test_a_mixer_description_resolves_to_the_named_mixer() -> None:
    rels = _actions(
        "Regulators named the crypto mixer Blender.io. The Federal Criminal Police Office said "
        "it had seized the mixer's servers."
    )
    assert ("Federal Criminal Police Office", "BANNED", "Blender.io") in rels


def test_trade_name_is_an_alias_not_the_brand() -> None:
    art = Article(
        id="t",
        text="Kraken said so. Regulators sued Payward Trading Ltd, which traded as Kraken Pro "
        "Derivatives, last year.",
    )
    ents = {e.name: {a.name for a in e.aliases} for e in extract_article(art).entities}
    assert "Kraken Pro Derivatives" in ents.get("Payward Trading Ltd", set())
    assert "Kraken Pro Derivatives" not in ents.get("Kraken", set())


def test_received_a_warning_is_a_warning_by_the_body_in_context() -> None:
    rels = _actions(
        "The Financial Conduct Authority has warned offshore platforms for years. OKX "
        "received a formal warning in 2022."
    )
    assert ("Financial Conduct Authority", "WARNED", "OKX") in rels


def test_paying_a_fine_is_a_fine() -> None:
    rels = _actions(
        "The Monetary Authority of Singapore penalised two firms. Bybit, which applied in "
        "June, got off lightly, paying a fine of S$ 400,000."
    )
    fined = [r for r in rels if r[1] == "FINED" and r[2] == "Bybit"]
    assert fined and fined[0][0] == "Monetary Authority of Singapore"


def test_possessor_of_a_business_in_an_object_span_is_not_the_target() -> None:
    rels = _actions(
        "The Financial Conduct Authority took Coinbase's former local payments business to "
        "court on Friday."
    )
    assert ("Financial Conduct Authority", "SUED", "Coinbase") not in rels


def test_operator_and_operated_brand_are_both_ordered() -> None:
    rels = _actions(
        "The Financial Conduct Authority ordered Payward Ltd, the operator of Kraken, to "
        "suspend new accounts."
    )
    assert ("Financial Conduct Authority", "BANNED", "Payward Ltd") in rels
    assert ("Financial Conduct Authority", "BANNED", "Kraken") in rels


def test_possessive_demonym_unit_means_operating_there() -> None:
    rels = _rels("Analysts said Bitstamp's Italian business grew quickly.")
    assert ("Bitstamp", "OPERATES_IN", "Italy") in rels


def test_a_body_placed_elsewhere_keeps_its_own_seat() -> None:
    rels = _rels(
        "The New York Attorney General sued KuCoin, accusing the Seychelles-based exchange of "
        "serving New Yorkers. The Securities and Exchange Commission declined to comment."
    )
    assert not [r for r in rels if r[1] == "LOCATED_IN" and r[2] == "Seychelles"]
    assert ("New York State Attorney General", "SUED", "KuCoin") in rels
    names = {n for r in rels for n in (r[0], r[2])}
    assert "Securities and Exchange Commission of Seychelles" not in names
