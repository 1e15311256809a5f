"""Those a copula lists as "named in the complaint (order, warning)" are that action's
parties, its type and actor the action's the noun points back at, also past a
subheading; a brand's legal entity named as its operator ("X and its operator, Y Ltd") is
a party of its own; a body a complaint was filed with, by its name or its bracketed
abbreviation, took no action. Issue 12 point 1 (coreference across sentences, lists,
subsidiaries kept distinct from the brand); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of

_NAMES = "Tom Reyes, Ann Lee, Bo Chan, Kit Wong, Lee Tan, Ray Ong, Sam Yeo, Tim Goh and Al Lim"


def test_the_people_named_in_the_complaint_are_sued() -> None:
    found = relations_of(
        "The SEC filed a complaint against Quorvex Ltd on Monday.\n\nOutreach on social"
        " media\n\nThe firm advertised widely. The individuals named in the complaint are"
        f" {_NAMES}."
    )
    for name in ("Tom Reyes", "Kit Wong", "Al Lim"):
        assert ("U.S. Securities and Exchange Commission", "SUED", name) in found, found


def test_those_named_in_a_warning_are_warned() -> None:
    found = relations_of(
        "The FCA issued a warning about Quorvex Ltd. Those named in the warning include"
        " Zentrax Ltd and Bo Chan."
    )
    assert ("Financial Conduct Authority", "WARNED", "Zentrax Ltd") in found, found


def test_named_in_with_no_action_before_names_nobody() -> None:
    found = relations_of("The people named in the complaint are Tom Reyes and Ann Lee.")
    assert not any(k == "SUED" for _, k, _ in found), found


def test_the_body_a_complaint_was_filed_with_took_no_action() -> None:
    found = relations_of(
        "Thailand's SEC has taken legal action against Quorvex Ltd. The complaint, filed with"
        " the Economic Crime Suppression Division (ECD), also names nine individuals."
    )
    assert not any(s == "Economic Crime Suppression Division" and k == "SUED" for s, k, _ in found)


def test_a_brands_named_operator_is_a_party_of_its_own() -> None:
    found = relations_of(
        "Thailand's SEC has taken legal action against OKX and its operator, Aux Cayes"
        " FinTech Co. Ltd., for providing services without a licence."
    )
    sec = "Securities and Exchange Commission of Thailand"
    assert (sec, "SUED", "OKX") in found, found
    assert (sec, "SUED", "Aux Cayes FinTech Co. Ltd.") in found, found
