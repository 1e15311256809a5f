"""A coin is what a ban or a warning falls on when no party is named, never an example of
what a party is barred from offering; the use of digital currencies in payments is one
activity however the payments are told."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_ban_or_a_warning_with_no_party_falls_on_the_coin() -> None:
    assert ("Bank Indonesia", "BANNED", "Bitcoin") in actions(
        extract("Bank Indonesia banned Bitcoin.")
    )
    found = actions(
        extract("There were warnings by Bank Indonesia over the risks posed by bitcoin.")
    )
    assert ("Bank Indonesia", "WARNED", "Bitcoin") in found, found
    found = actions(extract("The FCA warned the public against Bitcoin."))
    assert ("Financial Conduct Authority", "WARNED", "Bitcoin") in found, found


def test_a_coin_beside_a_party_or_as_an_example_is_no_target() -> None:
    found = actions(extract("The SEC warned Zolta Ltd about selling Bitcoin."))
    assert not any(t[2] == "Bitcoin" for t in found), found
    found = actions(
        extract(
            "The Central Bank of Argentina banned payment platforms from offering assets like "
            "Bitcoin."
        )
    )
    assert not any(t[2] == "Bitcoin" for t in found), found
    found = actions(extract("The SEC fined Zolta Ltd for selling XRP."))
    assert not any(t[2] == "XRP" for t in found), found


def test_the_use_of_digital_currencies_in_payment_systems_is_crypto_payments() -> None:
    found = actions(
        extract(
            "On Dec. 7, 2017 Bank Indonesia issued a regulation banning the use of digital "
            "currencies in payment systems."
        )
    )
    assert ("Bank Indonesia", "BANNED", "crypto payments") in found, found
