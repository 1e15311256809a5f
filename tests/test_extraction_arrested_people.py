"""Arrests as regional wires report them: whoever is arrested, detained or extradited is a
person, whatever their given name or particles ("Glaidson Acácio dos Santos"), and a
country's police named with a qualifier ("Brazil's federal police") is that country's
force, the one the gazetteer knows there. Issue 12 point 1; sentences written for these
tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, types_by_name


@pytest.mark.parametrize("name", ["Glaidson Acácio dos Santos", "Tarcisio Mbeki", "Maria de Souza"])
def test_who_is_arrested_is_a_person(name: str) -> None:
    out = extract(f"Federal agents arrested {name} in August 2021 at his home.")
    assert types_by_name(out).get(name) == "Person", types_by_name(out)


def test_an_organisation_word_keeps_a_detained_name_no_person() -> None:
    out = extract("Police detained Tarvex Global staff in May.")
    assert types_by_name(out).get("Tarvex Global") != "Person"


@pytest.mark.parametrize(
    "police", ["Brazil's federal police", "Brazilian Federal Police", "Brazil's Federal Police"]
)
def test_a_countrys_qualified_police_is_its_known_force(police: str) -> None:
    out = extract(f"{police} arrested Glaidson Acácio dos Santos in August 2021.")
    assert ("Federal Police of Brazil", "INVESTIGATED", "Glaidson Acácio dos Santos") in actions(
        out
    ), actions(out)
