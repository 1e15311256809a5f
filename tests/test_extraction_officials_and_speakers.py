"""An official titled by a public body in apposition speaks and acts for it; a body that
says an agentless action's sentence took it; a warning about a conduct names it; one
unnamed firm an action falls on, and a counted group seated right after its words."""

from __future__ import annotations

from extraction_support import actions, extract, triples


def test_an_official_in_apposition_acts_for_the_body_the_title_names() -> None:
    found = actions(
        extract(
            "Ann Velde, chairperson of the Financial Regulatory Authority, warned investors "
            "against trading cryptocurrencies."
        )
    )
    assert ("Financial Regulatory Authority", "WARNED", "trading cryptocurrencies") in found
    # a company's officer is no public body: nothing acts
    found = actions(extract("Ann Velde, chairperson of Zolta Ltd, warned Korvane Ltd."))
    assert not {t for t in found if t[1] == "WARNED"}, found
    # the body's unit titles her, not the body: no apposition of the body itself
    found = actions(
        extract(
            "Ann Velde, head of the Financial Regulatory Authority's legal unit, warned Zolta Ltd."
        )
    )
    assert not {t for t in found if t[1] == "WARNED"}, found


def test_an_apposition_closed_by_a_bracketed_abbreviation_and_no_comma_is_read() -> None:
    out = extract(
        "Ann Velde, chairperson of The Financial Regulatory Authority (FRA) warned investors "
        "of the risks of dealing in cryptocurrencies."
    )
    assert ("Ann Velde", "AFFILIATED_WITH", "Financial Regulatory Authority") in triples(out)
    assert ("Financial Regulatory Authority", "WARNED", "dealing in cryptocurrencies") in actions(
        out
    )


def test_an_apposition_before_a_colon_titles_the_person() -> None:
    out = extract(
        "According to Budi Santoso, head of Bank Indonesia's representative office in Bali: "
        '"We found out from some postings."'
    )
    assert ("Budi Santoso", "AFFILIATED_WITH", "Bank Indonesia") in triples(out)


def test_a_title_with_its_portfolio_before_the_name_keeps_the_body() -> None:
    out = extract(
        "The number has been increasing, said MAS assistant managing director for Capital "
        "Markets Tan Wei Ming."
    )
    assert ("Tan Wei Ming", "AFFILIATED_WITH", "Monetary Authority of Singapore") in triples(out)


def test_a_body_s_abbreviation_qualified_by_its_country_titles_its_chairman() -> None:
    out = extract(
        "The relevant government functionaries will act. The Financial Intelligence Unit "
        "(UIF-Mexico) is the Mexican regulator. UIF-Mexico's Chairman, Carlos Rubio Vega, "
        "has recorded his discomfort."
    )
    found = {t for t in triples(out) if t[1] == "AFFILIATED_WITH"}
    assert found == {
        ("Carlos Rubio Vega", "AFFILIATED_WITH", "Financial Intelligence Unit of Mexico")
    }, found


def test_a_body_that_says_an_agentless_action_s_sentence_took_it() -> None:
    found = actions(
        extract(
            "Zolta Ltd and Korvane Ltd have been warned not to offer derivatives, said regulator "
            "Monetary Authority of Singapore (MAS) on Thursday."
        )
    )
    assert ("Monetary Authority of Singapore", "WARNED", "Zolta Ltd") in found, found
    found = actions(
        extract("Zolta Ltd was banned from the country, the Financial Conduct Authority said.")
    )
    assert ("Financial Conduct Authority", "BANNED", "Zolta Ltd") in found, found
    # an agent the text names but we cannot resolve still took it: not the speaker
    assert not actions(extract("Zolta Ltd was fined by a court, the FCA said on Monday."))


def test_a_warning_about_a_conduct_names_the_conduct() -> None:
    found = actions(
        extract(
            "The Financial Regulatory Authority cautioned the public about investing in digital "
            "currencies."
        )
    )
    assert ("Financial Regulatory Authority", "WARNED", "investing in digital currencies") in found
    # the conduct of another clause is no warning's object
    found = actions(
        extract(
            "The Financial Regulatory Authority warned that Zolta Ltd was fined for trading "
            "cryptocurrencies."
        )
    )
    assert not any(t[2] == "trading cryptocurrencies" for t in found), found


def test_one_unnamed_firm_an_action_falls_on_is_a_group_of_one() -> None:
    out = extract(
        "The MAS has also warned an initial coin offering (ICO) issuer to stop the offering of "
        "its tokens. The regulator also directed an ICO issuer to stop offering tokens."
    )
    found = actions(out)
    assert (
        "Monetary Authority of Singapore",
        "WARNED",
        "initial coin offering (ICO) issuer",
    ) in found, found
    issuers = [e for e in out.entities if e.name.endswith("issuer")]
    assert len(issuers) == 1 and issuers[0].count == 1, issuers
    found = actions(extract("The SEC sued an unregistered crypto exchange in 2021."))
    assert (
        "U.S. Securities and Exchange Commission",
        "SUED",
        "unregistered crypto exchange",
    ) in found
    # a description of the firm named next is no second firm
    found = actions(extract("The SEC fined a crypto exchange, Zolta Ltd, for fraud."))
    assert found == {("U.S. Securities and Exchange Commission", "FINED", "Zolta Ltd")}, found


def test_a_counted_group_seated_right_after_its_words() -> None:
    rels = triples(extract("Two exchanges based in Malta were fined by the FCA."))
    assert ("exchanges", "HEADQUARTERED_IN", "Malta") in rels, rels
    rels = triples(extract("The FCA fined two companies registered in the Cayman Islands."))
    assert ("companies", "HEADQUARTERED_IN", "Cayman Islands") in rels, rels
