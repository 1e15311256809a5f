"""A licence held in a place puts the firm there ("is licensed in El Salvador", "obtained
a VASP licence in Lithuania"): issue 12's presence cues, "licences obtained in a place".
Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract, triples


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Zenmo Exchange is licensed in El Salvador.", "El Salvador"),
        ("Zenmo Exchange has secured a licence in El Salvador.", "El Salvador"),
        ("Zenmo Exchange obtained a VASP licence in Lithuania last year.", "Lithuania"),
    ],
)
def test_a_licence_held_in_a_place_puts_the_firm_there(sentence: str, place: str) -> None:
    assert ("Zenmo Exchange", "OPERATES_IN", place) in triples(extract(sentence))


def test_a_licence_in_principle_names_no_place() -> None:
    out = extract("Zenmo Exchange won a licence in principle from the regulator.")
    assert not any(r == "OPERATES_IN" for _, r, _ in triples(out)), triples(out)
