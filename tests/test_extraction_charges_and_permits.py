"""People counted by nationality are a group a charge can name ("two Russian nationals");
what a charge says they did with a firm names no second party ("charged X with operating
Y"); a permit named before "of" is the firm's ("revoked the BitLicense of Y": Y's licence
ended, Y is no "BitLicense of Y"). Issue 12; sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_people_counted_by_nationality_are_a_charged_group() -> None:
    out = extract("The Justice Department charged two Russian nationals with fraud.")
    sued = [r for r in out.relations if r.type == "SUED"]
    assert len(sued) == 1, actions(out)
    group = next(e for e in out.entities if e.id == sued[0].target)
    assert (group.type, group.count, group.unnamed) == ("Person", 2, True)


def test_the_firm_a_charge_says_they_operated_is_no_party() -> None:
    out = extract("The Justice Department charged Tomas Verhoeven with operating Kestrel Exchange.")
    assert actions(out) == {("U.S. Department of Justice", "SUED", "Tomas Verhoeven")}, actions(out)


def test_a_firm_charged_alone_is_still_charged() -> None:
    out = extract("The Justice Department charged Kestrel Exchange with money laundering.")
    assert ("U.S. Department of Justice", "SUED", "Kestrel Exchange") in actions(out)


def test_a_permit_before_of_is_the_firms_and_its_revocation_ends_it() -> None:
    out = extract(
        "The NYDFS revoked the BitLicense of Orrin Trust Co., citing compliance failures."
    )
    names = types_by_name(out)
    assert not any(n.startswith("BitLicense of") for n in names), names
    licence = next(r for r in out.relations if r.type == "LICENSED")
    assert licence.properties.get("ended_how") == "revoked", licence
