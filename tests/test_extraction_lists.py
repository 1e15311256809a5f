"""Lists and the groups that refer back to them (issue 12): every member of a list acts or
is acted on. Sentences written for these tests; none copies a corpus sentence.
"""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article

Rel = tuple[str, str, str]


def _rels(text: str) -> set[Rel]:
    art = Article(id="t", text=text, published=dt.date(2024, 5, 2))
    out = extract_article(art)
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]) for r in out.relations}


def test_a_list_of_bodies_whose_second_item_opens_with_the_is_no_apposition() -> None:
    rels = _rels(
        "The Bank of Ghana, the Ministry of Finance and the Financial Intelligence Centre "
        "warned OKX in May. Norges Bank, the central bank, fined Bybit."
    )
    for body in ("Bank of Ghana", "Ministry of Finance", "Financial Intelligence Centre"):
        assert (body, "WARNED", "OKX") in rels
    assert ("Norges Bank", "FINED", "Bybit") in rels
