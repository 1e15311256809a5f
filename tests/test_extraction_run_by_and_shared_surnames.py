"""Two given names sharing one surname ("Cameron and Tyler Winklevoss") name two people; a
firm "run by", "led by" or "owned by" people (after a word such as "twin brothers") has
them as its head or owner, as "founded by" makes founders. Issue 12 point 1 (person names,
roles); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of, types_of


def test_a_shared_surname_names_both_people() -> None:
    types = types_of("The SEC sued Marcus and Elena Varga on Monday.")
    assert types.get("Marcus Varga") == "Person"
    assert types.get("Elena Varga") == "Person"


def test_a_firm_and_a_person_are_no_pair_of_people() -> None:
    types = types_of("The SEC sued Binance and Elena Varga on Monday.")
    assert "Binance Varga" not in types


@pytest.mark.parametrize("verb", ["run", "founded", "led"])
def test_people_who_run_a_firm_are_affiliated_with_it(verb: str) -> None:
    got = relations_of(f"Korvex Ltd is an exchange {verb} by twin brothers Marcus and Elena Varga.")
    assert ("Marcus Varga", "AFFILIATED_WITH", "Korvex Ltd") in got
    assert ("Elena Varga", "AFFILIATED_WITH", "Korvex Ltd") in got


def test_a_legal_names_core_is_the_brand_it_names() -> None:
    got = relations_of(
        "The NYAG sued Gemini Trust Company (Gemini) in October. Gemini Trust is an exchange"
        " run by Marcus and Elena Varga."
    )
    assert ("Marcus Varga", "AFFILIATED_WITH", "Gemini") in got
    assert ("Marcus Varga", "AFFILIATED_WITH", "Gemini Trust") not in got
