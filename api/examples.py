"""Example responses shown in the OpenAPI document (taken from the seed article's graph)."""

from __future__ import annotations

from typing import Any

from api.problems import PROBLEM_BASE, PROBLEM_MEDIA_TYPE
from graph.ontology import REL, TYPE

PBOC = {
    "id": "centralbank:peoples-bank-of-china",
    "type": TYPE.centralbank,
    "name": "People's Bank of China",
    "unnamed": False,
    "count": None,
}
OKX = {"id": "exchange:okx", "type": TYPE.exchange, "name": "OKX", "unnamed": False, "count": None}
CHINA = {
    "id": "jurisdiction:china",
    "type": TYPE.jurisdiction,
    "name": "China",
    "unnamed": False,
    "count": None,
}
DOMAINS = {
    "id": "website:group-3f1c2a9b0e",
    "type": TYPE.website,
    "name": "domain names related to cryptocurrencies",
    "unnamed": True,
    "count": 32,
}
FACT = {
    "type": REL.blocked,
    "source": PBOC,
    "target": DOMAINS,
    "event_id": "ev-3b0c9d2f61a4e7c8",
    "sources": ["seed-beijing-crackdown"],
    "evidence": ["The PBOC also blocked 32 domain names related to cryptocurrencies."],
    "first_seen": "2022-09-08",
    "last_seen": "2022-09-08",
    "confidence": 1.0,
    "date": "2022-09",
    "status": "active",
    "ended_how": None,
    "ended_on": None,
    "in_force_from": "2022-09-01",
    "in_force_until": None,
    "history": [
        {"status": "active", "how": None, "on": "2022-09", "sources": ["seed-beijing-crackdown"]}
    ],
    "properties": {},
}
LOCATED = {
    **FACT,
    "type": REL.located_in,
    "target": CHINA,
    "event_id": "ev-8e51d0a7c2b94f36",
    "date": None,
    "in_force_from": "2022-09-08",
    "history": [
        {"status": "active", "how": None, "on": None, "sources": ["seed-beijing-crackdown"]}
    ],
    "evidence": ["the People's Bank of China, the country's central bank"],
}
DOJ = {
    "id": "governmentbody:u-s-department-of-justice",
    "type": TYPE.governmentbody,
    "name": "U.S. Department of Justice",
    "unnamed": False,
    "count": None,
}
BINANCE = {**OKX, "id": "exchange:binance", "name": "Binance"}
# An ended event, with made-up bodies (no article in the seed graph lifts anything).
FREEDONIA = {**CHINA, "id": "jurisdiction:freedonia", "name": "Freedonia"}
GLIMMER = {**OKX, "id": "exchange:glimmer", "name": "Glimmer"}
LIFTED_BAN = {
    **FACT,
    "type": REL.banned,
    "source": {**PBOC, "id": "centralbank:bank-of-freedonia", "name": "Bank of Freedonia"},
    "target": GLIMMER,
    "event_id": "ev-51f0e2c9a8b7d634",
    "sources": ["example-ban", "example-lifting"],
    "evidence": [
        "The Bank of Freedonia banned Glimmer in June 2023.",
        "The central bank lifted its 2023 ban on Glimmer in March 2025.",
    ],
    "first_seen": "2023-06-10",
    "last_seen": "2025-03-04",
    "date": "2023-06",
    "status": "ended",
    "ended_how": "lifted",
    "ended_on": "2025-03",
    "in_force_from": "2023-06-01",
    "in_force_until": "2025-03-01",
    "history": [
        {"status": "active", "how": None, "on": "2023-06", "sources": ["example-ban"]},
        {"status": "ended", "how": "lifted", "on": "2025-03", "sources": ["example-lifting"]},
    ],
}
IN_FORCE = {
    "entity": GLIMMER,
    "on": "2024-01-01",
    "total": 1,
    "jurisdictions": [{"jurisdiction": FREEDONIA, "actions": [LIFTED_BAN]}],
}
FINES = {
    "entity": BINANCE,
    "fines": [
        {
            "event_id": "ev-0d8e7f6a5b4c3d21",
            "actor": DOJ,
            "date": "2023-11",
            "amount": 4_300_000_000.0,
            "currency": "USD",
            "status": "active",
            "ended_how": None,
            "sources": ["doj-binance-settlement"],
            "evidence": ["Binance agreed to pay $4.3 billion."],
        }
    ],
    "totals": [{"currency": "USD", "total": 4_300_000_000.0, "fines": 1}],
    "without_amount": 0,
    "without_currency": 0,
}
HISTORY = {
    "actor": LIFTED_BAN["source"],
    "target": GLIMMER,
    "events": [LIFTED_BAN],
    "timeline": [
        {
            "event_id": LIFTED_BAN["event_id"],
            "type": REL.banned,
            "status": "active",
            "how": None,
            "on": "2023-06",
            "sources": ["example-ban"],
        },
        {
            "event_id": LIFTED_BAN["event_id"],
            "type": REL.banned,
            "status": "ended",
            "how": "lifted",
            "on": "2025-03",
            "sources": ["example-lifting"],
        },
    ],
}
ARTICLE = {
    "id": "seed-beijing-crackdown",
    "url": None,
    "title": "Beijing removes 13 crypto trading apps",
    "publisher": "Forkast",
    "published": "2022-09-08",
}
HEALTH = {"status": "ok", "store": "embedded", "version": "sqlite 3.46.1", "api_version": "0.1.0"}
STATS = {
    "entities_by_type": {TYPE.exchange: 21, TYPE.regulator: 19, TYPE.jurisdiction: 38},
    "relations_by_type": {REL.banned: 14, REL.blocked: 15, REL.located_in: 52},
    "articles": 15,
    "aliases": 210,
}
SEARCH_PAGE = {
    "items": [{"entity": OKX, "matched": "Ou Yi", "score": 100.0}],
    "limit": 20,
    "offset": 0,
    "next_offset": None,
}
ENTITY = {
    **OKX,
    "aliases": [{"name": "Ou Yi", "kind": "translation", "lang": None}],
    "description": None,
    "qid": None,
    "properties": {},
    "sources": ["seed-beijing-crackdown"],
    "relation_counts": {REL.headquartered_in: 1, REL.originated_in: 1, REL.referred_by: 1},
}
SUBGRAPH = {"nodes": [PBOC, CHINA, DOMAINS], "edges": [FACT, LOCATED]}
ARTICLE_FACTS = {
    "article": {
        **ARTICLE,
        "text": "Regulators in Beijing have removed 13 apps ...",
        "source_path": None,
    },
    "entities": [PBOC, DOMAINS],
    "facts": [FACT],
}
INGEST = {
    "read": 1,
    "failed": [],
    "summary": {
        "articles": 1,
        "entities_new": 4,
        "entities_merged": 2,
        "relations_new": 3,
        "relations_merged": 0,
    },
    "ingested": ["article-5f2a9c0d1e3b4a67"],
}
RETRACT = {
    "article": "seed-beijing-crackdown",
    "entities_deleted": 12,
    "relations_deleted": 18,
    "relations_kept": 2,
}
_FSA = {
    "id": "regulator:financial-services-agency",
    "type": TYPE.regulator,
    "name": "Financial Services Agency",
    "unnamed": False,
    "count": None,
}
_NIKKEI = {
    "id": "mediaoutlet:nikkei-asia",
    "type": TYPE.mediaoutlet,
    "name": "Nikkei Asia",
    "unnamed": False,
    "count": None,
}
REVIEW_DECISION = {
    "event_id": "ev-da979ee427e37eb4",
    "decision": "rejected",
    "type": REL.sued,
    "source": _FSA,
    "target": _NIKKEI,
    "at": "2025-06-02T10:23:41.554488Z",
    "note": "the FSA warned Binance; it did not sue the Nikkei",
}
REVIEW_ITEM = {
    "event_id": "ev-da979ee427e37eb4",
    "state": "pending",
    "type": REL.sued,
    "source": _FSA,
    "target": _NIKKEI,
    "confidence": 0.4,
    "date": "2018-03-22",
    "articles": ["article-d1a0e02401b6b241"],
    "sentences": [
        "A day earlier he had accused the Nikkei newspaper of irresponsible journalism for "
        "reporting the planned warning before the exchange itself had been told."
    ],
    "why": "confidence 0.4 is below 0.6 (best of 1 article)",
    "decision": None,
}
REVIEW_ACCEPTED = {**REVIEW_DECISION, "decision": "accepted", "note": None}
REVIEWED_ITEM = {
    **REVIEW_ITEM,
    "state": "rejected",
    "why": "rejected on 2025-06-02; confidence 0.4 is below 0.6 (best of 1 article)",
    "decision": REVIEW_DECISION,
}
ACCEPTED_ITEM = {
    **REVIEW_ITEM,
    "state": "accepted",
    "why": "accepted on 2025-06-02; confidence 0.4 is below 0.6 (best of 1 article)",
    "decision": REVIEW_ACCEPTED,
}
REVIEW_PAGE = {"items": [REVIEW_ITEM], "total": 7, "review_below": 0.6}
JUDGEMENT = {
    "kind": "merge",
    "entity": "regulator:securities-and-exchange-commission",
    "other": "regulator:sec",
    "name": None,
    "note": "the bare name is the US SEC",
    "id": 1,
    "at": "2025-06-02T10:00:00.000000Z",
}
EXPLANATION = {
    "entity": {"id": "regulator:sec", "type": TYPE.regulator, "name": "SEC", "unnamed": False},
    "rule": "a named entity's id is its type and its name's key ('sec'): ...",
    "names": [
        {
            "name": "Securities and Exchange Commission",
            "kind": "name",
            "came_as": "regulator:securities-and-exchange-commission",
            "via": "judgement",
            "judgement": 1,
            "sentence": "The Securities and Exchange Commission sued Binance on Monday.",
            "articles": ["article-5f2a9c0d1e3b4a67"],
            "article_count": 1,
        }
    ],
    "judgements": [JUDGEMENT],
    "unexplained": 0,
    "not_read": 0,
}
QUERY_INFO = {
    "name": "entity_by_name",
    "description": "Entities whose canonical name or one of whose aliases equals the given text.",
    "params": [
        {"name": "name", "type": "str", "required": True},
        {
            "name": "limit",
            "type": "int",
            "required": False,
            "default": 20,
            "minimum": 1,
            "maximum": 100,
        },
    ],
    "example": {"name": "Ou Yi", "limit": 20},
    "cypher": "MATCH (e:Entity) WHERE ... RETURN e.id AS id, e.name AS name ...",
}
QUERY_RESULT = {
    "name": "entity_by_name",
    "params": {"name": "Ou Yi", "type": None, "limit": 20},
    "count": 1,
    "rows": [
        {
            "id": "exchange:okx",
            "name": "OKX",
            "type": TYPE.exchange,
            "unnamed": False,
            "count": None,
            "articles": 1,
        }
    ],
}
CENTRAL = [{"entity": CHINA, "pagerank": 0.041532, "degree": 19}]
ACTED_AGAINST = [
    {
        "entity": {**OKX, "id": "exchange:binance", "name": "Binance"},
        "actions": 17,
        "actors": 12,
        "sources": 7,
        "by_type": {REL.banned: 3, REL.blocked: 2, REL.fined: 3, REL.sued: 6, REL.warned: 3},
    }
]
COMMUNITIES = [{"label": CHINA, "size": 14, "articles": 2, "members": [CHINA, PBOC, OKX]}]


def ok(example: Any, description: str = "Success.") -> dict[int | str, dict[str, Any]]:
    """An OpenAPI `responses` entry for a 200 with this example body."""
    return {
        200: {"description": description, "content": {"application/json": {"example": example}}}
    }


def problem_example(status: int, title: str, detail: str, instance: str) -> dict[str, Any]:
    slug = title.lower().replace(" ", "-")
    return {
        "content": {
            PROBLEM_MEDIA_TYPE: {
                "example": {
                    "type": PROBLEM_BASE + slug,
                    "title": title,
                    "status": status,
                    "detail": detail,
                    "instance": instance,
                }
            }
        }
    }


# The change feed (graph/store/changes.py): the seed article's first ingest.
CHANGE = {
    "seq": 1,
    "at": "2025-06-02T07:30:00.123456Z",
    "kind": "article_upserted",
    "article_id": "seed-beijing-crackdown",
    "title": "Beijing regulators order crackdown on crypto exchanges",
    "entities": [{"entity": PBOC, "change": "added"}, {"entity": DOMAINS, "change": "added"}],
    "facts": [
        {
            "event_id": "ev-3b0c9d2f61a4e7c8",
            "type": REL.blocked,
            "source": PBOC,
            "target": DOMAINS,
            "change": "added",
        }
    ],
}
ATOM = """<?xml version='1.0' encoding='UTF-8'?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>http://127.0.0.1:8000/changes.atom?entity=centralbank%3Apeoples-bank-of-china</id>
  <title>cryptoreg: changes naming centralbank:peoples-bank-of-china</title>
  <updated>2025-06-02T07:30:00.123456+00:00</updated>
  <entry>
    <id>http://127.0.0.1:8000/changes/1</id>
    <title>Article added: Beijing regulators order crackdown on crypto exchanges</title>
    <updated>2025-06-02T07:30:00.123456+00:00</updated>
    <content>added BLOCKED: People's Bank of China -> domain names related to cryptocurrencies
    </content>
  </entry>
</feed>
"""
