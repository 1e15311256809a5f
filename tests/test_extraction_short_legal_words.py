"""A curated body's name may be written with its closing legal word short ("Federal
Deposit Insurance Corp"), and a known place before a known body's name is the place and
the body, not one firm the legal word would make ("US Federal Deposit Insurance Corp")."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_a_curated_name_with_its_legal_word_short_is_the_body() -> None:
    out = extract("The Federal Deposit Insurance Corp sued Zolta Ltd.")
    assert ("Federal Deposit Insurance Corporation", "SUED", "Zolta Ltd") in actions(out)


def test_a_place_before_a_known_body_is_no_part_of_a_firm() -> None:
    out = extract("The US Federal Deposit Insurance Corporation warned Velmora Ltd.")
    types = types_by_name(out)
    assert types.get("Federal Deposit Insurance Corporation") == "Regulator", types
    assert "US Federal Deposit Insurance Corporation" not in types
    assert ("Federal Deposit Insurance Corporation", "WARNED", "Velmora Ltd") in actions(out)
