"""The one who received an action noun is its party; a brand's operator named apart from
it is a firm of its own, its short name too, even where a heading names it first."""

from __future__ import annotations

from extraction_support import actions, extract


def test_who_received_a_notice_is_its_party() -> None:
    found = actions(
        extract(
            "The Directorate of Enforcement has taken action. Zolta Ltd received one "
            "show-cause notice."
        )
    )
    assert ("Enforcement Directorate", "WARNED", "Zolta Ltd") in found, found
    found = actions(extract("Zolta Ltd was served with a cease-and-desist order by the FCA."))
    assert ("Financial Conduct Authority", "WARNED", "Zolta Ltd") in found, found


def test_an_operator_named_apart_from_its_brand_keeps_its_short_name() -> None:
    out = extract(
        "Zanmai Labs Action Under FEMA\n"
        "Separately, in the case of Zanmai Labs Pvt Ltd, the operator of crypto exchange "
        "WazirX, the Directorate of Enforcement has taken action under the Foreign Exchange "
        "Management Act (FEMA). Zanmai Labs received one show-cause notice under FEMA."
    )
    found = actions(out)
    assert ("Enforcement Directorate", "WARNED", "Zanmai Labs Pvt Ltd") in found, found
    assert not any(t[2] == "WazirX" for t in found), found
    # without the apposition that sets it apart, the short name is the brand's legal name
    found = actions(extract("India's ED issued a show-cause notice to Zanmai Labs."))
    assert ("Enforcement Directorate", "WARNED", "WazirX") in found, found
