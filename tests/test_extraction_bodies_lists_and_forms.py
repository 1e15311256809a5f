"""A country's adjective before a curated body's name, a body named in translation with
its curated abbreviation, legal forms written before a firm's name, firms listed after
their kind, and a warning list named "list of warnings"."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract, triples, types_by_name

FCIS = "Financial Crime Investigation Service"
KNF = "Polish Financial Supervision Authority"


def test_a_country_s_adjective_before_a_curated_body_s_name_is_that_body() -> None:
    out = extract("The Lithuanian Financial Crime Investigation Service fined Zolta Ltd.")
    assert (FCIS, "FINED", "Zolta Ltd") in actions(out), actions(out)
    assert "Lithuanian Financial Crime Investigation Service" in aliases_of(out, FCIS)


def test_a_body_named_in_translation_with_a_curated_abbreviation_is_that_body() -> None:
    out = extract(
        "On November 6, the Financial Supervision Commission (KNF) added Zolta Ltd to its "
        "list of public warnings."
    )
    assert (KNF, "WARNED", "Zolta Ltd") in actions(out), actions(out)
    assert "Financial Supervision Commission" not in types_by_name(out)


def test_another_country_s_body_keeps_apart_from_a_curated_abbreviation() -> None:
    out = extract(
        "The US Securities and Exchange Commission dropped its suit. The Thai Securities "
        "and Exchange Commission (SEC) will block five exchanges."
    )
    us = "U.S. Securities and Exchange Commission"
    assert "Thai Securities and Exchange Commission" not in aliases_of(out, us)


def test_a_unit_of_a_curated_body_is_no_translation_of_it() -> None:
    out = extract(
        "The Cyber Crime Wing Sindh of the Federal Investigation Agency (FIA) summoned "
        "Hamza Khan on Friday."
    )
    fia = "Federal Investigation Agency"
    assert not any("Wing" in a for a in aliases_of(out, fia)), aliases_of(out, fia)


def test_a_legal_form_written_before_the_name_makes_a_firm_and_its_name_alone_is_it() -> None:
    out = extract("The regulator in Latvia fined SIA Korvane and UAB Tarvix on Monday.")
    types = types_by_name(out)
    assert types.get("SIA Korvane") == "Company", types
    assert types.get("UAB Tarvix") == "Company", types
    out = extract("Lithuania's FCIS fined UAB Tarvix on Monday. It said Tarvix ignored sanctions.")
    assert aliases_of(out, "UAB Tarvix") == {"Tarvix"}, aliases_of(out, "UAB Tarvix")


def test_firms_listed_after_their_kind_are_firms() -> None:
    out = extract(
        "Iowa Attorney General Brenna Bird is suing the cryptocurrency ATM companies "
        "Velcoin Depot and Coin Hopper for fraud."
    )
    found = {t[2] for t in actions(out) if t[1] == "SUED"}
    assert found == {"Velcoin Depot", "Coin Hopper"}, actions(out)
    assert "ATM" not in types_by_name(out)  # a kind of machine, no coin


def test_a_list_of_warnings_is_a_warning_list_and_a_domain_stays_in_its_object() -> None:
    out = extract(
        "Poland's KNF added Tarvix MT Ltd, operator of the Tarvix.io exchange, to its list of "
        "financial warnings on Tuesday."
    )
    assert (KNF, "WARNED", "Tarvix MT Ltd") in actions(out), actions(out)


def test_a_body_defined_by_the_word_for_its_kind_keeps_that_word() -> None:
    out = extract(
        'Further to a pleading filed by the Autorité des marchés financiers (the "Authority" '
        'or the "AMF"), the Financial Markets Administrative Tribunal (the "Tribunal") '
        "banned Zolta Ltd. The Tribunal imposed a penalty of $2 million on Zolta Ltd."
    )
    tribunal = "Financial Markets Administrative Tribunal"
    assert (tribunal, "FINED", "Zolta Ltd") in actions(out), actions(out)
    assert "Tribunal" in aliases_of(out, tribunal)


def test_a_prosecutor_s_office_in_a_city_is_that_office() -> None:
    out = extract(
        "A regional prosecutor's office in Warsaw has been appointed to investigate Zolta Ltd."
    )
    assert ("regional prosecutor's office in Warsaw", "INVESTIGATED", "Zolta Ltd") in actions(
        out
    ), actions(out)


def test_a_ministry_s_level_of_government_is_no_portfolio() -> None:
    names = set(
        types_by_name(
            extract("The court criticised the federal ministry of finance for not filing comments.")
        )
    )
    assert "Ministry of Federal" not in names, names
    assert "Ministry of Finance" in names, names


def test_a_firm_s_name_with_its_words_run_together_is_that_firm() -> None:
    out = extract(
        "The AG is suing the ATM companies Velcoin Depot and Coin Hopper. She said CoinHopper "
        "takes 21% of each payment."
    )
    assert aliases_of(out, "Coin Hopper") == {"CoinHopper"}, aliases_of(out, "Coin Hopper")
    assert "CoinHopper" not in types_by_name(out)


def test_what_a_firm_operates_is_named_right_after_the_verb() -> None:
    found = triples(extract("Zolta Ltd, which operates in 40 countries, was fined by the FCA."))
    assert not [t for t in found if t[1] == "SUBSIDIARY_OF"], found
    found = triples(extract("Zolta Holdings, which also owns Korvane Ltd, was fined."))
    assert ("Korvane Ltd", "SUBSIDIARY_OF", "Zolta Holdings") in found, found


def test_a_plural_acronym_names_no_firm() -> None:
    out = extract("The blocked URLs were part of a directive the FCA issued against Zolta Ltd.")
    assert "URLs" not in types_by_name(out), types_by_name(out)
