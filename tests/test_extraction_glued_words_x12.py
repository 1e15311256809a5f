"""A lower-case word glued to a name the text also writes alone gets its space back
("andQuorvex, an exchange based in Malta"), so the name and its description read as
written; a brand written glued everywhere ("bitFlyer") stays. Sentences written for
these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of, types_by_name

from ingest.extraction.text.normalize import normalize_text


def test_a_name_glued_to_the_word_before_it_is_read_with_its_description() -> None:
    text = (
        "The stop orders targetVelmar Limited, based in Saint Lucia, andQuorvex, an exchange "
        "based in Malta. The regulator banned Quorvex and Velmar Limited on Friday."
    )
    rels = relations_of(text)
    assert ("Quorvex", "HEADQUARTERED_IN", "Malta") in rels, rels
    assert ("Velmar Limited", "HEADQUARTERED_IN", "Saint Lucia") in rels, rels
    assert types_by_name(extract(text)).get("Quorvex") == "Exchange"


def test_a_brand_glued_everywhere_and_addresses_stay_glued() -> None:
    text = normalize_text("The bitFlyer exchange wrote to info.andCoin@velmar.com and theBank.")
    assert text == "The bitFlyer exchange wrote to info.andCoin@velmar.com and theBank."
    assert normalize_text("It sued andCoin and Coin.") == "It sued and Coin and Coin."
