"""A founding phrase names no place across a new predicate: "was founded in 2017 and became
one of Turkey's largest" says nothing of where it was founded; "founded in 2017 in
Istanbul" still does. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_a_place_after_a_new_predicate_is_no_founding_place() -> None:
    found = relations_of(
        "Zolta Exchange was founded in 2017 and became one of Turkey's largest before it shut down."
    )
    assert ("Zolta Exchange", "ORIGINATED_IN", "Turkey") not in found, found
    found = relations_of("Zolta Exchange, founded in 2017 in Istanbul, shut down.")
    assert ("Zolta Exchange", "ORIGINATED_IN", "Istanbul") in found, found
