"""Precision guards on action triggers (issue 12): constructions whose trigger word acts
on someone other than the firm the sentence is about. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract as _extract
from extraction_support import relations_of as _rels
from extraction_support import triples

Rel = tuple[str, str, str]


def test_a_reduced_relative_participle_acts_on_its_noun_not_on_the_firm() -> None:
    rels = _rels(
        "Velorex, a crypto exchange registered in Seychelles, has been shut down by "
        "authorities in France and Spain, and both of the executives charged with running it "
        "were detained in Portugal on Monday."
    )
    assert ("France", "BANNED", "Velorex") in rels
    assert not {r for r in rels if r[1] == "SUED"}


def test_a_plain_charge_still_names_its_target() -> None:
    rels = _rels("The Securities and Exchange Commission charged Velorex Ltd with fraud.")
    assert ("U.S. Securities and Exchange Commission", "SUED", "Velorex Ltd") in rels


def test_a_trade_name_after_an_apposition_is_the_units_alias_and_its_place_never_acts() -> None:
    """'X, Y's ADGM subsidiary trading as Z ADGM': Z ADGM names X; neither the place inside
    the trade name nor the one qualifying 'subsidiary' is an actor, and Y (the owner) is
    not fined."""
    out = _extract(
        "The Financial Services Regulatory Authority announced penalties on Monday. "
        "It fined Brisa Markets Limited, Brisa Group's ADGM subsidiary trading as Brisa ADGM, "
        "$2 million. Brisa ADGM's licence was withdrawn and its director was banned."
    )
    rels = triples(out)
    unit = next(e for e in out.entities if e.name == "Brisa Markets Limited")
    assert "Brisa ADGM" in {a.name for a in unit.aliases}
    assert not {r for r in rels if r[0] == "Abu Dhabi Global Market" and r[1] != "PART_OF"}
    assert ("Financial Services Regulatory Authority", "FINED", "Brisa Markets Limited") in rels
    assert ("Financial Services Regulatory Authority", "FINED", "Brisa Group") not in rels


def test_a_place_qualifying_a_unit_is_not_an_actor_and_the_owner_not_a_target() -> None:
    rels = _rels(
        "The penalties imposed by the FSRA are: $2 million on Orwel Pay Ltd, Kestrel Group's "
        "ADGM subsidiary; and $1 million on Tarn Ltd."
    )
    assert not {r for r in rels if r[0] == "Abu Dhabi Global Market" and r[1] == "FINED"}
    assert ("Financial Services Regulatory Authority", "FINED", "Orwel Pay Ltd") in rels
    assert ("Financial Services Regulatory Authority", "FINED", "Kestrel Group") not in rels


def test_the_head_named_in_an_apposition_is_neither_subject_nor_target() -> None:
    """'the ministry, then headed by Minister X, suspended ...': the ministry acted; X is
    its head, not the one acted on."""
    rels = _rels(
        "Orbex Labs collected iris scans across Ghana. In May the Ministry of the Interior, "
        "then led by Minister Kofi Mensah, suspended the project's operations until the data "
        "regulator had finished its inquiries."
    )
    assert ("Ministry of the Interior", "BANNED", "Orbex Labs") in rels
    assert not {r for r in rels if r[2] == "Kofi Mensah" and r[1] != "AFFILIATED_WITH"}


def test_the_project_is_the_crypto_project_the_article_names() -> None:
    rels = _rels(
        "Tessera Labs, a staking start-up, raised $40 million last year. In June the "
        "Securities Commission of the Bahamas banned the project from onboarding new users."
    )
    assert ("Securities Commission of The Bahamas", "BANNED", "Tessera Labs") in rels


def test_a_place_after_a_direction_word_is_in_a_phrase_not_a_subject() -> None:
    rels = _rels("A district court in western Kazakhstan banned Bybit on Monday.")
    assert ("Kazakhstan", "BANNED", "Bybit") not in rels


def test_a_place_qualifying_people_or_states_is_no_party() -> None:
    rels = _rels(
        "Crypto platform Abra and its chief executive, Lena Marsh, have reached a settlement "
        "with financial regulators from 25 U.S. states over unlicensed money transmission."
    )
    assert not {r for r in rels if r[0] == "United States" and r[1] == "FINED"}


def test_the_countrys_regulator_in_a_digest_is_the_one_the_gazetteer_places() -> None:
    """In a digest about China, 'the country's Securities and Exchange Commission' in the
    Thai item is Thailand's SEC, seated in Thailand."""
    rels = _rels(
        "CHINA: Police in Beijing arrested 40 miners. China's State Council said Chinese "
        "provinces must stop mining, and Chinese banks must close accounts.\n\n"
        "THAILAND: Licensed exchanges in Thailand may no longer list meme tokens under a rule "
        "the country's Securities and Exchange Commission announced on Friday."
    )
    assert ("Securities and Exchange Commission of Thailand", "LOCATED_IN", "China") not in rels


def test_a_case_ordered_closed_with_no_further_action_is_no_ban() -> None:
    out = _extract(
        "Police raided the offices of Orbex Labs in 2023. In a letter dated June 14, 2024, the "
        "Directorate of Criminal Investigations told Orbex Labs' lawyers that prosecutors had "
        "reviewed the investigation file and ordered it closed with no further police action."
    )
    names = {e.id: e.name for e in out.entities}
    rels = {(names[r.source], r.type, names[r.target]): r for r in out.relations}
    assert ("Directorate of Criminal Investigations", "BANNED", "Orbex Labs") not in rels


def test_the_investigation_led_by_a_body_is_of_the_firm_the_article_is_about() -> None:
    rels = _rels(
        "Nexar Capital is a crypto lender in Sofia. Officers searched Nexar Capital's offices "
        "in January and questioned its staff. The pre-trial investigation, led by the Sofia City "
        "Prosecutor's Office, covered suspected money laundering and tax crimes."
    )
    assert ("Sofia City Prosecutor's Office", "INVESTIGATED", "Nexar Capital") in rels


def test_police_license_nobody_so_an_unagented_licence_looks_further_back() -> None:
    rels = _rels(
        "The Securities and Exchange Commission of Thailand revoked the licence of Orlex "
        "Thailand in May. The Economic Crime Suppression Division has opened a case against its "
        "former chief executive, Somchai Rattana. Traders in Thailand can still use other "
        "licensed venues, such as Bitkub."
    )
    assert ("Economic Crime Suppression Division", "LICENSED", "Bitkub") not in rels
    assert ("Securities and Exchange Commission of Thailand", "LICENSED", "Bitkub") in rels


def test_the_owner_in_an_apposition_and_a_defined_group_term_are_not_fined() -> None:
    rels = _rels(
        'On 2 May 2024, the Financial Conduct Authority (the "FCA") imposed a penalty of '
        '£1,200,000 on Velmora Pay Limited ("VPL"), the London-based UK arm of the group of '
        'companies headed by Velmora Holdings, Inc. (together, the "Velmora Group")."'
    )
    assert ("Financial Conduct Authority", "FINED", "Velmora Pay Limited") in rels
    assert not {r for r in rels if r[1] == "FINED" and r[2] != "Velmora Pay Limited"}
