"""Where a counted group's words end (issue 12, unnamed groups): a second predicate of the
body ends them ("... seven entities for operating without licences and issued orders"),
and a reporting verb inside a relative clause does not ("ten platforms that it said were
operating without licences"). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract


def _groups(text: str) -> set[str]:
    return {e.name for e in extract(text).entities if e.unnamed}


def test_a_second_predicate_of_the_body_ends_the_group() -> None:
    groups = _groups(
        "The Securities Commission Malaysia fined seven entities for operating without "
        "licences in the state and issued cease and desist orders."
    )
    assert "entities for operating without licences in the state" in groups, groups


def test_a_reporting_verb_in_the_relative_clause_does_not_end_the_group() -> None:
    groups = _groups(
        "The Securities Commission Malaysia warned the public against ten crypto platforms "
        "that it said were operating without licences."
    )
    assert any(g.endswith("were operating without licences") for g in groups), groups
