"""The party a penalty falls on, named after the penalty's amount or after the body's
earlier intent, and a penalty waived: the fine, ended."""

from __future__ import annotations

import datetime as dt

from extraction_support import actions, extract, relation_properties

FSCA = "Financial Sector Conduct Authority"


def test_the_party_after_a_penalty_s_amount_is_fined() -> None:
    out = extract(
        "South Africa's FSCA imposed an administrative penalty of R20 million on Velmora "
        "Trading International (VTI) in 2022."
    )
    assert (FSCA, "FINED", "Velmora Trading International") in actions(out), actions(out)


def test_a_penalty_waived_is_the_fine_ended() -> None:
    out = extract(
        "South Africa's FSCA last week agreed to waive a penalty of R20 million it threatened "
        "to impose in 2021 on Velmora Trading International (VTI), a collapsed scheme.",
        published=dt.date(2023, 2, 14),
    )
    key = (FSCA, "FINED", "Velmora Trading International")
    props = relation_properties(out)
    assert key in props, actions(out)
    assert props[key].get("status") != "active", props[key]
    assert props[key].get("amount") == 20_000_000, props[key]


DFPI = "California Department of Financial Protection and Innovation"


def test_a_consent_order_against_a_firm_settles_its_case() -> None:
    out = extract("The SEC issued a consent order against Zolta Inc. on Monday.")
    assert ("U.S. Securities and Exchange Commission", "FINED", "Zolta Inc.") in actions(out)


def test_a_penalty_told_without_a_party_is_the_one_case_s() -> None:
    out = extract(
        "On June 25, 2025, the California DFPI took action under the Digital Financial Assets "
        "Law. This action was a Consent Order against Tarvix, Inc., a Seattle-based operator. "
        "The DFPI imposed a $300,000 civil monetary penalty."
    )
    props = relation_properties(out)
    assert props.get((DFPI, "FINED", "Tarvix, Inc."), {}).get("amount") == 300_000, props


def test_no_party_is_lent_a_penalty_from_two_cases_or_from_a_risk() -> None:
    two = extract(
        "The California DFPI issued a consent order against Tarvix, Inc. It also issued a "
        "consent order against Korvane, Inc. The DFPI imposed a $300,000 penalty."
    )
    amounts = {k: v.get("amount") for k, v in relation_properties(two).items()}
    assert 300_000 not in amounts.values(), amounts
    risk = extract(
        "The California DFPI issued a consent order against Tarvix, Inc. Firms that break "
        "the law could face a fine of $300,000."
    )
    amounts = {k: v.get("amount") for k, v in relation_properties(risk).items()}
    assert 300_000 not in amounts.values(), amounts


def test_penalties_pointed_back_to_are_no_new_action() -> None:
    out = extract(
        "The Federal Court of Australia ordered Zolta Pty Ltd to pay $14 million in "
        "penalties. ASIC Chair Joe Longo said: 'The size of these penalties underscores "
        "the seriousness of Zolta's misconduct.'"
    )
    fined = {t for t in actions(out) if t[1] == "FINED"}
    assert fined == {("Federal Court of Australia", "FINED", "Zolta Pty Ltd")}, fined


def test_a_fine_imposed_with_other_sanctions_is_a_fine() -> None:
    for sentence in (
        "A fine and other sanctions were imposed on Zolta Ltd by the FCA.",
        "The fine and other sanctions imposed on Zolta Ltd by the FCA were upheld.",
    ):
        found = actions(extract(sentence))
        assert ("Financial Conduct Authority", "FINED", "Zolta Ltd") in found, found


def test_a_definite_penalty_told_again_with_money_gives_the_told_fine_its_amount() -> None:
    out = extract(
        "Zolta Ltd has been fined by the FCA. The watchdog said the firm failed to report "
        "suspicious transactions. The penalty of £2 million was reduced by 30%."
    )
    props = relation_properties(out)
    assert props[("Financial Conduct Authority", "FINED", "Zolta Ltd")].get("amount") == 2e6
    two = extract("The FCA fined Zolta Ltd and Korvane Ltd. The penalty of £2 million was reduced.")
    assert not [p for p in relation_properties(two).values() if p.get("amount")], two
