"""A ban on web addresses cuts off access to them: "banned its URLs", "banned the websites
of X" are BLOCKED, and the "its" is the firm whose addresses they are, never the banning
body. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_ban_on_a_firm_s_urls_blocks_the_firm() -> None:
    found = actions(
        extract(
            "Zolta Ltd registered with the regulator in May, after the Union government banned "
            "its URLs in India."
        )
    )
    assert ("Government of India", "BLOCKED", "Zolta Ltd") in found, found
    found = actions(
        extract(
            "The Ministry of Electronics and Information Technology banned the websites of "
            "Zolta Ltd."
        )
    )
    assert ("Ministry of Electronics and Information Technology", "BLOCKED", "Zolta Ltd") in found
    # a ban on the firm itself stays a ban
    found = actions(
        extract("The Ministry of Electronics and Information Technology banned Zolta Ltd.")
    )
    assert ("Ministry of Electronics and Information Technology", "BANNED", "Zolta Ltd") in found
