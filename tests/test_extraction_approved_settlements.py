"""A fine set by a settlement "between" a public body and a party is the body's, when a
court or tribunal only approved the settlement, in its own sentence or in the lede's next."""

from __future__ import annotations

from extraction_support import actions, extract


def test_the_settling_body_fines_not_the_approving_tribunal() -> None:
    found = actions(
        extract(
            "The Ontario Capital Markets Tribunal approved a settlement on Wednesday between "
            "Ontario Securities Commission staff and Velmora Ltd, under which Velmora Ltd will "
            "pay a $600,000 penalty."
        )
    )
    assert ("Ontario Securities Commission", "FINED", "Velmora Ltd") in found
    assert not {t for t in found if t[1] == "FINED" and "Tribunal" in t[0]}, found


def test_a_lede_payment_takes_the_settling_body_of_the_next_sentence() -> None:
    found = actions(
        extract(
            "Offshore crypto firm Velmora Ltd is paying about $1.2 million to resolve "
            "allegations that it broke securities laws.\n\n"
            "The Ontario Capital Markets Tribunal approved a settlement on Wednesday between "
            "Ontario Securities Commission staff and Velmora Ltd."
        )
    )
    assert ("Ontario Securities Commission", "FINED", "Velmora Ltd") in found
    assert not {t for t in found if t[1] == "FINED" and "Tribunal" in t[0]}, found
