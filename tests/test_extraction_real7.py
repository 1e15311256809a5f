"""Real reporting nobody here tuned to (issue 12, probe set realprobe7): bodies whose names
open with a title word, places reached by "from", news lines that set an action beside
another event, fines told in the passive, descriptors at a sentence's start, Malaysian
legal forms. Sentences written for these tests (other names, places and word order)."""

from __future__ import annotations

import datetime as dt

from extraction_support import triples as _relations

from graph.models import Article, Extraction
from ingest.extraction import extract_article


def _extract(text: str, published: dt.date = dt.date(2024, 3, 14)) -> Extraction:
    return extract_article(Article(id="t", text=text, published=published))


def _typed(out: Extraction) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in out.entities}


def test_a_ministry_named_after_its_portfolio_is_a_body_not_a_judge() -> None:
    out = _extract("The Justice Ministry opened legal action against Kemal Aydin on Monday.")
    assert ("Justice Ministry", "GovernmentBody") in _typed(out), _typed(out)
    assert ("Justice Ministry", "SUED", "Kemal Aydin") in _relations(out), _relations(out)
    judge = _extract("Justice Harrow dismissed the claim brought by the regulator against Korvex.")
    assert ("Harrow", "Person") in _typed(judge), _typed(judge)  # a judge's title stays off


def test_a_chief_prosecutors_office_is_a_body_not_a_person() -> None:
    out = _extract(
        "The Chief Public Prosecutor's Office in Ankara said it was looking into Korvex."
    )
    typed = _typed(out)
    assert ("Chief Public Prosecutor's Office", "GovernmentBody") in typed, typed
    assert not any(t == "Person" for _, t in typed), typed


def test_a_country_reached_by_from_is_no_agent_of_the_action() -> None:
    out = _extract(
        "The Justice Ministry separately opened legal action against Kemal Aydin over his "
        "return from Greece."
    )
    rels = _relations(out)
    assert ("Justice Ministry", "SUED", "Kemal Aydin") in rels, rels
    assert not any(s == "Greece" for s, _, _ in rels), rels


def test_an_action_set_beside_another_event_spares_that_events_parties() -> None:
    out = _extract(
        "The Central Bank of Sri Lanka warned the public against crypto schemes on Tuesday. "
        "The warning came as new Prime Minister Anura Perera ordered a curfew in the Southern "
        "Province."
    )
    rels = _relations(out)
    assert not any(o == "Anura Perera" and t == "WARNED" for _, t, o in rels), rels


def test_a_fine_told_in_the_passive_takes_the_body_that_fined() -> None:
    out = _extract(
        "The Bank of Lithuania said on Tuesday it had fined a crypto platform. The fine was "
        "imposed on Kestrel Markets UAB, which runs the Kestrel app, for serving clients "
        "without registration."
    )
    rels = _relations(out)
    assert ("Bank of Lithuania", "FINED", "Kestrel Markets UAB") in rels, rels


def test_a_descriptor_at_the_start_of_a_sentence_types_the_name() -> None:
    out = _extract(
        "Crypto exchange Perlwise Markets was hit with a fine of 1.2 million euros by the "
        "Bank of Lithuania."
    )
    assert ("Perlwise Markets", "Exchange") in _typed(out), _typed(out)
    assert ("Bank of Lithuania", "FINED", "Perlwise Markets") in _relations(out)


def test_an_exchange_descriptor_wins_over_a_legal_form() -> None:
    out = _extract("Lisbon-based digital asset exchange Perlwise Money Ltd. opened an office.")
    assert ("Perlwise Money Ltd.", "Exchange") in _typed(out), _typed(out)


def test_a_malaysian_legal_form_in_two_abbreviations_is_one_name() -> None:
    out = _extract(
        "Gannet Technology (M) Sdn. Bhd., a unit of Jakarta-based Gannet Exchange, won "
        "approval from the Securities Commission Malaysia on Monday."
    )
    rels = _relations(out)
    sc = "Securities Commission Malaysia"
    assert (sc, "LICENSED", "Gannet Technology (M) Sdn. Bhd.") in rels, rels
    assert (sc, "LICENSED", "Gannet Exchange") not in rels, rels


def test_an_order_to_take_action_to_rectify_is_a_warning() -> None:
    out = _extract(
        "South Korea's Financial Intelligence Unit had ordered Korbit Labs to take action to "
        "rectify the violations, but the exchange failed to comply."
    )
    rels = _relations(out)
    assert any(t == "WARNED" and o == "Korbit Labs" for _, t, o in rels), rels


def test_an_investigation_the_target_faces_from_nobody_named_has_no_actor() -> None:
    out = _extract(
        "The Bank of Lithuania fined Korbit Labs on Monday. Korbit Labs, which leads the local "
        "market, is also facing an antitrust investigation over its fees."
    )
    rels = _relations(out)
    assert ("Bank of Lithuania", "FINED", "Korbit Labs") in rels, rels
    assert not any(t == "INVESTIGATED" for _, t, _ in rels), rels


def test_a_curated_body_written_with_its_city_in_front_is_that_body() -> None:
    out = _extract(
        "The Hong Kong Securities and Futures Commission (SFC) has granted a licence to "
        "Perlwise Exchange Limited on August 27."
    )
    regulators = [e.name for e in out.entities if e.type == "Regulator"]
    assert regulators == ["Securities and Futures Commission"], regulators


def test_detention_warrants_for_counted_suspects_investigate_them() -> None:
    out = _extract(
        "The Chief Public Prosecutor's Office in Ankara issued detention warrants for 80 "
        "suspects on Friday."
    )
    groups = {e.name: e.count for e in out.entities if e.type == "Person"}
    assert groups.get("suspects") == 80, groups
    rels = _relations(out)
    assert ("Chief Public Prosecutor's Office", "INVESTIGATED", "suspects") in rels, rels


def test_a_countrys_authorities_are_the_country_when_the_article_names_it() -> None:
    out = _extract(
        "Russia has long restricted crypto. On Wednesday, the Russian authorities blocked the "
        "website of Kestrel Markets, a crypto exchange."
    )
    rels = _relations(out)
    assert ("Russia", "BLOCKED", "Kestrel Markets") in rels, rels
    assert not any(e.unnamed for e in out.entities), [e.name for e in out.entities]


def test_preliminary_approval_given_to_a_firm_licenses_it() -> None:
    out = _extract(
        "The Bank of Lithuania gave preliminary approval to Kestrel Markets UAB to operate an "
        "exchange."
    )
    assert ("Bank of Lithuania", "LICENSED", "Kestrel Markets UAB") in _relations(out)


def test_approval_given_for_a_counted_group_reaches_the_firms_listed_after_it() -> None:
    out = _extract(
        "The Securities Commission Malaysia has given preliminary approval for three companies "
        "to operate digital asset exchanges in the country. The three are Heron Digital Sdn. "
        "Bhd., Gannet Technology Sdn. Bhd. and Petrel Labs Sdn. Bhd."
    )
    licensed = {o for s, t, o in _relations(out) if t == "LICENSED"}
    assert {"Heron Digital Sdn. Bhd.", "Gannet Technology Sdn. Bhd."} <= licensed, licensed


def test_warning_the_public_from_using_tokens_names_that_conduct() -> None:
    out = _extract(
        "The Central Bank of Eswatini has warned the public from using cryptocurrencies amid "
        "a wave of scams."
    )
    rels = _relations(out)
    assert any(t == "WARNED" and o == "using cryptocurrencies" for _, t, o in rels), rels


def test_a_self_regulatory_association_is_a_regulator() -> None:
    out = _extract(
        "The notice was posted by the National Payments Association of Peru (NPAP), a national "
        "self-regulatory organization in the field of payments, on Thursday."
    )
    typed = _typed(out)
    assert ("National Payments Association of Peru", "Regulator") in typed, typed


def test_a_brand_and_a_country_said_to_be_a_subsidiary_is_a_local_unit() -> None:
    out = _extract(
        "Kraken Malaysia, a subsidiary of Seattle-based Payward Inc., won approval from "
        "the Securities Commission Malaysia on Monday."
    )
    rels = _relations(out)
    assert ("Securities Commission Malaysia", "LICENSED", "Kraken Malaysia") in rels, rels
    assert ("Kraken Malaysia", "SUBSIDIARY_OF", "Kraken") in rels, rels


def test_a_town_the_gazetteer_does_not_know_is_placed_by_its_country() -> None:
    out = _extract("Police arrested the owner of a token shop in Puerto Lindo, Panama, on Monday.")
    assert ("Puerto Lindo", "Jurisdiction") in _typed(out), _typed(out)
    assert ("Puerto Lindo", "PART_OF", "Panama") in _relations(out), _relations(out)


def test_a_region_of_a_named_place_is_part_of_it() -> None:
    out = _extract(
        "The firm, based in the Coastal Region of Santa Catarina, was raided by the Federal "
        "Police of Brazil."
    )
    assert ("Coastal Region", "PART_OF", "Santa Catarina") in _relations(out), _relations(out)


def test_owners_named_inside_a_members_apposition_are_not_members() -> None:
    out = _extract(
        "The Securities Commission Malaysia has given preliminary approval for three companies "
        "to operate exchanges in the country. The three are Kraken Malaysia, a subsidiary of "
        "Seattle-based Payward Inc., Gannet Technology Sdn. Bhd., a unit of Jakarta-based "
        "Gannet Exchange, and homegrown Petrel Labs Sdn. Bhd."
    )
    licensed = {o for _, t, o in _relations(out) if t == "LICENSED"}
    assert {"Kraken Malaysia", "Gannet Technology Sdn. Bhd."} <= licensed, licensed
    assert not {"Kraken", "Gannet Exchange"} & licensed, licensed


def test_a_ticker_written_in_lower_case_is_a_word() -> None:
    out = _extract(
        "The bank's view of tokens such as bitcoin, ether, litecoin, etc., has not changed."
    )
    assert "Ethereum Classic" not in {e.name for e in out.entities}, _typed(out)


def test_a_lawyer_named_with_his_profession_is_a_person() -> None:
    out = _extract("Lawyer Mehmet Kaya Demir filed a criminal complaint against the exchange.")
    assert ("Mehmet Kaya Demir", "Person") in _typed(out), _typed(out)


def test_a_province_the_gazetteer_does_not_know_is_a_place() -> None:
    out = _extract("The minister ordered a curfew in the Eastern Province with immediate effect.")
    assert ("Eastern Province", "Jurisdiction") in _typed(out), _typed(out)


def test_a_name_set_before_the_owner_of_something_is_a_person() -> None:
    out = _extract(
        "Police said one of those held was Dalvison Quirino, the owner of a token shop in "
        "Campinas, Brazil."
    )
    assert ("Dalvison Quirino", "Person") in _typed(out), _typed(out)


def test_one_of_the_people_arrested_told_by_an_outlet_was_arrested_by_the_police() -> None:
    out = _extract(
        "Brazil's Federal Police made at least five arrests on Wednesday. CNN reported that one "
        "of the people arrested was Dalvison Quirino, the owner of a token shop.",
        dt.date(2021, 8, 25),
    )
    rels = _relations(out)
    assert ("Federal Police of Brazil", "INVESTIGATED", "Dalvison Quirino") in rels, rels


def test_a_body_saying_a_firm_operates_without_a_licence_warns_it() -> None:
    out = _extract(
        "The Financial Conduct Authority said Perlwise Ltd was providing crypto services "
        "without a licence."
    )
    assert ("Financial Conduct Authority", "WARNED", "Perlwise Ltd") in _relations(out)
    negated = _extract(
        "The Financial Conduct Authority said Perlwise Ltd was not operating illegally."
    )
    assert not any(t == "WARNED" for _, t, _ in _relations(negated)), _relations(negated)


def test_separate_settlements_with_two_firms_fine_both() -> None:
    out = _extract(
        "The U.S. Securities and Exchange Commission settled separate cases with Perlwise Ltd "
        "and Gannet Exchange Limited for $2 million each."
    )
    fined = {o for s, t, o in _relations(out) if t == "FINED"}
    assert fined == {"Perlwise Ltd", "Gannet Exchange Limited"}, _relations(out)
