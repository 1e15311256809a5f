""" "Police in Estonia have arrested two men" is a force of that country arresting the two
men the next sentence names; an indictment that charges them is the prosecutors' (the
one prosecuting body the story names, before or after), never the police's told
sentences before; "three more men" adds to a group counted elsewhere and is no group.
Issue 12 point 1 (descriptive actors, unnamed groups, coreference); sentences written
for these tests."""

from __future__ import annotations

from extraction_support import extract, relations_of, types_by_name

TEXT = (
    "TALLINN — Police in Estonia have arrested two men accused in a $40 million crypto"
    " fraud, U.S. authorities said Monday.\n\n"
    "An indictment unsealed in Seattle charged Estonian citizens Marek Tamsalu and Oskar"
    " Lindvere with wire fraud.\n\n"
    "The pair are in custody pending extradition, the Justice Department said."
)


def test_police_in_a_country_is_a_force_of_that_country() -> None:
    out = extract(TEXT)
    assert types_by_name(out).get("Police in Estonia") == "GovernmentBody"
    assert ("Police in Estonia", "LOCATED_IN", "Estonia") in relations_of(TEXT)


def test_two_men_arrested_are_the_two_people_named_next() -> None:
    got = relations_of(TEXT)
    for person in ("Marek Tamsalu", "Oskar Lindvere"):
        assert ("Police in Estonia", "INVESTIGATED", person) in got


def test_an_indictment_is_the_prosecutors_named_in_the_story() -> None:
    got = relations_of(TEXT)
    for person in ("Marek Tamsalu", "Oskar Lindvere"):
        assert ("U.S. Department of Justice", "SUED", person) in got
    assert not {r for r in got if r[0] == "Police in Estonia" and r[1] == "SUED"}


def test_police_in_a_list_of_countries_stay_the_countries() -> None:
    got = relations_of("Police in Greece and Cyprus took KuCoin offline on Tuesday.")
    assert ("Greece", "BANNED", "KuCoin") in got


def test_more_men_are_no_group_of_their_own() -> None:
    out = extract("Hong Kong police arrested three more men on Wednesday in connection with JPEX.")
    assert not [e for e in out.entities if e.unnamed and e.type == "Person"]
