"""Actors named only descriptively in real reporting (issue 12): "the police" in a story
about one place is that place's police force. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import types_of as _names


def test_the_police_in_a_hong_kong_story_is_its_police_force() -> None:
    names = _names(
        "HONG KONG - The police detained two promoters of the Velmora token on Monday. "
        "Hong Kong's Securities and Futures Commission said it had warned the public in May."
    )
    assert names.get("Hong Kong Police Force") == "GovernmentBody", names


def test_the_police_the_text_names_wins() -> None:
    names = _names(
        "The Royal Thai Police raided an office in Bangkok. The police said three men were held."
    )
    police = [n for n, t in names.items() if "Police" in n]
    assert police == ["Royal Thai Police"], names


def test_the_police_of_no_known_place_is_no_body() -> None:
    names = _names("The police said the suspects had fled before dawn.")
    assert not any("Police" in n for n in names), names
