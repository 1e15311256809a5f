"""'it' inside a clause a reporting verb opens is that clause's own subject when it names
one ("The MAS said Zentrix had not told it that it had hired X": Zentrix hired X), and a
firm that 'it' stands for hires people as the firm does. Issue 12 point 1 (coreference
across clauses); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_it_in_a_reported_clause_is_that_clauses_subject() -> None:
    found = relations_of(
        "The regulator MAS said Korvane Pte Ltd did not tell it that it had employed"
        " Mr Tom Reyes as a portfolio manager."
    )
    assert ("Tom Reyes", "AFFILIATED_WITH", "Korvane Pte Ltd") in found, found
    assert not any(t[0] == "Tom Reyes" and t[2] == "Monetary Authority of Singapore" for t in found)


def test_a_firm_named_by_it_hires() -> None:
    found = relations_of("Korvane Ltd was fined in May. It had hired Tom Reyes as chief executive.")
    assert ("Tom Reyes", "AFFILIATED_WITH", "Korvane Ltd") in found, found


def test_it_right_after_the_reporting_verb_is_the_speaker() -> None:
    found = relations_of(
        "The SEC fined Korvane Ltd in May. The SEC said it had hired Tom Reyes as a director."
    )
    assert ("Tom Reyes", "AFFILIATED_WITH", "Korvane Ltd") not in found, found
