"""A cautionary statement is a warning, on what follows it; a coin the warning names
outright ("specifically mentioning X") is its target beside the conduct it is on."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_cautionary_statement_warns_its_object() -> None:
    found = actions(
        extract("The Securities Commission issued a cautionary statement on Velmora Ltd.")
    )
    assert ("Securities Commission", "WARNED", "Velmora Ltd") in found


def test_a_coin_the_warning_names_outright_is_a_target_too() -> None:
    found = actions(
        extract(
            "The Capital Markets Authority of Kenya has put out a cautionary statement on "
            "initial coin offerings, specifically mentioning Zentrocoin, a coin sold in rural "
            "areas."
        )
    )
    assert ("Capital Markets Authority of Kenya", "WARNED", "Zentrocoin") in found
    # a coin given as an example of what a party offers is still no target
    found = actions(
        extract(
            "The Securities Commission warned Velmora Ltd over offering tokens like Zentrocoin."
        )
    )
    assert ("Securities Commission", "WARNED", "Velmora Ltd") in found
    assert not {t for t in found if t[2] == "Zentrocoin"}, found


def test_a_body_that_names_firms_in_a_warning_warns_them() -> None:
    found = actions(
        extract("The Securities Commission named Velmora Ltd and Zolta Ltd in its latest alert.")
    )
    assert ("Securities Commission", "WARNED", "Velmora Ltd") in found
    assert ("Securities Commission", "WARNED", "Zolta Ltd") in found
    # named in a statement, or named to a post, is no warning
    found = actions(extract("The Securities Commission named Velmora Ltd in a statement."))
    assert not found, found
