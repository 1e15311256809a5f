"""Action wordings real outlets use (issue 12): coordinated subjects of a receiver's noun
("A and B received show-cause notices from Y"), facing a suit ("X is facing legal action
from Y"), the people a raid arrested listed after the verb ("Among those arrested were A
and B"), and a sanctions designation named only by its verb ("OFAC designated X").
Sentences written for these tests, with invented firms and people."""

from __future__ import annotations

import pytest
from extraction_support import relations_of as _rels


def _of(rels: set[tuple[str, str, str]], rtype: str) -> set[tuple[str, str]]:
    return {(s, t) for s, r, t in rels if r == rtype}


SEC = "U.S. Securities and Exchange Commission"
CFTC = "Commodity Futures Trading Commission"
DOJ = "U.S. Department of Justice"


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "Korvex Ltd and Zentara Inc have also received show-cause notices from the "
            "Financial Intelligence Unit of India.",
            "Financial Intelligence Unit India",
        ),
        ("Korvex Ltd and Zentara Inc were handed show-cause notices by the SEC.", SEC),
        ("Korvex Ltd, Zentara Inc and Plumeo LLC were issued show cause notices by the SEC.", SEC),
        ("Korvex Ltd and Zentara Inc were served with cease-and-desist orders by the SEC.", SEC),
    ],
)
def test_each_coordinated_subject_of_a_receiver_is_a_target(text: str, actor: str) -> None:
    warned = _of(_rels(text), "WARNED")
    assert (actor, "Korvex Ltd") in warned
    assert (actor, "Zentara Inc") in warned
    if "Plumeo" in text:
        assert (actor, "Plumeo LLC") in warned


def test_a_firm_named_in_the_subjects_apposition_is_no_receiver() -> None:
    rels = _rels("Korvex Ltd, a unit of Zentara Inc, received a show-cause notice from the SEC.")
    assert _of(rels, "WARNED") == {(SEC, "Korvex Ltd")}


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Korvex Ltd is facing legal action from the CFTC.", CFTC),
        (
            "Korvex Ltd faces legal action by the Commodity Futures Trading Commission over "
            "unregistered trading.",
            CFTC,
        ),
        ("Korvex Ltd faces charges brought by the Justice Department.", DOJ),
        ("Korvex Ltd and Zentara Inc are facing lawsuits from the SEC.", SEC),
    ],
)
def test_facing_a_suit_from_a_body_is_sued(text: str, actor: str) -> None:
    assert (actor, "Korvex Ltd") in _of(_rels(text), "SUED")


@pytest.mark.parametrize(
    "text",
    [
        "Korvex Ltd could face legal action from the CFTC.",
        "Korvex Ltd may face charges brought by the Justice Department.",
        "Korvex Ltd risks legal action from the CFTC.",
        "Korvex Ltd is facing legal action from investors.",
        "Korvex Ltd has drawn complaints from the SEC about its disclosures.",
    ],
)
def test_a_risk_of_a_suit_or_one_from_no_body_is_no_suit(text: str) -> None:
    assert not _of(_rels(text), "SUED")


@pytest.mark.parametrize(
    "text",
    [
        "Among those detained were Daniel Okafor and Mirela Voss, the FBI said.",
        "The FBI said that among those arrested were Daniel Okafor and Mirela Voss.",
        "The FBI raided Korvex Ltd's offices on Monday. Among the suspects apprehended in the "
        "raid were Daniel Okafor and Mirela Voss.",
    ],
)
def test_the_people_listed_among_those_arrested_are_investigated(text: str) -> None:
    probed = _of(_rels(text), "INVESTIGATED")
    fbi = "Federal Bureau of Investigation"
    assert (fbi, "Daniel Okafor") in probed
    assert (fbi, "Mirela Voss") in probed


def test_the_firm_titling_an_arrested_person_is_not_arrested() -> None:
    rels = _rels(
        "The FBI searched a house on Monday. Among those arrested was Korvex Ltd chief "
        "executive Daniel Okafor."
    )
    assert _of(rels, "INVESTIGATED") == {("Federal Bureau of Investigation", "Daniel Okafor")}


@pytest.mark.parametrize(
    "text",
    [
        "The FBI held a briefing on Monday. Among those who attended were Daniel Okafor and "
        "Mirela Voss.",
        "The FBI held a briefing on Monday. Among those quoted were Daniel Okafor and Mirela Voss.",
    ],
)
def test_people_listed_among_others_than_the_arrested_are_not_investigated(text: str) -> None:
    assert not _of(_rels(text), "INVESTIGATED")


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("OFAC designated Korvex Ltd on Tuesday.", "Office of Foreign Assets Control"),
        (
            "OFAC designated Korvex Ltd, a Moscow-based exchange, on Tuesday.",
            "Office of Foreign Assets Control",
        ),
        ("Korvex Ltd was designated by OFAC in 2022.", "Office of Foreign Assets Control"),
        (
            "The Treasury Department's Office of Foreign Assets Control re-designated Korvex "
            "Ltd on Monday.",
            "Office of Foreign Assets Control",
        ),
        (
            "The U.S. Treasury designated Korvex Ltd for its role in laundering funds.",
            "U.S. Department of the Treasury",
        ),
        (
            "OFAC sanctioned Zentara Inc in 2022. On Tuesday, the office also designated "
            "Korvex Ltd, a Moscow-based exchange.",
            "Office of Foreign Assets Control",
        ),
    ],
)
def test_a_designation_by_a_sanctions_body_is_a_ban(text: str, actor: str) -> None:
    assert (actor, "Korvex Ltd") in _of(_rels(text), "BANNED")


@pytest.mark.parametrize(
    "text",
    [
        "The SEC designated Korvex Ltd on Monday.",
        "OFAC sanctioned Zentara Inc in 2022. The SEC designated Korvex Ltd as a clearing agency.",
        "OFAC sanctioned Zentara Inc in 2022. The SEC designated Korvex Ltd a clearing agency.",
        "The SEC designated Korvex Ltd's chief executive as its contact.",
    ],
)
def test_a_designation_to_a_role_or_outside_sanctions_is_no_ban(text: str) -> None:
    assert not {t for _, t in _of(_rels(text), "BANNED")} & {"Korvex Ltd", "Korvex Ltd."}


FSA = "Financial Services Agency"


@pytest.mark.parametrize(
    "text",
    [
        "Korvex Ltd's operations were suspended for three months by the FSA.",
        "The FSA handed Korvex Ltd a three-month business suspension order.",
        "Korvex Ltd received a two-month business suspension order from the FSA.",
        "Korvex Ltd was hit with a three-month suspension by the FSA.",
        "Japan's FSA imposed a three-month business suspension on Korvex Ltd on Friday.",
        "The FSA suspended Korvex Ltd's operations for three months.",
    ],
)
def test_a_business_suspension_is_a_ban(text: str) -> None:
    assert (FSA, "Korvex Ltd") in _of(_rels(text), "BANNED")


@pytest.mark.parametrize(
    "text",
    [
        "Korvex Ltd received a licence suspension from the FSA.",
        "The FSA handed Korvex Ltd a licence suspension.",
        "Korvex Ltd's licence was suspended by the FSA.",
        "Korvex Ltd's chief executive was suspended by the FSA.",
        "Korvex Ltd's shares were suspended by the FSA.",
    ],
)
def test_a_licence_or_someone_elses_suspension_is_no_ban_of_the_firm(text: str) -> None:
    assert not _of(_rels(text), "BANNED")


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        ("Korvex Ltd was inspected on February 13, the FSA said.", "INVESTIGATED"),
        (
            "Korvex Ltd, a unit of Zentara Inc, was inspected in March, the FSA said, and had "
            "failed to fix its systems.",
            "INVESTIGATED",
        ),
        ("Korvex Ltd was fined 3 million yen last week, the FSA said on Friday.", "FINED"),
    ],
)
def test_a_passive_with_no_agent_is_the_attributed_bodys(text: str, rtype: str) -> None:
    assert _of(_rels(text), rtype) == {(FSA, "Korvex Ltd")}


def test_a_firm_a_passive_is_attributed_to_is_no_actor() -> None:
    assert not _of(_rels("Korvex Ltd was banned in 2021, Zentara Inc said."), "BANNED")


@pytest.mark.parametrize(
    ("text", "rtype", "actor"),
    [
        ("Korvex Ltd was sued last year, according to the SEC.", "SUED", SEC),
        ("Korvex Ltd must pay a $2 million penalty, according to the SEC.", "FINED", SEC),
        (
            "Korvex Ltd must stop serving Ontario clients, according to the OSC.",
            "BANNED",
            "Ontario Securities Commission",
        ),
    ],
)
def test_according_to_a_body_attributes_the_action_to_it(text: str, rtype: str, actor: str) -> None:
    assert _of(_rels(text), rtype) == {(actor, "Korvex Ltd")}


@pytest.mark.parametrize(
    "text",
    [
        "Korvex Ltd was inspected in May, according to Reuters.",
        "Korvex Ltd must stop serving clients, according to Reuters.",
    ],
)
def test_according_to_an_outlet_names_no_actor(text: str) -> None:
    assert not [r for r in _rels(text) if r[1] in ("INVESTIGATED", "BANNED")]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("The SEC has slapped Korvex Ltd with a lawsuit alleging it ran an exchange.", SEC),
        ("The SEC hit Korvex Ltd and Zentara Inc with charges on Monday.", SEC),
        ("Korvex Ltd was hit with a lawsuit by the SEC.", SEC),
        (
            "Korvex Ltd and Zentara Inc were slapped with criminal charges by the Justice "
            "Department.",
            DOJ,
        ),
    ],
)
def test_hitting_a_firm_with_a_suit_sues_it(text: str, actor: str) -> None:
    sued = _of(_rels(text), "SUED")
    assert (actor, "Korvex Ltd") in sued
    if "Zentara" in text:
        assert (actor, "Zentara Inc") in sued


@pytest.mark.parametrize(
    "text",
    [
        "Korvex Ltd was hit with a wave of withdrawals after the SEC filing.",
        "Korvex Ltd hit Zentara Inc with a lawsuit.",
    ],
)
def test_a_hit_that_is_no_suit_by_a_body_sues_nobody(text: str) -> None:
    assert not _of(_rels(text), "SUED")


def test_scrutiny_from_a_body_investigates_and_from_others_does_not() -> None:
    assert _of(_rels("Korvex Ltd has come under scrutiny from the FCA."), "INVESTIGATED") == {
        ("Financial Conduct Authority", "Korvex Ltd")
    }
    assert not _of(_rels("Korvex Ltd has faced scrutiny from lawmakers."), "INVESTIGATED")


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        (
            "The FSA issued business improvement orders to Korvex Ltd and Zentara Inc on Friday.",
            "WARNED",
        ),
        (
            "The FSA handed business suspension orders to Korvex Ltd and Zentara Inc on Friday.",
            "BANNED",
        ),
    ],
)
def test_orders_issued_to_a_list_reach_each_firm(text: str, rtype: str) -> None:
    assert _of(_rels(text), rtype) == {(FSA, "Korvex Ltd"), (FSA, "Zentara Inc")}


OSC = "Ontario Securities Commission"


@pytest.mark.parametrize(
    "text",
    [
        "The OSC reached settlements with Korvex Ltd and Zentara Inc on Friday.",
        "Korvex Ltd and Zentara Inc reached settlements with the OSC on Friday.",
        "Korvex Ltd and Zentara Inc reached a settlement with the OSC on Friday.",
    ],
)
def test_settlements_with_a_body_reach_each_coordinated_firm(text: str) -> None:
    assert _of(_rels(text), "FINED") == {(OSC, "Korvex Ltd"), (OSC, "Zentara Inc")}


@pytest.mark.parametrize(
    ("text", "fined"),
    [
        (
            "After Korvex Ltd collapsed, Zentara Inc reached a settlement with the OSC on Friday.",
            {"Zentara Inc"},
        ),
        ("Korvex Ltd reached settlements with its creditors on Friday.", set()),
    ],
)
def test_a_settlement_reaches_only_the_firms_that_settle(text: str, fined: set[str]) -> None:
    assert {t for _, t in _of(_rels(text), "FINED")} == fined


@pytest.mark.parametrize(
    ("text", "rtype", "actor"),
    [
        (
            "The SEC charged 11 people on Monday. Among those charged were Daniel Okafor and "
            "Mirela Voss.",
            "SUED",
            SEC,
        ),
        (
            "Among those charged in March were Daniel Okafor and Mirela Voss, the SEC said.",
            "SUED",
            SEC,
        ),
        (
            "OFAC acted against 20 entities on Tuesday. Among those sanctioned were Daniel Okafor "
            "and Mirela Voss.",
            "BANNED",
            "Office of Foreign Assets Control",
        ),
    ],
)
def test_those_listed_among_the_charged_or_sanctioned_are_targets(
    text: str, rtype: str, actor: str
) -> None:
    found = _of(_rels(text), rtype)
    assert {(actor, "Daniel Okafor"), (actor, "Mirela Voss")} <= found


def test_those_among_whom_a_body_was_sued_are_no_targets() -> None:
    assert not _of(_rels("Among those who sued the SEC were Korvex Ltd and Zentara Inc."), "SUED")


@pytest.mark.parametrize(
    ("text", "rtype", "actor"),
    [
        (
            "The FBI raided three offices on Monday. The suspects arrested include Daniel Okafor "
            "and Mirela Voss.",
            "INVESTIGATED",
            "Federal Bureau of Investigation",
        ),
        (
            "The SEC brought a case on Monday. The individuals charged in the case were Daniel "
            "Okafor and Mirela Voss.",
            "SUED",
            SEC,
        ),
    ],
)
def test_the_list_after_a_reduced_relative_names_the_targets(
    text: str, rtype: str, actor: str
) -> None:
    assert {(actor, "Daniel Okafor"), (actor, "Mirela Voss")} <= _of(_rels(text), rtype)


def test_a_reduced_relative_with_no_list_names_no_target() -> None:
    rels = _rels("The FBI raided Korvex Ltd on Monday. The two men arrested were later released.")
    assert _of(rels, "INVESTIGATED") == {("Federal Bureau of Investigation", "Korvex Ltd")}
