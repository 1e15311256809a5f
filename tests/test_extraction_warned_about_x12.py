"""What a warning is about is a party, as what it is against: "warned investors about
Zolta Trade and Quorvex Options". Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_the_firms_a_warning_is_about_are_warned() -> None:
    found = actions(
        extract(
            "The Financial Markets Authority warned investors about Zolta Trade and Quorvex "
            "Options."
        )
    )
    fma = "Financial Markets Authority"
    assert (fma, "WARNED", "Zolta Trade") in found, found
    assert (fma, "WARNED", "Quorvex Options") in found, found
