"""The kind of firm written before its name types it ("an alert about the entity Monedero
Digital", "the platform Kestrel"), as regulators' notices in translation write; and a sum
after a currency code is no count of a group ("a fine of AED 500,000 on Falcon Brokers
LLC" names one firm, not 500,000 brokers). Issue 12; sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, types_by_name


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The CNBV issued an alert about the entity Monedero Digital.", "Company"),
        ("The CNBV warned about the company Monedero Digital, which is unlicensed.", "Company"),
        ("The CNBV warned about the platform Monedero Digital.", "Exchange"),
    ],
)
def test_the_kind_before_a_name_types_it(sentence: str, kind: str) -> None:
    out = extract(sentence)
    assert types_by_name(out).get("Monedero Digital") == kind, types_by_name(out)
    assert any(t == "Monedero Digital" for _, _, t in actions(out)), actions(out)


def test_a_weekday_after_the_kind_is_no_name() -> None:
    out = extract("The exchange Monday said it would appeal the fine.")
    assert "Monday" not in types_by_name(out), types_by_name(out)


# the marks that end a name end a count too (one list: text/currency_marks.py)
@pytest.mark.parametrize("mark", ["AED", "GH¢", "KD", "Ksh", "SR"])
def test_a_sum_after_a_currency_code_counts_no_group(mark: str) -> None:
    out = extract(f"The SCA imposed a fine of {mark} 500,000 on Falcon Brokers LLC.")
    assert [(e.name, e.unnamed) for e in out.entities if e.type == "Company"] == [
        ("Falcon Brokers LLC", False)
    ], [(e.name, e.type) for e in out.entities]
