"""A prosecutor's bare title ties the prosecutor to no court (a prosecutor pleads before
it). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_prosecutor_sits_on_no_court() -> None:
    out = extract(
        "The Ninth Court of Guarantees blocked Binance in May. The measure was requested by "
        "prosecutor Teodoro Quiroga."
    )
    assert not {t for t in actions(out) if t[1] == "AFFILIATED_WITH"}, actions(out)
