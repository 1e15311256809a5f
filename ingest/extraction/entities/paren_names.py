"""A body named twice in a row, once in parentheses: one entity, the other name an alias.

Real reporting gives a regulator's local-language name next to its English one, either
way round: "Sweden's Financial Supervisory Authority (Finansinspektionen)", "Austria's
Finanzmarktaufsicht (Financial Market Authority)", "the Comisión Nacional del Mercado
de Valores (National Securities Market Commission)". The two names are one body; the
curated one (the gazetteer's) keeps its name, the other becomes a translation alias.
Abbreviations in parentheses ("(FCA)") are `aliases.paren_alias`' job.

Guards: both names must be public bodies or laws of compatible types, and the
parenthesised name must be a name, not an abbreviation, a place or a firm ("the Bank
(Korvex Ltd)"); a parenthesised name no rule recognised is taken as an alias only when
it follows such a body and reads like a name (capitalised words, no digits).
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, Mention
from ingest.extraction.entities.place_qualified import readings
from ingest.extraction.text.tokens import UPPER

_BODIES = frozenset(
    (TYPE.regulator, TYPE.centralbank, TYPE.governmentbody, TYPE.court)
)  # fmt: skip
_OPEN = re.compile(r' \("?')
_CLOSE = re.compile(r'"?\)')
# a name no rule recognised: capitalised words and the lower-case connectors of many
# languages ("Autorité des marchés financiers" has lower-case words too: up to 8 words)
_LOOSE_NAME = re.compile(
    rf"[{UPPER}][^\W\d_]+(?:[ -](?:[{UPPER}][^\W\d_]+|[a-zà-ÿ]{{1,12}})){{0,7}}"
)


def _compatible(a: EntityDraft, b: EntityDraft) -> bool:
    if a.type == TYPE.law or b.type == TYPE.law:
        return a.type == b.type
    return a.type in _BODIES and b.type in _BODIES


def _curated(draft: EntityDraft) -> bool:
    return bool(draft.qid or draft.jurisdiction)


def merge_parenthesised_names(state: ArticleState) -> list[str]:
    """Merge 'NAME (OTHER NAME)' pairs of one body; return new alias surfaces to look for."""
    table, text = state.table, state.doc.text
    if " (" not in text:
        return []
    named = sorted((m for m in state.mentions if m.how == "name"), key=lambda m: m.start)
    learned: list[str] = []
    for i, first in enumerate(named):
        opened = _OPEN.match(text, first.end)
        if opened is None:
            continue
        inner = next((m for m in named[i + 1 : i + 3] if m.start == opened.end()), None)
        if inner is None:
            learned += _loose_alias(state, first, opened.end())
            continue
        abbr = _ABBR_THEN_CLOSE.match(text, inner.end)
        if not (abbr or _CLOSE.match(text, inner.end)):
            continue
        if _is_abbreviation(inner.text):
            _merge_translated(state, first, inner)
            continue
        pair = _two_entities(state, first, inner)
        if pair is None or not _compatible(*pair):
            continue
        outer, paren = pair
        keep, drop = (paren, outer) if _curated(paren) and not _curated(outer) else (outer, paren)
        table.merge(keep, drop, "translation")
        if abbr is not None:
            learned += _abbreviation_alias(state, keep, abbr.group("abbr"))
    return learned


def _two_entities(
    state: ArticleState, first: Mention, inner: Mention
) -> tuple[EntityDraft, EntityDraft] | None:
    """The entities of a name and the name in parentheses after it, when they are two."""
    table = state.table
    a, b = table.resolve(first.key), table.resolve(inner.key)
    if a == b or a not in table or b not in table:
        return None
    return table.get(a), table.get(b)


def _merge_translated(state: ArticleState, first: Mention, inner: Mention) -> None:
    """'the Financial Supervision Commission (KNF)': a body the gazetteer does not know,
    named with a curated body's abbreviation, is that body (see `translated_body`)."""
    table = state.table
    pair = _two_entities(state, first, inner)
    if pair is None or not translated_body(*pair):
        return
    draft, curated = pair
    ctx = state.country
    places = {country for country, _ in readings(draft, ctx)} | {
        country
        for word in draft.name.split()
        if (country := ctx.index.country_of_adjective(word.rstrip(",")))
    }
    if places and ctx.country_of(curated.jurisdiction or "") not in places:
        return  # "the Thai Securities and Exchange Commission (SEC)": not the U.S. SEC
    table.merge(curated, draft, "translation")


_FUNCTION_WORDS = frozenset("of the and for on in".split())


def translated_body(draft: EntityDraft, curated: EntityDraft) -> bool:
    """Whether a public body the gazetteer does not know, named with a curated body's
    abbreviation in brackets, is that body under a translated name: "the Financial
    Supervision Commission (KNF)" for Poland's Komisja Nadzoru Finansowego. Both are
    public bodies, and the two names share at least two content words."""
    if (
        _curated(draft)
        or not _curated(curated)
        or draft.type not in GROUP.public_body
        or curated.type not in GROUP.public_body
    ):
        return False
    names = (curated.name, *curated.aliases)
    if any(name in draft.name for name in names):
        return False  # "the Cyber Crime Wing of the Federal Investigation Agency (FIA)": a unit
    words = {w for w in draft.name.lower().split() if w not in _FUNCTION_WORDS}
    known = {w for name in names for w in name.lower().split() if w not in _FUNCTION_WORDS}
    return len(words & known) >= 2


# the other name's abbreviation after it, inside the same parentheses: "the National
# Markets Board (Junta Nacional de Mercados, JNM)"
# Markets, JNM)"; or a defined short name after a semicolon: "the Banking Act (Bankgesetz;
# hereinafter referred to as "BG")"
_ABBR_THEN_CLOSE = re.compile(
    r'(?:, |; hereinafter[^"()]{0,40}?")"?(?P<abbr>[A-Z][A-Za-z&.-]{1,11})"?\)'
)


def _abbreviation_alias(state: ArticleState, body: EntityDraft, abbr: str) -> list[str]:
    """`abbr` as an abbreviation of `body`, unless it names another entity already."""
    if sum(c.isupper() for c in abbr) < 2:
        return []
    found = state.table.find(abbr)
    if found is not None:
        if found.key != body.key and found.type in _BODIES:
            state.table.merge(body, found, "abbreviation")
        return []
    state.table.alias(body, abbr, "abbreviation")
    return [abbr]


def _loose_alias(state: ArticleState, first: Mention, start: int) -> list[str]:
    """'Zemblan Markets Board (Zemblanske Tilsynet)': an unrecognised name in parentheses
    right after a public body is that body's other name."""
    table, text = state.table, state.doc.text
    key = table.resolve(first.key)
    if key not in table or table.get(key).type not in _BODIES:
        return []
    m = _LOOSE_NAME.match(text, start)
    if m is None or _is_abbreviation(m.group()):
        return []
    abbr = _ABBR_THEN_CLOSE.match(text, m.end())
    if abbr is None and not _CLOSE.match(text, m.end()):
        return []
    surface = m.group()
    if " " not in surface and surface[1:].islower() and len(surface) < 6:
        return []  # a short word ("(Reuters)" is caught by the media gazetteer; "(Oslo)")
    if state.country.jurisdiction(surface) is not None:
        return []  # "the Securities Commission (Malaysia)": its place, not another name
    body = table.get(key)
    short = _abbreviation_alias(state, body, abbr.group("abbr")) if abbr else []
    found = table.find(surface)
    if found is not None:
        # the same words read elsewhere as a person's name or a body ("The Zemblan
        # Tilsynet said ...") are this body's other name
        if found.key != key and (found.type == TYPE.person or found.type in _BODIES):
            table.merge(body, found, "translation")
        return short
    table.alias(body, surface, "translation")
    return [surface, *short]


def _is_abbreviation(surface: str) -> bool:
    """'FCA', 'BaFin', 'Consob': one word with capitals after its first letter, or short."""
    if " " in surface:
        return False
    return sum(c.isupper() for c in surface) >= 2 or len(surface) <= 5
