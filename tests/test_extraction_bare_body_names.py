"""A body named bare is the one body of that name the article seats in its own country,
even where the gazetteer gives the bare name to another country's body."""

from __future__ import annotations

from extraction_support import extract


def test_a_bare_body_name_is_the_body_of_the_article_s_country() -> None:
    out = extract(
        "WINDHOEK, Namibia - The Financial Intelligence Centre (FIC) said it never "
        "authorised Zolta Ltd to operate in Namibia. Zolta Ltd must comply, FIC said in a "
        "statement. Institutions must be licensed by authorities such as the Bank of Namibia."
    )
    names = sorted(e.name for e in out.entities if "Intelligence" in e.name)
    assert names == ["Financial Intelligence Centre of Namibia"], names


def test_a_bare_body_name_stays_its_own_where_its_country_is_named() -> None:
    out = extract(
        "South Africa's Financial Intelligence Centre warned Zolta Ltd. The Financial "
        "Intelligence Centre said Zolta Ltd must comply."
    )
    names = sorted(e.name for e in out.entities if "Intelligence" in e.name)
    assert names == ["Financial Intelligence Centre"], names


def test_a_curated_name_without_its_inner_the_is_the_same_body() -> None:
    out = extract(
        "Firms must register with the U.S. Department of Treasury's Financial Crimes "
        "Enforcement Network."
    )
    names = {e.name for e in out.entities}
    assert "U.S. Department of the Treasury" in names, names
    rels = {(r.type) for r in out.relations}
    assert "SUBSIDIARY_OF" in rels, out.relations
