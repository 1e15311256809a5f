"""Who holds a role where (issue 12): possessives past a relative clause, founders of the
app an article is about, administrators. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article

Rel = tuple[str, str, str]


def _rels(text: str) -> set[Rel]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2024, 5, 2)))
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]) for r in out.relations}


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
