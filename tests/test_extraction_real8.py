"""Real enforcement reporting nobody here tuned to (issue 12, probe set relprobe8: US, UK,
EU, Canadian, Australian, Singaporean and Japanese releases and trade press): warning
wording ("flagged"), settlements told as consent orders, extraditions, courts named by
where they sit, judges acting for their court, false or pending claims of a licence,
denied directives, descriptors whose head is an operator, and names in another event.
Sentences written for these tests (other names, places and word order)."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, triples


def test_a_regulator_that_flagged_firms_warned_each_of_them() -> None:
    out = actions(
        extract(
            "The Financial Conduct Authority said it had flagged unregistered platforms "
            "including Zorvex Markets, Quanta Coin and Trelby in recent weeks."
        )
    )
    for firm in ("Zorvex Markets", "Quanta Coin", "Trelby"):
        assert ("Financial Conduct Authority", "WARNED", firm) in out, out


def test_flagging_concerns_about_a_firm_is_no_warning_of_it() -> None:
    out = actions(extract("The Financial Conduct Authority flagged concerns about Trelby."))
    assert not any(t == "WARNED" for _, t, _ in out), out


def test_a_consent_order_with_a_firm_settles_its_case() -> None:
    out = actions(
        extract(
            "On March 3, the Colorado Division of Securities announced a consent order with "
            "crypto broker Pellmark Trading LLC over lax controls."
        )
    )
    assert ("Colorado Division of Securities", "FINED", "Pellmark Trading LLC") in out, out


def test_an_extradition_takes_the_person_in() -> None:
    active = actions(
        extract(
            "The Justice Department has extradited Marko Vilic, a co-founder of the Ponzi "
            "scheme Gemcoin Club, from Croatia."
        )
    )
    assert ("U.S. Department of Justice", "INVESTIGATED", "Marko Vilic") in active, active
    passive = actions(
        extract("Marko Vilic was extradited from Croatia by the Justice Department last week.")
    )
    assert ("U.S. Department of Justice", "INVESTIGATED", "Marko Vilic") in passive, passive


def test_a_court_sitting_in_a_federal_district_is_that_districts_court() -> None:
    out = actions(
        extract(
            "A court sitting in the Eastern District of Texas has ordered crypto lender "
            "Norvane to pay a $12 million penalty for misleading customers."
        )
    )
    assert ("U.S. District Court for the Eastern District of Texas", "FINED", "Norvane") in out


def test_a_court_sitting_in_a_city_is_the_court_there() -> None:
    out = actions(extract("A court sitting in Houston ordered Norvane to pay a $2 million fine."))
    assert ("court in Houston", "FINED", "Norvane") in out, out


def test_a_named_judge_acts_for_the_court_of_the_story() -> None:
    out = actions(
        extract(
            "The U.S. District Court for the District of Oregon fined Korvane $2 million. "
            "In addition, the presiding judge, Judge Marlow, also barred Korvane from trading."
        )
    )
    assert ("U.S. District Court for the District of Oregon", "BANNED", "Korvane") in out, out
    assert not any(s == "Marlow" for s, t, _ in out if t != "AFFILIATED_WITH"), out


def test_a_false_claim_to_be_registered_is_no_licence() -> None:
    out = actions(
        extract(
            "On Friday, the CFTC charged nine other firms with failing to register as brokers "
            "or falsely claiming to be registered."
        )
    )
    assert not any(t == "LICENSED" for _, t, _ in out), out
    assert any(t == "SUED" for _, t, _ in out), out


def test_a_licence_in_the_process_of_being_obtained_is_none_yet() -> None:
    out = actions(
        extract(
            "Korvane Pte Ltd said it is in the process of obtaining a licence from the Labuan "
            "Financial Services Authority."
        )
    )
    assert not any(t == "LICENSED" for _, t, _ in out), out


def test_a_denied_deadline_to_stop_is_no_directive() -> None:
    out = actions(
        extract(
            "The Financial Services Agency warned Korvex Exchange on Friday. An official of the "
            "agency told Bloomberg it had not given Korvex Exchange a deadline to cease operations."
        )
    )
    assert ("Financial Services Agency", "WARNED", "Korvex Exchange") in out, out
    assert not any(t == "BANNED" for _, t, _ in out), out


def test_a_negation_inside_the_objects_relative_clause_keeps_the_directive() -> None:
    out = actions(
        extract(
            "The Financial Services Agency ordered Korvex Exchange, which is not registered in "
            "Japan, to cease operations."
        )
    )
    assert ("Financial Services Agency", "BANNED", "Korvex Exchange") in out, out


def test_the_operator_of_a_platform_is_not_the_platform() -> None:
    fined = actions(
        extract(
            "The Federal Court of Australia fined the local operator of crypto exchange Korvex "
            "3 million dollars."
        )
    )
    assert not any(o == "Korvex" for _, _, o in fined), fined
    probed = actions(
        extract(
            "The operator of crypto platform Zentrix, Korvane Pte Ltd, is under investigation by "
            "the Commercial Affairs Department (CAD)."
        )
    )
    assert ("Commercial Affairs Department", "INVESTIGATED", "Korvane Pte Ltd") in probed, probed
    assert not any(o == "Zentrix" for _, _, o in probed), probed


def test_an_operator_named_before_its_apposition_is_the_target() -> None:
    out = actions(
        extract(
            "The High Court fined Korvane, the local operator of crypto exchange Korvex, "
            "3 million dollars."
        )
    )
    assert ("High Court", "FINED", "Korvane") in out, out


def test_a_party_of_the_event_an_action_follows_is_not_its_target() -> None:
    out = actions(
        extract(
            "The Financial Services Agency issued a warning against Korvex Exchange in the wake "
            "of the theft of funds from Tokyo-based Zaif Inc in May."
        )
    )
    assert ("Financial Services Agency", "WARNED", "Korvex Exchange") in out, out
    assert not any(o == "Zaif Inc" for _, _, o in out), out


def test_the_speaker_of_an_inverted_attribution_is_no_target() -> None:
    out = actions(extract("The CFTC fined Korvex, said enforcement director Maria Lopez."))
    assert ("Commodity Futures Trading Commission", "FINED", "Korvex") in out, out
    assert not any(t != "AFFILIATED_WITH" and o == "Maria Lopez" for _, t, o in out), out


def test_a_speaker_named_in_apposition_is_not_the_one_extradited() -> None:
    out = actions(
        extract(
            "The Justice Department has extradited a man accused of running the Gemcoin Club "
            "scheme. The Acting U.S. Attorney for the District of New Jersey, Rachel Honig, said "
            "Monday the accused, Marko Vilic, was extradited from Croatia last week."
        )
    )
    assert ("U.S. Department of Justice", "INVESTIGATED", "Marko Vilic") in out, out
    assert not any(o == "Rachel Honig" for _, t, o in out if t != "AFFILIATED_WITH"), out


def test_a_firm_written_with_its_address_is_seated_there() -> None:
    out = extract(
        "BaFin issued a cease and desist order against Korvane Capital Ltd., Valencia, Spain, "
        "which was engaged in unauthorised banking business."
    )
    rels = triples(out)
    assert ("Korvane Capital Ltd.", "HEADQUARTERED_IN", "Valencia") in rels, rels
    assert ("Valencia", "PART_OF", "Spain") in rels, rels
    assert not any(o == "Valencia" for _, t, o in actions(out)), rels
    listed = triples(
        extract(
            "BaFin issued cease and desist orders against Korvane Capital GmbH, Munich, and "
            "Zentra Ltd, Belize; the orders took effect at once."
        )
    )
    assert ("Korvane Capital GmbH", "HEADQUARTERED_IN", "Munich") in listed, listed
    assert ("Zentra Ltd", "HEADQUARTERED_IN", "Belize") in listed, listed


def test_an_asset_freeze_order_against_a_firm_blocks_it() -> None:
    out = actions(
        extract(
            "The Ontario Securities Commission obtained an asset freeze order against Korvane "
            "Capital Ltd."
        )
    )
    assert ("Ontario Securities Commission", "BLOCKED", "Korvane Capital Ltd") in out, out


def test_a_money_judgment_against_a_firm_fines_it() -> None:
    out = extract("The CFTC won a $40 million judgment against Korvane Capital Ltd.")
    fined = [r for r in out.relations if r.type == "FINED"]
    assert fined and fined[0].properties.get("amount") == 40e6, out.relations
    plain = actions(extract("The court entered a default judgment against Korvane Capital Ltd."))
    assert not any(t == "FINED" for _, t, _ in plain), plain


def test_a_conviction_secured_against_a_person_is_a_prosecution() -> None:
    out = actions(
        extract(
            "The FCA secured a conviction against Tom Varga for running an unregistered crypto "
            "ATM network."
        )
    )
    assert ("Financial Conduct Authority", "SUED", "Tom Varga") in out, out


def test_a_cease_trade_order_against_a_firm_bars_its_trading() -> None:
    out = actions(
        extract("The OSC issued a temporary cease trade order against Korvane Capital Ltd.")
    )
    assert ("Ontario Securities Commission", "BANNED", "Korvane Capital Ltd") in out, out


def test_crypto_seized_from_a_party_blocks_it() -> None:
    out = actions(
        extract(
            "The Justice Department seized $12 million in cryptocurrency from Korvane Capital Ltd."
        )
    )
    assert ("U.S. Department of Justice", "BLOCKED", "Korvane Capital Ltd") in out, out
    held = actions(
        extract(
            "The FBI seized cryptocurrency worth $3 million from wallets controlled by Tom Varga."
        )
    )
    assert ("Federal Bureau of Investigation", "BLOCKED", "Tom Varga") in held, held


def test_a_firm_flagged_by_a_regulator_is_warned_by_it() -> None:
    out = actions(
        extract(
            "Korvane Capital Ltd was flagged by the Financial Conduct Authority as an "
            "unauthorised firm."
        )
    )
    assert ("Financial Conduct Authority", "WARNED", "Korvane Capital Ltd") in out, out


def test_a_firm_that_entered_into_a_consent_order_with_a_body_settled_with_it() -> None:
    out = actions(
        extract(
            "Korvane Capital LLC entered into a consent order with the New York State "
            "Department of Financial Services in May."
        )
    )
    want = ("New York State Department of Financial Services", "FINED", "Korvane Capital LLC")
    assert want in out, out


def test_money_sought_from_a_party_is_a_claim_against_it() -> None:
    out = extract(
        "The Federal Government of Nigeria is seeking $10 billion in damages from Zenmo Exchange."
    )
    assert ("Government of Nigeria", "SUED", "Zenmo Exchange") in actions(out), actions(out)
    sued = next(r for r in out.relations if r.type == "SUED")
    assert sued.properties.get("amount") is None  # a sum claimed is no fine imposed
    out = extract("The SEC seeks disgorgement and civil penalties from Korvane Capital Ltd.")
    assert actions(out) == {
        ("U.S. Securities and Exchange Commission", "SUED", "Korvane Capital Ltd")
    }, actions(out)


def test_seeking_something_other_than_money_from_a_party_is_no_claim() -> None:
    out = extract("Korvane Capital Ltd. sought approval from the SEC for its fund.")
    assert not any(t[1] == "SUED" for t in actions(out)), actions(out)


@pytest.mark.parametrize(
    "sentence",
    [
        "CONSOB blacked out five websites offering crypto services.",
        "CONSOB ordered the blackout of five websites offering crypto services.",
    ],
)
def test_websites_blacked_out_are_blocked(sentence: str) -> None:
    out = extract(sentence)
    blocked = [r for r in out.relations if r.type == "BLOCKED"]
    assert len(blocked) == 1, actions(out)
    group = next(e for e in out.entities if e.id == blocked[0].target)
    assert (group.type, group.count) == ("Website", 5)


def test_prosecutors_notified_about_a_firm_take_its_referral() -> None:
    out = extract(
        "The Polish Financial Supervision Authority notified prosecutors about Tarvos Exchange."
    )
    assert ("Tarvos Exchange", "REFERRED_BY", "Polish Financial Supervision Authority") in triples(
        out
    ), triples(out)
