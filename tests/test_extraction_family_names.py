"""A Korean-style name ("Kang Jong-Hyun") is shortened to its first word, the family name,
not the last; "South Korean prosecutors" is the prosecutors' office the article names in a
city of that country. Issue 12 point 1 (person names, descriptive actors); sentences
written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of, types_of

from ingest.extraction.names.person_names import family_names

OFFICE = "Seoul Southern District Prosecutors' Office"


@pytest.mark.parametrize(
    ("name", "families"),
    [
        ("Kang Jong-Hyun", ["Jong-Hyun", "Kang"]),
        ("Kwon Do-hyung", ["Do-hyung", "Kwon"]),
        ("Sam Bankman-Fried", ["Bankman-Fried"]),
        ("Dana Mirrow", ["Mirrow"]),
    ],
)
def test_family_names(name: str, families: list[str]) -> None:
    assert family_names(name) == families


def test_a_korean_family_name_alone_is_the_person() -> None:
    text = (
        "Prosecutors are seeking the arrest of Yoon Sang-Ho, the chairman of exchange"
        f" Korvex. Yoon was charged by the {OFFICE} with embezzlement."
    )
    assert "Yoon" not in types_of(text)
    assert (OFFICE, "SUED", "Yoon Sang-Ho") in relations_of(text)


def test_national_prosecutors_are_the_office_named_in_a_city_of_that_country() -> None:
    got = relations_of(
        "South Korean prosecutors charged Yoon Sang-Ho on Monday. The"
        f" {OFFICE} said the case involved embezzlement."
    )
    assert (OFFICE, "SUED", "Yoon Sang-Ho") in got
