"""Whose act an agentless passive is (issue 12, "no actor carried past a subject that was
not recognised"): a passive coordinated with one that names its agent shares it ("was
arrested in July and charged ... by US prosecutors"), and a passive placed in another
country than the body named before is not that body's ("was arrested in Montenegro" after
US prosecutors). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

SEC = "U.S. Securities and Exchange Commission"


def test_a_coordinated_passive_shares_the_agent_of_its_partner() -> None:
    facts = actions(
        extract(
            "The SEC sued Quorvane Labs in May. Ilya Petrakis, the former head of lender "
            "Quorvane Labs, was arrested in July and charged with wire fraud by the "
            "Federal Bureau of Investigation."
        )
    )
    fbi = "Federal Bureau of Investigation"
    assert any(t[0] == fbi and t[2] == "Ilya Petrakis" for t in facts), facts
    assert not any(t[0] == SEC and t[2] == "Ilya Petrakis" for t in facts), facts


def test_a_passive_placed_in_another_country_is_not_the_earlier_body_s() -> None:
    facts = actions(
        extract(
            "The SEC charged Ilya Petrakis with securities fraud in March. Petrakis was "
            "arrested in Montenegro in June as he tried to board a flight."
        )
    )
    assert (SEC, "SUED", "Ilya Petrakis") in facts, facts
    assert not any(t[0] == SEC and t[1] == "INVESTIGATED" for t in facts), facts


def test_a_passive_placed_in_the_body_s_own_country_is_still_its() -> None:
    facts = actions(
        extract(
            "The SEC charged Ilya Petrakis with securities fraud in March. Petrakis was "
            "arrested in the United States in June."
        )
    )
    assert (SEC, "SUED", "Ilya Petrakis") in facts, facts
