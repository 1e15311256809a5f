"""Names as real reporting writes them (issue 12): a global brand beside its local unit,
page furniture that looks like a name, names the gazetteer does not know. Sentences
written for these tests."""

from __future__ import annotations

from extraction_support import types_and_relations as _extract


def test_a_brand_called_the_worlds_largest_is_not_its_local_unit() -> None:
    ents, rels = _extract(
        "Kenya's Capital Markets Authority told Kraken, the world's largest derivatives "
        "venue, to stop serving Kenyans. It said Kraken Kenya Limited, which ran a local "
        "website, had no licence."
    )
    assert "Kraken" in ents and "Kraken Kenya Limited" in ents, ents


def test_a_brand_with_its_only_local_entity_stays_the_brand() -> None:
    ents, _ = _extract(
        "The regulator restricted Coinbase Ireland Limited, the only Irish entity of Coinbase, "
        "on Friday. Coinbase said its main platform was not affected."
    )
    assert "Coinbase" in ents and "Coinbase Ireland Limited" in ents, ents


def test_a_brand_used_as_shorthand_for_its_one_unit_still_folds() -> None:
    ents, _ = _extract(
        "The Dutch central bank fined Kraken Europe Limited EUR 2 million for offering "
        "services without registration. Kraken can object until March."
    )
    assert "Kraken" not in ents, ents


def test_a_firm_called_by_name_is_a_company() -> None:
    ents, _ = _extract("The token was issued by a Latvian firm called Orvane Dynamics in 2023.")
    assert ents.get("Orvane Dynamics") == "Company", ents


def test_a_place_based_name_is_an_organisation() -> None:
    ents, _ = _extract(
        "The regulator also warned Lisbon-based Harrow Point for selling tokens without approval."
    )
    assert ents.get("Harrow Point") in ("Company", "Exchange"), ents


def test_the_companies_listed_by_name_are_companies() -> None:
    ents, _ = _extract(
        "OFAC also designated the companies Tarvex, Quilmore Trade and Old Harrow, which "
        "moved funds for the exchange."
    )
    for name in ("Tarvex", "Quilmore Trade", "Old Harrow"):
        assert ents.get(name) == "Company", ents


def test_an_analytics_firm_names_a_company() -> None:
    ents, _ = _extract(
        "Blockchain analytics firm Veridane said the wallets belonged to the exchange."
    )
    assert ents.get("Veridane") == "Company", ents


def test_a_news_outlet_keeps_its_whole_name() -> None:
    ents, _ = _extract(
        "Local news outlet Harbour Business Daily reported that the regulator had acted."
    )
    assert ents.get("Harbour Business Daily") == "MediaOutlet", ents


def test_a_lower_case_name_with_a_legal_form_is_a_company() -> None:
    ents, rels = _extract(
        "Japan's Financial Services Agency warned quelmora LLC and Bitget on Friday."
    )
    assert "quelmora LLC" in ents and "LLC" not in ents, ents
    assert ("Financial Services Agency", "WARNED", "quelmora LLC") in rels


def test_a_digit_led_name_listed_with_exchanges_is_an_exchange() -> None:
    ents, _ = _extract("The ministry blocked Bybit, 3Vexa and OKX on Monday.")
    assert ents.get("3Vexa") == "Exchange", ents


def test_a_number_with_a_unit_is_no_name() -> None:
    ents, _ = _extract("The exchange moved 40GB of records, 5m coins and OKX shares.")
    assert not {"40GB", "5m"} & set(ents), ents


def test_a_long_law_title_after_a_qualifier_is_one_law() -> None:
    ents, _ = _extract(
        "The agency acted under the Royal Decree on Virtual Token Services and fined Quorvex Ltd."
    )
    assert ents.get("Royal Decree on Virtual Token Services") == "Law", ents


def test_a_law_title_with_and_inside_is_not_cut() -> None:
    ents, _ = _extract(
        "The unit cited the Act on Reporting and Use of Certain Payment Records in its notice."
    )
    assert ents.get("Act on Reporting and Use of Certain Payment Records") == "Law", ents


def test_two_laws_joined_by_and_the_stay_two() -> None:
    ents, _ = _extract("Firms must follow the Act on Payments and the Securities Act.")
    assert ents.get("Act on Payments") == "Law", ents


def test_a_numbered_executive_order_is_a_law() -> None:
    ents, _ = _extract("The Treasury acted under Executive Order 15012 and later EO 15013.")
    assert ents.get("Executive Order 15012") == "Law", ents
    assert ents.get("EO 15013") == "Law", ents


def test_a_camel_case_firm_before_head_of_is_the_persons_firm() -> None:
    ents, rels = _extract("ZCoin head of policy Maria Santos said the ban would not last.")
    assert ents.get("ZCoin") == "Company", ents
    assert ("Maria Santos", "AFFILIATED_WITH", "ZCoin") in rels, rels
