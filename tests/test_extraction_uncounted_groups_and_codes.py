"""A group an action names without a number is a group of unknown count, and the one its
"and" adds is another ("ordered the shutdown of several crypto exchanges and mining
farms"); an abbreviation that is a segment of a reference code names no body ("notice
NO.BG/GOV/SEC/2018/02")."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_an_uncounted_group_an_action_names_and_its_conjunct() -> None:
    out = extract(
        "The Ruritanian regulator Sunacrip ordered the shutdown of several crypto exchanges "
        "and mining farms in the past few days."
    )
    found = actions(out)
    assert any(t[1] == "BANNED" and t[2] == "crypto exchanges" for t in found), found
    assert any(t[1] == "BANNED" and t[2] == "mining farms" for t in found), found
    groups = {e.name: e for e in out.entities if e.unnamed}
    assert groups["crypto exchanges"].count is None
    assert types_by_name(out)["mining farms"] == "Company"


def test_a_bare_quantity_without_an_action_makes_no_group() -> None:
    out = extract("Several crypto exchanges have opened offices in the city.")
    assert "crypto exchanges" not in types_by_name(out)


def test_a_segment_of_a_reference_code_names_no_body() -> None:
    out = extract(
        "In line with notice NO.BG/GOV/SEC/2018/02 issued in 2018, the Bank of Ruritania "
        "warned Velmora Ltd."
    )
    assert not {n for n, t in types_by_name(out).items() if t == "Regulator"}, types_by_name(out)
    out = extract("The SEC/CFTC joint statement named Zolta Ltd.")
    assert "Commodity Futures Trading Commission" in types_by_name(out)
