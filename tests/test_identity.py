"""Identity resolution (graph/identity.py): which names make one node, which never do.

Ids depend on the entity alone (issue 17): one id per type and name key, whatever is
stored. Each case stores one entity through a real EmbeddedStore, then resolves a second
article's entity against the store's lookup. The same rules run inside both stores'
`upsert`; tests/test_order_independence.py checks that the order of articles never
matters, on both backends.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from graph.identity import alias_is_identifying, match_key, resolve_extraction
from graph.ids import entity_id, event_group_id, group_id
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


# Spellings of one name: one id, so one node in any order.
SAME = [
    ("CentralBank", "People\u2019s Bank of China", "Peoples Bank of China"),
    ("CentralBank", "People's Bank of China", "PEOPLE'S BANK OF CHINA"),
    ("Company", "Binance Holdings Limited", "Binance Holdings Ltd."),
    ("Company", "Coinbase Global, Inc.", "Coinbase Global Incorporated"),
    ("Company", "X Corp", "X Corporation"),
    (
        "Regulator",
        "Securities and Exchange Commission of Thailand",
        "Securities & Exchange Commission of Thailand",
    ),
    ("Regulator", "The Financial Conduct Authority", "Financial Conduct Authority"),
]

# (type, stored name, stored aliases, incoming name, incoming aliases): never one node
# by identity. The first rows used to merge by a stored alias or a fuzzy match, which
# made the node's id depend on which article came first; the gazetteer settles the
# known ones (PBOC, Huobi, OKEx) in the extractor, with the article's context.
APART = [
    ("Company", "Northwind Markets Limited", ["NML"], "Nimbus Markets Limited", ["NML"]),
    ("Company", "Northwind Markets Limited", ["NML"], "NML", []),
    ("CentralBank", "People's Bank of China", ["PBOC"], "PBOC", []),
    ("Exchange", "HTX", [{"name": "Huobi", "kind": "former_name"}], "Huobi", []),
    ("Exchange", "OKX", ["Ou Yi"], "OKEx", ["Ou Yi"]),
    ("Company", "Coinbase Global", [], "Coinbase Global, Inc.", ["Coinbase Global"]),
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
    ("Person", "Changpeng Zhao", ["Zhao"], "Zhao Wei", ["Zhao"]),
    ("Exchange", "Binance", [], "Binance.US", []),
    ("Exchange", "Huobi", [], "Huobi Thailand", []),
    ("Court", "Federal High Court", [], "Federal Supreme Court", []),
    ("Regulator", "Ontario Securities Commission", [], "Alberta Securities Commission", []),
]


def _named(etype: str, name: str, aliases: list[Any] | None = None, **kw: Any) -> Entity:
    return _entity(entity_id(etype, name), etype, name, aliases, **kw)


@pytest.mark.parametrize(("etype", "old", "new"), SAME)
def test_spellings_of_one_name_are_one_id(tmp_path: Path, etype: str, old: str, new: str) -> None:
    existing, incoming = _named(etype, old), _named(etype, new)
    assert existing.id == incoming.id
    resolved, mapping = _resolve(tmp_path, existing, incoming)
    assert mapping == {}
    assert resolved.entities[0].id == existing.id


@pytest.mark.parametrize(("etype", "old", "old_aliases", "new", "new_aliases"), APART)
def test_near_misses_and_shared_aliases_stay_apart(
    tmp_path: Path, etype: str, old: str, old_aliases: list[Any], new: str, new_aliases: list[Any]
) -> None:
    existing = _named(etype, old, old_aliases)
    incoming = _named(etype, new, new_aliases)
    assert existing.id != incoming.id
    resolved, mapping = _resolve(tmp_path, existing, incoming)
    assert mapping == {}
    assert resolved.entities[0] == incoming


def test_two_firms_sharing_an_abbreviation_stay_two_in_either_order(tmp_path: Path) -> None:
    """FINDINGS.md's repro: "Northwind Markets Limited (NML)", "Nimbus Markets Limited (NML)"."""
    firms = [
        _named("Company", "Northwind Markets Limited", ["NML"]),
        _named("Company", "Nimbus Markets Limited", ["NML"]),
    ]
    for i, order in enumerate((firms, firms[::-1])):
        store = EmbeddedStore(tmp_path / f"db{i}")
        try:
            for n, firm in enumerate(order):
                store.upsert(Extraction(article=Article(id=f"a{n}"), entities=[firm]))
            stored = sorted((r.entity.id, r.sources) for r in store.iter_entities())
        finally:
            store.close()
        assert [i for i, _ in stored] == sorted(f.id for f in firms)
        assert all(len(sources) == 1 for _, sources in stored)


def test_merged_spelling_becomes_alias(tmp_path: Path) -> None:
    existing = _named("Company", "Binance Holdings Limited")
    incoming = _named("Company", "Binance Holdings Ltd", ["BHL"])
    resolved, _ = _resolve(tmp_path, existing, incoming)
    assert [a.name for a in resolved.entities[0].aliases] == ["BHL", "Binance Holdings Ltd"]


def test_types_never_merge(tmp_path: Path) -> None:
    existing = _entity("mediaoutlet:coinmarketcap", "MediaOutlet", "CoinMarketCap")
    incoming = _entity("company:coinmarketcap", "Company", "CoinMarketCap")
    assert _resolve(tmp_path, existing, incoming)[1] == {}


def test_qids_merge_only_one_id_and_separate_two_bodies(tmp_path: Path) -> None:
    btc = _named("CryptoAsset", "Bitcoin", qid="Q131723")
    plain = _named("CryptoAsset", "Bitcoin")
    assert _resolve(tmp_path / "a", btc, plain)[1] == {}  # one id, with or without its QID
    assert _resolve(tmp_path / "b", plain, btc)[1] == {}
    # Another name with the same QID is not merged by the store: the extractor names a
    # QID's body by its gazetteer entry, so one QID has one canonical name, one id.
    same = _named("CryptoAsset", "The Orange Coin", qid="Q131723")
    assert _resolve(tmp_path / "c", btc, same)[1] == {}
    other = _named("CryptoAsset", "Bitcoin", qid="Q999")
    resolved, mapping = _resolve(tmp_path / "d", btc, other)
    assert mapping == {"cryptoasset:bitcoin": "cryptoasset:bitcoin-q999"}
    assert resolved.entities[0].id == "cryptoasset:bitcoin-q999"


def test_unnamed_groups_not_acted_on_never_resolve(tmp_path: Path) -> None:
    group = _entity("app:group-a", "App", "13 apps", unnamed=True, count=13)
    twin = _entity("app:group-b", "App", "13 apps", unnamed=True, count=13)
    assert _resolve(tmp_path, group, twin)[1] == {}


BANK = "centralbank:central-bank-of-freedonia"


def _ban(
    aid: str,
    published: dt.date | None,
    date: str | None,
    *,
    actor: str = BANK,
    action: str = "BANNED",
    count: int | None = 13,
) -> Extraction:
    bank = _entity(actor, "CentralBank", actor.split(":")[1].replace("-", " ").title())
    group = _entity(
        group_id("App", aid, action, "13 apps", count), "App", "13 apps", unnamed=True, count=count
    )
    return Extraction(
        article=Article(id=aid, published=published),
        entities=[bank, group],
        relations=[Relation(type=action, source=bank.id, target=group.id, date=date)],
    )


def _group_of(extraction: Extraction) -> str:
    resolved, _ = resolve_extraction(extraction, _NoStore())
    [group] = [e for e in resolved.entities if e.unnamed]
    assert [r.target for r in resolved.relations] == [group.id]
    return group.id


class _NoStore:
    def get(self, entity_id: str) -> None:
        return None


def test_a_group_acted_on_takes_its_events_id() -> None:
    """One ban of 13 apps told by two outlets is one group, whichever came first: the id
    is the event's (actor, action, type, count, year), never the article's."""
    sep = dt.date(2022, 9, 20)
    first = _group_of(_ban("g1", sep, "2022-09"))
    assert first == event_group_id("App", BANK, "BANNED", 13, 2022)
    assert _group_of(_ban("g2", sep, None)) == first  # undated: the article's year
    assert _group_of(_ban("g3", None, "2022-09-08")) == first
    others = {
        _group_of(_ban("g4", sep, "2023-01")),
        _group_of(_ban("g5", sep, "2022-09", actor="centralbank:bank-of-ruritania")),
        _group_of(_ban("g6", sep, "2022-09", action="BLOCKED")),
        _group_of(_ban("g7", sep, "2022-09", count=12)),
        _group_of(_ban("g8", None, None)),
    }
    assert first not in others and len(others) == 5


def test_relations_follow_the_final_ids(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "db")
    try:
        store.upsert(Extraction(article=Article(id="t"), entities=[_named("Company", "Tron Inc")]))
        follow = Extraction(
            article=Article(id="third"),
            entities=[
                _named("Exchange", "HTX"),
                _named("Company", "Tron Incorporated"),
            ],
            relations=[
                Relation(
                    type="SUBSIDIARY_OF",
                    source="exchange:htx",
                    target=entity_id("Company", "Tron Incorporated"),
                )
            ],
        )
        resolved, mapping = resolve_extraction(follow, store.lookup())
    finally:
        store.close()
    assert mapping == {}
    assert [r.key for r in resolved.relations] == [
        ("exchange:htx", "SUBSIDIARY_OF", "company:tron-incorporated")
    ]


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
