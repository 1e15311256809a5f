"""How a story refers back to a firm or its people once it has named them: the short form
of a legal name ("Kairex Markets Ltd ... Kairex said"), "the exchange" for a firm its
legal suffix typed a company, an object "them" for a listed pair, and appositions that
say what a firm is ("X, a money services business", "X, a subsidiary of Y"). Also a
generic ministry name settled by the article's country (issue 12 point 1). Sentences
written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, aliases_of, extract, triples, types_by_name

from ingest.extraction.names.type_cues import cue_spans
from ingest.extraction.text.document import read_document
from ingest.extraction.text.scanning import scanner_of


def test_a_legal_names_first_word_later_stands_for_the_firm() -> None:
    out = extract(
        "The FCA fined Kairex Markets Ltd on Monday. Kairex said it would appeal. "
        "The founders of Kairex, Tomas Lindqvist and Ana Ribeiro, declined to comment."
    )
    assert "Kairex" in aliases_of(out, "Kairex Markets Ltd")
    assert ("Tomas Lindqvist", "AFFILIATED_WITH", "Kairex Markets Ltd") in triples(out)


def test_a_first_word_two_firms_share_stands_for_neither() -> None:
    out = extract(
        "The FCA fined Zelkova Markets Ltd and Zelkova Pay Ltd on Monday. Zelkova said it "
        "would appeal."
    )
    assert "Zelkova" not in aliases_of(out, "Zelkova Markets Ltd")
    assert "Zelkova" not in aliases_of(out, "Zelkova Pay Ltd")


def test_a_first_word_the_text_also_writes_in_lower_case_is_a_word() -> None:
    out = extract(
        "The FCA fined Summit Digital Ltd on Monday. Summit officials met the regulator at "
        "the summit in May."
    )
    assert "Summit" not in aliases_of(out, "Summit Digital Ltd")


def test_the_exchange_is_the_firm_a_legal_suffix_had_typed_a_company() -> None:
    out = extract(
        "The Financial Conduct Authority added Kairex Markets Ltd to its warning list. The "
        "exchange, which is registered in Seychelles, served British customers."
    )
    assert types_by_name(out)["Kairex Markets Ltd"] == "Exchange"
    assert ("Kairex Markets Ltd", "HEADQUARTERED_IN", "Seychelles") in triples(out)


def test_the_exchange_does_not_retype_a_firm_the_gazetteer_knows() -> None:
    out = extract(
        "The New York Attorney General sued Tether on Monday. The exchange Bitfinex was "
        "named too. The exchange, which is registered in the British Virgin Islands, "
        "denied wrongdoing."
    )
    assert types_by_name(out)["Tether"] == "Company"


def test_an_object_them_after_a_listed_pair_means_both() -> None:
    out = extract(
        "The founders of Kairex, Tomas Lindqvist and Ana Ribeiro, were also named. The "
        "Financial Conduct Authority barred them from working in regulated firms."
    )
    banned = {t for s, a, t in actions(out) if a == "BANNED"}
    assert banned == {"Tomas Lindqvist", "Ana Ribeiro"}, actions(out)


def test_an_object_them_with_a_single_person_before_it_means_nobody() -> None:
    out = extract(
        "Tomas Lindqvist ran Kairex Markets Ltd. The Financial Conduct Authority barred "
        "them from working in regulated firms."
    )
    assert not {t for s, a, t in actions(out) if a == "BANNED"}, actions(out)


@pytest.mark.parametrize(
    "apposition",
    ["a money services business in Miami", "a money transmitter based in Miami"],
)
def test_a_money_business_in_apposition_is_a_company(apposition: str) -> None:
    out = extract(f"Coinvia, {apposition}, was fined $1.2 million by the Treasury Department.")
    assert types_by_name(out).get("Coinvia") == "Company"
    assert {t for s, a, t in actions(out) if a == "FINED"} == {"Coinvia"}


@pytest.mark.parametrize("unit", ["a subsidiary", "an affiliate"])
def test_a_unit_in_apposition_is_the_party_not_its_parent(unit: str) -> None:
    out = extract(f"Trevalon, {unit} of Binance, was fined by the FCA on Monday.")
    assert {t for s, a, t in actions(out) if a == "FINED"} == {"Trevalon"}, actions(out)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trevalon, a subsidiary of Binance, was fined.",
        "Trevalon, an affiliate of Bybit, was fined.",
        "Trevalon, the UK arm of Bybit, was fined.",
        "Trevalon, a local unit of Bybit, was fined.",
        "Trevalon, a Swiss entity, was fined.",
        "Trevalon, a Cyprus branch of the group, was fined.",
        "Trevalon, an investment vehicle, was fined.",
        "Trevalon, a hedge fund, was fined.",
        "Trevalon, a general partnership, was fined.",
        "Trevalon, a Tokyo broker, was fined.",
        "Trevalon, a crypto custodian, was fined.",
        "Trevalon, a money transmitter, was fined.",
        "Trevalon, a payment processor, was fined.",
        "Trevalon, a remittance provider, was fined.",
        "Trevalon is a money services business.",
    ],
)
def test_cue_stems_let_every_apposition_noun_through(sentence: str) -> None:
    """The scanner runs a cue only in sentences holding one of its stems: a noun of the
    pattern without a stem would be found by the plain search and missed by the scan."""
    doc = read_document(sentence)
    plain = set(cue_spans(doc.text))
    assert plain, "the cue should type the firm"
    assert set(cue_spans(doc.text, scanner_of(doc))) == plain


@pytest.mark.parametrize(
    ("context", "ministry"),
    [
        (
            "The Pakistan Telecommunication Authority said the Federal Investigation Agency "
            "had asked the IT ministry to block the sites.",
            "Ministry of Information Technology and Telecommunication",
        ),
        (
            "The IT ministry blocked 59 apps in India on Monday, the Indian government said.",
            "Ministry of Electronics and Information Technology",
        ),
    ],
)
def test_the_it_ministry_is_the_ministry_of_the_articles_country(
    context: str, ministry: str
) -> None:
    out = extract(context)
    names = types_by_name(out)
    assert ministry in names
    others = {
        "Ministry of Information Technology and Telecommunication",
        "Ministry of Electronics and Information Technology",
    } - {ministry}
    assert not others & set(names)


def test_the_exchange_beside_a_firm_of_its_own_sentence_is_another_party() -> None:
    out = extract(
        "In May, family office Orvex Capital Ltd agreed to buy the exchange. The regulator "
        "approved the deal."
    )
    assert types_by_name(out)["Orvex Capital Ltd"] == "Company"
