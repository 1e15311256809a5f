"""Accounts or wallets a body seized or confiscated are blocked, as frozen ones are; the
platform that holds them ("accounts at X") is no party, nor is a pronoun that speaks
("two it claims are ..."). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_seized_or_confiscated_accounts_are_blocked() -> None:
    found = actions(extract("The Enforcement Directorate confiscated two Zolta Ltd accounts."))
    assert ("Enforcement Directorate", "BLOCKED", "Zolta Ltd accounts") in found, found
    found = actions(extract("The Enforcement Directorate seized 12 bank accounts on Monday."))
    assert ("Enforcement Directorate", "BLOCKED", "bank accounts") in found, found
    # taking assets is a forfeiture, not a block of accounts
    assert not actions(extract("The Enforcement Directorate seized assets of Zolta Ltd."))


def test_the_platform_holding_seized_accounts_is_no_party() -> None:
    found = actions(
        extract(
            "Since 2022, Poland has seized 75 crypto accounts at Zolta Exchange, including six "
            "it claims are linked to a smuggling ring."
        )
    )
    assert ("Poland", "BLOCKED", "crypto accounts at Zolta Exchange") in found, found
    assert not any(t[2] == "Zolta Exchange" for t in found), found
