"""Referrals told as "reported X to the police" (issue 12): the matter goes to those who
investigate crimes, so X is REFERRED_BY the body that reported it (ONTOLOGY.md
"Referral"); reporting a loss, a hack or a finding to anyone else is no referral.
Sentences written for these tests, with invented firms."""

from __future__ import annotations

import pytest
from extraction_support import relations_of as _rels


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's Financial Services Commission reported Vantrix Ltd and Quorbit Inc "
        "to investigative agencies on Monday.",
        "South Korea's Financial Services Commission said it had reported Vantrix Ltd and "
        "Quorbit Inc to the police.",
        "South Korea's Financial Services Commission reported Vantrix Ltd and Quorbit Inc "
        "to the Seoul Central District Prosecutors' Office.",
        "South Korea's Financial Services Commission is reporting Vantrix Ltd and Quorbit Inc "
        "to law enforcement agencies.",
    ],
)
def test_reporting_firms_to_investigators_refers_them(text: str) -> None:
    rels = _rels(text)
    body = "Financial Services Commission of South Korea"
    assert {("Vantrix Ltd", "REFERRED_BY", body), ("Quorbit Inc", "REFERRED_BY", body)} <= rels


def test_a_named_crime_unit_receives_the_referral() -> None:
    rels = _rels("Thailand's SEC reported Zipvault Ltd to the Economic Crime Suppression Division.")
    assert ("Zipvault Ltd", "REFERRED_BY", "Securities and Exchange Commission of Thailand") in rels


@pytest.mark.parametrize(
    "text",
    [
        "Vantrix Ltd reported losses to shareholders on Tuesday.",
        "Vantrix Ltd reported the hack to the police on Tuesday.",
        "Vantrix Ltd reported its findings to the Financial Services Commission.",
    ],
)
def test_reporting_anything_else_is_no_referral(text: str) -> None:
    assert not {r for r in _rels(text) if r[1] == "REFERRED_BY"}
