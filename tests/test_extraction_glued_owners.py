"""A firm's name glued to "-owned" ("-backed", "-controlled") is the owner of the firm it
describes ("Zentrax-owned Quorvex Ltd", "Quorvex Ltd, a Zentrax-backed exchange"), never
the target of the action on that firm; a common or national word so glued ("state-owned",
"Chinese-owned") is no firm. Issue 12 point 1 (organisations from their shape,
subsidiaries kept distinct); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of, types_of


@pytest.mark.parametrize(
    "text",
    [
        "Zentrax-owned Quorvex Ltd was fined by the FCA in May.",
        "The FCA fined Quorvex Ltd, a Zentrax-backed exchange, in May.",
    ],
)
def test_a_glued_owner_owns_the_firm(text: str) -> None:
    found = relations_of(text)
    assert ("Quorvex Ltd", "SUBSIDIARY_OF", "Zentrax") in found, found
    assert ("Financial Conduct Authority", "FINED", "Quorvex Ltd") in found, found
    assert not any(k == "FINED" and t == "Zentrax" for _, k, t in found), found


@pytest.mark.parametrize("word", ["State", "Chinese", "Family"])
def test_a_common_or_national_word_owns_nothing(word: str) -> None:
    types = types_of(f"{word}-owned Quorvex Ltd was fined by the FCA in May.")
    assert word not in types, types
