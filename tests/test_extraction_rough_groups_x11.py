"""Firms, sites or accounts counted only roughly ("scores of businesses in Bali advertising
online ...", "hundreds of websites") are an unnamed group with no count, its quantifier,
place and what it does as its words. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_roughly_counted_group_is_a_target_with_its_words() -> None:
    found = actions(
        extract(
            "The Financial Conduct Authority investigated dozens of firms in London offering "
            "crypto derivatives."
        )
    )
    assert (
        "Financial Conduct Authority",
        "INVESTIGATED",
        "dozens of firms in London offering crypto derivatives",
    ) in found, found
    found = actions(
        extract(
            "The Ministry of Communication and Informatics blocked hundreds of websites in March."
        )
    )
    assert (
        "Ministry of Communication and Informatics",
        "BLOCKED",
        "hundreds of websites",
    ) in found, found
    out = extract("The Financial Conduct Authority investigated dozens of firms in London.")
    assert all(e.count is None for e in out.entities if e.name.startswith("dozens")), out
