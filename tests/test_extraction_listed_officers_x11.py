"""An officer named in a list of parties ("against X, its Chief Executive Officer Y, and
two other entities") is one of the action's targets, not an apposition describing X; a
plain apposition ("X, its parent company, ...") still describes. Sentences written for
these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_an_officer_in_a_list_of_parties_is_a_target() -> None:
    found = actions(
        extract(
            "The Securities Commission Malaysia issued a public reprimand against Zolta "
            "Holdings Limited, its Chief Executive Officer Pavel Orlov, and two other Zolta "
            "entities, namely Zolta Digital Limited and Zolta Asia Pte Ltd."
        )
    )
    sc = "Securities Commission Malaysia"
    assert (sc, "WARNED", "Pavel Orlov") in found, found
    assert (sc, "WARNED", "Zolta Holdings Limited") in found, found
    assert (sc, "WARNED", "Zolta Digital Limited") in found, found
