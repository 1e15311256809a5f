"""A body that "warned financial institutions not to deal in cryptocurrencies" banned the
conduct (a directive to the institutions that carry it out), no warning of anyone; a plain
warning stays a warning. Issue 12 point 1 (directives); sentences written for these
tests."""

from __future__ import annotations

from extraction_support import relations_of

QCB = "Qatar Central Bank"


def test_warned_institutions_not_to_is_a_ban_of_the_conduct() -> None:
    got = relations_of(
        "Qatar's central bank has warned financial institutions not to deal in cryptocurrencies."
    )
    assert (QCB, "BANNED", "dealing in cryptocurrencies") in got
    assert not {r for r in got if r[1] == "WARNED"}


def test_a_plain_warning_is_a_warning() -> None:
    got = relations_of("The FCA warned Korvex Ltd on Monday.")
    assert ("Financial Conduct Authority", "WARNED", "Korvex Ltd") in got
