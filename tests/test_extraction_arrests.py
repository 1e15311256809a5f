"""Arrests, inspections and licences in more words (issue 12): "was picked up by the police",
"was inspected by the FSA", "a warrant for X's arrest", "has held FCA authorisation".
Sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of as _rels


def test_picked_up_by_the_police_is_an_arrest() -> None:
    rels = _rels(
        "The exchange's administrator, Aleksej Varnov, fled. On Tuesday Aleksej Varnov was "
        "picked up by the Kerala Police at a homestay in Varkala."
    )
    assert ("Kerala Police", "INVESTIGATED", "Aleksej Varnov") in rels


def test_a_parcel_picked_up_is_no_arrest() -> None:
    rels = _rels("The Kerala Police said a courier picked up Aleksej Varnov's parcel on Tuesday.")
    assert not {r for r in rels if r[1] == "INVESTIGATED"}


def test_an_inspection_by_a_regulator_is_an_investigation() -> None:
    rels = _rels(
        "Orvex Coin, a unit of internet group Orvex Holdings Ltd, was inspected on February 13 "
        "by the Financial Services Agency."
    )
    assert ("Financial Services Agency", "INVESTIGATED", "Orvex Coin") in rels


def test_a_warrant_for_someones_arrest_targets_that_person() -> None:
    rels = _rels(
        "In September the Seoul Southern District Court issued a warrant for Daniel Kwan's "
        "arrest on suspicion of fraud."
    )
    assert ("Seoul Southern District Court", "INVESTIGATED", "Daniel Kwan") in rels


def test_a_licence_named_by_its_body_before_the_noun() -> None:
    rels = _rels(
        "Orvex Pay Ltd has held FCA authorisation as an e-money institution since 2019. "
        "Kestrel Ltd has not held FCA authorisation since 2020."
    )
    assert ("Financial Conduct Authority", "LICENSED", "Orvex Pay Ltd") in rels
    assert ("Financial Conduct Authority", "LICENSED", "Kestrel Ltd") not in rels
