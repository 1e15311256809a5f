"""A counted group spelled out a few sentences later (issue 12, real reporting): "notices
to four offshore Virtual Asset (VA) providers ... The list includes A, B, C and D".
Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from extraction_support import relations_of as _rels

from graph.models import Article
from ingest.extraction import extract_article

FIRMS = ("Quorvex", "Talmabit", "Nerifa Exchange", "Ostrel Markets")


def test_a_group_with_a_bracketed_abbreviation_is_still_a_counted_group() -> None:
    rels = _rels(
        "The Financial Intelligence Unit of India has warned four offshore Virtual Asset (VA) "
        "service providers. They are Quorvex, Talmabit, Nerifa Exchange and Ostrel Markets."
    )
    for firm in FIRMS:
        assert ("Financial Intelligence Unit India", "WARNED", firm) in rels


def test_the_list_two_sentences_on_names_the_groups_members() -> None:
    rels = _rels(
        "The Financial Intelligence Unit India has warned four offshore platforms over "
        "unreported transfers.\n\n"
        "The notices rely on the money laundering law passed in 2002.\n\n"
        "The list includes Quorvex, Talmabit, Nerifa Exchange and Ostrel Markets."
    )
    for firm in FIRMS:
        assert ("Financial Intelligence Unit India", "WARNED", firm) in rels


def test_a_list_of_another_size_is_not_the_group() -> None:
    rels = _rels(
        "The Financial Intelligence Unit India has warned five offshore platforms over "
        "unreported transfers.\n\n"
        "The notices rely on the money laundering law passed in 2002.\n\n"
        "The list includes Quorvex, Talmabit, Nerifa Exchange and Ostrel Markets."
    )
    assert not any(r[2] in FIRMS and r[1] == "WARNED" for r in rels)


def test_firms_named_between_make_a_later_list_another_list() -> None:
    rels = _rels(
        "The Financial Intelligence Unit India has warned four offshore platforms over "
        "unreported transfers.\n\n"
        "Separately, Velmora Pay Ltd signed a deal with a local bank.\n\n"
        "Rivals include Quorvex, Talmabit, Nerifa Exchange and Ostrel Markets."
    )
    assert not any(r[2] in FIRMS and r[1] == "WARNED" for r in rels)


def test_a_type_spreads_back_to_the_head_of_a_list() -> None:
    out = extract_article(
        Article(
            id="t",
            text="Users moved funds to Quorvex, Talmabit and Kraken after the ban.",
            published=dt.date(2024, 5, 2),
        )
    )
    types = {e.name: e.type for e in out.entities}
    assert types.get("Quorvex") == "Exchange", types
    assert types.get("Talmabit") == "Exchange", types
