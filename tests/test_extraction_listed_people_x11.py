"""People or firms an action names in a list a colon opens, one item per semicolon, each
with an age or a place ("against four individuals: A, 41; B, 29; and C, 50"), are all its
targets; a semicolon before a clause of its own still ends the action's clause. Sentences
written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_every_person_of_a_semicolon_list_after_a_colon_is_a_target() -> None:
    found = actions(
        extract(
            "The Hanoi Police Department has initiated legal proceedings against four "
            "individuals: Tran Van Hoang, 41; Pham Thi Lan, 29; Vo Minh Duc, 35; and Ngo "
            "Thanh Son, 50."
        )
    )
    for person in ("Tran Van Hoang", "Pham Thi Lan", "Vo Minh Duc", "Ngo Thanh Son"):
        assert ("Hanoi Police Department", "SUED", person) in found, found
    # a semicolon before a clause of its own still ends the list and the clause
    found = actions(
        extract(
            "The regulator listed its findings: Zolta Ltd had no licence; Kirov Bank, which "
            "held one, was later sued by the Ontario Securities Commission."
        )
    )
    assert not any(t[2] == "Kirov Bank" and t[1] != "SUED" for t in found), found
