"""A scam list warns what it lists; names a counted group lists after a dash or a colon
are its members, typed by it; firms given as examples of those operating in a place
operate there; 'Crypto' opening a firm's own name stays in it."""

from __future__ import annotations

from extraction_support import actions, extract, triples, types_by_name


def test_what_a_scam_list_gains_is_warned() -> None:
    found = actions(extract("The Financial Markets Authority added Zolta Ltd to its scam list."))
    assert ("Financial Markets Authority", "WARNED", "Zolta Ltd") in found, found
    found = actions(
        extract(
            "The Financial Markets Authority has added three new crypto websites to its list "
            "of online scams."
        )
    )
    assert ("Financial Markets Authority", "WARNED", "new crypto websites") in found, found


def test_a_counted_group_lists_its_members_after_a_dash() -> None:
    out = extract(
        "The Financial Markets Authority listed three companies — Quorbit Gain, Russ Vellan, "
        'and Zend Trade — on its "scam" list.'
    )
    found = actions(out)
    assert {t[2] for t in found} == {"Quorbit Gain", "Russ Vellan", "Zend Trade"}, found
    assert types_by_name(out)["Russ Vellan"] == "Company"
    found = actions(extract("The FCA fined two platforms: Kelvora and Trastix."))
    assert {t[2] for t in found} == {"Kelvora", "Trastix"}, found


def test_firms_given_as_examples_of_those_operating_in_a_place_operate_there() -> None:
    rels = triples(
        extract(
            "This included some of the largest exchanges operating in India such as Quorbit, "
            "Velmora, and Trastix."
        )
    )
    for firm in ("Quorbit", "Velmora", "Trastix"):
        assert (firm, "OPERATES_IN", "India") in rels, rels


def test_crypto_opening_a_firm_s_own_name_stays_in_it() -> None:
    found = actions(extract("The FCA fined Crypto Gain Limited."))
    assert found == {("Financial Conduct Authority", "FINED", "Crypto Gain Limited")}, found
    # a headline's "Crypto" before a kind of firm is no part of the name after it
    found = actions(extract("Crypto Exchange Bybit Fined By FCA"))
    assert found == {("Financial Conduct Authority", "FINED", "Bybit")}, found
