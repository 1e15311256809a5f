"""Passive agents and restated actions (issue 12). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article


def _dated(text: str) -> dict[tuple[str, str, str], str | None]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2025, 6, 12)))
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]): r.date for r in out.relations}


def test_seized_domains_in_the_passive_a_place_after_by_a_judge_is_no_agent() -> None:
    rels = _dated(
        "Europol said on Thursday that it had taken control of the mixer Blendr.\n\n"
        "The domains blendr.io and blendr.net were seized on June 10 under a warrant signed "
        "by a judge in Austria."
    )
    assert rels.get(("Europol", "BLOCKED", "blendr.io")) == "2025-06-10"
    assert rels.get(("Europol", "BLOCKED", "blendr.net")) == "2025-06-10"
    assert not {r for r in rels if r[0] == "Austria"}


def test_a_restatement_at_a_finer_date_dates_the_action() -> None:
    rels = _dated(
        "The Central Bank of Ireland said on Thursday it had fined Kraken. Kraken was fined "
        "on June 3 for reporting failures."
    )
    assert rels.get(("Central Bank of Ireland", "FINED", "Kraken")) == "2025-06-03"


def test_a_bodys_decision_spelled_out_by_a_verb_is_its_action_even_when_overturned() -> None:
    out = extract_article(
        Article(
            id="t",
            text=(
                "In March 2019 the Moscow City Court quashed a 2017 order by the city's "
                "Tverskoy District Court blocking 30 crypto-related websites. Later it "
                "overturned the Leninsky District Court's 2016 decision to block the portal "
                "Coinmag.ru."
            ),
            published=dt.date(2024, 5, 2),
        )
    )
    names = {e.id: e.name for e in out.entities}
    rels = {(names[r.source], r.type, names[r.target]): r for r in out.relations}
    block = rels[("Leninsky District Court", "BLOCKED", "Coinmag.ru")]
    assert block.date == "2016" and block.properties.get("ended_how") == "overturned"
    assert ("Tverskoy District Court", "BLOCKED", "crypto-related websites") in rels
    assert not {r for r in rels if r[0] == "Moscow City Court"}  # it only ended them
