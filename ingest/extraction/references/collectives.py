"""Collective mentions: a country's government, and plural descriptions of a named group.

"the Centre blocked ..." (an Indian paper's name for the Union government) names the
article country's government. "the platforms' URLs" or "the five exchanges serve ..."
refers back to an unnamed group named shortly before ("nine offshore exchanges,
among them Binance, KuCoin and HTX"); the group's listed members are recorded on it,
so actions and structure on the group reach each member too.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention
from ingest.extraction.references.listed_firms import complete_groups, listed_firm_mentions
from ingest.extraction.text.document import Document
from ingest.extraction.text.scanning import scanner_of

_NATIONAL_GOVERNMENT = re.compile(
    r"\b[Tt]he (?:Centre|Union government|central government|national government)\b"
    r"(?!'s? \w+ (?:of|for))"
)
_PLURAL = re.compile(
    r"\b[Tt]he (?:(?:[\w-]+ ){0,2}?)"
    r"(?P<noun>platforms|exchanges|firms|companies|operators)\b(?! of)"
)
_PLURAL_STEMS = ("platforms", "exchanges", "firms", "companies", "operators")
_MEMBERS_INTRO = re.compile(r"[^.;]{0,80}?(?:,? among them|,? including|, such as|: |, namely) ")
_LIST_START = re.compile(r"(?:,|:| -) (?=[A-Z])")


def collective_mentions(
    state: ArticleState, named: list[Mention], used: bytearray
) -> list[Mention]:
    """Government and plural-group mentions not inside a named mention (`used` marks those)."""
    doc, table, ctx = state.doc, state.table, state.country
    out: list[Mention] = []
    scan = scanner_of(doc)
    for m in scan.finditer(_NATIONAL_GOVERNMENT, ("centre", "government")):
        draft = None if used[m.start()] else government(table, ctx, None)
        if draft is not None:
            table.alias(draft, m.group(), "descriptive")
            out.append(Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "descriptive"))
    complete_groups(state, named)  # "three entities. A will ..., B ... and C ..."
    listed = listed_firm_mentions(state, named, used)  # "the three entities": A, B and C
    for x in listed:
        used[x.start : x.end] = b"\x01" * (x.end - x.start)
    out += listed
    for m in scan.finditer(_PLURAL, _PLURAL_STEMS):
        group = None if used[m.start()] else _plural_group(m.start(), table, named, doc)
        if group is not None:
            out.append(Mention(m.start(), m.end(), m.group(), group.key, group.type, "descriptive"))
    return out


def government(table: EntityTable, ctx: CountryContext, place: str | None) -> EntityDraft | None:
    """The government of `place` (else of the article's country), kept only if it acts."""
    country = place or ctx.main_country
    if not country:
        return None
    draft = table.find(f"Government of {country}") or table.add(
        f"Government of {country}", TYPE.governmentbody, jurisdiction=country
    )
    draft.confidence = 0.5  # kept only if a relation needs it
    return draft


def _plural_group(
    pos: int, table: EntityTable, named: list[Mention], doc: Document
) -> EntityDraft | None:
    """The latest firm group within two sentences before `pos`, with the members it lists."""
    sent = doc.sentence_at(pos)
    here = sent.index if sent is not None else 0
    if sent is not None and _firms_named_before(sent.start, pos, table, named) >= 2:
        return None  # "... the websites of OKX, KuCoin and Bybit, giving the platforms ..."
    groups = [
        d
        for d in table.all()
        if d.unnamed and d.type in (TYPE.exchange, TYPE.company) and d.first < pos
    ]
    if not groups:
        return None
    group = max(groups, key=lambda d: d.first)
    home = doc.sentence_at(group.first)
    if home is None or here - home.index > 2:
        return None
    if not group.members:
        _collect_members(group, table, named, doc, home.end)
    return group


def _firms_named_before(start: int, pos: int, table: EntityTable, named: list[Mention]) -> int:
    """How many named firms the sentence names between `start` and `pos`."""
    keys = set()
    for m in named:
        if start <= m.start < pos and m.key in table:
            d = table.get(table.resolve(m.key))
            if d.type in (TYPE.exchange, TYPE.company) and not d.unnamed:
                keys.add(d.key)
    return len(keys)


def _collect_members(
    group: EntityDraft, table: EntityTable, named: list[Mention], doc: Document, stop: int
) -> None:
    """Firms the group's sentence lists for it: 'among them X, Y' or 'five exchanges, X, Y'."""
    intro = _MEMBERS_INTRO.match(doc.text, group.first, stop)
    end = group.first + len(group.description or "")
    if intro is None and doc.text.startswith((", ", ": ", " - "), end):
        intro = _LIST_START.match(doc.text, end)
    if intro is None:
        return
    for x in named:
        if intro.end() <= x.start < stop and x.key in table:
            d = table.get(table.resolve(x.key))
            if d.type == group.type and not d.unnamed and d.key not in group.members:
                group.members.append(d.key)
