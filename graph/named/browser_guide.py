"""The Neo4j Browser guide for cryptoreg: the named queries as runnable cards.

Neo4j Browser shows a remote guide with `:play <url>` (a frame of slides in the stream)
or `:guide <url>` (the same slides in the sidebar). A guide is HTML: each `<slide>` is
one card, and a `<pre class="runnable">` block is pasted into the editor when clicked and
run when its play icon is clicked (neo4j-browser's `Directives`). The project's server
runs `:play` on the guide the API serves at `/neo4j/guide.html` right after a Browser
connects (graph/neo4j_server/conf.py), so the first thing a user sees is this graph's
guide, not Neo4j's generic one.

The cards are generated from `queries/*.cypher` (graph/named/catalogue.py): each shows
the query's description, then its `:param` examples and its Cypher as one runnable block,
exactly what docs/neo4j-browser.md asks people to paste. Nothing here reads the store:
the guide is the same for every graph, and the Browser fetches it from any origin.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from graph.named.catalogue import NamedQuery, load_queries
from graph.ontology import get_ontology

GUIDE_TITLE = "cryptoreg: crypto-regulation actions"
# The first card draws a neighbourhood at once: OKX's is in the shipped sample articles.
START_ENTITY = "exchange:okx"


def param_lines(query: NamedQuery) -> list[str]:
    """The query's `// example: :param ...` lines as the Browser runs them (with `;`)."""
    if query.path is None:
        return []
    return [
        line.removeprefix("// example:").strip().rstrip(";") + ";"
        for line in query.path.read_text(encoding="utf-8").splitlines()
        if line.startswith("// example:")
    ]


def _runnable(lines: Iterable[str]) -> str:
    return '<pre class="code runnable">' + escape("\n".join(lines)) + "</pre>"


def _slide(title: str, *parts: str) -> str:
    body = "\n".join(parts)
    return f'<slide class="row-fluid">\n<h3>{escape(title)}</h3>\n{body}\n</slide>'


def _welcome() -> str:
    ont = get_ontology()
    actions = ", ".join(f"<code>{escape(a)}</code>" for a in ont.action_types)
    return _slide(
        "Welcome",
        "<p>This database holds <b>who banned, blocked, fined or licensed which exchange, "
        "where and since when</b>, built by cryptoreg from news articles. Every relationship "
        "carries its <code>evidence</code> (the sentence), its <code>sources</code> (article "
        "ids) and a <code>confidence</code>; actions also carry their <code>date</code>, "
        "<code>status</code> and, for fines, <code>amount</code> and <code>currency</code>.</p>",
        f"<p>Actions: {actions}. Click a block to paste it into the editor, or its play "
        "icon to run it. The next cards are the project's named queries (the API runs "
        "the same ones at <code>POST /queries/{name}</code>).</p>",
        "<p>Everything one fact away from an entity (change the id to explore another; a "
        "single statement runs straight into a graph):</p>",
        _runnable(
            [f"MATCH p = (e:Entity {{id: '{START_ENTITY}'}})-[r]-(other:Entity)", "RETURN p"]
        ),
        "<p>Find an id by any name, alias or abbreviation:</p>",
        _runnable(
            [
                "CALL db.index.fulltext.queryNodes('entity_names', 'binance') YIELD node, score",
                "RETURN node.id AS id, node.name AS name, node.type AS type, score",
                "ORDER BY score DESC LIMIT 10",
            ]
        ),
    )


def _query_slide(query: NamedQuery) -> str:
    return _slide(
        query.name.replace("_", " ").capitalize(),
        f"<p>{escape(query.description)}</p>",
        f"<p><small>Named query <code>{escape(query.name)}</code>; change a "
        "<code>:param</code> line to ask about something else.</small></p>",
        _runnable([*param_lines(query), query.cypher]),
    )


def render_guide(queries: Iterable[NamedQuery] | None = None) -> str:
    """The guide's HTML: a welcome card, then one card per named query in name order."""
    chosen = sorted(load_queries().values() if queries is None else queries, key=_name)
    slides = [_welcome(), *(_query_slide(q) for q in chosen)]
    return (
        "<!DOCTYPE html>\n"
        f"<title>{escape(GUIDE_TITLE)}</title>\n"
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n"
    )


def _name(query: NamedQuery) -> str:
    return query.name
