"""An unknown name is a party where an action noun is against it past a few words ("filed a
criminal complaint with police against Quorvex"), where frozen assets belong to it, and
where a blocked website (app, account) is its own ("block the website of Quorvex").
Issue 12 point 1 (organisations outside the gazetteer); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Thailand's SEC filed a criminal complaint with police against Quorvex for operating"
            " without a licence.",
            "SUED",
        ),
        (
            "India's Enforcement Directorate froze assets worth Rs 50 crore belonging to Quorvex.",
            "BLOCKED",
        ),
        ("The Philippine SEC moved to block the website of Quorvex on Monday.", "BLOCKED"),
    ],
)
def test_a_party_by_its_position(text: str, kind: str) -> None:
    found = relations_of(text)
    assert any(k == kind and t == "Quorvex" for _, k, t in found), found
