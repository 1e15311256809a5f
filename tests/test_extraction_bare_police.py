"""Police with no article, as a clause's subject ("police have since arrested 11 people"),
are the police force of the article's own place: of the seat of the bodies it names when
no text names the place, never of a place named only as another firm's seat. And a date
the text gives as the story's past ("first flagged it in July 2022") is no news date for
the lede's undated actions. Issue 12; sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

STORY = (
    "The Securities and Futures Commission said on Wednesday that Zenmo Exchange had never "
    "applied for a licence, and police have since arrested Tomas Verhoeven.\n\n"
    "The watchdog first flagged the Dubai-based platform in July 2022.\n\n"
    "The Hong Kong Monetary Authority reminded banks to stay alert."
)


def test_bare_police_are_the_force_of_the_bodies_seat() -> None:
    found = actions(extract(STORY))
    assert ("Hong Kong Police Force", "INVESTIGATED", "Tomas Verhoeven") in found, found
    assert not any("Dubai" in s for s, _, _ in found), found


def test_police_as_a_modifier_are_no_actor() -> None:
    out = extract("The Hong Kong SFC said police officers joined the raid on Zenmo Exchange.")
    assert not any("Police" in s for s, _, _ in actions(out)), actions(out)


def test_a_date_of_the_storys_past_is_no_news_date() -> None:
    out = extract(STORY, published=None)  # "on Wednesday" then gives no date
    arrest = next(r for r in out.relations if r.type == "INVESTIGATED")
    assert arrest.date is None, arrest.date
    flagged = next(r for r in out.relations if r.type == "WARNED")
    assert flagged.date == "2022-07", flagged.date
