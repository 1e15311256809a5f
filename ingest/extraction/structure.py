"""Structure relations: where bodies sit, where firms are based, began and operate, who owns whom.

Sources, strongest first: explicit phrases ("a Seychelles-based exchange", "incorporated
in Singapore", "originated in China", "still accessible in mainland China", "the UK-based
unit of ...", "its parent company, X"); the gazetteer (a body's jurisdiction, a place's
parent), used only between entities the article names; and one inference: an exchange
that a body of country J acts against operates in J.
"""

from __future__ import annotations

import re

from graph.ontology import REL, TYPE
from ingest.extraction.build import Context
from ingest.extraction.clauses import Clauses, clauses_of
from ingest.extraction.entities import FIRMS, ORGS, EntityDraft, EntityTable, Mention
from ingest.extraction.output import RelationDraft
from ingest.extraction.ownership import curated_parents, ownership_relations
from ingest.extraction.places import located_relations, part_of_relations
from ingest.extraction.scan import scanner_of
from ingest.extraction.sentences import Document
from ingest.extraction.triggers import hedged

_BASED_AFTER = re.compile(
    r"^, (?:a|an|the|its) (?P<place>[A-Z][\w. ]*?)-(?:based|headquartered|registered)\b"
)
_BASED_BEFORE = re.compile(
    r"(?P<place>[A-Z][\w. ]*?)-(?:based|headquartered|registered) "
    r"(?:(?!of |for |to |by |with )[\w-]+ ){0,3}(?:[\w-]+, )?$"
)
_IN_PHRASE = {
    REL.headquartered_in: re.compile(
        r"\b(?:registered|incorporated|headquartered|based|domiciled|(?:has|have) (?:its|their) "
        r"(?:headquarters|head office|registered office)) in\b"
    ),
    REL.originated_in: re.compile(
        r"\b(?:originated|founded|started|launched|established|created|set up) in\b|"
        r"\b(?:came|come|comes|coming) out of\b"
    ),
    REL.operates_in: re.compile(
        r"\b(?:accessible|available|operat(?:es|ing|ed|e)|doing business|do business|does business|"
        r"offer(?:s|ed|ing)? (?:[\w-]+ ){0,2}services|"
        r"offices|active|present|presence|licensed to operate|serv(?:e|es|ed|ing) "
        r"(?:users|customers|clients|investors|residents|traders))(?: [\w-]+){0,2} (?:in|of)\b"
        r"|\baccess to\b[^.;]{0,40}?\bin\b|"
        r"\b(?:largest|biggest|leading|second-largest|oldest|top) (?:[\w-]+ ){0,3}?(?:exchange|"
        r"platform|operator) in\b|\b(?:handles?|handled|handling|dominates?|dominated|dominating|"
        r"controls?|controlled|leads?) (?:the bulk|most|much|the majority|a (?:large |big )?share)"
        r"(?: of)? (?:[\w-]+ ){0,3}?(?:trading|market|volumes?) in\b"
    ),
}
_IN_STEMS = {
    REL.headquartered_in: (
        "registered", "incorporated", "headquarter", "based", "domiciled", "office",
    ),
    REL.originated_in: (
        "originated", "founded", "started", "launched", "established", "created", "set up",
        "out of",
    ),
    REL.operates_in: (
        "accessible", "available", "operat", "business", "offer", "offices", "active", "present",
        "serv", "access to", "largest", "biggest", "leading", "oldest", "top", "handl", "dominat",
        "control", "lead",
    ),
}  # fmt: skip
_IN_GATES = {k: re.compile("|".join(map(re.escape, v))) for k, v in _IN_STEMS.items()}
_SERVE_PEOPLE = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|serv(?:e|es|ed|ing)|solicit(?:s|ed|ing)?|court(?:s|ed|ing)?|"
    r"accept(?:s|ed|ing)?|provid(?:e|es|ed|ing)|letting|allow(?:s|ed|ing)?|target(?:s|ed|ing)?|"
    r"orders from|services to)\b[^.;]{0,50}?\b(?P<dem>[A-Z][a-z]+?|U\.S\.|US|UK|U\.K\.)s? "
    r"(?:users|customers|clients|"
    r"investors|residents|traders)\b|\bcourting (?P<dem2>[A-Z][a-z]+?)s?\b"
)
_COUNTRY_LARGEST = re.compile(
    r"^,? (?:(?:which )?(?:is|was) (?:once )?)?(?:the|one of the) country's (?:largest|biggest|"
    r"leading|oldest|top|main)\b"
)
_COUNTRY_LARGEST_BEFORE = re.compile(
    r"\bthe country's (?:largest|biggest|leading|oldest|top|main) (?:[\w-]+ ){0,3}?(?:exchange|"
    r"platform|operator|bank) $"
)
_WAS_COUNTRYS = re.compile(
    r"\b(?:is|was|remains|became) (?:once |still |now )?(?:the|one of the) country's (?:largest|"
    r"biggest|leading|oldest|top|main)\b"
)
_LOCAL_UNIT = re.compile(
    r"'s? (?:former |new |own )?(?P<dem>[A-Z][a-z]+|local|domestic) (?:[\w-]+ ){0,2}?"
    r"(?:exchange|business|arm|unit|subsidiary|operations?|platform|entity|customers|users"
    r"|clients)\b"
)
_INNER_BASED = re.compile(
    r"(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)*)-(?:based|registered|headquartered|incorporated)\b"
)


def structure_relations(
    doc: Document,
    table: EntityTable,
    mentions: list[Mention],
    ctx: Context,
    actions: list[RelationDraft],
) -> list[RelationDraft]:
    """HEADQUARTERED_IN, ORIGINATED_IN, OPERATES_IN, LOCATED_IN, PART_OF, SUBSIDIARY_OF."""
    out: list[RelationDraft] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    scan = scanner_of(doc)  # sentences holding a gate word: one pass for the document
    gated = {rtype: {start for start, _ in scan.spans(stems)} for rtype, stems in _IN_STEMS.items()}
    for sent in doc.sentences:
        ments = by_sent.get(sent.index, [])
        clauses = clauses_of(doc, sent, ments)
        maybe = tuple(rtype for rtype, starts in gated.items() if sent.start in starts)
        out += _phrases(doc.text, sent.text, ments, table, ctx, clauses, maybe)
        out += ownership_relations(doc.text, sent.text, ments, table)
    out += curated_parents(table)
    out += located_relations(table, mentions, doc.text, ctx)
    out += part_of_relations(table, ctx)
    out += _operates_inferred(table, out, actions)
    return out


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)  # `table.get(key) if key in table else None`, in one lookup


def _place_key(m: Mention, table: EntityTable) -> str | None:
    d = _draft(table, m.key)
    return m.key if d is not None and d.type == TYPE.jurisdiction else None


def _phrases(
    text: str,
    sentence: str,
    ments: list[Mention],
    table: EntityTable,
    ctx: Context,
    clauses: Clauses,
    maybe: tuple[str, ...],
) -> list[RelationDraft]:
    """Places the sentence states for its bodies; `maybe`: the `_IN_PHRASE` types it can hold."""
    out: list[RelationDraft] = []
    for m in ments:
        d = _draft(table, m.key)
        if d is None or d.type not in ORGS or m.how == "pronoun":
            continue
        inner = _INNER_BASED.search(m.text) if "-" in m.text else None
        if inner and d.type in FIRMS:
            words = inner.group("place").split()
            for k in range(len(words)):
                found = _to_place(
                    table, m.key, " ".join(words[k:]), REL.headquartered_in, sentence, ctx
                )
                if found:
                    out += found
                    break
        local = _LOCAL_UNIT.match(text, m.end) if d.type in FIRMS else None
        if local is not None:  # "Kraken's Australian exchange", "Binance's local business"
            place = _demonym_place(local.group("dem"), ctx)
            if place:
                out += _to_place(table, m.key, place, REL.operates_in, sentence, ctx)
        window = text[max(0, m.start - 80) : m.start]
        largest = _COUNTRY_LARGEST_BEFORE.search(window) if "country's" in window else None
        if largest and ctx.main_country and d.type in FIRMS:
            out += _to_place(table, m.key, ctx.main_country, REL.operates_in, sentence, ctx)
        tail = text[m.end : m.end + 80]
        if (
            "-" not in tail
            and "-" not in text[max(0, m.start - 60) : m.end]
            and ("country's" not in text[max(0, m.start - 80) : m.end + 30])
        ):
            continue
        based = _BASED_AFTER.match(tail)
        if based:
            out += _to_place(
                table, m.key, based.group("place"), REL.headquartered_in, sentence, ctx
            )
        head = text[max(0, m.start - 60) : m.start]
        based = (
            _BASED_BEFORE.search(head)
            if "-based" in head or "-headquartered" in head or "-registered" in head
            else None
        )
        if based and d.type in FIRMS:
            words = based.group("place").split()
            for k in range(len(words)):
                found = _to_place(
                    table, m.key, " ".join(words[k:]), REL.headquartered_in, sentence, ctx
                )
                if found:
                    out += found
                    break
        if _COUNTRY_LARGEST.match(tail) and ctx.main_country and d.type in FIRMS:
            out += _to_place(table, m.key, ctx.main_country, REL.operates_in, sentence, ctx)
    low = sentence.lower()
    for rtype, pattern in _IN_PHRASE.items():
        if " in " not in low and " of " not in low:
            break
        if rtype not in maybe or not _IN_GATES[rtype].search(low):
            continue  # cheap keyword gate before the regex
        for hit in pattern.finditer(sentence):
            base = _sentence_base(ments, sentence, text)
            pos = base + hit.start()
            place_m = next(
                (
                    p
                    for p in ments
                    if p.start >= base + hit.end() - 3
                    and _place_key(p, table)
                    and p.start - (base + hit.end()) < 25
                ),
                None,
            )
            lo = max(0, hit.start() - 60, clauses.start_of(pos) - base)
            if place_m is None or hedged(sentence[lo : hit.start()]):
                continue
            for subj in _subjects(ments, pos, table, text, 3, clauses):
                if rtype != REL.operates_in or table.get(subj).type in FIRMS:
                    out.append(RelationDraft(rtype, subj, place_m.key, sentence, 0.8))
    country = table.find(ctx.main_country) if ctx.main_country else None
    for hit in _WAS_COUNTRYS.finditer(sentence) if "country's" in low else ():
        base = _sentence_base(ments, sentence, text)
        if country is not None:
            for subj in _subjects(ments, base + hit.start(), table, text, 1, clauses):
                if table.get(subj).type in FIRMS:
                    out.append(RelationDraft(REL.operates_in, subj, country.key, sentence, 0.7))
    serve = any(
        w in low
        for w in ("users", "customers", "clients", "investors", "residents", "traders", "courting")
    )
    for hit in _SERVE_PEOPLE.finditer(sentence) if serve else ():
        dem = hit.group("dem") or hit.group("dem2")
        entry = ctx.jurisdiction(dem) or ctx.jurisdiction(dem + "s")
        if entry is None or hedged(sentence[max(0, hit.start() - 60) : hit.start()]):
            continue
        served = table.find(entry.name)
        base = _sentence_base(ments, sentence, text)
        if served is not None:
            for subj in _subjects(ments, base + hit.start(), table, text, 1, clauses):
                if table.get(subj).type in FIRMS:
                    out.append(RelationDraft(REL.operates_in, subj, served.key, sentence, 0.7))
    return out


def _sentence_base(ments: list[Mention], sentence: str, text: str) -> int:
    if ments:
        probe = ments[0].start
        return text.rfind(sentence, max(0, probe - len(sentence)), probe + len(sentence))
    return text.find(sentence)


def _subjects(
    ments: list[Mention],
    pos: int,
    table: EntityTable,
    text: str,
    limit: int = 3,
    clauses: Clauses | None = None,
) -> list[str]:
    """The firm(s) a phrase at `pos` is about: the nearest in its clause, and its coordinates."""
    members = _group_members(ments, pos, table, clauses)
    if members:
        return members[:8]
    before = [
        m
        for m in ments
        if m.end <= pos
        and _draft(table, m.key) is not None
        and table.get(m.key).type in ORGS
        and m.how != "pronoun"
        and not table.get(m.key).unnamed
    ]
    if clauses is not None:
        cid = clauses.of(pos)
        same = [m for m in before if clauses.of(m.start) == cid]
        if not same and cid in clauses.antecedent:
            anchor = clauses.antecedent[cid]
            same = [m for m in before if m.end <= anchor][-1:]
        if not same:
            same = [m for m in before if clauses.of(m.start) == 0][:1]
        before = same or before
    if not before:
        return []
    last = before[-1]
    out = [last.key]
    for prev in reversed(before[:-1]):
        gap = text[prev.end : last.start]
        coordinated = re.fullmatch(r",? (?:and|or) |, ", gap)
        if len(out) >= limit or not coordinated:
            break
        out.append(prev.key)
        last = prev
    return out


def _to_place(
    table: EntityTable, key: str, place: str, rtype: str, sentence: str, ctx: Context
) -> list[RelationDraft]:
    found = table.find(place)
    if found is None:
        entry = ctx.jurisdiction(place)
        if entry is None:
            return []
        found = table.find(entry.name) or table.add(entry.name, TYPE.jurisdiction, qid=entry.qid)
    if found.type != TYPE.jurisdiction:
        return []
    return [RelationDraft(rtype, key, found.key, sentence, 0.8)]


def _operates_inferred(
    table: EntityTable, structure: list[RelationDraft], actions: list[RelationDraft]
) -> list[RelationDraft]:
    seats = {r.source: r.target for r in structure if r.type == REL.located_in}
    hq = {(r.source, r.target) for r in structure if r.type == REL.headquartered_in}
    out = []
    for r in actions:
        target = _draft(table, r.target)
        if (
            r.type == REL.referred_by
            or target is None
            or target.type != TYPE.exchange
            or target.unnamed
        ):
            continue
        place = seats.get(r.source)
        if place is not None and (r.target, place) not in hq:
            out.append(RelationDraft(REL.operates_in, r.target, place, r.evidence, 0.5))
    for d in table.all():
        if d.type == TYPE.exchange and d.places and not d.unnamed:
            found = table.find(d.places[-1])
            if found is not None and found.type == TYPE.jurisdiction and found.standalone:
                out.append(RelationDraft(REL.operates_in, d.key, found.key, d.name, 0.6))
    return out


def _group_members(
    ments: list[Mention], pos: int, table: EntityTable, clauses: Clauses | None
) -> list[str]:
    """'the five platforms serve ...': the named members of the group the phrase refers to."""
    for m in reversed([x for x in ments if x.end <= pos]):
        d = _draft(table, m.key)
        if d is None or d.type not in ORGS:
            continue
        if clauses is not None and clauses.of(m.start) != clauses.of(pos):
            return []
        return list(d.members) if d.unnamed else []
    return []


def _demonym_place(word: str, ctx: Context) -> str | None:
    """'Australian' -> Australia; 'local'/'domestic' -> the article's country."""
    if word in ("local", "domestic"):
        return ctx.main_country
    return ctx.index.country_of_adjective(word)
