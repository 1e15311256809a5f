"""Real reporting nobody here tuned to (issue 12, probe set realprobe6): plain prose with
few names, unnamed groups with modifiers, actors set beside a place, money given in two
notations. Sentences written for these tests (other names, places and word order)."""

from __future__ import annotations

import datetime as dt

from graph.models import Article, Extraction
from ingest.extraction import extract_article
from ingest.extraction.names.truecase import restore_case

_FEW_NAMES = (
    "Chile's central bank barred the use of cryptocurrencies and digital tokens to buy goods "
    "and services on Monday, "
    "saying that such tokens were neither supervised nor backed by any reserve that savers could "
    "rely on in a crisis. The decision, which takes effect at the end of the month, was welcomed "
    "by consumer groups but criticised by several payment firms that had started to offer the "
    "service to shops and restaurants across the country. Payment firms will not be able to offer "
    "any service built on such tokens, the bank said in a statement, adding that it would review "
    "the rule once a national law on digital assets has been passed by lawmakers."
)


def _extract(text: str, published: dt.date = dt.date(2024, 5, 2)) -> Extraction:
    return extract_article(Article(id="t", text=text, published=published))


def _relations(out: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]) for r in out.relations}


def test_prose_with_few_names_keeps_its_case() -> None:
    # few capitals because few names, not because the text lost them: each sentence
    # still starts with a capital
    assert restore_case(_FEW_NAMES) == _FEW_NAMES


def test_all_lower_case_text_is_still_recased() -> None:
    text = _FEW_NAMES.lower()
    assert restore_case(text).startswith("Chile's ")


def test_descriptive_central_bank_acts_in_prose_with_few_names() -> None:
    out = _extract(_FEW_NAMES)
    acts = {(s, t) for s, t, _ in _relations(out)}
    assert ("Central Bank of Chile", "BANNED") in acts, _relations(out)
