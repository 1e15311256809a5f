"""The body that filed the case a tribunal decided sued its parties; a body that only
asked ("at the request of") took no action, and is no apposition of the court after it."""

from __future__ import annotations

from extraction_support import actions, extract

AMF = "Autorité des marchés financiers"
TRIBUNAL = "Financial Markets Administrative Tribunal"


def test_the_body_whose_pleading_a_tribunal_decided_sued_its_parties() -> None:
    out = extract(
        "On September 20, 2023, further to an originating pleading filed by the Autorité "
        'des marchés financiers (the "AMF"), the Financial Markets Administrative Tribunal '
        "issued a decision sanctioning Zolta Ltd and Korvane Ltd."
    )
    found = actions(out)
    for party in ("Zolta Ltd", "Korvane Ltd"):
        assert (TRIBUNAL, "BANNED", party) in found, found
        assert (AMF, "SUED", party) in found, found


def test_a_body_that_asked_a_court_took_no_action_itself() -> None:
    for sentence in (
        "At the request of the SEC, a court froze the assets of Zolta Ltd.",
        "At the request of the SEC, the court blocked Zolta Ltd.",
    ):
        found = actions(extract(sentence))
        assert not [t for t in found if t[0] == "U.S. Securities and Exchange Commission"], found


def test_an_order_obtained_from_a_tribunal_is_the_tribunal_s() -> None:
    found = actions(
        extract(
            "The OSC obtained an order from the Capital Markets Tribunal banning Zolta Ltd from "
            "Ontario's capital markets."
        )
    )
    assert ("Capital Markets Tribunal", "BANNED", "Zolta Ltd") in found, found
    assert ("Ontario Securities Commission", "BANNED", "Zolta Ltd") not in found, found


def test_a_body_s_order_as_subject_is_the_body_acting() -> None:
    found = actions(extract("The High Court of Kenya's order froze Zolta Ltd's assets in March."))
    assert ("High Court of Kenya", "BLOCKED", "Zolta Ltd") in found, found


def test_a_government_s_action_is_the_body_said_to_issue_its_directive() -> None:
    found = actions(
        extract(
            "Ruritania's government has blocked access to 12 exchange websites, including "
            "Binance. The block was part of a directive issued by the Central Bank of Kenya on "
            "May 2."
        )
    )
    assert not [t for t in found if t[0] == "Central Bank of Kenya"], found  # another country
    found = actions(
        extract(
            "Kenya's government has blocked access to 12 exchange websites, including Binance. "
            "The block was part of a directive issued by the Central Bank of Kenya on May 2."
        )
    )
    assert ("Central Bank of Kenya", "BLOCKED", "Binance") in found, found
    assert not [t for t in found if t[0] == "Government of Kenya"], found
    found = actions(extract("Kenya's government has blocked access to Binance's website."))
    assert ("Government of Kenya", "BLOCKED", "Binance") in found, found
