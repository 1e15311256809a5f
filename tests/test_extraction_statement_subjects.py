"""A document a body published as its verb's subject makes the body the actor ("A
statement published by the Saudi Arabian Monetary Authority (SAMA) warns against ...");
a firm's report warns nobody on a body's behalf. Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract


@pytest.mark.parametrize(
    ("text", "actor", "target"),
    [
        (
            "A statement published by the Saudi Arabian Monetary Authority (SAMA) warns "
            "against trading in cryptocurrencies.",
            "Saudi Central Bank",
            "cryptocurrency trading",
        ),
        (
            "A statement published by the Saudi Arabian Monetary Authority warns against "
            "trading in cryptocurrencies.",
            "Saudi Central Bank",
            "cryptocurrency trading",
        ),
        (
            "A notice issued by the FSCA on Monday warns the public against Velmora Ltd.",
            "Financial Sector Conduct Authority",
            "Velmora Ltd",
        ),
    ],
)
def test_the_publisher_of_the_statement_warns(text: str, actor: str, target: str) -> None:
    assert (actor, "WARNED", target) in actions(extract(text)), actions(extract(text))


def test_a_firms_report_is_no_warning() -> None:
    out = extract("A report by Velmora Ltd warns against trading in cryptocurrencies.")
    assert not {t for t in actions(out) if t[1] == "WARNED"}, actions(out)
