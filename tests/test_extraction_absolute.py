"""An absolute construction names the party before its participle (issue 12, passives in
coordination and lists): "..., with Korvane fined 2 billion won and Tessaly facing a
fine" fines Korvane, not Tessaly. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

FIU = "Korea Financial Intelligence Unit"


def test_with_x_fined_fines_x_not_the_party_after_it() -> None:
    facts = actions(
        extract(
            "The Korea Financial Intelligence Unit widened its checks this year, with "
            "Korvane fined 2.7 billion won in December and Tessaly Exchange facing a large "
            "fine not yet announced."
        )
    )
    assert (FIU, "FINED", "Korvane") in facts, facts
    assert not any(t[1] == "FINED" and t[2] == "Tessaly Exchange" for t in facts), facts


def test_with_two_firms_suspended_is_a_passive_of_both_but_the_active_stays_active() -> None:
    facts = actions(
        extract(
            "The Korea Financial Intelligence Unit fined Korvane in May. It acted again in "
            "June, with Tessaly Exchange suspended for three months."
        )
    )
    assert (FIU, "FINED", "Korvane") in facts, facts
    assert any(t[0] == FIU and t[2] == "Tessaly Exchange" for t in facts), facts


def test_a_body_that_settled_with_a_firm_fined_it() -> None:
    facts = actions(
        extract(
            "The Securities and Exchange Commission settled with Zenmo Exchange for $5 million."
        )
    )
    assert ("U.S. Securities and Exchange Commission", "FINED", "Zenmo Exchange") in facts, facts


def test_a_firm_that_settled_with_a_body_is_still_fined_by_the_body() -> None:
    facts = actions(
        extract(
            "Zenmo Exchange settled with the Securities and Exchange Commission for $5 million."
        )
    )
    assert ("U.S. Securities and Exchange Commission", "FINED", "Zenmo Exchange") in facts, facts
