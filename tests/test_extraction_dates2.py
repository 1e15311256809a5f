"""Time references that name a thing's year do not move the story's time (issue 12,
ONTOLOGY v2 `date`): after "a 2017 order" or "its 2019 launch", "that year" is still the
year the narrative was telling. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article


def _dates(text: str) -> dict[tuple[str, str], tuple[object, object]]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2025, 11, 20)))
    names = {e.id: e.name for e in out.entities}
    return {
        (r.type, names[r.target]): (r.date, r.properties.get("ended_on")) for r in out.relations
    }


def test_that_year_after_an_attributive_year_is_the_narratives_year() -> None:
    dates = _dates(
        "The Financial Conduct Authority fined Zenmo Exchange in 2021 over its 2019 launch. That "
        "year it also warned Quillfin Labs."
    )
    assert dates[("WARNED", "Quillfin Labs")][0] == "2021", dates
    dates = _dates(
        "In February 2018 the St. Petersburg City Court quashed a 2017 order by the Oktyabrsky "
        "District Court blocking Zenmo Exchange. Later that year it also overturned the "
        "Vyborgsky District Court's 2016 decision to block Quillfin Labs."
    )
    assert dates[("BLOCKED", "Quillfin Labs")] == ("2016", "2018"), dates


def test_an_attributive_year_still_dates_its_own_action() -> None:
    dates = _dates(
        "In 2023 the Central Bank of Nigeria lifted its 2021 ban on Zenmo Exchange. That year "
        "it also fined Quillfin Labs."
    )
    assert dates[("BANNED", "Zenmo Exchange")] == ("2021", "2023"), dates
    assert dates[("FINED", "Quillfin Labs")][0] == "2023", dates


def test_the_day_a_circular_was_published_dates_the_action_it_announces() -> None:
    # 2025-11-20 is a Thursday: "on Friday" is the Friday before, 2025-11-14
    dates = _dates(
        "The Securities and Exchange Commission of Nigeria has declared the operations of Zenmo "
        "Exchange illegal and ordered the company to stop courting local investors.\n\nIn a "
        "circular published on Friday, the commission said its attention had been drawn to a "
        "website run by Zenmo Exchange."
    )
    assert dates[("BANNED", "Zenmo Exchange")][0] == "2025-11-14", dates
