"""A public body's name written a little off its curated name is the curated body: a
dropped inflection ("Alabama Security Commission"), a slipped letter ("Monetary Authority of
Singapure"); never an abbreviation one letter off, nor a name two curated bodies fit.
Issue 12 point 1 (name variants, light misspelling); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract, relations_of, types_by_name

from ingest.extraction.entities.curated_spellings import curated_variant
from ingest.extraction.names.gazetteer_index import get_index


def test_a_dropped_inflection_is_the_curated_body() -> None:
    found = relations_of(
        "The Alabama Security Commission (ASC) issued a cease and desist order against"
        " Quorvex Ltd. ASC Director Joseph Borg said more would follow."
    )
    assert ("Alabama Securities Commission", "WARNED", "Quorvex Ltd") in found, found
    assert ("Joseph Borg", "AFFILIATED_WITH", "Alabama Securities Commission") in found, found


def test_a_slipped_letter_is_the_curated_body() -> None:
    out = extract("The Monetary Authority of Singapure fined Quorvex Ltd in May.")
    assert types_by_name(out).get("Monetary Authority of Singapore") == "Regulator", out


@pytest.mark.parametrize(
    "name",
    [
        "Securities Commision",  # too short to tell apart
        "Central Bank of Oman Branch",  # another word count
        "Securities and Exchanges Commission",  # many curated bodies fit
        "Zelkova Securities Commission",  # another first word
    ],
)
def test_names_that_are_no_curated_variant(name: str) -> None:
    assert curated_variant(name, get_index()) is None
