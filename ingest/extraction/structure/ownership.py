"""SUBSIDIARY_OF from the text: "X, the UK-based unit of Y", "its Dubai-based unit, X",
"X and its parent company, Y", "Y, the company's Nasdaq-listed parent", "Y, which owns
X", "X, which is part of the Y Group", "Y owns X", "X was acquired by Y", "X, Y's local
subsidiary", "The company said X, a subsidiary based in Zug, ...".
"""

from __future__ import annotations

import re
from typing import TypeGuard

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.entities.drafts import EntityTable, Mention, RelationDraft
from ingest.extraction.names.org_names import OWNING_SUFFIX

_UNIT_OF = re.compile(
    r'^"?\)?(?: \([^()]{1,80}\))?, (?:the|a|an) (?:[\w-]+ ){0,3}?(?:unit|subsidiary|arm'
    r"|affiliate|division|platform"
    r"|business|entity|vehicle|branch) of\b"
)
# "Zanmai Lab Pvt Ltd, which owns WazirX": the next organisation is the owned one
_WHICH_OWNS = re.compile(
    r"^,? (?:which|that) (?:also )?(?:owns|operates|runs|controls) (?:the )?"
    r"(?:(?:crypto(?:currency)? )?(?:exchange|platform|app|wallet) )?"
)  # (the owned firm right after the verb: not "X, which operates in 40 countries, was
# fined by the FCA")
# "Zentrope Holdings owns Korvex", "Y acquired X in 2022": the next organisation is the
# owned one; "X was acquired by Y", "X, owned by Y,": the next organisation owns it
_OWNS = re.compile(
    r"^ (?:(?:also|now|fully|wholly|still|later|then) )?(?:owns|acquired|bought|took over"
    r"|(?:has|had) (?:acquired|bought|taken over))(?: (?:a )?(?:majority|controlling) stake in)?"
    r" (?!(?:a|an|the|its|their|shares?|stakes?)\b)"
)
_OWNED_BY = re.compile(
    r"^,? (?:(?:was|is|has been|had been|were) )?(?:(?:fully|wholly|later|majority[- ]) ?)?"
    r"(?:acquired|owned|bought|taken over) by (?:its (?:parent|rival) )?"
)
# "AC Limited, Hayvn Cayman's ADGM subsidiary": the possessor (the next mention) owns it
_OWNERS_UNIT = re.compile(
    r"^(?: \([^()]{1,80}\))?, [A-Z][^,;]{0,60}?'s? (?:[\w-]+ ){0,3}?(?:unit|subsidiary|arm"
    r"|affiliate|division)\b"
)
# "Nexo AG, a subsidiary based in Zug": a subsidiary of the firm named just before
_A_UNIT = re.compile(r"^, (?:a|an|its) (?:[\w-]+ ){0,2}?(?:unit|subsidiary|affiliate)\b(?! of)")
_ITS_UNIT = re.compile(
    r"\b(?P<owner>[Ii]ts|[Tt]he company's|[Tt]he group's|[Tt]he exchange's) (?:[\w-]+ ){0,3}?"
    r"(?:unit|subsidiary|arm|affiliate|division), $"
)
_PARENT = re.compile(r"^,? and its parent(?: company)?, ")
# "Coinbase Europe, which is part of the Coinbase Group,", "X, part of the Y group,": the
# group named right after owns it
_PART_OF = re.compile(
    r"^(?: \([^()]{1,80}\))?, (?:(?:which|that) (?:is|was|forms|formed) )?(?:a |an )?"
    r"(?:(?:wholly[- ]owned )?part|member|unit) of (?:the )?"
)
# "Huobi-owned HTX", "X, a Zentrax-backed exchange,": the glued name owns the firm
_GLUED_OWNED = re.compile(rf"^{OWNING_SUFFIX} (?:[a-z][\w-]* ){{0,3}}")
_APPOSED_BEFORE = re.compile(r", (?:a|an|the) (?:[a-z][\w-]* ){0,2}$")
_OWNER_PARENT = re.compile(
    r"^, (?:the|its) (?P<owner>company|group|exchange|firm)'s (?:[\w-]+ ){0,2}?parent\b"
)


def ownership_relations(
    text: str, sentence: str, ments: list[Mention], table: EntityTable
) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    drafts = table.drafts
    orgs = [
        m
        for m in ments
        if (d := drafts.get(m.key)) is not None
        and d.type in GROUP.organisation
        and (m.how != "pronoun" or m.text.lower() != "its")
    ]
    for i, m in enumerate(orgs):
        tail = text[m.end : m.end + 120]
        nxt = orgs[i + 1] if i + 1 < len(orgs) else None
        unit_of = _UNIT_OF.match(tail)
        if unit_of is not None:  # the owner is named after "of" (not "the ... platform")
            owner_m = next(
                (x for x in orgs[i + 1 :] if x.start >= m.end + unit_of.end() and x.key != m.key),
                None,
            )
            if owner_m is None or owner_m.start - m.end >= 120:
                owner_m = _site_owner(ments, m.end + unit_of.end(), m.end + 120, table)
            if owner_m is not None and owner_m.start - m.end < 120:
                out.append(RelationDraft(REL.subsidiary_of, m.key, owner_m.key, sentence, 0.8))
        if _firm_right_after(nxt, _PART_OF.match(tail), m, table):  # "X, part of the Y Group"
            out.append(RelationDraft(REL.subsidiary_of, m.key, nxt.key, sentence, 0.7))
        if nxt is not None and _PARENT.match(tail) and nxt.start - m.end < 40:
            out.append(RelationDraft(REL.subsidiary_of, m.key, nxt.key, sentence, 0.8))
        if _firm_right_after(nxt, _WHICH_OWNS.match(tail), m, table):  # "Y, which owns X"
            out.append(RelationDraft(REL.subsidiary_of, nxt.key, m.key, sentence, 0.75))
        owns = _OWNS.match(tail)
        if nxt is not None and owns is not None and nxt.start == m.end + owns.end():
            out.append(RelationDraft(REL.subsidiary_of, nxt.key, m.key, sentence, 0.7))
        owned = _OWNED_BY.match(tail)
        if nxt is not None and owned is not None and nxt.start == m.end + owned.end():
            out.append(RelationDraft(REL.subsidiary_of, m.key, nxt.key, sentence, 0.7))
        if nxt is not None and nxt.start - m.end < 60 and _OWNERS_UNIT.match(tail):
            out.append(RelationDraft(REL.subsidiary_of, m.key, nxt.key, sentence, 0.75))
        if i > 0 and _A_UNIT.match(tail) and table.get(orgs[i - 1].key).type in GROUP.firm:
            out.append(RelationDraft(REL.subsidiary_of, m.key, orgs[i - 1].key, sentence, 0.6))
        glued = _GLUED_OWNED.match(tail)
        if glued is not None and table.get(m.key).type in GROUP.firm:
            if _firm_right_after(nxt, glued, m, table):  # "Huobi-owned HTX"
                out.append(RelationDraft(REL.subsidiary_of, nxt.key, m.key, sentence, 0.7))
            elif i > 0 and _APPOSED_BEFORE.search(text, max(0, m.start - 40), m.start):
                held = orgs[i - 1]  # "Quorvex Ltd, a Zentrax-owned exchange"
                if table.get(held.key).type in GROUP.firm and m.start - held.end < 40:
                    out.append(RelationDraft(REL.subsidiary_of, held.key, m.key, sentence, 0.7))
        owner = _OWNER_PARENT.match(tail)
        if owner:
            child = next(
                (
                    x
                    for x in orgs[i + 1 :]
                    if x.start < m.end + owner.end()
                    and x.key != m.key
                    and x.how in ("descriptive", "pronoun")
                ),
                None,
            )
            if child is not None:
                out.append(RelationDraft(REL.subsidiary_of, child.key, m.key, sentence, 0.7))
        window = text[max(0, m.start - 60) : m.start]
        # _ITS_UNIT ends with ", $": only a window ending so can match (cheap test first)
        unit = _ITS_UNIT.search(window) if window.endswith((", ", ", \n")) else None
        if unit:
            owner_pos = m.start - 60 + unit.start() if m.start >= 60 else unit.start()
            owner_m = next((x for x in ments if x.start == owner_pos), None) or _owner_before(
                orgs, i, table
            )
            if owner_m is not None and owner_m.key != m.key:
                out.append(RelationDraft(REL.subsidiary_of, m.key, owner_m.key, sentence, 0.75))
    return out


def _firm_right_after(
    nxt: Mention | None, link: re.Match[str] | None, m: Mention, table: EntityTable
) -> TypeGuard[Mention]:
    """Whether the next organisation `nxt` is a firm standing right after `link`, the
    words matched just after `m`."""
    return (
        link is not None
        and nxt is not None
        and nxt.start == m.end + link.end()
        and table.get(nxt.key).type in GROUP.firm
    )


def _site_owner(ments: list[Mention], start: int, end: int, table: EntityTable) -> Mention | None:
    """'a subsidiary of comparison website Finder.com': a domain named as the owner is the
    firm behind the site (retyped Company), the first mention after 'of'."""
    first = next((x for x in ments if start <= x.start < end), None)
    if first is None or first.key not in table or table.get(first.key).type != TYPE.website:
        return None
    table.get(first.key).type = TYPE.company
    return first


def _owner_before(orgs: list[Mention], i: int, table: EntityTable) -> Mention | None:
    for x in reversed(orgs[:i]):
        if table.get(x.key).type in (TYPE.exchange, TYPE.company):
            return x
    return orgs[i - 1] if i > 0 else None


def curated_parents(table: EntityTable) -> list[RelationDraft]:
    """SUBSIDIARY_OF from the gazetteer's `parent`, when the article names both organisations."""
    out = []
    for d in table.all():
        if d.type not in GROUP.organisation or not d.parent or d.unnamed or not d.standalone:
            continue
        parent = table.find(d.parent)
        if (
            parent is not None
            and parent.key != d.key
            and parent.type in GROUP.organisation
            and parent.standalone
        ):
            out.append(
                RelationDraft(
                    REL.subsidiary_of, d.key, parent.key, f"{d.name} is part of {parent.name}.", 0.6
                )
            )
    return out
