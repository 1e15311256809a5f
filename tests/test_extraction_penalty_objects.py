"""The party a penalty falls on, named after the penalty's amount or after the body's
earlier intent, and a penalty waived: the fine, ended."""

from __future__ import annotations

import datetime as dt

from extraction_support import actions, extract, relation_properties

FSCA = "Financial Sector Conduct Authority"


def test_the_party_after_a_penalty_s_amount_is_fined() -> None:
    out = extract(
        "South Africa's FSCA imposed an administrative penalty of R20 million on Velmora "
        "Trading International (VTI) in 2022."
    )
    assert (FSCA, "FINED", "Velmora Trading International") in actions(out), actions(out)


def test_a_penalty_waived_is_the_fine_ended() -> None:
    out = extract(
        "South Africa's FSCA last week agreed to waive a penalty of R20 million it threatened "
        "to impose in 2021 on Velmora Trading International (VTI), a collapsed scheme.",
        published=dt.date(2023, 2, 14),
    )
    key = (FSCA, "FINED", "Velmora Trading International")
    props = relation_properties(out)
    assert key in props, actions(out)
    assert props[key].get("status") != "active", props[key]
    assert props[key].get("amount") == 20_000_000, props[key]
