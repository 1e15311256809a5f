"""A numbered rule keeps the word of its kind ("Memorandum Circular No. 4"), and the short
form a release gives the kind in parentheses names the next ones ("Memorandum Circular (MC)
No. 4 and MC No. 5"); the issuer before it stays a name of its own. Sentences written for
these tests."""

from __future__ import annotations

from extraction_support import extract, types_by_name


def test_a_kind_s_short_form_names_the_next_numbered_rule() -> None:
    types = types_by_name(
        extract(
            "Brokers need the licence required under BSP Memorandum Circular (MC) No. 7 and "
            "MC No. 9, which took effect in June."
        )
    )
    assert types.get("Memorandum Circular (MC) No. 7") == "Law", types
    assert types.get("MC No. 9") == "Law", types
    assert types.get("Bangko Sentral ng Pilipinas") == "CentralBank", types
