"""Parties a warning names in the shapes releases use: what the warning says they did
("warned that A and B have misled investors"), a list set off by a dash or a colon after
a plural noun ("unauthorised firms - A and B (AB)"), bare "police" as the subject of
what a body reports, and "the two platforms" as the counted group named before, not a
list of names in between. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_the_parties_a_warning_says_something_of_are_warned() -> None:
    found = actions(
        extract(
            "The Securities and Futures Commission warned that Quillmark Trade and Harbour "
            "Vale, or Harbour Vale Global, have spread false claims about licences."
        )
    )
    sfc = "Securities and Futures Commission"
    assert (sfc, "WARNED", "Quillmark Trade") in found, found
    assert (sfc, "WARNED", "Harbour Vale") in found, found


def test_a_list_after_a_dash_names_the_warned_firms() -> None:
    found = actions(
        extract(
            "The Financial Sector Conduct Authority warned the public about unauthorised "
            "firms - Quillfox Options and Marble Yield Return (MYR)."
        )
    )
    fsca = "Financial Sector Conduct Authority"
    assert (fsca, "WARNED", "Quillfox Options") in found, found
    assert (fsca, "WARNED", "Marble Yield Return") in found, found


def test_bare_police_in_a_reported_clause_is_the_actor() -> None:
    found = actions(
        extract(
            "The Securities and Futures Commission said police have blocked the websites of "
            "Quillmark Trade."
        )
    )
    assert ("Hong Kong Police Force", "BLOCKED", "Quillmark Trade") in found, found
    assert ("Securities and Futures Commission", "BLOCKED", "Quillmark Trade") not in found


def test_the_two_platforms_are_the_counted_group_not_the_names_between() -> None:
    found = actions(
        extract(
            "The police have blocked the websites of two virtual asset platforms suspected of "
            "fraud, the Securities and Futures Commission said.\n\nQuillmark Trade Ltd claims "
            "its chairman is Dan Orr from Harbour Vale Markets Limited.\n\nThe regulator said "
            "police have taken steps to block the websites of the two platforms."
        )
    )
    blocked = {t[2] for t in found if t[1] == "BLOCKED"}
    assert "Harbour Vale Markets Limited" not in blocked, found
    assert "Quillmark Trade Ltd" not in blocked, found
