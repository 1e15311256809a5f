"""Words a scraped page glued together ("targetKaarat Limited", "andCoinBene") are no
inner-capital brand (issue 12, real reporting): the capitalised half standing alone
elsewhere in the text gives the glue away. A brand written that way everywhere
("bitFlyer", "vTrade") is still one. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import types_of as _entities


def test_a_lost_space_makes_no_firm_of_the_word_before() -> None:
    names = _entities(
        "The orders, published as Declaratory Acts, targetVelmora Limited, based in Panama, "
        "andQuorvex, an exchange based in Chile. Velmora Limited was the focus of the first "
        "order, Quorvex of the second."
    )
    assert not any(n.startswith(("target", "and")) for n in names), names
    assert names.get("Velmora Limited") == "Company"


def test_a_brand_glued_everywhere_is_still_a_firm() -> None:
    assert _entities("The regulator fined bitFlyer Holdings on Monday.") == {
        "bitFlyer Holdings": "Company"
    }
    assert _entities("The regulator fined vTrade last week.") == {"vTrade": "Company"}
