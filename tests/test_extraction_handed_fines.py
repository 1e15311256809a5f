"""A fine a body hands out ("The FCA handed X a $2 million penalty", "handed down a £2m
fine to X") is FINED with its amount, and handing over something else is no fine. Issue
12 point 1 (triggers); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract


@pytest.mark.parametrize(
    ("sentence", "amount", "currency"),
    [
        ("The FCA handed Kelvora Ltd a $2 million penalty.", 2e6, "USD"),
        ("The FCA handed down a £2m fine to Kelvora Ltd.", 2e6, "GBP"),
    ],
)
def test_a_fine_handed_out_is_fined_with_its_amount(
    sentence: str, amount: float, currency: str
) -> None:
    out = extract(sentence)
    fines = [r for r in out.relations if r.type == "FINED"]
    assert len(fines) == 1
    assert fines[0].properties.get("amount") == amount
    assert fines[0].properties.get("currency") == currency


def test_handing_over_a_case_is_no_fine() -> None:
    out = extract("The FCA handed the case to prosecutors in May.")
    assert not [r for r in out.relations if r.type == "FINED"]
