"""An action noun whose relative clause, set off by commas, says who imposed it on whom
("The ban, which the FCA imposed on X in 2022, was lifted in March"): the body's action on
the party, dated by that clause and ended by the main clause, as in the restrictive form.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract


def _actions(text: str) -> dict[tuple[str, str], tuple[str | None, dict[str, object]]]:
    out = extract(text)
    names = {e.id: e.name for e in out.entities}
    return {
        (names[r.source], r.type): (r.date, dict(r.properties))
        for r in out.relations
        if names[r.target] == "Velmora Ltd"
    }


@pytest.mark.parametrize("relative", [", which ", " that "])
def test_a_lifted_ban_whose_imposer_a_relative_clause_names(relative: str) -> None:
    comma = "," if relative.startswith(",") else ""
    found = _actions(
        f"The ban{relative}the FCA imposed on Velmora Ltd in 2022{comma} was lifted in March."
    )
    date, props = found[("Financial Conduct Authority", "BANNED")]
    assert date == "2022" and props.get("ended_how") == "lifted", found


def test_an_overturned_fine_told_with_commas() -> None:
    found = _actions(
        "The fine, which the SEC imposed on Velmora Ltd in 2021, was overturned on appeal."
    )
    date, props = found[("U.S. Securities and Exchange Commission", "FINED")]
    assert date == "2021" and props.get("ended_how") == "overturned", found


def test_a_relative_clause_of_another_kind_imposes_nothing() -> None:
    assert not _actions("The ban, which was widely criticised, hit traders of Velmora Ltd.")
