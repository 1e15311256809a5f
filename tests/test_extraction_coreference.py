"""Descriptions resolved by salience (issue 12): a description already resolved to a body
makes that body more the article's own. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of as _rels


def test_the_ministry_the_article_keeps_quoting_outweighs_one_named_in_passing() -> None:
    rels = _rels(
        "Kazakhstan's Ministry of Culture and Information confirmed the block on Tuesday. "
        "According to the ministry, access was cut on request of the Ministry of Energy, "
        "which says the exchange breaks the law.\n\n"
        "The law was adopted in February. It forbids unlicensed platforms.\n\n"
        "In other news, two foreign platforms became available again. The ministry blocked "
        "the broker Tallis Markets Ltd earlier this year."
    )
    assert ("Ministry of Culture and Information", "BLOCKED", "Tallis Markets Ltd") in rels
    assert ("Ministry of Energy", "BLOCKED", "Tallis Markets Ltd") not in rels


def test_a_place_based_description_of_a_firm_still_names_the_firm() -> None:
    rels = _rels(
        "The regulator ended its case against Kraken on Friday. In 2023 it had sued two "
        "companies behind the San Francisco-based exchange. Separately, its Dubai-based unit, "
        "Orvex FZE, won a licence."
    )
    assert ("Kraken", "HEADQUARTERED_IN", "San Francisco") in rels
