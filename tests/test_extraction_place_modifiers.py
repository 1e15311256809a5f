"""A place inside a modifier ("its US-based arm, BAM Trading") is no new subject that ends
an action's object list. Issue 12 point 1 (subsidiaries, lists); sentences written for
these tests."""

from __future__ import annotations

from extraction_support import relations_of

SEC = "U.S. Securities and Exchange Commission"


def test_a_unit_after_a_place_modifier_is_a_party() -> None:
    got = relations_of("The SEC sued Binance and its US-based arm, Korvex Trading, in June 2023.")
    assert {(SEC, "SUED", "Binance"), (SEC, "SUED", "Korvex Trading")} <= got


def test_a_place_that_acts_still_ends_the_object_list() -> None:
    got = relations_of(
        "The SEC fined Korvex Ltd, and Japan, which regulates Zentrope Ltd, did not."
    )
    assert (SEC, "FINED", "Zentrope Ltd") not in got
