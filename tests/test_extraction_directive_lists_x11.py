"""An order whose directives a release sets out after "to:" in the next paragraph ("X
have been ordered by the SC to:" / "disable their websites ...; cease all marketing")
is read as one sentence: the order to disable or cease is a ban. Text written for these
tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_directives_after_to_colon_in_the_next_paragraph_are_the_order_s() -> None:
    text = (
        "Zolta Ltd and Kirov Bank have been ordered by the Securities Commission Malaysia "
        "to:\n\n"
        "disable their websites and mobile applications in Malaysia within 14 business "
        "days; and immediately cease all marketing activities.\n\n"
        "The firms did not comment."
    )
    found = actions(extract(text))
    assert ("Securities Commission Malaysia", "BANNED", "Zolta Ltd") in found, found
    assert ("Securities Commission Malaysia", "BANNED", "Kirov Bank") in found, found
