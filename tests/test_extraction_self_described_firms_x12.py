"""A firm typed by what it calls itself ("Quorvex, which bills itself as a crypto
exchange"; "Velmar Mining Pool, which described itself as a cloud mining platform" is a
firm, a platform for no trading) and a pool named in apposition ("through Harbour Yield
International, a global commodity pool"). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, types_by_name


def test_what_a_firm_calls_itself_types_it() -> None:
    types = types_by_name(
        extract(
            "In May, investors said Velmar Mining Pool, which described itself as a leading "
            "global cloud mining platform, had taken their money. Quorvex, which bills itself "
            "as a crypto exchange, denied any link."
        )
    )
    assert types.get("Velmar Mining Pool") == "Company", types
    assert types.get("Quorvex") == "Exchange", types


def test_a_pool_in_apposition_is_a_firm() -> None:
    types = types_by_name(
        extract(
            "Dan Orr allegedly ran, through Harbour Yield International, a global foreign "
            "currency commodity pool, a scheme that took only bitcoin."
        )
    )
    assert types.get("Harbour Yield International") == "Company", types
