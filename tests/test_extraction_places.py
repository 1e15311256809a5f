"""Where firms sit, told with nouns (issue 12). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of as _rels


def test_a_head_office_noun_seats_its_firm_but_a_former_one_does_not() -> None:
    rels = _rels(
        "Investigators sent questions to the headquarters of Zelkova Markets Ltd in Malta. "
        "Orwin Trading Ltd's head office is in Gibraltar. Tessel Labs Ltd's former "
        "headquarters in Cyprus was sold."
    )
    assert ("Zelkova Markets Ltd", "HEADQUARTERED_IN", "Malta") in rels
    assert ("Orwin Trading Ltd", "HEADQUARTERED_IN", "Gibraltar") in rels
    assert ("Tessel Labs Ltd", "HEADQUARTERED_IN", "Cyprus") not in rels


def test_a_free_zone_regulator_sits_in_its_zone_and_its_licensees_operate_there() -> None:
    """The gazetteer seats AFSA in the Astana International Financial Centre (as it seats
    the FSRA in ADGM): its licensees operate in the zone the article names, not in the
    whole of Kazakhstan."""
    rels = _rels(
        "Kazakhstan lets residents trade crypto only on platforms licensed in the Astana "
        "International Financial Centre (AIFC). Its regulator, the Astana Financial Services "
        "Authority, has licensed Korvex and Talmira Exchange so far."
    )
    assert (
        "Astana Financial Services Authority",
        "LOCATED_IN",
        "Astana International Financial Centre",
    ) in rels
    assert ("Astana Financial Services Authority", "LOCATED_IN", "Kazakhstan") not in rels
    assert ("Talmira Exchange", "OPERATES_IN", "Kazakhstan") not in rels


def test_a_city_prosecutors_action_places_the_firm_in_no_city() -> None:
    """Prosecutors seated in a city act for the country: a raid says nothing of the
    exchange working in that city (a city or state regulator's reach is another matter)."""
    rels = _rels(
        "Prosecutors in Seoul have widened their case against the South Korean exchanges. In "
        "July the Seoul Southern District Prosecutors' Office raided the exchanges Korbit and "
        "Gopax and took away records."
    )
    assert ("Seoul Southern District Prosecutors' Office", "INVESTIGATED", "Korbit") in rels
    assert ("Korbit", "OPERATES_IN", "Seoul") not in rels
    assert ("Gopax", "OPERATES_IN", "Seoul") not in rels


def test_a_state_regulators_action_still_places_the_firm_in_its_state() -> None:
    rels = _rels(
        "The New York State Department of Financial Services fined Coinbase $50 million in "
        "New York for compliance failures."
    )
    assert ("Coinbase", "OPERATES_IN", "New York") in rels


def test_a_domain_named_as_a_parent_is_the_firm_behind_the_site() -> None:
    rels = _rels(
        "The regulator sued Kelpie Wallet Pty Ltd, a subsidiary of price comparison website "
        "Kelpie.com.au, over its yield product."
    )
    assert ("Kelpie Wallet Pty Ltd", "SUBSIDIARY_OF", "Kelpie.com.au") in rels


def test_local_in_a_sentence_about_a_financial_zone_means_the_zone() -> None:
    rels = _rels(
        "The financial services regulator of the Dubai International Financial Centre (DIFC) "
        "has fined trading firm Kestrel Capital's local subsidiary $1 million."
    )
    assert ("Kestrel Capital", "OPERATES_IN", "Dubai International Financial Centre") in rels
    assert ("Kestrel Capital", "OPERATES_IN", "United Arab Emirates") not in rels
