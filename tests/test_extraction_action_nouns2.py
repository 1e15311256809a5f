"""Action nouns whose actor stands apart from the verb (issue 12): a decision noun spelled
out by a participle, with its issuer named by a possessive or after "was issued by"
("the FCA's order banning X", "an order barring X ... was issued by the FCA", "a court
order freezing X's assets was obtained by the OSC"), fines named as nouns ("the fine
imposed on X by Y", "Y's £3 million fine against X"), and a body's name prefixed to
"-licensed" in an apposition ("X, a Monetary Authority of Singapore-licensed exchange").
Sentences written for these tests (firm names are invented)."""

from __future__ import annotations

import datetime as dt

from extraction_support import extract, relation_properties

from graph.models import Article
from ingest.extraction import extract_article

FCA = "Financial Conduct Authority"


def _rels(text: str) -> dict[tuple[str, str, str], dict[str, object]]:
    return relation_properties(extract(text, dt.date(2025, 11, 20)))


def test_a_decision_noun_spelled_out_by_a_participle_is_its_issuers_action() -> None:
    for text, key in (
        (
            "An order barring Zenmo Exchange from onboarding new users was issued by the "
            "Financial Conduct Authority.",
            (FCA, "BANNED", "Zenmo Exchange"),
        ),
        (
            "The Financial Conduct Authority's order banning Zenmo Exchange took effect in May.",
            (FCA, "BANNED", "Zenmo Exchange"),
        ),
        (
            "A court order freezing Zenmo Exchange's assets was obtained by the Ontario "
            "Securities Commission in June.",
            ("Ontario Securities Commission", "BLOCKED", "Zenmo Exchange"),
        ),
    ):
        rels = _rels(text)
        assert key in rels, (text, rels)


def test_an_order_a_firm_sought_is_nobodys_ban() -> None:
    rels = _rels(
        "Zenmo Exchange sought an order barring Quillfin Labs from using its name, the filing said."
    )
    assert not any(k[1] == "BANNED" for k in rels), rels


def test_a_fine_named_as_a_noun_is_a_fine() -> None:
    for text in (
        "The fine imposed on Zenmo Exchange by the Financial Conduct Authority was the largest "
        "of 2024.",
        "The Financial Conduct Authority's £3 million fine against Zenmo Exchange was upheld.",
    ):
        rels = _rels(text)
        assert (FCA, "FINED", "Zenmo Exchange") in rels, (text, rels)
    rels = _rels("The Financial Conduct Authority's £3 million fine against Zenmo Exchange stood.")
    assert rels[(FCA, "FINED", "Zenmo Exchange")].get("amount") == 3e6, rels


def test_a_body_prefixed_to_licensed_in_an_apposition_licensed_its_head() -> None:
    for actor, text in (
        (
            "Monetary Authority of Singapore",
            "Zenmo Exchange, a Monetary Authority of Singapore-licensed exchange, expanded.",
        ),
        (
            "U.S. Securities and Exchange Commission",
            "Zenmo Exchange, an SEC-registered broker, expanded into Asia.",
        ),
    ):
        rels = _rels(text)
        assert (actor, "LICENSED", "Zenmo Exchange") in rels, (text, rels)


def test_a_fine_imposed_on_a_day_names_no_target() -> None:
    out = extract_article(
        Article(
            id="t",
            text="The Financial Conduct Authority fined Zenmo Exchange in April. The regulator "
            "imposed the fine on 25 April and made it public on Monday.",
            published=dt.date(2025, 11, 20),
        )
    )
    assert not any("25 April" in (f.evidence or "") for f in out.refused), out.refused
    assert [r.type for r in out.relations if r.type == "FINED"] == ["FINED"], out.relations
