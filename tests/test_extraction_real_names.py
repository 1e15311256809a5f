"""Names as real reporting writes them (issue 12): a global brand beside its local unit,
page furniture that looks like a name, names the gazetteer does not know. Sentences
written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article


def _extract(text: str) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2024, 5, 2)))
    names = {e.id: e.name for e in out.entities}
    rels = {(names[r.source], r.type, names[r.target]) for r in out.relations}
    return {e.name: e.type for e in out.entities}, rels


def test_a_brand_called_the_worlds_largest_is_not_its_local_unit() -> None:
    ents, rels = _extract(
        "Kenya's Capital Markets Authority told Kraken, the world's largest derivatives "
        "venue, to stop serving Kenyans. It said Kraken Kenya Limited, which ran a local "
        "website, had no licence."
    )
    assert "Kraken" in ents and "Kraken Kenya Limited" in ents, ents


def test_a_brand_with_its_only_local_entity_stays_the_brand() -> None:
    ents, _ = _extract(
        "The regulator restricted Coinbase Ireland Limited, the only Irish entity of Coinbase, "
        "on Friday. Coinbase said its main platform was not affected."
    )
    assert "Coinbase" in ents and "Coinbase Ireland Limited" in ents, ents


def test_a_brand_used_as_shorthand_for_its_one_unit_still_folds() -> None:
    ents, _ = _extract(
        "The Dutch central bank fined Kraken Europe Limited EUR 2 million for offering "
        "services without registration. Kraken can object until March."
    )
    assert "Kraken" not in ents, ents
