"""The officials who signed a body's document, titled without the body's name ("a circular
signed by X, director for banking supervision, and Y, director of payments"), are the
article's leading public body's officials."""

from __future__ import annotations

from extraction_support import extract, triples


def test_the_signatories_of_a_circular_belong_to_its_body() -> None:
    found = triples(
        extract(
            "The Central Bank of Ruritania has directed banks to close accounts linked to "
            "crypto trading. This is according to a circular signed by Velna Oduya, director "
            "for banking supervision, and Tomas Kerrigan, director of payment systems, dated "
            "5 February 2021. The Central Bank of Ruritania said breaches would be punished."
        )
    )
    assert ("Velna Oduya", "AFFILIATED_WITH", "Central Bank of Ruritania") in found
    assert ("Tomas Kerrigan", "AFFILIATED_WITH", "Central Bank of Ruritania") in found


def test_no_body_leads_no_affiliation_is_guessed() -> None:
    found = triples(
        extract(
            "The FCA and the SEC met on Monday. A letter signed by Velna Oduya, director for "
            "supervision, was read out."
        )
    )
    assert not {t for t in found if t[0] == "Velna Oduya"}, found
