"""A shareholder named with the firm ("X, a majority shareholder of Y") is affiliated with
it in that role. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties


def test_a_majority_shareholder_is_affiliated_with_the_firm() -> None:
    props = relation_properties(
        extract(
            "Prosecutors in Seoul issued an arrest warrant for Pavel Orlov, a majority "
            "shareholder of Zolta Ltd."
        )
    )
    key = ("Pavel Orlov", "AFFILIATED_WITH", "Zolta Ltd")
    assert key in props and props[key].get("role") == "majority shareholder", props
