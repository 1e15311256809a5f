"""A description that names a body's field ("the monetary regulator", "the telecoms
watchdog") is a body of that field, not the most recent body of another (issue 12,
descriptive actors); a title that names its body inside it ("the head of the monetary
regulator, X") ties the person to that body. Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, aliases_of, extract, triples, types_by_name

CBK = "Central Bank of Kenya"


def test_a_monetary_regulator_is_not_the_enforcement_agency_named_before_it() -> None:
    out = extract(
        "The Enforcement Directorate on Friday froze the accounts of Zentrix Exchange.\n\n"
        "The head of the monetary regulator, Amos Kiprono, said that the Central Bank of "
        "Kenya would not license crypto firms this year."
    )
    assert "the monetary regulator" not in aliases_of(out, "Enforcement Directorate")
    assert "the monetary regulator" in aliases_of(out, CBK)


def test_a_title_naming_its_body_ties_the_person_to_that_body_not_the_last_firm() -> None:
    facts = triples(
        extract(
            "The Enforcement Directorate on Friday froze the accounts of Zentrix Exchange.\n\n"
            "The head of the monetary regulator, Amos Kiprono, said that the Central Bank of "
            "Kenya would not license crypto firms this year."
        )
    )
    assert ("Amos Kiprono", "AFFILIATED_WITH", CBK) in facts, facts
    assert ("Amos Kiprono", "AFFILIATED_WITH", "Zentrix Exchange") not in facts, facts


def test_a_body_of_the_named_field_is_still_found_by_its_description() -> None:
    out = extract(
        "The Central Bank of Kenya warned banks against crypto payments on Monday. The "
        "monetary regulator said the warning covers every lender."
    )
    assert "the monetary regulator" in {a.lower() for a in aliases_of(out, CBK)}


def test_a_telecoms_watchdog_is_not_the_securities_regulator_named_before_it() -> None:
    out = extract(
        "The Securities and Exchange Commission of Pakistan warned investors about Zentrix "
        "Exchange on Monday. The telecoms watchdog was asked to block its website."
    )
    sec = "Securities and Exchange Commission of Pakistan"
    assert not any("telecoms watchdog" in a for a in aliases_of(out, sec)), aliases_of(out, sec)


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Pakistan's telecom regulator blocked access to the website of Zenmo Exchange.",
            "Pakistan's telecom regulator",
        ),
        ("Malta's gaming regulator fined Zenmo Exchange.", "Malta's gaming regulator"),
    ],
)
def test_a_field_regulator_the_gazetteer_lacks_is_kept_as_that_countrys_body(
    sentence: str, body: str
) -> None:
    out = extract(sentence)
    assert types_by_name(out).get(body) == "GovernmentBody", types_by_name(out)
    assert any(source == body for source, _, _ in actions(out)), actions(out)
