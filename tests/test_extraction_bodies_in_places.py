"""Bodies named by their members and places ("police in Lagos", "regulators in Lagos,
Abuja and Kano") are one actor, and the places that seat them are none (issue 12,
descriptive actors). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

from graph.models import Extraction


def _actors(out: Extraction) -> set[str]:
    return {source for source, _, _ in actions(out)}


def test_police_in_a_city_is_an_actor_seated_there() -> None:
    out = extract("Police in Lagos arrested 12 suspects linked to Zentrix Exchange on Monday.")
    assert _actors(out) == {"Police in Lagos"}, actions(out)
    police = next(e for e in out.entities if e.name == "Police in Lagos")
    assert police.type == "GovernmentBody"


def test_the_places_listed_after_a_body_are_not_actors_of_their_own() -> None:
    out = extract("Regulators in Lagos, Abuja and Kano warned against Zentrix Exchange.")
    assert _actors(out) == {"Regulators in Lagos, Abuja and Kano"}, actions(out)
    out = extract("Police in Lagos and Abuja arrested 12 suspects linked to Zentrix Exchange.")
    assert _actors(out) == {"Police in Lagos and Abuja"}, actions(out)


def test_a_list_that_goes_on_past_the_places_ends_the_body_at_its_place() -> None:
    out = extract("Regulators in Singapore and Zentrix Exchange have clashed over its licence.")
    names = {e.name for e in out.entities}
    assert "Regulators in Singapore" in names, names
    assert not any("Zentrix" in n and "Regulators" in n for n in names), names


def test_authorities_in_a_country_named_with_its_article_are_the_country() -> None:
    out = extract("Authorities in the Philippines moved to block access to Zentrix Exchange.")
    assert actions(out) == {("Philippines", "BLOCKED", "Zentrix Exchange")}, actions(out)
    out = extract("Authorities in the Netherlands and Cyprus took Zentrix Exchange offline.")
    assert _actors(out) == {"Netherlands", "Cyprus"}, actions(out)


def test_officials_in_a_country_act_for_it_as_authorities_do() -> None:
    out = extract("Officials in Greece banned Zentrix Exchange in May.")
    assert actions(out) == {("Greece", "BANNED", "Zentrix Exchange")}, actions(out)


def test_a_block_with_no_agent_done_in_a_country_is_the_countrys() -> None:
    out = extract("Zenmo Exchange's website was blocked in India last month.")
    assert actions(out) == {("India", "BLOCKED", "Zenmo Exchange")}, actions(out)
    out = extract("Zenmo Exchange was banned in Thailand by the SEC.")
    assert ("Thailand", "BANNED", "Zenmo Exchange") not in actions(out), actions(out)
