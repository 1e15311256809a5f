"""Structure relations: where bodies sit, where firms are based, began and operate, who owns whom.

Sources, strongest first: explicit phrases ("a Seychelles-based exchange", "incorporated
in Singapore", "originated in China", "still accessible in mainland China", "the UK-based
unit of ...", "its parent company, X"); the gazetteer (a body's jurisdiction, a place's
parent), used only between entities the article names; and one inference: an exchange
that a body of country J acts against operates in J.
"""

from __future__ import annotations

import re

from ingest.extraction.build import Context
from ingest.extraction.clauses import Clauses, clauses_of
from ingest.extraction.entities import FIRMS, ORGS, PUBLIC_BODIES, EntityDraft, EntityTable, Mention
from ingest.extraction.output import RelationDraft
from ingest.extraction.sentences import Document
from ingest.extraction.triggers import hedged

_BASED_AFTER = re.compile(r"^, (?:a|an|the|its) (?P<place>[A-Z][\w. ]*?)-(?:based|headquartered|registered)\b")
_BASED_BEFORE = re.compile(
    r"(?P<place>[A-Z][\w. ]*?)-(?:based|headquartered|registered) "
    r"(?:(?!of |for |to |by |with )[\w-]+ ){0,3}(?:[\w-]+, )?$"
)
_IN_PHRASE = {
    "HEADQUARTERED_IN": re.compile(
        r"\b(?:registered|incorporated|headquartered|based|domiciled|(?:has|have) (?:its|their) "
        r"(?:headquarters|head office|registered office)) in\b"),
    "ORIGINATED_IN": re.compile(
        r"\b(?:originated|founded|started|launched|established|created|set up) in\b|"
        r"\b(?:came|come|comes|coming) out of\b"),
    "OPERATES_IN": re.compile(
        r"\b(?:accessible|available|operat(?:es|ing|e)|doing business|do business|does business|"
        r"offer(?:s|ed|ing)? (?:[\w-]+ ){0,2}services|"
        r"offices|active|present|presence|licensed to operate|serv(?:es|ing) (?:users|customers|"
        r"clients|investors))(?: [\w-]+){0,2} in\b|\baccess to\b[^.;]{0,40}?\bin\b|"
        r"\b(?:largest|biggest|leading|second-largest|oldest|top) (?:[\w-]+ ){0,3}?(?:exchange|"
        r"platform|operator) in\b"),
}
_SERVE_PEOPLE = re.compile(
    r"\b(?:offer(?:s|ed|ing)?|serv(?:e|es|ed|ing)|solicit(?:s|ed|ing)?|court(?:s|ed|ing)?|"
    r"accept(?:s|ed|ing)?|provid(?:e|es|ed|ing)|letting|allow(?:s|ed|ing)?|target(?:s|ed|ing)?|"
    r"orders from|services to)\b[^.;]{0,50}?\b(?P<dem>[A-Z][a-z]+?)s? (?:users|customers|clients|"
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
_INNER_BASED = re.compile(r"(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)*)-(?:based|registered|headquartered|incorporated)\b")
_UNIT_OF = re.compile(r"^, (?:the|a|an) (?:[\w-]+ ){0,3}?(?:unit|subsidiary|arm|affiliate|division) of\b")
_ITS_UNIT = re.compile(
    r"\b(?P<owner>[Ii]ts|[Tt]he company's|[Tt]he group's|[Tt]he exchange's) (?:[\w-]+ ){0,3}?"
    r"(?:unit|subsidiary|arm|affiliate|division), $"
)
_PARENT = re.compile(r"^,? and its parent(?: company)?, ")
_OWNER_PARENT = re.compile(r"^, (?:the|its) (?P<owner>company|group|exchange|firm)'s (?:[\w-]+ ){0,2}?parent\b")
_PART_OF_TEXT = re.compile(
    r"^(?: is)? one of (?P<owner>[A-Z][\w ]*?)'s (?:[\w-]+ ){0,3}?(?:districts|provinces|states|"
    r"cities|emirates|regions|counties)\b|^, (?P<owner2>[A-Z][\w ]*?)'s (?:[\w-]+ ){0,3}?"
    r"(?:province|state|city|emirate|region|district|capital)\b|^, one of the (?:\w+ )?(?:that|which) "
    r"make up (?:the )?(?P<owner3>[A-Z][\w ]+)"
)


def structure_relations(
    doc: Document, table: EntityTable, mentions: list[Mention], ctx: Context,
    actions: list[RelationDraft],
) -> list[RelationDraft]:
    """HEADQUARTERED_IN, ORIGINATED_IN, OPERATES_IN, LOCATED_IN, PART_OF, SUBSIDIARY_OF."""
    out: list[RelationDraft] = []
    by_sent: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sent.setdefault(m.sentence, []).append(m)
    for sent in doc.sentences:
        ments = by_sent.get(sent.index, [])
        clauses = clauses_of(doc, sent, ments)
        out += _phrases(doc.text, sent.text, ments, table, ctx, clauses)
        out += _ownership(doc.text, sent.text, ments, table)
    out += _located(table, mentions, doc.text, ctx)
    out += _part_of(table, ctx)
    out += _operates_inferred(table, out, actions)
    return out


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.get(key) if key in table else None


def _place_key(m: Mention, table: EntityTable) -> str | None:
    d = _draft(table, m.key)
    return m.key if d is not None and d.type == "Jurisdiction" else None


def _phrases(text: str, sentence: str, ments: list[Mention], table: EntityTable,
             ctx: Context, clauses: Clauses) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    for i, m in enumerate(ments):
        d = _draft(table, m.key)
        if d is None or d.type not in ORGS or m.how == "pronoun":
            continue
        inner = _INNER_BASED.search(m.text)
        if inner and d.type in FIRMS:
            words = inner.group("place").split()
            for k in range(len(words)):
                found = _to_place(table, m.key, " ".join(words[k:]), "HEADQUARTERED_IN", sentence, ctx)
                if found:
                    out += found
                    break
        largest = _COUNTRY_LARGEST_BEFORE.search(text[max(0, m.start - 80) : m.start])
        if largest and ctx.main_country and d.type in FIRMS:
            out += _to_place(table, m.key, ctx.main_country, "OPERATES_IN", sentence, ctx)
        tail = text[m.end : m.end + 80]
        based = _BASED_AFTER.match(tail)
        if based:
            out += _to_place(table, m.key, based.group("place"), "HEADQUARTERED_IN", sentence, ctx)
        head = text[max(0, m.start - 60) : m.start]
        based = _BASED_BEFORE.search(head)
        if based and d.type in FIRMS:
            words = based.group("place").split()
            for k in range(len(words)):
                found = _to_place(table, m.key, " ".join(words[k:]), "HEADQUARTERED_IN", sentence, ctx)
                if found:
                    out += found
                    break
        if _COUNTRY_LARGEST.match(tail) and ctx.main_country and d.type in FIRMS:
            out += _to_place(table, m.key, ctx.main_country, "OPERATES_IN", sentence, ctx)
    for rtype, pattern in _IN_PHRASE.items():
        for hit in pattern.finditer(sentence):
            base = _sentence_base(ments, sentence, text)
            pos = base + hit.start()
            place = next((p for p in ments if p.start >= base + hit.end() - 3
                          and _place_key(p, table) and p.start - (base + hit.end()) < 25), None)
            if place is None or hedged(sentence[max(0, hit.start() - 60) : hit.start()]):
                continue
            for subj in _subjects(ments, pos, table, text, 3, clauses):
                if rtype != "OPERATES_IN" or table.get(subj).type in FIRMS:
                    out.append(RelationDraft(rtype, subj, place.key, sentence, 0.8))
    for hit in _WAS_COUNTRYS.finditer(sentence):
        base = _sentence_base(ments, sentence, text)
        place = table.find(ctx.main_country) if ctx.main_country else None
        if place is not None:
            for subj in _subjects(ments, base + hit.start(), table, text, 1, clauses):
                if table.get(subj).type in FIRMS:
                    out.append(RelationDraft("OPERATES_IN", subj, place.key, sentence, 0.7))
    for hit in _SERVE_PEOPLE.finditer(sentence):
        dem = hit.group("dem") or hit.group("dem2")
        found = ctx.jurisdiction(dem) or ctx.jurisdiction(dem + "s")
        if found is None or hedged(sentence[max(0, hit.start() - 60) : hit.start()]):
            continue
        place = table.find(found.name)
        base = _sentence_base(ments, sentence, text)
        if place is not None:
            for subj in _subjects(ments, base + hit.start(), table, text, 1, clauses):
                if table.get(subj).type in FIRMS:
                    out.append(RelationDraft("OPERATES_IN", subj, place.key, sentence, 0.7))
    return out


def _sentence_base(ments: list[Mention], sentence: str, text: str) -> int:
    if ments:
        probe = ments[0].start
        return text.rfind(sentence, max(0, probe - len(sentence)), probe + len(sentence))
    return text.find(sentence)


def _subjects(ments: list[Mention], pos: int, table: EntityTable, text: str,
              limit: int = 3, clauses: Clauses | None = None) -> list[str]:
    """The firm(s) a phrase at `pos` is about: the nearest before it in its clause, with coordinates."""
    before = [m for m in ments if m.end <= pos and _draft(table, m.key) is not None
              and table.get(m.key).type in ORGS and m.how != "pronoun"
              and not table.get(m.key).unnamed]
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
    both = re.search(r"\b(?:both|all|each)\b", text[last.end : pos])
    for prev in reversed(before[:-1]):
        gap = text[prev.end : last.start]
        coordinated = re.fullmatch(r",? (?:and|or) |, ", gap)
        if len(out) >= limit or not coordinated:
            break
        out.append(prev.key)
        last = prev
    return out


def _to_place(table: EntityTable, key: str, place: str, rtype: str, sentence: str,
              ctx: Context) -> list[RelationDraft]:
    found = table.find(place)
    if found is None:
        entry = ctx.jurisdiction(place)
        if entry is None:
            return []
        found = table.find(entry.name) or table.add(entry.name, "Jurisdiction", qid=entry.qid)
    if found.type != "Jurisdiction":
        return []
    return [RelationDraft(rtype, key, found.key, sentence, 0.8)]


def _ownership(text: str, sentence: str, ments: list[Mention], table: EntityTable) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    orgs = [m for m in ments if _draft(table, m.key) and table.get(m.key).type in ORGS
            and (m.how != "pronoun" or m.text.lower() != "its")]
    for i, m in enumerate(orgs):
        tail = text[m.end : m.end + 120]
        nxt = orgs[i + 1] if i + 1 < len(orgs) else None
        if nxt is not None and _UNIT_OF.match(tail) and nxt.start - m.end < 120:
            out.append(RelationDraft("SUBSIDIARY_OF", m.key, nxt.key, sentence, 0.8))
        if nxt is not None and _PARENT.match(tail) and nxt.start - m.end < 40:
            out.append(RelationDraft("SUBSIDIARY_OF", m.key, nxt.key, sentence, 0.8))
        owner = _OWNER_PARENT.match(tail)
        if owner:
            child = next((x for x in orgs[i + 1 :] if x.start < m.end + owner.end()
                          and x.key != m.key and x.how in ("descriptive", "pronoun")), None)
            if child is not None:
                out.append(RelationDraft("SUBSIDIARY_OF", child.key, m.key, sentence, 0.7))
        unit = _ITS_UNIT.search(text[max(0, m.start - 60) : m.start])
        if unit:
            owner_pos = m.start - 60 + unit.start() if m.start >= 60 else unit.start()
            owner_m = next((x for x in ments if x.start == owner_pos), None) or _owner_before(
                orgs, i, table)
            if owner_m is not None and owner_m.key != m.key:
                out.append(RelationDraft("SUBSIDIARY_OF", m.key, owner_m.key, sentence, 0.75))
    return out


def _owner_before(orgs: list[Mention], i: int, table: EntityTable) -> Mention | None:
    for x in reversed(orgs[:i]):
        if table.get(x.key).type in ("Exchange", "Company"):
            return x
    return orgs[i - 1] if i > 0 else None


def _located(table: EntityTable, mentions: list[Mention], text: str, ctx: Context) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    for d in table.all():
        if d.type not in PUBLIC_BODIES or d.unnamed:
            continue
        place = _seat(d, mentions, text, table, ctx)
        if place is not None and place.key != d.key:
            out.append(RelationDraft("LOCATED_IN", d.key, place.key, _first_sentence(d, mentions, text), 0.75))
    return out


def _seat(d: EntityDraft, mentions: list[Mention], text: str, table: EntityTable,
          ctx: Context) -> EntityDraft | None:
    own = [m for m in mentions if m.key == d.key]
    for m in own:
        if d.type == "Court":
            inside = re.search(r" in (?:the )?([A-Z][\w]*(?: [A-Z]\w*)*)$", m.text)
            found = _emitted_place(inside.group(1), table, ctx) if inside else None
            if found is not None:
                return found
            after = re.match(r" in (?:the )?([A-Z][\w]*(?: [A-Z]\w*)*)", text[m.end : m.end + 40])
            if after:
                found = _emitted_place(after.group(1), table, ctx)
                if found is not None:
                    return found
    for m in own:
        before = re.search(r"(?:\b([A-Z][\w.]*(?: [A-Z]\w+)?)'s|\bthe (country|state|city|"
                           r"province|emirate)'s|\b(US|U\.S\.|UK|U\.K\.)) (?:[\w-]+ ){0,2}$",
                           text[max(0, m.start - 40) : m.start])
        if before:
            name = before.group(1) or before.group(3) or (ctx.main_country if before.group(2) in ("country",) else None)
            if before.group(3):
                name = "United States" if "S" in before.group(3) else "United Kingdom"
            found = _emitted_place(name, table, ctx) if name else None
            if found is not None:
                return found
    for place in reversed(d.places):
        found = _emitted_place(place, table, ctx)
        if found is not None:
            return found
    if d.jurisdiction:
        found = _emitted_place(d.jurisdiction, table, ctx)
        if found is not None:
            return found
    for alias in d.aliases:
        m2 = re.match(r"([A-Z][\w.]*(?: [A-Z]\w+)?)'s ", alias)
        if m2:
            found = _emitted_place(m2.group(1), table, ctx)
            if found is not None:
                return found
    if re.search(r"\b(?:National|Federal|Royal|Union|Legislative|State)\b", d.name) and ctx.main_country:
        return _emitted_place(ctx.main_country, table, ctx)
    return None


def _emitted_place(name: str | None, table: EntityTable, ctx: Context) -> EntityDraft | None:
    if not name:
        return None
    found = table.find(name)
    if found is None:
        entry = ctx.jurisdiction(name)
        found = table.find(entry.name) if entry else None
    if found is None or found.type != "Jurisdiction" or not found.standalone:
        return None
    return found


def _first_sentence(d: EntityDraft, mentions: list[Mention], text: str) -> str:
    m = next((x for x in mentions if x.key == d.key), None)
    if m is None:
        return d.name
    start = text.rfind("\n", 0, m.start) + 1
    end = text.find("\n", m.end)
    return text[start : end if end >= 0 else len(text)]


def _part_of(table: EntityTable, ctx: Context) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    for d in table.all():
        if d.type != "Jurisdiction" or not d.standalone:
            continue
        name = d.name
        for _ in range(6):
            entry = next((e for e in ctx.index.lookup(name) if e.type == "Jurisdiction"), None)
            if entry is None or not entry.parent:
                break
            parent = table.find(entry.parent)
            if parent is not None and parent.type == "Jurisdiction" and parent.standalone:
                out.append(RelationDraft("PART_OF", d.key, parent.key, f"{d.name} is part of {parent.name}.", 0.7))
                break
            name = entry.parent
    return out


def _operates_inferred(table: EntityTable, structure: list[RelationDraft],
                       actions: list[RelationDraft]) -> list[RelationDraft]:
    seats = {r.source: r.target for r in structure if r.type == "LOCATED_IN"}
    hq = {(r.source, r.target) for r in structure if r.type == "HEADQUARTERED_IN"}
    out = []
    for r in actions:
        target = _draft(table, r.target)
        if r.type == "REFERRED_BY" or target is None or target.type != "Exchange" or target.unnamed:
            continue
        place = seats.get(r.source)
        if place is not None and (r.target, place) not in hq:
            out.append(RelationDraft("OPERATES_IN", r.target, place, r.evidence, 0.5))
    for d in table.all():
        if d.type == "Exchange" and d.places and not d.unnamed:
            found = table.find(d.places[-1])
            if found is not None and found.type == "Jurisdiction" and found.standalone:
                out.append(RelationDraft("OPERATES_IN", d.key, found.key, d.name, 0.6))
    return out


def text_part_of(text: str, mentions: list[Mention], table: EntityTable, ctx: Context) -> list[RelationDraft]:
    """'Chaoyang is one of Beijing's districts', 'Ontario, Canada's most populous province'."""
    out = []
    for m in mentions:
        d = _draft(table, m.key)
        if d is None or d.type != "Jurisdiction":
            continue
        hit = _PART_OF_TEXT.match(text[m.end : m.end + 100])
        if not hit:
            continue
        owner = hit.group("owner") or hit.group("owner2") or hit.group("owner3")
        found = _emitted_place(owner.strip(), table, ctx)
        if found is not None and found.key != d.key:
            line_start = text.rfind("\n", 0, m.start) + 1
            line_end = text.find("\n", m.end)
            out.append(RelationDraft("PART_OF", d.key, found.key,
                                     text[line_start : line_end if line_end >= 0 else None], 0.8))
    return out
