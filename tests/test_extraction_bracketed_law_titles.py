"""A law whose title holds a bracketed part with its own joining words, and perhaps its
year, is one law ("Criminal Justice (Money Laundering and Terrorist Financing) Act 2010");
a bracket inside a firm's name makes no law."""

from __future__ import annotations

from extraction_support import extract, types_by_name


def test_a_bracketed_title_with_joining_words_is_one_law() -> None:
    types = types_by_name(
        extract(
            "Velmora Ltd breached the Criminal Justice (Money Laundering and Terrorist "
            "Financing) Act 2010 between 2021 and 2025."
        )
    )
    name = "Criminal Justice (Money Laundering and Terrorist Financing) Act 2010"
    assert types.get(name) == "Law", types


def test_a_bracketed_place_in_a_firm_name_makes_no_law() -> None:
    types = types_by_name(
        extract("The FCA fined Velmora (Cayman Islands) Holdings Ltd under its Act powers.")
    )
    assert not {n for n, t in types.items() if t == "Law"}, types
