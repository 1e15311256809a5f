"""Capital cities in the places gazetteer: every inhabited country or territory has its seat
of government, a firm's address names it ("Velmora Ltd, Douglas, Isle of Man", "X Ltd,
Sofia/Bulgaria"), and a capital that is also a personal name leaves the person alone
("Sofia Petrova, a trader"). Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of, types_of

from ingest.gazetteer import load_gazetteer

# Countries with no capital entry of their own: city-states and territories that are their
# own city, territories without a fixed seat or people, and two whose seat's name news
# uses for other places (Kingston, Norfolk Island; West Island, Cocos).
NO_CAPITAL_ENTRY = frozenset(
    (
        "Singapore",
        "Monaco",
        "Vatican City",
        "Gibraltar",
        "Macau",
        "Tokelau",
        "Antarctica",
        "Bouvet Island",
        "British Indian Ocean Territory",
        "Heard Island and McDonald Islands",
        "South Georgia and the South Sandwich Islands",
        "French Southern Territories",
        "United States Minor Outlying Islands",
        "Norfolk Island",
        "Cocos Islands",
    )
)


def test_every_inhabited_country_and_territory_has_a_place_inside_it() -> None:
    gazetteer = load_gazetteer()
    parents = {e.parent for e in gazetteer.entries if e.type == "Jurisdiction" and e.parent}
    countries = {e.name for e in gazetteer.entries if e.type == "Jurisdiction" and e.iso}
    assert sorted(countries - parents - NO_CAPITAL_ENTRY) == []


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Douglas (Isle of Man)", "Isle of Man"),
        ("Nuuk", "Greenland"),
        ("Tórshavn", "Faroe Islands"),
        ("Stanley (Falkland Islands)", "Falkland Islands"),
        ("Lobamba", "Eswatini"),
    ],
)
def test_a_territory_capital_is_part_of_its_territory(name: str, country: str) -> None:
    entry = load_gazetteer().canonical("Jurisdiction", name)
    assert entry is not None
    assert entry.parent == country


@pytest.mark.parametrize(
    "name", ["Sofia", "Santiago", "Lima", "Douglas (Isle of Man)", "Stanley (Falkland Islands)"]
)
def test_a_capital_that_is_also_a_personal_name_needs_context(name: str) -> None:
    entry = load_gazetteer().canonical("Jurisdiction", name)
    assert entry is not None
    assert entry.needs_context


def test_a_firm_address_in_a_known_capital_is_its_seat() -> None:
    got = relations_of(
        "The Financial Supervisory Authority warned investors about Velmora Ltd, Bucharest, "
        "Romania, which ran a crypto exchange without a licence."
    )
    assert ("Velmora Ltd", "HEADQUARTERED_IN", "Bucharest") in got


def test_a_firm_address_in_a_territory_capital_is_its_seat() -> None:
    got = relations_of(
        "The Isle of Man Financial Services Authority fined Velmora Ltd, Douglas, Isle of "
        "Man, £40,000 for running a crypto exchange without registration."
    )
    assert ("Velmora Ltd", "HEADQUARTERED_IN", "Douglas (Isle of Man)") in got
    assert ("Douglas (Isle of Man)", "PART_OF", "Isle of Man") in got


def test_a_city_slash_country_address_is_the_firm_seat() -> None:
    got = relations_of(
        "The regulator ordered Velmora Ltd, Sofia/Bulgaria, to stop selling its tokens to "
        "German investors."
    )
    assert ("Velmora Ltd", "HEADQUARTERED_IN", "Sofia") in got
    assert ("Sofia", "PART_OF", "Bulgaria") in got


@pytest.mark.parametrize(
    ("city", "country"), [("Sofia", "Bulgaria"), ("Santiago", "Chile"), ("Lima", "Peru")]
)
def test_a_capital_its_country_follows_needs_no_other_context(city: str, country: str) -> None:
    types = types_of(f"The regulator named Velmora Ltd, {city}, {country}, in its annual report.")
    assert types.get(city) == "Jurisdiction"


def test_a_comma_address_in_sofia_is_the_firm_seat() -> None:
    got = relations_of(
        "The Financial Supervision Commission fined Velmora Ltd, Sofia, Bulgaria, 50,000 "
        "leva for running a crypto exchange without registration."
    )
    assert ("Velmora Ltd", "HEADQUARTERED_IN", "Sofia") in got


def test_a_person_named_sofia_stays_a_person() -> None:
    text = (
        "Sofia Petrova, a trader, was fined $20,000 by the Securities and Exchange "
        "Commission for promoting an unregistered crypto token."
    )
    types = types_of(text)
    assert types.get("Sofia Petrova") == "Person"
    assert "Sofia" not in types


def test_a_person_named_douglas_is_no_place_in_a_manx_story() -> None:
    types = types_of(
        "The Isle of Man Financial Services Authority fined Douglas Kwon, a crypto trader, £15,000."
    )
    assert types.get("Douglas Kwon") == "Person"
    assert "Douglas (Isle of Man)" not in types
