"""Who holds a role where (issue 12): possessives past a relative clause, founders of the
app an article is about, administrators. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of as _rels

Rel = tuple[str, str, str]


def test_its_skips_the_firm_inside_a_closed_relative_clause() -> None:
    rels = _rels(
        "The Enforcement Directorate issued a notice to Velmora Labs Pvt Ltd, which runs the "
        "exchange CoinDCX, and to its directors Arun Mehta and Kiran Rao."
    )
    assert ("Arun Mehta", "AFFILIATED_WITH", "Velmora Labs Pvt Ltd") in rels
    assert ("Kiran Rao", "AFFILIATED_WITH", "Velmora Labs Pvt Ltd") in rels
    assert ("Arun Mehta", "AFFILIATED_WITH", "CoinDCX") not in rels


def test_founders_belong_to_the_app_the_article_is_about() -> None:
    rels = _rels(
        "OFAC removed Tornado Cash from its sanctions list on Friday. Tornado Cash had been "
        "listed in 2022, and users of Tornado Cash sued. Tornado Cash is a mixer.\n\n"
        "Coinbase funded the suit.\n\nWhat next?\nNothing changes for the criminal case. "
        "The case goes on. Prosecutors charged co-founders Lev Arkin and Oleg Marin in 2023."
    )
    assert ("Lev Arkin", "AFFILIATED_WITH", "Tornado Cash") in rels
    assert ("Oleg Marin", "AFFILIATED_WITH", "Tornado Cash") in rels
    assert ("Lev Arkin", "AFFILIATED_WITH", "Coinbase") not in rels


def test_an_administrator_holds_a_role() -> None:
    rels = _rels(
        "Police shut Garantex down. Ivan Petrov, described as Garantex's lead technical "
        "administrator, was arrested in Spain."
    )
    assert ("Ivan Petrov", "AFFILIATED_WITH", "Garantex") in rels


def test_the_parent_company_a_role_names_and_the_grounds_of_a_fine_are_no_targets() -> None:
    rels = _rels(
        "Last month the Securities Commission Malaysia fined Tan Wei Ming, chairman of parent "
        "company Orwin Holdings Bhd, 2 million ringgit for insider trading linked to Maybank's "
        "takeover plan."
    )
    assert ("Securities Commission Malaysia", "FINED", "Tan Wei Ming") in rels
    assert not {r for r in rels if r[1] == "FINED" and r[2] != "Tan Wei Ming"}


def test_a_head_of_state_serves_the_country_his_sentence_names() -> None:
    """A digest's other story: the government of the article's main country is not the
    Polish president's."""
    rels = _rels(
        "The Central Bank of the United Arab Emirates licensed Ravelo Pay. The government of "
        "the United Arab Emirates welcomed the move, and the United Arab Emirates central bank "
        "said more licences would follow in Dubai and Abu Dhabi.\n\n"
        "Elsewhere, Czech senators failed to overturn President Tomas Kral's veto of a crypto "
        "bill."
    )
    assert not {r for r in rels if r[0] == "Tomas Kral" and "United Arab Emirates" in r[2]}


def test_a_judge_never_belongs_to_the_body_whose_case_he_heard() -> None:
    rels = _rels(
        "The Supreme Court of India struck down the Reserve Bank of India's circular. In an "
        "opinion written by Justice Arvind Menon, the judges found that the central bank had "
        "acted without evidence of harm."
    )
    assert not {r for r in rels if r[0] == "Arvind Menon" and r[2] == "Reserve Bank of India"}


def test_a_partner_belongs_to_the_nearest_firm_not_to_the_exchange() -> None:
    rels = _rels(
        "Kraken said lawyers from Halden Legal Group, a Berlin-based law firm, filed the "
        "appeal; partner Jonas Weber called the ruling a gross procedural error."
    )
    assert ("Jonas Weber", "AFFILIATED_WITH", "Halden Legal Group") in rels
    assert ("Jonas Weber", "AFFILIATED_WITH", "Kraken") not in rels


def test_an_office_a_countrys_possessive_names_is_held_in_that_country() -> None:
    rels = _rels(
        "Prosecutors in Seoul indicted Daniel Shin on Tuesday. Serbia's justice minister, "
        "Milan Petrovic, has said the order of the extradition requests will matter."
    )
    assert ("Milan Petrovic", "AFFILIATED_WITH", "Serbia") in rels
    assert not {r for r in rels if r[0] == "Milan Petrovic" and "Seoul" in r[2]}


def test_a_title_with_a_bracketed_portfolio_still_names_the_body_after_it() -> None:
    rels = _rels(
        "Ms Tan Mei Ling, Deputy Managing Director (Markets, Policy & Supervision), MAS, said "
        "that MAS regards the conduct as serious."
    )
    assert ("Tan Mei Ling", "AFFILIATED_WITH", "Monetary Authority of Singapore") in rels
