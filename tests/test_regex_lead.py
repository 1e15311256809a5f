"""`text/regex_lead.lead` moves a leading `\\b` behind the first letter it guards, and
matches stay exactly those of the pattern as written."""

from __future__ import annotations

import re

import pytest

from ingest.extraction.text.regex_lead import lead

GUARD = r"(?<!\w.)"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bfined", "f" + GUARD + "ined"),
        (r"\b(?:ban|bar)s?", "(?:b" + GUARD + "an|b" + GUARD + "ar)s?"),
        # a bar or parenthesis inside a class or escaped splits no branch
        (r"\b(?:a[|(]b|c)x", "(?:a" + GUARD + "[|(]b|c" + GUARD + ")x"),
        (r"\b(?:a\|b|c)", "(?:a" + GUARD + r"\|b|c" + GUARD + ")"),
        (r"\b(?:a(?:b|c)|d)", "(?:a" + GUARD + "(?:b|c)|d" + GUARD + ")"),
    ],
)
def test_lead_moves_the_boundary_behind_each_branchs_first_letter(
    pattern: str, expected: str
) -> None:
    assert lead(pattern) == expected


@pytest.mark.parametrize(
    "pattern",
    [r"\b(?:ab|cd)+", r"\b\d+", r"\b(?:a|\d)", "fined", r"\b(?:ab|cd"],
)
def test_a_pattern_lead_cannot_rewrite_is_left_as_it_is(pattern: str) -> None:
    assert lead(pattern) == pattern


@pytest.mark.parametrize(
    "pattern", [r"\bfined", r"\b(?:ban|bar)s?\b", r"\b(?:a[|(]b|c)x", r"\b(?:a(?:b|c)|d)e"]
)
def test_matches_are_those_of_the_pattern_as_written(pattern: str) -> None:
    text = "unfined fined refined, bans barred ban; ab cx a|bx a(bx abe ade xade de"
    assert [m.span() for m in re.finditer(lead(pattern), text)] == [
        m.span() for m in re.finditer(pattern, text)
    ]
