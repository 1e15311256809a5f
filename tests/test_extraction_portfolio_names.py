"""A ministry's name that lists its portfolios stays one name even when known names stand
on both sides of its "and" ("Ministry of Finance and Treasury"), while two bodies joined
by "and the" stay two. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, types_by_name


def test_a_ministry_of_two_portfolios_is_one_body() -> None:
    out = extract("The agency works under the Ministry of Finance and Treasury, officials said.")
    bodies = {n for n, t in types_by_name(out).items() if t == "GovernmentBody"}
    assert bodies == {"Ministry of Finance and Treasury"}, types_by_name(out)


def test_a_department_of_two_portfolios_acts_as_one() -> None:
    out = extract("The Department of Finance and Treasury fined Kestrel Coin in May.")
    bodies = {n for n, t in types_by_name(out).items() if t == "GovernmentBody"}
    assert bodies == {"Department of Finance and Treasury"}, types_by_name(out)


def test_two_bodies_joined_by_and_the_stay_two() -> None:
    out = extract("The Ministry of Finance and the Treasury warned about Kestrel Coin.")
    bodies = {n for n, t in types_by_name(out).items() if t == "GovernmentBody"}
    assert bodies == {"Ministry of Finance", "Treasury"}, types_by_name(out)
