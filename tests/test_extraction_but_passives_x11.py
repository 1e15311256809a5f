"""A passive verb phrase coordinated by "but" shares the subject of the clause before it
("X fled the country but was later arrested"), and "was later arrested" is a passive
like "was arrested". Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_passive_after_but_takes_the_first_clause_s_subject() -> None:
    found = actions(extract("Zolta Ltd appealed but was fined by the Financial Conduct Authority."))
    assert ("Financial Conduct Authority", "FINED", "Zolta Ltd") in found, found
    found = actions(
        extract(
            "The founder, Pavel Orlov, fled the country with client funds but was later arrested "
            "by the Spanish police in 2022."
        )
    )
    assert any(t[1] == "INVESTIGATED" and t[2] == "Pavel Orlov" for t in found), found


def test_a_passive_with_later_between_its_auxiliary_and_participle() -> None:
    found = actions(extract("Pavel Orlov was later arrested in Madrid, the Spanish police said."))
    assert any(t[1] == "INVESTIGATED" and t[2] == "Pavel Orlov" for t in found), found
