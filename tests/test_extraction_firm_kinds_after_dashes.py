"""A firm's kind told after a dash types it, and a later kind upgrades an earlier guess; a
domain with a legal form is the firm of that name; 'it' is never a plural group."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_a_kind_after_a_dash_types_the_firm() -> None:
    out = extract(
        "The SFC has issued warnings against 'Quorbit' and 'Velmora'.\n\n"
        "  • Quorbit – a purported VATP operated in Hong Kong without a licence.\n"
        "  • Velmora – a purported crypto exchange run from Macau."
    )
    types = types_by_name(out)
    assert types["Quorbit"] == "Exchange", types
    assert types["Velmora"] == "Exchange", types


def test_a_kind_told_later_upgrades_the_party_an_action_guessed() -> None:
    out = extract("The SFC warned Quorbit. Quorbit, a crypto exchange, operated in Hong Kong.")
    assert types_by_name(out)["Quorbit"] == "Exchange"
    # a firm that is only a client of an exchange stays a company
    out = extract("The SFC warned Quorbit. Quorbit, a client of the exchange, lost money.")
    assert types_by_name(out)["Quorbit"] == "Company"


def test_a_domain_with_a_legal_form_is_a_firm() -> None:
    out = extract("The regulator has issued a warning against 'HKX.com Corporation'.")
    types = types_by_name(out)
    assert types.get("HKX.com Corporation") == "Company", types
    out = extract("The regulator warned investors about the website hkx.com last week.")
    assert types_by_name(out).get("hkx.com") == "Website"


def test_it_is_never_a_plural_group() -> None:
    found = actions(
        extract(
            "Eight crypto exchanges have been warned not to trade tokens, said regulator "
            "Monetary Authority of Singapore (MAS) on Thursday. It has also warned an ICO "
            "issuer to stop the offering of its tokens."
        )
    )
    assert ("Monetary Authority of Singapore", "WARNED", "ICO issuer") in found, found
    assert ("Monetary Authority of Singapore", "WARNED", "crypto exchanges") in found, found
