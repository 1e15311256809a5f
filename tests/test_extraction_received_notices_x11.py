"""The one who "was first issued" (or "also served") a notice is its party, as the one who
"was issued" it: an adverb between the auxiliary and the participle changes nothing.
Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_an_adverb_before_issued_keeps_the_receiver_the_party() -> None:
    found = actions(
        extract(
            "The Financial Intelligence Unit (FIU) has slapped a penalty of Rs 18 crore on Zolta "
            "Ltd. Zolta Ltd was first issued a show cause notice on December 28, 2023."
        )
    )
    assert ("Financial Intelligence Unit India", "WARNED", "Zolta Ltd") in found, found
