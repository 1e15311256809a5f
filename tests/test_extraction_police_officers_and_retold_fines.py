"""Police officers (agents, officials) in a country are its police; a definite fine told
again on another party ("The fine was imposed on X, which runs Y") carries the money of
the one fine told before. Issue 12 points 1 and 3 (descriptive actors; amounts);
sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties, relations_of


def test_police_officers_in_a_country_are_its_police() -> None:
    found = relations_of("Federal police officers in Brazil raided 15 firms on Monday.")
    assert any(k == "INVESTIGATED" and "Police" in s for s, k, _ in found), found


def test_the_fine_told_again_carries_its_money() -> None:
    out = extract(
        "Quorvex was hit with a fine of 2.85 million euros by the Dutch central bank. The fine"
        " was imposed on Foris Ltd, which runs Quorvex."
    )
    props = relation_properties(out)
    fine = props[("De Nederlandsche Bank", "FINED", "Foris Ltd")]
    assert fine.get("amount") == 2_850_000 and fine.get("currency") == "EUR", props


def test_two_amounts_told_before_give_none() -> None:
    out = extract(
        "The FCA fined Quorvex Ltd £2 million and Zentrax Ltd £3 million. The fine was also"
        " imposed on Korvane Ltd."
    )
    props = relation_properties(out)
    assert "amount" not in props.get(("Financial Conduct Authority", "FINED", "Korvane Ltd"), {})
