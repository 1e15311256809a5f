"""A bare unknown name that a directive or an inquiry is aimed at is a party (issue 12):
"ordered Velmora to cease", "is telling Quorvex to stop", "looking into Talmabit". Before,
only enforcement verbs ("fined X", "warned X") typed such a name, and a one-word firm
the gazetteer does not know lost the action ("no target recognised"). Sentences written
for these tests, with invented firms."""

from __future__ import annotations

import pytest
from extraction_support import types_and_relations

BODY = "Financial Conduct Authority"


def _extract(text: str) -> tuple[set[tuple[str, str, str]], dict[str, str]]:
    types, rels = types_and_relations(text)
    return rels, types


@pytest.mark.parametrize(
    ("sentence", "relation", "target"),
    [
        ("The Financial Conduct Authority ordered Velmora to cease trading.", "BANNED", "Velmora"),
        (
            "The Financial Conduct Authority is ordering Quorvex to halt its app.",
            "BANNED",
            "Quorvex",
        ),
        (
            "The Financial Conduct Authority told Talmabit to stop onboarding clients.",
            "BANNED",
            "Talmabit",
        ),
        (
            "The Financial Conduct Authority has been looking into Zorblax since March.",
            "INVESTIGATED",
            "Zorblax",
        ),
        (
            "The Financial Conduct Authority opened an investigation into Brevane last week.",
            "INVESTIGATED",
            "Brevane",
        ),
        (
            "The Financial Conduct Authority launched a probe into Kestrix.",
            "INVESTIGATED",
            "Kestrix",
        ),
    ],
)
def test_the_object_of_a_directive_or_an_inquiry_is_the_target(
    sentence: str, relation: str, target: str
) -> None:
    rels, types = _extract(sentence)
    assert (BODY, relation, target) in rels
    assert types[target] == "Company"


def test_a_person_told_to_stop_stays_a_person() -> None:
    rels, types = _extract(
        "The Financial Conduct Authority told Maria Lopez to stop promoting tokens."
    )
    assert types["Maria Lopez"] == "Person"
    assert (BODY, "BANNED", "Maria Lopez") in rels


def test_a_word_after_the_directive_that_is_no_name_is_left_alone() -> None:
    rels, types = _extract("The Financial Conduct Authority ordered firms to report by June.")
    assert set(types) == {BODY}
    assert not rels
