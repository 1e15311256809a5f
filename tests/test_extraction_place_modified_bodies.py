""" "The Dubai regulator", "the UAE watchdog" name the regulator the article names there
(the place is a modifier of the body's noun, not a party of its own); a firm that "has
been hit with a £3 million fine" was fined. Issue 12 point 1 (descriptive actors,
triggers); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract, relation_properties, relations_of

VARA = "Virtual Assets Regulatory Authority"


@pytest.mark.parametrize("described", ["The UAE regulator", "The Dubai watchdog"])
def test_a_place_modified_body_is_the_one_named_there(described: str) -> None:
    got = relations_of(f"Dubai's {VARA} fined Korvex Ltd. {described} also fined Zentrope Ltd.")
    assert (VARA, "FINED", "Zentrope Ltd") in got


def test_a_place_modified_body_is_not_the_body_of_another_place() -> None:
    got = relations_of("The FCA fined Korvex Ltd. The Dubai regulator also fined Zentrope Ltd.")
    assert ("Financial Conduct Authority", "FINED", "Zentrope Ltd") not in got


def test_hit_with_a_fine_in_the_perfect_is_fined_with_its_amount() -> None:
    out = extract(
        "Korvex Ltd has been hit with a £3 million fine by the Financial Conduct Authority."
    )
    fine = relation_properties(out).get(("Financial Conduct Authority", "FINED", "Korvex Ltd"))
    assert fine is not None and fine.get("amount") == 3_000_000 and fine.get("currency") == "GBP"
