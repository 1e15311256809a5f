"""Who was told of an action took none of it; some of many cases closed end no one
action the article tells next."""

from __future__ import annotations

from extraction_support import actions, extract, relation_properties


def test_the_body_told_of_an_investigation_is_not_its_actor() -> None:
    found = actions(
        extract(
            "The ED arrested three individuals in connection with money laundering "
            "investigations, the Government informed Parliament."
        )
    )
    assert not any(t[0] == "Parliament" for t in found), found
    found = actions(
        extract(
            "Zolta Ltd faces investigations, the minister told the Financial Conduct Authority."
        )
    )
    assert not found, found
    found = actions(extract("Zolta Ltd faces investigations by the Financial Conduct Authority."))
    assert ("Financial Conduct Authority", "INVESTIGATED", "Zolta Ltd") in found


def test_a_count_of_closed_cases_ends_no_action_told_after() -> None:
    out = extract(
        "Four cases are closed on payment of tax. The Enforcement Directorate (ED) has "
        "arrested three individuals."
    )
    props = relation_properties(out)
    key = ("Enforcement Directorate", "INVESTIGATED", "individuals")
    assert key in props and props[key].get("status") != "ended", props
    # a lede's bare end of one case still ends the first action of its kind told next
    out = extract(
        "The case has collapsed. A year ago the Enforcement Directorate (ED) arrested three "
        "individuals."
    )
    assert relation_properties(out)[key].get("status") == "ended"
