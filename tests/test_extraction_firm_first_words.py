"""A firm whose name opens with "One" keeps it ("One Network Services Ltd"), a count before
a name does not ("One Binance entity"); a one-word name whose verb turns back on it
("Thanakrit presented himself as ...") is a person's. Issue 12 point 1 (organisations from
their shape, person names); sentences written for these tests."""

from __future__ import annotations

from extraction_support import types_of


def test_one_opening_a_legal_name_is_part_of_it() -> None:
    types = types_of("BaFin issued an order against One Network Services Ltd on Saturday.")
    assert types.get("One Network Services Ltd") == "Company"


def test_one_counting_a_brands_entities_is_no_part_of_a_name() -> None:
    types = types_of("One Binance entity was fined by BaFin.")
    assert "One Binance" not in types


def test_a_name_that_turns_back_on_itself_is_a_persons() -> None:
    types = types_of("Thanakrit presented himself as a partner of Korvex Thailand.")
    assert types.get("Thanakrit") == "Person"
