"""Activities: the kinds of conduct rules target ("cryptocurrency trading", "crypto payments").

Named by a small lexicon and normalised, so that "crypto-related transactions" and
"crypto trading" are one node; "barred banks from dealing with crypto exchanges"
names the activity of those it bars.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention
from ingest.extraction.references.activity_objects import (
    DECLARED_ILLEGAL,
    DECLARED_STEMS,
    GERUND_OBJECT,
    GERUND_STEMS,
    NOT_TO_DO,
    NOT_TO_STEMS,
    conduct_name,
    governed,
)
from ingest.extraction.text.literal_gate import gate
from ingest.extraction.text.scanning import scanner_of

ACTIVITY_PATTERNS: list[tuple[re.Pattern[str], str | None]] = [
    (
        re.compile(
            r"\b(?:crypto(?:currency)?|bitcoin|digital[- ]asset|virtual[- ]asset)(?:-related)? "
            r"(?:trading|transactions|trades)\b(?! platforms?| venues?| apps?| firms?| volume"
            r"| services?| exchanges?| pairs?| desks?| hours?| worth\b)",
            re.I,
        ),
        "cryptocurrency trading",
    ),
    (re.compile(r"\b(?:crypto(?:currency)?|bitcoin) mining\b", re.I), "cryptocurrency mining"),
    (re.compile(r"(?<=\band )mining\b|(?<=\bor )mining\b"), "cryptocurrency mining"),
    (re.compile(r"\bcrypto(?:currency)? payments?\b", re.I), "crypto payments"),
    (
        re.compile(
            r"\b(?:the )?use of (?:crypto(?:currencie)?s?|cryptocurrencies|crypto assets|"
            r"digital assets|(?:digital|virtual) currenc(?:y|ies))"
            r"(?: and (?:other )?(?:crypto|digital) (?:assets|tokens))? "
            r"(?:to (?:pay for|purchase|buy) [\w ]+?|for payments?|in payments?"
            r"|in (?:the )?payment systems?|as (?:a )?means of payment)"
            r"(?=[,.;]| and\b| in\b| from\b| since\b| on\b| at\b)",
            re.I,
        ),
        "crypto payments",
    ),
    (re.compile(r"\b(?:initial coin offerings|ICOs)\b"), "initial coin offerings"),
    (
        re.compile(r"\bcrypto(?:currency)? (?:advertising|advertisements|ads)\b", re.I),
        "crypto advertising",
    ),
    (re.compile(r"\bstaking-as-a-service\b|\bstaking (?:program|service|products?)\b", re.I), None),
    (re.compile(r"\bcrypto(?:currency)? derivatives\b", re.I), None),
]

_ACTIVITY_STEMS: list[tuple[str, ...]] = [
    ("trad", "transaction"),
    ("mining",),
    ("mining",),
    ("payment",),
    ("use of",),
    ("coin offering", "icos"),
    ("advert", "ads"),
    ("staking",),
    ("derivative",),
]

# "against", "from" or "on" opens every match: tried only there (the same matches, faster;
# its stems include common words such as "digital", so it runs in many sentences)
_GERUND_SEARCH = gate(GERUND_OBJECT)
BARRED_FROM = re.compile(
    r"\b(?:barred|banned|prohibited|forbade|forbidden|stopped|restricted) (?P<who>banks|lenders|"
    r"financial institutions|payment (?:service )?providers|firms|companies|exchanges|"
    r"brokers|merchants) from (?P<what>[a-z]+ing [\w -]+?)(?=[,.;]| in (?:[A-Z]\w+|\d)| until\b)"
)


def find_activities(state: ArticleState) -> None:
    """Add activities named by the lexicon, and 'barred banks from dealing with ...' ones."""
    table = state.table
    out: list[Mention] = []
    taken = [(m.start, m.end) for m in state.mentions if m.how == "name"]
    scanner = scanner_of(state.doc)
    for (pattern, canonical), stems in zip(ACTIVITY_PATTERNS, _ACTIVITY_STEMS, strict=True):
        for m in scanner.finditer(pattern, stems):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            surface = re.sub(r"^the ", "", m.group(), flags=re.I)
            name = canonical or _first_form(table, surface)
            draft = table.find(surface) or table.add(name, TYPE.activity)
            table.alias(draft, surface, "other")
            _touch(draft, m.start())
            out.append(Mention(m.start(), m.end(), surface, draft.key, TYPE.activity, "name"))
            taken.append((m.start(), m.end()))
    for m in scanner.finditer(
        BARRED_FROM, ("barred", "banned", "prohibited", "forb", "stopped", "restricted")
    ):
        name = f"{m.group('who')} {m.group('what')}"
        draft = table.find(name) or table.add(name, TYPE.activity)
        _touch(draft, m.start("who"))
        out.append(Mention(m.start("who"), m.end("what"), name, draft.key, TYPE.activity, "name"))
        taken.append((m.start("who"), m.end("what")))
    for m in scanner.finditer(_GERUND_SEARCH, GERUND_STEMS):
        start, end = m.span("what")
        inner = m.group("conduct") and m.group("conduct").strip()  # "use of Bitcoin" holds a name
        if any(s < end and start < e and not (inner and start <= s and e <= end) for s, e in taken):
            continue  # "barred banks from dealing with ...": the barred party's conduct
        if not governed(state.doc.text, m.start("prep"), m.group("prep")):
            continue
        if not inner and (m.group("prep") != "against" or any(s <= start < e for s, e in taken)):
            continue  # a bare crypto word names conduct only as what one is warned against
        _add_conduct(table, out, taken, m.group("what"), m.group("conduct"), m.group("thing"), m)
    for m in scanner.finditer(DECLARED_ILLEGAL, DECLARED_STEMS):
        if any(s < m.end("what") and m.start("what") < e for s, e in taken):
            continue
        _add_conduct(table, out, taken, m.group("what"), None, m.group("thing"), m)
    for m in scanner.finditer(NOT_TO_DO, NOT_TO_STEMS):
        if any(s < m.end("what") and m.start("what") < e for s, e in taken):
            continue
        _add_conduct(table, out, taken, m.group("what"), m.group("verb"), m.group("thing"), m)
    state.mentions += out


def _add_conduct(
    table: EntityTable,
    out: list[Mention],
    taken: list[tuple[int, int]],
    surface: str,
    conduct: str | None,
    thing: str,
    m: re.Match[str],
) -> None:
    """An activity named by the conduct a rule falls on; its words as written are an alias
    where the name leaves a quantifier out."""
    start, end = m.span("what")
    name = conduct_name(conduct or "", thing)
    draft = table.find(name) or table.find(surface) or table.add(name, TYPE.activity)
    if surface != draft.name:
        table.alias(draft, surface, "other")
    _touch(draft, start)
    out.append(Mention(start, end, surface, draft.key, TYPE.activity, "name"))
    taken.append((start, end))


def _first_form(table: EntityTable, surface: str) -> str:
    stem = surface.split()[0].split("-")[0].lower()
    for d in table.all():
        if d.type == TYPE.activity and d.name.lower().startswith(stem):
            return d.name
    return surface


def _touch(draft: EntityDraft, pos: int) -> None:
    draft.standalone = True
    draft.mentions += 1
    draft.first = min(draft.first, pos)
