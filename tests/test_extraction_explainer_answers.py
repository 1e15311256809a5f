"""Explainers in question-and-answer form: an answer that opens "No." ends its sentence
(it is no "No. 12"), arraignment is a charge, an ending whose object opens with "that"
("lifted that directive") ends the action, and "Zentrix" after "Zentrix Exchange" is the
same exchange. Issue 12 point 1; sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from extraction_support import actions, aliases_of, extract, types_by_name

from ingest.extraction.text.document import split_sentences


def test_an_answer_no_ends_its_sentence_but_a_number_runs_on() -> None:
    assert split_sentences("No. The Central Bank of Nigeria lifted it.") == [
        "No.",
        "The Central Bank of Nigeria lifted it.",
    ]
    assert len(split_sentences("It cited Circular No. 12 of 2021.")) == 1


def test_the_central_bank_after_an_answer_no_is_named_whole() -> None:
    out = extract("Is crypto banned in Nigeria?\n\nNo. The Central Bank of Nigeria barred banks.")
    assert "Central Bank of Nigeria" in types_by_name(out), types_by_name(out)


def test_an_arraignment_is_a_charge() -> None:
    out = extract(
        "The Economic and Financial Crimes Commission arraigned Binance and Tigran Gambaryan "
        "on money laundering charges."
    )
    sued = {t for s, a, t in actions(out) if a == "SUED"}
    assert {"Binance", "Tigran Gambaryan"} <= sued, actions(out)


def test_an_ending_whose_object_opens_with_that_ends_the_action() -> None:
    out = extract(
        "The Central Bank of Nigeria barred banks from servicing crypto exchanges in February "
        "2021. It lifted that ban in December 2023.",
        published=dt.date(2025, 3, 3),
    )
    ban = next(r for r in out.relations if r.type == "BANNED")
    assert ban.properties.get("status") == "ended"
    assert ban.properties.get("ended_on") == "2023-12"


def test_an_exchanges_first_word_is_the_exchange() -> None:
    out = extract(
        "The SEC declared Zentrix Exchange illegal on Friday. The commission said Zentrix had "
        "not applied for registration."
    )
    assert "Zentrix" in aliases_of(out, "Zentrix Exchange")


def test_a_datelines_month_is_no_place() -> None:
    out = extract(
        "Washington D.C., Sept. 12, 2024 - The Securities and Exchange Commission today "
        "charged Lendora Finance LLC."
    )
    assert "Sept." not in types_by_name(out) and "Sept" not in types_by_name(out)


def test_an_objects_surname_is_the_person_named_before() -> None:
    out = extract(
        "The SEC charged Lendora Finance LLC and its co-founders, Mark Haller and Priya "
        "Raman. In a parallel action, prosecutors announced criminal charges against Haller."
    )
    assert types_by_name(out).get("Haller") is None
    assert "Haller" in aliases_of(out, "Mark Haller")
