"""Names found by their shape (issue 12): firms outside the gazetteer by how their names
end, legal forms after a comma, honorifics without a dot, job titles in Title Case.
Sentences written for these tests; none copies a corpus sentence."""

from __future__ import annotations

from extraction_support import typed_names_and_relations as _extract


def test_a_firm_by_the_word_its_name_ends_in_and_a_legal_form_after_holdings() -> None:
    ents, rels = _extract(
        "In May, family office Orvex Capital agreed to buy the exchange. The Financial "
        "Conduct Authority fined Velmora Labs, and the SEC charged Zelkova Holdings, LLC. "
        "Venture Capital firms were unmoved. The Malta-based Quorra Capital was not named."
    )
    assert ("Company", "Orvex Capital") in ents
    assert ("Financial Conduct Authority", "FINED", "Velmora Labs") in rels
    assert ("U.S. Securities and Exchange Commission", "SUED", "Zelkova Holdings, LLC") in rels
    assert not {e for e in ents if e[1] in ("LLC", "Venture Capital")}
    assert ("Company", "Malta-based Quorra Capital") not in ents


def test_honorifics_without_a_dot_and_title_case_job_titles() -> None:
    ents, rels = _extract(
        "Ms Tan Siew Ling, Assistant Managing Director, the Monetary Authority of Singapore, "
        "said the breaches were serious. Orwin Capital Pte Ltd had employed Mr Lim Boon Kiat "
        "as a portfolio manager."
    )
    assert ("Person", "Tan Siew Ling") in ents
    assert not {e for e in ents if e[1].startswith("Assistant")}
    assert ("Lim Boon Kiat", "AFFILIATED_WITH", "Orwin Capital Pte Ltd") in rels


def test_a_camelcase_word_titling_a_person_is_their_firm_and_a_titled_founder() -> None:
    ents, rels = _extract(
        "The wallet Irisa was built by Lumen Works, a Berlin-based company co-founded by "
        "DeepCart chief executive Jonas Berg."
    )
    assert ("Company", "DeepCart") in ents
    assert ("Jonas Berg", "AFFILIATED_WITH", "DeepCart") in rels
    assert ("Jonas Berg", "AFFILIATED_WITH", "Lumen Works") in rels


def test_a_bench_of_a_court_is_that_court_and_so_is_its_short_name() -> None:
    ents, rels = _extract(
        'On 3 March 2025, the Full Court of the Federal Court of Australia (the "Full Court") '
        "dismissed an appeal by the Australian Securities and Investments Commission against "
        "Tallow Pay Pty Ltd. The Full Court held that the product was lawful. The first "
        "proceeding had been dismissed by Justice Mira Keane in 2024."
    )
    courts = {name for etype, name in ents if etype == "Court"}
    assert courts == {"Federal Court of Australia"}
    assert ("Mira Keane", "AFFILIATED_WITH", "Federal Court of Australia") in rels


def test_a_ministry_named_by_a_list_of_portfolios_is_one_name() -> None:
    ents, rels = _extract(
        "The Ministry of Digital Development, Innovation and Aerospace Industry warned Kestrel "
        "Ltd in May. Separately the Ministry of Finance, Binance and OKX met in June."
    )
    assert (
        "GovernmentBody",
        "Ministry of Digital Development, Innovation and Aerospace Industry",
    ) in ents
    assert (
        "Ministry of Digital Development, Innovation and Aerospace Industry",
        "WARNED",
        "Kestrel Ltd",
    ) in rels
    assert not {name for _, name in ents if name.startswith("Ministry of Finance,")}


def test_a_brands_legal_entity_set_apart_by_the_text_is_a_party_of_its_own() -> None:
    """The gazetteer lists Payward, Inc. under Kraken; a text that calls it 'the company
    that operates the exchange' makes it its own party, and its short name later too."""
    ents, rels = _extract(
        "Kraken is one of the oldest crypto exchanges. In 2021 the Commodity Futures Trading "
        "Commission fined Payward, Inc., the company that operates the exchange, $1.25 "
        "million. Payward, which is incorporated in Delaware, did not admit wrongdoing."
    )
    assert ("Company", "Payward, Inc.") in ents
    assert ("Commodity Futures Trading Commission", "FINED", "Payward, Inc.") in rels
    assert ("Commodity Futures Trading Commission", "FINED", "Kraken") not in rels
    assert ("Payward, Inc.", "HEADQUARTERED_IN", "Delaware") in rels


def test_a_brands_legal_name_alone_still_names_the_brand() -> None:
    ents, rels = _extract(
        "The Commodity Futures Trading Commission fined Payward, Inc. $1.25 million in 2021."
    )
    assert ("Company", "Payward, Inc.") not in ents


def test_a_place_that_is_also_a_given_name_is_the_place_after_a_locative() -> None:
    ents, rels = _extract(
        "Officers fanned out across Sofia on Monday. The Sofia City Prosecutor's Office "
        "charged Orvex Ltd. Separately, Sofia Petrova said she would appeal."
    )
    assert ("Jurisdiction", "Sofia") in ents
    assert ("Sofia City Prosecutor's Office", "LOCATED_IN", "Sofia") in rels
