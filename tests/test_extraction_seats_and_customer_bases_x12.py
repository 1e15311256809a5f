"""Where firms sit and serve: a place before "registered company" without its hyphen
("the Malta registered company X") seats X; a firm's customer base located in a place is
presence there; "registered in X" after the clients a firm served seats those clients,
not the firm. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_an_unhyphenated_place_registered_company_is_seated_there() -> None:
    rels = relations_of(
        "The regulator said the website is not associated with the Malta registered company "
        "Quillgain Limited."
    )
    assert ("Quillgain Limited", "HEADQUARTERED_IN", "Malta") in rels, rels


def test_a_customer_base_located_somewhere_is_presence_and_clients_seat_no_firm() -> None:
    rels = relations_of(
        "Velmar Pay UAB is headquartered in Lithuania. Velmar Pay UAB's customer base, "
        "totaling 213,000 users, is located in Russia. The company provided individuals and "
        "corporate entities registered in Russia with wallet services."
    )
    assert ("Velmar Pay UAB", "OPERATES_IN", "Russia") in rels, rels
    assert ("Velmar Pay UAB", "HEADQUARTERED_IN", "Russia") not in rels, rels
