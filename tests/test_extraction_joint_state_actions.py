"""A state's attorney general and a group of state regulators acting together: "New York
state's attorney general" is the state's attorney general; a passive's agents of different
public kinds all act ("by the state attorney general and seven state regulators"); a dash
aside before the verb lists what the subject names and acts for nobody; "administrative
actions" (plural) are suits; a group counted again with the same number and type is the
same group. Issue 12 point 1 (descriptive actors, coordination, groups); sentences written
for these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of

AG = "New York State Attorney General"


def test_a_states_attorney_general_with_the_state_word() -> None:
    found = relations_of("New York state's attorney general sued Quorvex Inc. on Monday.")
    assert (AG, "SUED", "Quorvex Inc.") in found, found


def test_passive_agents_of_two_public_kinds_both_act() -> None:
    found = relations_of(
        "Quorvex Inc. was fined by the New York attorney general and the SEC on Monday."
    )
    assert (AG, "FINED", "Quorvex Inc.") in found, found
    assert ("U.S. Securities and Exchange Commission", "FINED", "Quorvex Inc.") in found, found


def test_a_dash_aside_acts_for_nobody() -> None:
    found = relations_of(
        "Regulators in seven states - California, Kentucky, Maryland, Oklahoma, Texas, Ohio"
        " and Vermont - also filed administrative actions against Quorvex Inc. on Monday."
    )
    assert ("Regulators in seven states", "SUED", "Quorvex Inc.") in found, found
    assert not any(s == "Vermont" for s, _, _ in found), found


def test_enforcement_actions_are_no_suit() -> None:
    found = relations_of("The SC said it had initiated enforcement actions against Quorvex Ltd.")
    assert not any(k == "SUED" for _, k, _ in found), found


def test_a_group_counted_again_is_the_same_group() -> None:
    out = extract(
        "Quorvex Inc. is being sued by the SEC and seven state securities regulators."
        " Regulators from seven states also filed a lawsuit against Quorvex Inc."
    )
    groups = [e for e in out.entities if e.unnamed and e.type == "Regulator"]
    assert len(groups) == 1 and groups[0].count == 7, groups


def test_another_group_of_the_same_size_stays_apart() -> None:
    out = extract("The FCA warned three firms in May. It warned three other firms in June.")
    groups = [e for e in out.entities if e.unnamed and e.type == "Company"]
    assert len(groups) == 2, groups
