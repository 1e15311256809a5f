"""Identity resolution (graph/identity.py): which names make one node, which never do.

Each case stores one entity through a real EmbeddedStore, then resolves a second
article's entity against the store's lookup. The same rules run inside both stores'
`upsert`; tests/test_store_conformance.py checks the outcome on both backends.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.identity import alias_is_identifying, match_key, resolve_extraction
from graph.jurisdiction_names import named_jurisdictions
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.store.embedded.store import EmbeddedStore


def _entity(eid: str, etype: str, name: str, aliases: list[Any] | None = None, **kw: Any) -> Entity:
    return Entity(id=eid, type=etype, name=name, aliases=aliases or [], **kw)


def _resolve(
    tmp_path: Path, existing: Entity, incoming: Entity
) -> tuple[Extraction, dict[str, str]]:
    store = EmbeddedStore(tmp_path / "db")
    try:
        store.upsert(Extraction(article=Article(id="first"), entities=[existing]))
        second = Extraction(article=Article(id="second"), entities=[incoming])
        return resolve_extraction(second, store.lookup())
    finally:
        store.close()


# (type, existing name, existing aliases, incoming name, incoming aliases)
MERGE = [
    ("CentralBank", "People\u2019s Bank of China", [], "Peoples Bank of China", []),
    ("CentralBank", "People's Bank of China", [], "PEOPLE'S BANK OF CHINA", []),
    ("Company", "Binance Holdings Limited", [], "Binance Holdings Ltd", []),
    ("Company", "Coinbase Global", [], "Coinbase Global, Inc.", ["Coinbase Global"]),
    ("CentralBank", "People's Bank of China", ["PBOC"], "PBOC", []),
    ("Exchange", "HTX", [{"name": "Huobi", "kind": "former_name"}], "Huobi", []),
    ("Exchange", "OKX", ["Ou Yi"], "OKEx", ["Ou Yi"]),
    (
        "Regulator",
        "Commodity Futures Trading Commission",
        [],
        "Commodities Futures Trading Commission",
        [],
    ),
    ("Person", "Nayib Bukele", [], "Nayib Bukelle", []),
    (
        "Regulator",
        "Securities and Exchange Commission of Thailand",
        [],
        "Securities & Exchange Commission of Thailand",
        [],
    ),
]

# Near misses that must stay apart.
APART = [
    (
        "Regulator",
        "Securities and Exchange Commission of the Philippines",
        ["SEC"],
        "Securities and Exchange Commission of Thailand",
        ["SEC"],
    ),
    (
        "Regulator",
        "Securities and Exchange Commission of the Philippines",
        ["SEC", "Securities and Exchange Commission"],
        "U.S. Securities and Exchange Commission",
        ["SEC", "Securities and Exchange Commission"],
    ),
    (
        "Regulator",
        "U.S. Securities and Exchange Commission",
        [],
        "Securities and Exchange Commission",
        [],
    ),
    ("Company", "Binance Holdings (IE) Limited", [], "Binance Holdings Limited", []),
    ("Company", "Binance (Services) Holdings Limited", [], "Binance Holdings Limited", []),
    ("Law", "Dubai Law No. 4 of 2022", [], "Dubai Law No. 5 of 2022", []),
    ("CentralBank", "Central Bank of Nigeria", [], "Central Bank of Niger", []),
    (
        "CentralBank",
        "People's Bank of China",
        ["central bank"],
        "Central Bank of the Republic of Turkey",
        ["central bank"],
    ),
    (
        "Jurisdiction",
        "El Salvador",
        [{"name": "the country", "kind": "descriptive"}],
        "Nigeria",
        [{"name": "the country", "kind": "descriptive"}],
    ),
    (
        "Regulator",
        "Commodity Futures Trading Commission",
        ["the regulator"],
        "Financial Conduct Authority",
        ["the regulator"],
    ),
    ("Person", "Changpeng Zhao", ["Zhao"], "Zhao Wei", ["Zhao"]),
    ("Exchange", "Binance", [], "Binance.US", []),
    ("Exchange", "Huobi", [], "Huobi Thailand", []),
    ("Court", "Federal High Court", [], "Federal Supreme Court", []),
    ("Regulator", "Ontario Securities Commission", [], "Alberta Securities Commission", []),
]


@pytest.mark.parametrize(("etype", "old", "old_aliases", "new", "new_aliases"), MERGE)
def test_variants_merge(
    tmp_path: Path, etype: str, old: str, old_aliases: list[Any], new: str, new_aliases: list[Any]
) -> None:
    existing = _entity("x:old", etype, old, old_aliases)
    existing = existing.model_copy(update={"id": f"{etype.lower()}:old"})
    incoming = _entity(f"{etype.lower()}:new", etype, new, new_aliases)
    resolved, mapping = _resolve(tmp_path, existing, incoming)
    assert mapping == {incoming.id: existing.id}
    merged = resolved.entities[0]
    assert (merged.id, merged.name) == (existing.id, old)


@pytest.mark.parametrize(("etype", "old", "old_aliases", "new", "new_aliases"), APART)
def test_near_misses_stay_apart(
    tmp_path: Path, etype: str, old: str, old_aliases: list[Any], new: str, new_aliases: list[Any]
) -> None:
    existing = _entity(f"{etype.lower()}:old", etype, old, old_aliases)
    incoming = _entity(f"{etype.lower()}:new", etype, new, new_aliases)
    resolved, mapping = _resolve(tmp_path, existing, incoming)
    assert mapping == {}
    assert resolved.entities[0] == incoming


def test_merged_name_becomes_alias(tmp_path: Path) -> None:
    existing = _entity("company:bhl", "Company", "Binance Holdings Limited")
    incoming = _entity("company:bhl2", "Company", "Binance Holdings Ltd", ["BHL"])
    resolved, _ = _resolve(tmp_path, existing, incoming)
    assert [a.name for a in resolved.entities[0].aliases] == ["BHL", "Binance Holdings Ltd"]


def test_types_never_merge(tmp_path: Path) -> None:
    existing = _entity("mediaoutlet:coinmarketcap", "MediaOutlet", "CoinMarketCap")
    incoming = _entity("company:coinmarketcap", "Company", "CoinMarketCap")
    assert _resolve(tmp_path, existing, incoming)[1] == {}


def test_qid_merges_and_separates(tmp_path: Path) -> None:
    btc = _entity("cryptoasset:bitcoin", "CryptoAsset", "Bitcoin", qid="Q131723")
    same = _entity("cryptoasset:btc-token", "CryptoAsset", "The Orange Coin", qid="Q131723")
    assert _resolve(tmp_path / "a", btc, same)[1] == {same.id: btc.id}
    other = _entity("cryptoasset:bitcoin", "CryptoAsset", "Bitcoin", qid="Q999")
    resolved, mapping = _resolve(tmp_path / "b", btc, other)
    assert mapping == {"cryptoasset:bitcoin": "cryptoasset:bitcoin-q999"}
    assert resolved.entities[0].id == "cryptoasset:bitcoin-q999"


def test_unnamed_groups_never_resolve(tmp_path: Path) -> None:
    group = _entity("app:group-a", "App", "13 apps", unnamed=True, count=13)
    twin = _entity("app:group-b", "App", "13 apps", unnamed=True, count=13)
    assert _resolve(tmp_path, group, twin)[1] == {}


def test_entities_of_one_article_stay_apart_and_relations_follow(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "db")
    htx = _entity("exchange:htx", "Exchange", "HTX", [{"name": "Huobi", "kind": "former_name"}])
    store.upsert(Extraction(article=Article(id="first"), entities=[htx]))
    both = Extraction(
        article=Article(id="second"),
        entities=[
            _entity("exchange:huobi", "Exchange", "Huobi"),
            _entity("exchange:htx", "Exchange", "HTX"),
            _entity("company:tron-inc", "Company", "Tron Inc"),
        ],
        relations=[],
    )
    _, mapping = resolve_extraction(both, store.lookup())
    assert mapping == {}  # Huobi may not take HTX's id: HTX is in this article too
    store.upsert(
        Extraction(
            article=Article(id="t"),
            entities=[_entity("company:tron", "Company", "Tron Incorporated")],
        )
    )
    follow = Extraction(
        article=Article(id="third"),
        entities=[
            _entity("exchange:huobi", "Exchange", "Huobi"),
            _entity("company:tron-inc", "Company", "Tron Inc"),
        ],
        relations=[
            Relation(type="SUBSIDIARY_OF", source="exchange:huobi", target="company:tron-inc")
        ],
    )
    resolved, mapping = resolve_extraction(follow, store.lookup())
    assert mapping == {"exchange:huobi": "exchange:htx", "company:tron-inc": "company:tron"}
    assert [r.key for r in resolved.relations] == [
        ("exchange:htx", "SUBSIDIARY_OF", "company:tron")
    ]
    store.close()


def test_match_key_and_identifying_aliases() -> None:
    assert match_key("Binance Holdings Ltd.") == match_key("binance holdings limited")
    assert match_key("The People\u2019s Bank of China") == "peoples bank of china"
    assert alias_is_identifying(Alias(name="PBOC", kind="abbreviation"), "CentralBank")
    assert alias_is_identifying(Alias(name="Ou Yi", kind="translation"), "Exchange")
    assert not alias_is_identifying(Alias(name="the regulator"), "Regulator")
    assert not alias_is_identifying(Alias(name="central bank"), "CentralBank")
    assert not alias_is_identifying(Alias(name="world's largest exchange"), "Exchange")
    assert not alias_is_identifying(Alias(name="Zhao"), "Person")
    assert not alias_is_identifying(Alias(name="Huobi", kind="descriptive"), "Exchange")


def test_named_jurisdictions() -> None:
    assert named_jurisdictions("Securities and Exchange Commission of the Philippines") == {"PH"}
    assert named_jurisdictions("U.S. Securities and Exchange Commission") == {"US"}
    assert named_jurisdictions("Securities and Exchange Commission") == set()
    assert named_jurisdictions("Central Bank of Nigeria") == {"NG"}
    assert named_jurisdictions("Central Bank of the Republic of Turkey") == {"TR"}
    assert named_jurisdictions("Binance Holdings (IE) Limited") == set()
