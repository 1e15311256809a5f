"""An arrest made on a body's warrant is that body's act: "was arrested in Spain on an
international warrant from Interpol" is Interpol's. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_the_body_whose_warrant_an_arrest_was_made_on_acted() -> None:
    found = actions(
        extract(
            "Pavel Orlov was arrested in Spain in 2022 on an international warrant from Interpol."
        )
    )
    assert ("Interpol", "INVESTIGATED", "Pavel Orlov") in found, found
    found = actions(
        extract("Pavel Orlov was detained in Spain on an arrest warrant issued by Germany.")
    )
    assert ("Germany", "INVESTIGATED", "Pavel Orlov") in found, found
    # the place of the arrest is no actor of it
    assert not any(t[0] == "Spain" for t in found), found
