"""A capitalised 'the Court' is the court the story's lede names, not the last court named
("The Federal Court has found ... the Full Federal Court found ... The Court has today
ordered X to pay"). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

_LEDE = (
    "The Federal Court has found Velmora Pty Ltd (Velmora) must pay $4 million in pecuniary "
    "penalties over its wallet product.\nIn 2024, the Federal Court found that Velmora "
    "engaged in unlicensed conduct. The Court also found that Velmora made misleading "
    "statements.\n"
)
_APPEAL = (
    "In 2025, the Full Federal Court found that Velmora engaged in unlicensed conduct over a "
    "further period.\n"
)


def test_the_court_is_the_ledes_court() -> None:
    out = extract(
        _LEDE
        + _APPEAL
        + "The Court has today ordered Velmora is to pay total penalties of $4 million, made "
        "up of:\n- $1 million for unlicensed conduct, and\n- $3 million for misleading conduct."
    )
    fined = {s for s, a, t in actions(out) if a == "FINED"}
    assert fined == {"Federal Court"}, actions(out)  # (not the Full Federal Court)


def test_a_court_of_appeal_is_a_name_of_its_own() -> None:
    out = extract(
        _LEDE + "The Court of Appeal of Ontario later fined Korvane Inc. $2 million in May."
    )
    fined = {(s, t) for s, a, t in actions(out) if a == "FINED"}
    assert ("Federal Court", "Korvane Inc.") not in fined, actions(out)
