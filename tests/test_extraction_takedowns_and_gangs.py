"""Platforms taken down are shut down; a group broken up by police is investigated, the
group told by what it is accused of; a country's regulator described by its field is the
one whose English name says that field."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_platform_taken_down_is_shut_down() -> None:
    found = actions(extract("Zolta Ltd was taken down by Dutch police on Friday."))
    assert ("Dutch police", "BANNED", "Zolta Ltd") in found, found
    assert not actions(extract("Meta took down the videos of Zolta Ltd."))


def test_a_group_police_dismantled_is_investigated() -> None:
    found = actions(
        extract(
            "On August 21, Hanoi police dismantled a group accused of launching fake crypto "
            "investment projects."
        )
    )
    assert (
        "Hanoi police",
        "INVESTIGATED",
        "group accused of launching fake crypto investment projects",
    ) in found, found
    assert not actions(extract("The report was written by a group of researchers."))


def test_a_regulator_described_by_its_field_is_the_one_whose_english_name_says_it() -> None:
    found = actions(extract("Brazil's securities regulator fined Zolta Ltd."))
    assert ("Comissão de Valores Mobiliários", "FINED", "Zolta Ltd") in found, found


def test_regulators_counted_by_their_country_s_states_act_together() -> None:
    found = actions(
        extract("Regulators from 10 US states issued cease-and-desist orders against Zolta Ltd.")
    )
    assert ("Regulators from 10 US states", "WARNED", "Zolta Ltd") in found, found


def test_a_holder_s_funds_frozen_by_a_body_block_the_holder() -> None:
    ed = "Enforcement Directorate"
    for sentence in (
        "Zolta Ltd's bank accounts were frozen by India's Enforcement Directorate.",
        "The bank accounts of Zolta Ltd were frozen by India's Enforcement Directorate.",
    ):
        found = actions(extract(sentence))
        assert (ed, "BLOCKED", "Zolta Ltd") in found, found
