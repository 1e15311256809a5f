"""A government credited with the action one of its country's bodies took is the body's
action told again ("fined by the Turkish government" after the board's fine), not a second
actor; a government acting on its own, or on another party, keeps its action. Sentences
written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_a_governments_fine_retold_after_its_boards() -> None:
    out = extract(
        "The Financial Crimes Investigation Board has fined Kestrel Coin 2 million lira. "
        "Kestrel Coin became the first crypto business to be fined by the Turkish government."
    )
    fined = {s for s, a, t in actions(out) if a == "FINED"}
    assert fined == {"Financial Crimes Investigation Board"}, actions(out)


def test_a_governments_fine_of_the_local_units_group() -> None:
    out = extract(
        "The Financial Crimes Investigation Board has fined Binance Turkey 2 million lira. "
        "Binance became the first crypto business to be fined by the Turkish government."
    )
    fined = {s for s, a, t in actions(out) if a == "FINED"}
    assert fined == {"Financial Crimes Investigation Board"}, actions(out)


def test_a_governments_own_action_on_another_party_stays() -> None:
    out = extract(
        "The Financial Crimes Investigation Board has fined Kestrel Coin 2 million lira. "
        "Separately, Orlen Pay was fined by the Turkish government in March."
    )
    assert ("Government of Turkey", "FINED", "Orlen Pay") in actions(out), actions(out)
