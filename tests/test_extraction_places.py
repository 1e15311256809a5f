"""Where firms sit, told with nouns (issue 12). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article


def _rels(text: str) -> set[tuple[str, str, str]]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2024, 5, 2)))
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]) for r in out.relations}


def test_a_head_office_noun_seats_its_firm_but_a_former_one_does_not() -> None:
    rels = _rels(
        "Investigators sent questions to the headquarters of Zelkova Markets Ltd in Malta. "
        "Orwin Trading Ltd's head office is in Gibraltar. Tessel Labs Ltd's former "
        "headquarters in Cyprus was sold."
    )
    assert ("Zelkova Markets Ltd", "HEADQUARTERED_IN", "Malta") in rels
    assert ("Orwin Trading Ltd", "HEADQUARTERED_IN", "Gibraltar") in rels
    assert ("Tessel Labs Ltd", "HEADQUARTERED_IN", "Cyprus") not in rels
