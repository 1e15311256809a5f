"""Descriptions and pronouns: 'the watchdog', "the country's central bank", 'it', 'its'.

A description resolves to the nearest earlier entity of a compatible type that fits
its words (a 'securities watchdog' prefers a name with 'Securities'; "Japan's
regulator" one located in Japan); in a lede, where the name comes after ("India's
anti-money-laundering agency has ... The Financial Intelligence Unit India ..."),
it looks forward. 'it'/'its' point at the first organisation of the sentence, or
of the one before.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from graph.ontology import TYPE
from ingest.extraction.build import Context
from ingest.extraction.collectives import collective_mentions, government
from ingest.extraction.entities import ORGS, EntityDraft, EntityTable, Mention
from ingest.extraction.scan import scanner_of
from ingest.extraction.sentences import Document

_NOUNS = {
    "regulator": (TYPE.regulator, TYPE.centralbank, TYPE.governmentbody),
    "regulators": (TYPE.regulator, TYPE.governmentbody),
    "watchdog": (TYPE.regulator, TYPE.governmentbody),
    "agency": (TYPE.regulator, TYPE.governmentbody),
    "authority": (TYPE.regulator, TYPE.governmentbody, TYPE.centralbank),
    "commission": (TYPE.regulator, TYPE.governmentbody),
    "administration": (TYPE.regulator, TYPE.governmentbody),
    "department": (TYPE.regulator, TYPE.governmentbody),
    "unit": (TYPE.regulator, TYPE.governmentbody),
    "ministry": (TYPE.governmentbody,),
    "police": (TYPE.governmentbody,),
    "force": (TYPE.governmentbody,),
    "court": (TYPE.court,),
    "tribunal": (TYPE.court,),
    "central bank": (TYPE.centralbank,),
    "bank": (TYPE.centralbank,),
    "exchange": (TYPE.exchange,),
    "platform": (TYPE.exchange,),
    "company": (TYPE.exchange, TYPE.company),
    "firm": (TYPE.exchange, TYPE.company),
    "group": (TYPE.exchange, TYPE.company),
    "operator": (TYPE.exchange, TYPE.company),
    "mixer": (TYPE.company, TYPE.app),
    "lender": (TYPE.company,),
    "broker": (TYPE.exchange, TYPE.company),
    "marketplace": (TYPE.company, TYPE.exchange),
    "entity": (TYPE.exchange, TYPE.company),
    "country": (TYPE.jurisdiction,),
    "nation": (TYPE.jurisdiction,),
    "city": (TYPE.jurisdiction,),
    "emirate": (TYPE.jurisdiction,),
    "province": (TYPE.jurisdiction,),
    "state": (TYPE.jurisdiction,),
    "government": (TYPE.governmentbody,),
}
_FIRM_NOUNS = frozenset(
    "company firm group exchange platform operator mixer lender broker marketplace".split()
)
_NAMED_NOUNS = frozenset(
    "agency authority commission administration department unit ministry police court tribunal "
    "bank".split()
)
_DESC = re.compile(
    r"(?:\b(?P<det>[Tt]he|[Ii]ts|[Tt]heir) |(?<![\w'])(?P<place>[A-Z][\w.]*(?: [A-Z]\w+)?)'s )"
    r"(?:(?P<poss>country|city|state|province|emirate|island|nation|world|region|territory|"
    r"company|exchange|group)'s )?"
    r"(?P<mods>(?:(?!(?:of|for|to|in|on|and|or|with|by|from|at|as|that|which|who|is|was|are|"
    r"were|the|a|an|its|their|his|her|this|these|those|has|have|had|said|says)\b)[\w-]+ ){0,3}?)"
    r"(?P<noun>central bank|regulators?|watchdog|agency|authority|commission|administration|"
    r"department|ministry|unit|police|force|court|tribunal|bank|exchange|platform|company|firm|"
    r"group|operator|entity|mixer|lender|broker|marketplace|country|nation|city|emirate|province|"
    r"state|government)\b(?!-)"
)
_DESC_STEMS = (
    "regulator", "watchdog", "agency", "authorit", "commission", "administration", "department",
    "ministry", "unit", "police", "force", "court", "tribunal", "bank", "exchange", "platform",
    "company", "firm", "group", "operator", "entity", "mixer", "lender", "broker", "marketplace",
    "country", "nation", "city", "emirate",
    "province", "state", "government",
)  # fmt: skip
# where a _DESC match can begin: "The/the/Its/its/Their/their" or a capital, after no word
# character (Scanner.finditer tries _DESC only there)
_DESC_STARTS = re.compile(r"[A-Zti](?<!\w.)")
_REGULATORS_IN = re.compile(
    r"\b(?:[Rr]egulators|[Aa]uthorities|[Oo]fficials) in (?P<place>[A-Z]\w+(?: [A-Z]\w+)?)"
)
_PLACE_POLICE = re.compile(r"\b(?P<place>[A-Z][\w.]*(?: [A-Z][a-z]+)?) police\b")
_BRAND_GROUP = re.compile(r"\bthe (?P<n>[A-Z][\w.]+) (?P<noun>group|platform|brand)\b")
# r"\b(?P<p>[Ii]t|[Ii]ts)\b(?!')" with each branch opening on a literal (the boundary as a
# lookbehind after it): the same matches, but the search skips to "I"/"i"
_PRONOUN = re.compile(r"(?P<p>I(?<!\w.)t|i(?<!\w.)t|I(?<!\w.)ts|i(?<!\w.)ts)\b(?!')")
_SKIP_MODS = frozenset(
    {
        "same",
        "other",
        "new",
        "first",
        "second",
        "such",
        "any",
        "no",
        "every",
        "parent",
        "sister",
        "rival",
        "former",
        "another",
        "affected",
        "local",
    }
)
_FUNCTION_WORDS = frozenset(
    "of for to in on and or with by from at as that which who is was are were its their his her "
    "a an the this these those".split()
)


def descriptive_mentions(
    doc: Document, table: EntityTable, mentions: list[Mention], ctx: Context
) -> list[Mention]:
    """Mentions for descriptions and pronouns, resolved against the named ones."""
    named = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    used = bytearray(len(doc.text) + 1)
    for x in named:
        used[x.start : x.end] = b"\x01" * (x.end - x.start)
    for m in scanner_of(doc).finditer(_DESC, _DESC_STEMS, _DESC_STARTS):
        start = m.start("poss") if m.group("poss") else m.start("mods")
        start = m.start() if m.group("det") else start
        if used.find(1, start, m.end()) >= 0:  # any(used[start : m.end()]), without a copy
            continue
        draft = _resolve_description(m, doc, table, named, ctx)
        if draft is None:
            continue
        surface = m.group().strip()
        if m.group("det") in ("Its", "its"):
            surface = surface[4:]
        table.alias(draft, surface, "descriptive")
        out.append(Mention(start, m.end(), surface, draft.key, draft.type, "descriptive"))
    scan = scanner_of(doc)
    for m in scan.finditer(_PLACE_POLICE, ("police",)):
        if used[m.start()] or used[m.end() - 1]:
            continue
        draft = _police(m, table, ctx)
        if draft is not None:
            table.alias(draft, m.group(), "descriptive")
            out.append(Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "descriptive"))
    out += collective_mentions(doc, table, named, used, ctx)
    special = list(
        scan.finditer(_REGULATORS_IN, ("regulators in", "authorities in", "officials in"))
    )
    for m in special + list(scan.finditer(_BRAND_GROUP, ("group", "platform", "brand"))):
        if used[m.start()]:
            continue
        draft = _special(m, table, named, ctx)
        if draft is not None:
            table.alias(draft, m.group(), "descriptive")
            out.append(Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "descriptive"))
    return out


def _resolve_description(
    m: re.Match[str], doc: Document, table: EntityTable, named: list[Mention], ctx: Context
) -> EntityDraft | None:
    noun = m.group("noun").lower()
    mods = m.group("mods").split()
    if any(w.lower() in _SKIP_MODS or w.lower() in _FUNCTION_WORDS for w in mods):
        return None
    if any(w[0].isupper() and ctx.jurisdiction(w.split("-")[0]) is None for w in mods):
        return None
    types = _NOUNS[noun]
    place = _place_of(m, ctx)
    if m.group("place") and place is None:
        owner = table.find(m.group("place"))
        if owner is None or owner.type not in ORGS:
            return None
        if noun in _FIRM_NOUNS:
            return None  # "Binance's platform": another thing of Binance's
    if TYPE.jurisdiction in types:
        return _place_description(noun, m, table, named, ctx)
    if noun == "government":
        return government(table, ctx, place)
    return _nearest(m.start(), types, noun, mods, place, doc, table, named, ctx)


def _place_of(m: re.Match[str], ctx: Context) -> str | None:
    if m.group("poss") in ("country", "nation"):
        return ctx.main_country
    for word in [m.group("place") or ""] + m.group("mods").split():
        if word:
            found = ctx.jurisdiction(word)
            if found is not None:
                return found.name
    return None


def _place_description(
    noun: str, m: re.Match[str], table: EntityTable, named: list[Mention], ctx: Context
) -> EntityDraft | None:
    if m.group("place") or m.group("det") != "the" and m.group("det") != "The":
        return None
    if noun in ("country", "nation"):
        return table.find(ctx.main_country) if ctx.main_country else None
    for mention in reversed([x for x in named if x.start < m.start()]):
        draft = (
            table.get(table.resolve(mention.key)) if table.resolve(mention.key) in table else None
        )
        if draft and draft.type == TYPE.jurisdiction and ctx.country_of(draft.name) != draft.name:
            return draft
    return None


def _nearest(
    pos: int,
    types: tuple[str, ...],
    noun: str,
    mods: list[str],
    place: str | None,
    doc: Document,
    table: EntityTable,
    named: list[Mention],
    ctx: Context,
) -> EntityDraft | None:
    def fits(d: EntityDraft) -> int:
        if d.type not in types or d.unnamed:
            return -1
        if place and not (
            d.jurisdiction == place
            or place in d.places
            or (d.jurisdiction and ctx.country_of(d.jurisdiction) == place)
        ):
            return -1
        score = 1
        names = " ".join([d.name, *d.aliases]).lower()
        if noun in _NAMED_NOUNS and noun in names:
            score += 2
        if any(len(w) > 3 and w[:5].lower() in names for w in mods):
            score += 2
        elif noun == "ministry" and mods:
            return -1  # "the finance ministry" is not the IT ministry
        return score

    sent = doc.sentence_at(pos)
    here = sent.index if sent is not None else 0
    n_back = bisect_left(named, pos, key=_start)  # named[:n_back] precede pos
    last = named[n_back - 1] if n_back else None
    if last is not None and doc.text[last.end : pos] == ", ":  # an apposition: "Binance, the ..."
        key = table.resolve(last.key)
        if key in table and fits(table.get(key)) > 0:
            return table.get(key)
    best, best_score = None, 0.0
    seen: set[str] = set()
    resolve, drafts = table.resolve, table.drafts
    for mention in reversed(named[max(0, n_back - 40) : n_back]):
        key = resolve(mention.key)
        if key in seen:
            continue
        d = drafts.get(key)
        if d is None:
            continue
        seen.add(key)
        if d.type not in types or d.unnamed:
            continue  # fits(d) would say -1; most candidates stop here, so test inline
        fit = fits(d)
        if fit <= 0:
            continue
        s = fit + min(d.mentions, 4) / 2 + (1 if here - mention.sentence <= 1 else 0)
        if s > best_score:
            best, best_score = d, s
    if best is not None:
        return best
    if types == (TYPE.centralbank,):
        return _central_bank(table, ctx, place)
    if noun == "ministry" and mods and all(w.isalpha() and w.islower() for w in mods):
        return _ministry(" ".join(mods), table, ctx, place)
    if sent is not None and sent.index <= 2:
        best, best_score = None, 0
        for mention in (x for x in named if x.start > pos and x.sentence <= sent.index + 2):
            key = table.resolve(mention.key)
            if key not in table:
                continue
            d = table.get(key)
            s = fits(d) + (1 if d.type == types[0] else 0)
            if s > best_score:
                best, best_score = d, s
        return best
    return None


def _central_bank(table: EntityTable, ctx: Context, place: str | None) -> EntityDraft | None:
    """'the central bank' with no antecedent: the country's central bank from the gazetteer."""
    country = place or ctx.main_country
    if not country:
        return None
    for entry in ctx.index.entries:
        if entry.type == TYPE.centralbank and entry.jurisdiction == country:
            draft = table.add(entry.name, TYPE.centralbank, qid=entry.qid, jurisdiction=country)
            draft.standalone = True
            return draft
    return None


def _ministry(
    topic: str, table: EntityTable, ctx: Context, place: str | None
) -> EntityDraft | None:
    """'the finance ministry' with no antecedent: that country's Ministry of Finance."""
    country = place or ctx.main_country
    name = f"Ministry of {topic.title()}"
    for entry in ctx.index.entries:
        if (
            entry.type == TYPE.governmentbody
            and entry.jurisdiction == country
            and (entry.name.startswith(name))
        ):
            name = entry.name
            break
    draft = table.find(name) or table.add(name, TYPE.governmentbody, jurisdiction=country)
    draft.standalone = True
    return draft


def _police(m: re.Match[str], table: EntityTable, ctx: Context) -> EntityDraft | None:
    """'Montenegrin police': that country's police, named as the text names it."""
    place = ctx.jurisdiction(m.group("place"))
    if place is None:
        return None
    for d in table.all():
        if (
            d.type == TYPE.governmentbody
            and "police" in d.name.lower()
            and (d.jurisdiction == place.name or place.name in d.places)
        ):
            return d
    draft = table.add(m.group(), TYPE.governmentbody, jurisdiction=place.name)
    draft.standalone = True
    return draft


def _special(
    m: re.Match[str], table: EntityTable, named: list[Mention], ctx: Context
) -> EntityDraft | None:
    if "n" in m.groupdict() and m.groupdict().get("n"):
        found = table.find(m.group("n"))
        return found if found is not None and found.type in (TYPE.exchange, TYPE.company) else None
    place = ctx.jurisdiction(m.group("place"))
    if place is None:
        return None
    for d in table.all():
        if d.type in (TYPE.regulator, TYPE.governmentbody) and (
            d.jurisdiction == place.name or place.name in d.places
        ):
            return d
    return None


def pronoun_mentions(doc: Document, table: EntityTable, mentions: list[Mention]) -> list[Mention]:
    """'it'/'its' as mentions of the sentence's (or the previous sentence's) first organisation."""
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [x.start for x in ordered]
    out = []
    for m in _PRONOUN.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        if m.group() == "its":  # possessive: the nearest organisation before it
            target = _last_org(_between(ordered, starts, sent.start, m.start()), table)
        else:
            target = _first_org(_between(ordered, starts, sent.start, m.start()), table)
        if target is None and sent.index > 0:
            prev = doc.sentences[sent.index - 1]
            target = _first_org(_between(ordered, starts, prev.start, prev.end), table)
        if target is not None:
            out.append(Mention(m.start(), m.end(), m.group(), target.key, target.type, "pronoun"))
    return out


def _between(ordered: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start; `starts` their starts) starting in [lo, hi)."""
    return ordered[bisect_left(starts, lo) : bisect_left(starts, hi)]


def _last_org(ments: list[Mention], table: EntityTable) -> EntityDraft | None:
    for x in reversed(ments):
        key = table.resolve(x.key)
        if key in table and table.get(key).type in ORGS and not table.get(key).unnamed:
            return table.get(key)
    return None


def _first_org(ments: list[Mention], table: EntityTable) -> EntityDraft | None:
    for x in ments:
        key = table.resolve(x.key)
        if key in table and table.get(key).type in ORGS:
            return table.get(key)
    return None


def _start(m: Mention) -> int:
    return m.start
