"""An action noun whose imposer a relative clause names: "the suspension (that) the FIU
had imposed on X", "the fine the FCA levied against X" (issue 12, action nouns). The body
in the relative clause acted, not the sentence's subject (often the court that overturned
it). Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "A court overturned the fine the Financial Conduct Authority imposed on Zenmo "
            "Exchange in 2022.",
            ("Financial Conduct Authority", "FINED", "Zenmo Exchange"),
        ),
        (
            "The tribunal set aside a suspension that the Monetary Authority of Singapore had "
            "imposed on Korvane Capital Ltd.",
            ("Monetary Authority of Singapore", "BANNED", "Korvane Capital Ltd"),
        ),
        (
            "Judges quashed the penalty which the Ontario Securities Commission levied against "
            "Zenmo Exchange.",
            ("Ontario Securities Commission", "FINED", "Zenmo Exchange"),
        ),
    ],
)
def test_the_body_of_the_relative_clause_imposed_the_action(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in actions(extract(sentence)), actions(extract(sentence))


def test_a_countrys_body_named_with_its_possessive_is_the_imposer() -> None:
    out = extract(
        "A court in Seoul overturned the suspension that South Korea's Financial "
        "Intelligence Unit had imposed on Zenmo Exchange."
    )
    found = actions(out)
    assert any(a == "BANNED" and t == "Zenmo Exchange" and "Intelligence" in s for s, a, t in found)
    assert not any(s in ("Seoul", "South Korea") for s, _, _ in found), found


def test_an_overturned_imposed_fine_has_ended() -> None:
    out = extract(
        "A court overturned the fine the Financial Conduct Authority imposed on Zenmo Exchange."
    )
    fine = next(r for r in out.relations if r.type == "FINED")
    assert fine.properties.get("status") == "ended"
    assert fine.properties.get("ended_how") == "overturned"


def test_a_noun_the_subject_imposed_keeps_its_subject() -> None:
    out = extract("The Financial Conduct Authority imposed a fine on Zenmo Exchange.")
    assert ("Financial Conduct Authority", "FINED", "Zenmo Exchange") in actions(out)
