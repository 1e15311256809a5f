"""Ownership told by a verb ("Y owns X", "Y acquired X", "X was acquired by Y", "X, owned by
Y,") is SUBSIDIARY_OF, and the owner in such an apposition is no party of the action; a
firm with "2 million users in Nigeria" operates there. Issue 12 point 1 (subsidiaries,
presence cues); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of

FCA = "Financial Conduct Authority"


@pytest.mark.parametrize(
    "sentence",
    [
        "Zentrope Holdings owns Korvex Ltd.",
        "Zentrope Holdings acquired Korvex Ltd in 2022.",
        "Korvex Ltd was acquired by Zentrope Holdings in 2022.",
    ],
)
def test_ownership_told_by_a_verb(sentence: str) -> None:
    assert ("Korvex Ltd", "SUBSIDIARY_OF", "Zentrope Holdings") in relations_of(sentence)


def test_a_stake_or_documents_acquired_own_nothing() -> None:
    got = relations_of(
        "Zentrope Holdings acquired a stake in Korvex Ltd. The SEC acquired documents from"
        " Korvex Ltd."
    )
    assert not {r for r in got if r[1] == "SUBSIDIARY_OF"}


def test_the_owner_in_an_apposition_is_no_party() -> None:
    got = relations_of("Korvex Ltd, owned by Zentrope Holdings, was fined by the FCA.")
    assert (FCA, "FINED", "Korvex Ltd") in got
    assert (FCA, "FINED", "Zentrope Holdings") not in got
    assert ("Korvex Ltd", "SUBSIDIARY_OF", "Zentrope Holdings") in got


def test_users_in_a_country_are_presence_there() -> None:
    got = relations_of("Korvex Ltd has more than 2 million users in Nigeria.")
    assert ("Korvex Ltd", "OPERATES_IN", "Nigeria") in got
