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


def test_a_body_a_sentence_opens_by_attributing_itself_to_banned_the_coin_its_subject_names() -> (
    None
):
    found = actions(
        extract(
            "Hanoi (VNA) - According to the State Bank of Vietnam (SBV), the issuance and use of "
            "bitcoin and other virtual currencies for payment is prohibited in Vietnam."
        )
    )
    assert ("State Bank of Vietnam", "BANNED", "Bitcoin") in found, found
    found = actions(
        extract("According to the State Bank of Vietnam, Zolta Ltd was banned in Vietnam.")
    )
    assert found == {("State Bank of Vietnam", "BANNED", "Zolta Ltd")}, found
    # without the attribution the country where it was done acted, as before
    found = actions(extract("Zolta Ltd was banned in Vietnam."))
    assert found == {("Vietnam", "BANNED", "Zolta Ltd")}, found


def test_the_source_of_an_opening_attribution_is_no_target() -> None:
    found = actions(extract("According to Reuters, Zolta Ltd was fined by the FCA."))
    assert found == {("Financial Conduct Authority", "FINED", "Zolta Ltd")}, found
    found = actions(extract("According to Reuters, Zolta Ltd was banned in Vietnam."))
    assert found == {("Vietnam", "BANNED", "Zolta Ltd")}, found
