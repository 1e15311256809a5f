"""An "it" that opens a clause and was guessed to be an outlet is no outlet reporting:
the clause's subject is no public body, so no body named elsewhere is credited with its
act ("... Harbour Ledger reported that Quorvex Pool was accused of fraud. It closed down
its platform."). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_firms_own_closing_is_no_ban_by_the_body_named_before() -> None:
    found = actions(
        extract(
            "The Financial Sector Conduct Authority warned the public about Zolta Options. "
            "Luno South Africa's parent company is Digital Currency Group.\n\nIn May, Harbour "
            "Ledger reported that Quorvex Mining Pool, which described itself as a cloud mining "
            "platform, was accused of fraud.\nIt closed down its platform, leaving investors "
            "devastated."
        )
    )
    assert not any(t[1] == "BANNED" for t in found), found
