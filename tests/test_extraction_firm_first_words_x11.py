"""A firm named in full first and later by its first word alone is one firm also where
its full name adds a finance word ("Zelkova Invest", then "Zelkova"). Sentences written
for these tests."""

from __future__ import annotations

from extraction_support import extract, types_by_name


def test_a_finance_firm_s_first_word_is_the_firm() -> None:
    for full in ("Zelkova Invest", "Zelkova Capital", "Zelkova Lending"):
        types = types_by_name(
            extract(
                "Prosecutors in Seoul arrested three executives of crypto lender "
                f"{full} on Monday. "
                "The Seoul Southern District Prosecutors' Office has been investigating Zelkova "
                "and crypto lender Kovra since June."
            )
        )
        assert full in types and "Zelkova" not in types, types
