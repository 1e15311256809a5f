"""A body that adds a firm to its list of unregistered (unlicensed, unauthorised ...)
platforms warns it, as it does with a warning list; "the founder (chief executive,
owner) of NAME" makes NAME a firm and the person its officer. Issue 12 point 1 (triggers
for action nouns; organisations from their shape); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of, types_of


def test_a_list_of_unregistered_platforms_warns() -> None:
    found = relations_of(
        "Regulators in Ontario have added Quorvex Ltd to their list of unregistered platforms."
    )
    assert ("Regulators in Ontario", "WARNED", "Quorvex Ltd") in found, found


def test_a_list_of_approved_assets_warns_nobody() -> None:
    found = relations_of("The FCA added Quorvex Ltd to its list of approved custodians.")
    assert not any(k == "WARNED" for _, k, _ in found), found


def test_the_founder_of_a_name_makes_it_a_firm() -> None:
    found = relations_of(
        "Turkish police detained the founder of Quorvex, Tom Reyes, in Istanbul on Monday."
    )
    assert ("Tom Reyes", "AFFILIATED_WITH", "Quorvex") in found, found
    types = types_of("Tom Reyes, the chief executive of Zentrax, said the firm would appeal.")
    assert types.get("Zentrax") == "Company", types


def test_the_president_of_a_place_is_no_firms() -> None:
    types = types_of("Ann Lee, the president of Ruritania, said the ban would stay.")
    assert types.get("Ruritania") != "Company", types
