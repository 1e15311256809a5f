"""Platforms seized are blocked; a body's kind word between coordinated actors; licences
named as certificates of registration, with holders listed with their legal forms."""

from __future__ import annotations

from extraction_support import actions, extract

BSP = "Bangko Sentral ng Pilipinas"


def test_exchanges_seized_by_police_are_blocked() -> None:
    out = extract("Ukrainian police seized nine cryptocurrency exchanges on Tuesday.")
    assert ("Ukrainian police", "BLOCKED", "cryptocurrency exchanges") in actions(out)
    out = extract("The FBI seized the exchange Velmora Markets in March.")
    assert [t for t in actions(out) if t[1] == "BLOCKED"], actions(out)


def test_things_seized_from_exchanges_block_no_exchange() -> None:
    out = extract(
        "Prosecutors have been reading documents seized from the exchanges for three weeks."
    )
    assert not [t for t in actions(out) if t[1] == "BLOCKED"], actions(out)
    out = extract("The FBI seized the exchange's servers.")
    assert not [t for t in actions(out) if t[1] == "BLOCKED"], actions(out)


def test_a_body_s_kind_word_does_not_break_a_list_of_actors() -> None:
    out = extract("Ukraine's Cyberpolice unit and the FBI seized nine exchanges.")
    found = {t[0] for t in actions(out) if t[1] == "BLOCKED"}
    assert found == {
        "Cyber Police Department of the National Police of Ukraine",
        "Federal Bureau of Investigation",
    }, found


def test_certificates_of_registration_cancelled_end_each_listed_holder_s_licence() -> None:
    out = extract(
        "The BSP cancelled the Certificates of Registration of Korvane, Inc. and "
        "Velmora Ltd. As of June, both were among 19 licensed firms."
    )
    ended = {r.target: r.properties.get("ended_how") for r in out.relations if r.type == "LICENSED"}
    names = {e.id: e.name for e in out.entities}
    assert {names[k]: v for k, v in ended.items()} == {
        "Korvane, Inc.": "revoked",
        "Velmora Ltd": "revoked",
    }
    out = extract("The FCA revoked the licence of Korvane Ltd and fined it.")
    assert ("Financial Conduct Authority", "FINED", "Korvane Ltd") in actions(out)


def test_the_monetary_board_acts_for_the_philippine_central_bank() -> None:
    out = extract(
        "In the Philippines, the Monetary Board cancelled the licence of Korvane Ltd, the BSP said."
    )
    assert (BSP, "LICENSED", "Korvane Ltd") in actions(out)


def test_a_firm_s_counted_people_told_with_its_description_are_the_party() -> None:
    out = extract("The FBI arrested three executives of crypto lender Zipvane on Monday.")
    found = actions(out)
    assert ("Federal Bureau of Investigation", "INVESTIGATED", "executives") in found
    assert not [t for t in found if t[2] == "Zipvane"], found
