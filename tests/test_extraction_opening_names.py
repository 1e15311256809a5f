"""A sentence's one opening word, written nowhere else, is a party's name when the passive
after it is one only a party can be the subject of ("Velmora was fined by the FCA")."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract

FCA = "Financial Conduct Authority"
SEC = "U.S. Securities and Exchange Commission"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Velmora was fined £2m by the FCA.", (FCA, "FINED", "Velmora")),
        ("Velmora was slapped with a $2 million penalty by the SEC.", (SEC, "FINED", "Velmora")),
        ("Tarnex was hit with a fine by the FCA in May.", (FCA, "FINED", "Tarnex")),
        ("Quorbit has been charged by the SEC.", (SEC, "SUED", "Quorbit")),
        ("Quorbit was ordered by a Manila court to halt operations.", None),
        ("Quorbit, headquartered in Malta, was fined by the FCA.", (FCA, "FINED", "Quorbit")),
        (
            "Quorbit has registered with the FCA as a cryptoasset firm.",
            (FCA, "LICENSED", "Quorbit"),
        ),
        (
            "Quorbit, which is registered in the Seychelles, was fined by the FCA.",
            (FCA, "FINED", "Quorbit"),
        ),
        (
            "Quorbit's licence was revoked by the Cyprus Securities and Exchange Commission.",
            ("Cyprus Securities and Exchange Commission", "LICENSED", "Quorbit"),
        ),
    ],
)
def test_an_unknown_opening_word_before_a_party_s_passive_is_the_party(
    sentence: str, expected: tuple[str, str, str] | None
) -> None:
    found = actions(extract(sentence))
    if expected is None:  # the actor is unnamed: the party is the opening word
        assert {t[2] for t in found} == {"Quorbit"}, found
    else:
        assert expected in found, found


@pytest.mark.parametrize(
    "sentence",
    [
        "Trading was suspended by the FCA.",  # an activity may be suspended
        "Everyone was fined by the FCA.",
        "Staking was hit with a ban by the SEC.",
        "Lending was fined by the FCA.",  # a gerund names no party
    ],
)
def test_no_party_is_read_from_an_opening_word_that_names_none(sentence: str) -> None:
    assert not actions(extract(sentence)), actions(extract(sentence))
