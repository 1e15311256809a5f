"""Unknown names listed as the object of an enforcement verb are parties ("Russian police
raided Rapira and Mosca", "fined Quorvex, Zentrax and Korvane"), and so is one name after
"raided", "suspended" or "shut down"; people listed so stay people, and a warning's
audience ("warned Ghanaians against ...") is no firm. Issue 12 point 1 (organisations
outside the gazetteer; lists); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of, types_of


def test_listed_objects_of_a_raid_are_parties() -> None:
    found = relations_of("Russian police raided Rapira and Mosca on Friday.")
    assert ("Russian police", "INVESTIGATED", "Rapira") in found, found
    assert ("Russian police", "INVESTIGATED", "Mosca") in found, found


def test_one_name_after_shut_down_is_a_party() -> None:
    found = relations_of("Nigeria's SEC shut down Quorvex on Monday.")
    assert any(k == "BANNED" and t == "Quorvex" for _, k, t in found), found


def test_listed_people_stay_people() -> None:
    types = types_of("Thai police charged John Smith and Jane Doe with fraud.")
    assert types.get("John Smith") == "Person" and types.get("Jane Doe") == "Person", types


def test_a_warnings_audience_is_no_firm() -> None:
    types = types_of("The Bank of Ghana warned Ghanaians and Nigerians against Freedom Coin.")
    assert "Ghanaians" not in types, types
