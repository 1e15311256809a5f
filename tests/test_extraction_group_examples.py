"""Firms named as examples of a group an action fell on share that action ("shut down 40
exchanges ... Among the seized platforms was X ... Other exchanges included A and B"),
within a few sentences of the same story; web addresses on newer endings (".cash") are
named. Issue 12 point 1 (unnamed groups, lists); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of, types_of

TEXT = (
    "Germany has shut down 40 cryptocurrency exchanges, accusing them of laundering money.\n\n"
    "Officials announced the seizure of servers.\n\n"
    "Among the seized platforms was Korvex.cash, which had handled a million transactions."
    " Other major exchanges included zentrope.org and Quillbit.com.\n\n"
    "Separately, the SEC fined Trellis Ltd."
)


def test_examples_of_a_banned_group_are_banned() -> None:
    got = relations_of(TEXT)
    for site in ("Korvex.cash", "zentrope.org", "Quillbit.com"):
        assert ("Germany", "BANNED", site) in got


def test_a_firm_of_another_story_is_no_example() -> None:
    assert ("Germany", "BANNED", "Trellis Ltd") not in relations_of(TEXT)


def test_newer_web_endings_name_websites() -> None:
    assert types_of("Users moved funds to Korvex.cash last week.").get("Korvex.cash") == "Website"
