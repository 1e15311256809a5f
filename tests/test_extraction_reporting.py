"""Reporting shapes met in real articles (issue 12), in sentences written for these tests.

Each test names one general capability of the extractor; none copies a corpus sentence.
"""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article

Rel = tuple[str, str, str]


def _rels(text: str, published: dt.date = dt.date(2024, 5, 2)) -> set[Rel]:
    art = Article(id="t", text=text, published=published)
    out = extract_article(art)
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]) for r in out.relations}


def test_bare_corporate_title_belongs_to_the_firm_the_passage_is_about() -> None:
    rels = _rels(
        "Prosecutors in Lisbon charged Velorant Ltd in March. Velorant Ltd denied wrongdoing "
        "and Velorant Ltd said it would appeal. Its lawyers had earlier worked with "
        "Kestrel Markets Ltd on a listing. The indictment also named co-founders "
        "Duarte Almeida and Rui Pestana."
    )
    assert ("Duarte Almeida", "AFFILIATED_WITH", "Velorant Ltd") in rels
    assert ("Duarte Almeida", "AFFILIATED_WITH", "Kestrel Markets Ltd") not in rels


def test_public_and_corporate_title_of_a_regulator_head() -> None:
    rels = _rels(
        "The Financial Conduct Authority fined Orbisa Ltd £2 million on Monday. According to "
        "the Financial Conduct Authority, the firm ignored repeated warnings. The Financial "
        "Conduct Authority also published its reasons. Director and "
        "Chief Executive Helen Marsh said the failings were serious."
    )
    assert ("Helen Marsh", "AFFILIATED_WITH", "Financial Conduct Authority") in rels
    assert ("Helen Marsh", "AFFILIATED_WITH", "Orbisa Ltd") not in rels
