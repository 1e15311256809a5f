"""A regulator that liquidated platforms shut them down; a second verb after 'and has'
keeps the first's subject; people named by their part in a case are people, surnames
alone too."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name

_AFM = "Kazakhstan's Agency for Financial Monitoring (AFM) released its figures. "


def test_platforms_a_regulator_liquidated_are_shut_down() -> None:
    found = actions(
        extract(
            _AFM + "According to a press release from the AFM, the country's financial "
            "watchdog, the regulator liquidated 36 illegal crypto platforms in 2024 and has "
            "blocked access to over 3,500 unregistered crypto trading platforms."
        )
    )
    assert ("Agency for Financial Monitoring", "BANNED", "illegal crypto platforms") in found
    assert (
        "Agency for Financial Monitoring",
        "BLOCKED",
        "unregistered crypto trading platforms",
    ) in found, found
    # a fund selling its positions liquidates nothing of the ontology
    assert not actions(extract("The fund liquidated its positions in bitcoin."))


def test_a_verb_after_and_has_keeps_the_first_verb_s_subject() -> None:
    found = actions(
        extract(_AFM + "The AFM fined Zolta Ltd in March and has also banned Korvane Ltd.")
    )
    assert ("Agency for Financial Monitoring", "BANNED", "Korvane Ltd") in found, found


def test_people_named_by_their_part_in_a_case_are_people() -> None:
    out = extract("Defendants Huang and Chen were fined by the Leshan court.")
    types = types_by_name(out)
    assert types.get("Huang") == "Person" and types.get("Chen") == "Person", types
    found = actions(extract("The Leshan court fined the main perpetrator Wan."))
    assert any(t[1] == "FINED" and t[2] == "Wan" for t in found), found
