"""A fine held over a party is no fine imposed: "under the threat of a daily fine if it
disobeys", "a daily fine, to be applied if the company continues" (dev2: conditional
fines are no action); a fine imposed stays one. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

_CVM = "Comissão de Valores Mobiliários"


def test_a_threatened_daily_fine_is_no_fine() -> None:
    found = actions(
        extract(
            "The Securities and Exchange Commission of Brazil banned Quorvex Ltd from "
            "offering services. The stop order was published with the threat of a daily fine "
            "of R$1,000 if the broker disobeys."
        )
    )
    assert (_CVM, "BANNED", "Quorvex Ltd") in found, found
    assert (_CVM, "FINED", "Quorvex Ltd") not in found, found


def test_a_fine_to_be_applied_if_is_no_fine_but_an_imposed_one_is() -> None:
    found = actions(
        extract(
            "The Securities and Exchange Commission of Brazil banned Quorvex Ltd from "
            "offering services. As a sanction, the commission established a daily fine of "
            "R$1,000, to be applied if the company continues."
        )
    )
    assert (_CVM, "FINED", "Quorvex Ltd") not in found, found
    found = actions(
        extract(
            "The Securities and Exchange Commission of Brazil imposed a fine of R$1,000 on "
            "Quorvex Ltd."
        )
    )
    assert (_CVM, "FINED", "Quorvex Ltd") in found, found
