"""'He'/'She' opening a passive names the one person the sentence before names: "A court
convicted Dan Orr. He was fined $5 million." With two people named there, the pronoun
names nobody. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_he_of_a_passive_is_the_person_named_before() -> None:
    found = actions(
        extract("A court in Turkey convicted Dan Orr on Monday. He was fined $5 million.")
    )
    assert ("court in Turkey", "FINED", "Dan Orr") in found, found


def test_he_after_two_people_names_nobody() -> None:
    found = actions(
        extract("A court in Turkey heard Dan Orr and Tom Reyes on Monday. He was fined $5 million.")
    )
    assert not any(t[1] == "FINED" for t in found), found
    found = actions(
        extract("A court in Turkey convicted Pia Lind on Monday. She has been charged again.")
    )
    assert ("court in Turkey", "SUED", "Pia Lind") in found, found
