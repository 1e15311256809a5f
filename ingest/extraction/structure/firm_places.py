"""Where firms are based, began and operate, from the text's phrases.

"a Seychelles-based exchange", "incorporated in Singapore", "originated in China",
"still accessible in mainland China", "Kraken's Australian exchange", "the
country's largest exchange", "serves Nigerian users": each gives HEADQUARTERED_IN,
ORIGINATED_IN or OPERATES_IN for the firm(s) the phrase is about (`phrase_subjects`).
A hedged phrase ("plans to operate in") gives nothing.
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.actions.clauses import Clauses
from ingest.extraction.actions.triggers import hedged
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import (
    EntityDraft,
    EntityTable,
    Mention,
    RelationDraft,
    standalone_entity,
)
from ingest.extraction.structure.phrase_subjects import phrase_subjects, sentence_base
from ingest.extraction.text.document import Document
from ingest.extraction.text.scanning import scanner_of

_BASED_AFTER = re.compile(
    r"^(?: \([^()]{1,80}\))?, (?:a|an|the|its) (?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}?)"
    r"(?:-? and (?P<place2>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}?))?"
    r"-(?:based|headquartered|registered|incorporated|domiciled)\b"
)
# "X, an exchange registered in the Cayman Islands": an apposition that seats its firm
_APPOSED_IN = re.compile(
    r"^(?: \([^()]{1,80}\))?, (?:a|an|the|its) (?:[\w-]+ ){0,4}?(?:registered|incorporated"
    r"|headquartered|based|domiciled) in (?:the )?(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})"
)
# "Eight exchanges based in Singapore have been warned": a counted group seated right after
_GROUP_BASED_IN = re.compile(
    r"^ (?:registered|incorporated|headquartered|based|domiciled) in (?:the )?"
    r"(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})"
)
# "X, which is based in Bellevue", "X, which owns Y"
_WHICH_IS_IN = re.compile(
    r"^,? (?:which|that|who) (?:is|was|are|were) (?:now )?(?:(?:registered|incorporated|"
    r"headquartered|based|domiciled) in (?:the )?(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})"
    # "Binance, which is Cayman Islands domiciled"
    r"|(?:the )?(?P<place2>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})[ -](?:domiciled|incorporated"
    r"|registered|headquartered)\b)"
)

# (no conjunction between: "dealt with U.S.-based businesses and changed X's wallets"
# seats the businesses, not X)
_BASED_BEFORE = re.compile(  # (the hyphen may be lost: "the New Zealand registered company X")
    r"(?P<place>[A-Z][\w. ]*?)(?:-(?:based|headquartered|registered|incorporated|domiciled)"
    r"| (?:registered|incorporated|domiciled)) "
    r"(?:(?!of |for |to |by |with |and |or |but |while |then )[\w-]+ ){0,3}(?:[\w-]+, )?$"
)

# a sentence that opens on a participle phrase about its subject: "Founded in 2012 and
# headquartered in Seoul, South Korea, Dunamu Inc. is a fintech company"
_FRONTED = re.compile(
    r"(?:Founded|Established|Launched|Created|Set up|Headquartered|Based|Registered"
    r"|Incorporated|Domiciled|Licensed) (?:in|by|as|on)\b"
)


def _fronted_subject(
    ments: list[Mention], base: int, sentence: str, at: int, table: EntityTable
) -> list[str]:
    """The subject a sentence-opening participle phrase is about: the first organisation
    set after a comma once the phrase (and the place it names) is over."""
    if not _FRONTED.match(sentence):
        return []
    for m in ments:
        if m.start < base + at or m.start > base + len(sentence):
            continue
        d = _draft_of(table, m.key)
        if d is None or d.unnamed or m.how == "pronoun":
            continue
        if d.type in GROUP.organisation and sentence[m.start - base - 2 : m.start - base] == ", ":
            return [m.key]
    return []


_SUCH_AS = re.compile(r",? (?:such as|including|like|namely) (?:the )?")


def _examples_after(ments: list[Mention], pos: int, table: EntityTable, text: str) -> list[str]:
    """The firms listed right after `pos` as examples: "operating in the country such as
    A, B, and C" (the kind the phrase speaks of, told by its members)."""
    hit = _SUCH_AS.match(text, pos)
    if hit is None:
        return []
    out: list[str] = []
    end = hit.end()
    for m in ments:
        if m.start < end:
            continue
        if m.start != end and not _LIST_GAP.fullmatch(text, end, m.start):
            break
        d = _draft_of(table, m.key)
        if d is None or d.type not in GROUP.firm or d.unnamed:
            break
        out.append(m.key)
        end = m.end
    return out


def _draft_of(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)


_IN_PHRASE = {
    REL.headquartered_in: re.compile(
        # (not of the people or firms a plural noun names: "served corporate entities
        # registered in Russia" seats those clients, not the firm)
        r"\b(?<!entities )(?<!companies )(?<!firms )(?<!businesses )(?<!individuals )"
        r"(?<!persons )(?<!people )(?<!customers )(?<!clients )(?<!users )(?<!accounts )"
        r"(?:[Rr]egistered|[Ii]ncorporated|[Hh]eadquartered|[Bb]ased|[Dd]omiciled"
        r"|(?:has|have) (?:its|their) "
        r"(?:headquarters|head office|registered office)) in\b"
    ),
    REL.originated_in: re.compile(
        r"\b(?:originated|founded|started|launched|established|created|set up) in\b|"
        r"\b(?:came|come|comes|coming) out of\b"
    ),
    REL.operates_in: re.compile(
        r"\bconduct(?:s|ed|ing)? (?:[\w-]+ ){0,4}?operations (?:from|in)\b|"
        r"\b(?:operat(?:es|ed|ing)|run|runs) (?:mostly |mainly |largely )?from\b|"
        r"\b(?:accessible|available|operat(?:es|ing|ed|e)|doing business|do business|does business|"
        r"offer(?:s|ed|ing)? (?:[\w-]+ ){0,2}services|"
        r"offices|active|present|presence|licensed to operate|serv(?:e|es|ed|ing) "
        r"(?:users|customers|clients|investors|residents|traders))(?: [\w-]+){0,2} (?:in|of)\b"
        r"|\baccess to\b[^.;]{0,40}?\bin\b|"
        # "its customer base, 213,000 users, is located in Russia"
        r"\b(?:customer|user|client) base\b[^.;]{0,60}? (?:is|are|was|were) (?:mostly |mainly "
        r"|largely )?(?:located|based) in\b|"
        # "has more than 2 million users in Nigeria"
        r"\b(?:has|had|have|with|counts?|claims?) (?:more than |over |about |around |some "
        r"|nearly |almost )?[\d.,]+ ?(?:million |thousand |m |k )?(?:registered |active )?"
        r"(?:users|customers|clients|traders|investors) in\b|"
        r"\b(?:largest|biggest|leading|second-largest|oldest|top) (?:[\w-]+ ){0,3}?(?:exchange|"
        r"platform|operator) in\b|\b(?:handles?|handled|handling|dominates?|dominated|dominating|"
        r"controls?|controlled|leads?) (?:the bulk|most|much|the majority|a (?:large |big )?share)"
        r"(?: of)? (?:[\w-]+ ){0,3}?(?:trading|market|volumes?) in\b"
        # a licence held in a place: "is licensed in El Salvador", "a VASP licence in Lithuania"
        r"|\blicen[cs]ed in\b|\b(?:licen[cs]es?|authori[sz]ations?|permits?) in\b"
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
        "conduct", "run",
        "serv", "access to", "largest", "biggest", "leading", "oldest", "top", "handl", "dominat",
        "control", "lead", "licen", "authori", "permit", "users", "customers", "clients",
        "traders", "investors",
        "presence",
        " base",
    ),
}  # fmt: skip

# between a phrase and its place, a new predicate: "founded in 2017 and became one of
# Turkey's largest" names no place of founding ("founded in 2017 in Istanbul" does)
_GAP_BREAK = re.compile(r"\b(?:and|but) (?!in\b)")

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

_HYPHEN_SEATS = (
    "-based",
    "-headquartered",
    "-registered",
    "-incorporated",
    "-domiciled",
    " registered ",
    " incorporated ",
    " domiciled ",
)

_INNER_BASED = re.compile(
    r"(?P<place>[A-Z][\w.]*(?: [A-Z][\w.]*)*)-(?:based|registered|headquartered|incorporated)\b"
)


# "blocked A, B and C for (allegedly) offering services in X": the reason adjunct's doer
# is the action's object list just before it, not the actor
_FOR_DOING = re.compile(
    r"\b(?:for|over) (?:(?:allegedly|reportedly|illegally|unlawfully|unlicensed) )?$"
)
_LIST_GAP = re.compile(r",? (?:and|or) |, ")
_TO_ADJUNCT = re.compile(r"\s*(?:[\u2014\u2013-]\s*)?$")


def _objects_before(ments: list[Mention], pos: int, table: EntityTable, text: str) -> list[str]:
    """The firms listed right before `pos` (the 'for' of a reason adjunct), in order."""
    firms = [
        m
        for m in ments
        if m.end <= pos
        and (d := _draft(table, m.key)) is not None
        and d.type in GROUP.firm
        and not d.unnamed
        and m.how != "pronoun"
    ]
    if not firms or not _TO_ADJUNCT.fullmatch(text[firms[-1].end : pos - 1]):
        return []
    out = [firms[-1].key]
    for prev, nxt in zip(reversed(firms[:-1]), reversed(firms[1:]), strict=True):
        if len(out) >= 12 or not _LIST_GAP.fullmatch(text[prev.end : nxt.start]):
            break
        if prev.key not in out:
            out.append(prev.key)
    return out


def _places_listed_after(
    ments: list[Mention], first: Mention, table: EntityTable, text: str
) -> list[str]:
    """The places coordinated with `first` ("from Moscow and Saint Petersburg"); a list
    needs its 'and' or 'or' ("Bellevue, Washington" is one place and its state)."""
    out: list[str] = []
    last, joined = first, False
    for m in ments:
        if m.start < last.end:
            continue
        gap = text[last.end : m.start]
        if not _place_key(m, table) or not _LIST_GAP.fullmatch(gap):
            break
        joined = joined or gap.endswith((" and ", " or "))
        if m.key != first.key and m.key not in out:
            out.append(m.key)
        last = m
    return out if joined else []


def phrase_gates(doc: Document) -> dict[str, set[int]]:
    """For each phrase relation type, the starts of the sentences holding one of its key words.

    One scanner pass for the document; pass the types a sentence may hold to
    `firm_place_relations`, which tries only their phrases there.
    """
    scan = scanner_of(doc)
    return {rtype: {start for start, _ in scan.spans(stems)} for rtype, stems in _IN_STEMS.items()}


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)  # `table.get(key) if key in table else None`, in one lookup


def _place_key(m: Mention, table: EntityTable) -> str | None:
    d = _draft(table, m.key)
    return m.key if d is not None and d.type == TYPE.jurisdiction else None


def firm_place_relations(
    text: str,
    sentence: str,
    ments: list[Mention],
    table: EntityTable,
    ctx: CountryContext,
    clauses: Clauses,
    maybe: tuple[str, ...],
) -> list[RelationDraft]:
    """Places one sentence states for its firms; `maybe`: the phrase types it can hold."""
    out: list[RelationDraft] = []
    for m in ments:
        d = _draft(table, m.key)
        if d is None or d.type not in GROUP.organisation or m.how == "pronoun":
            continue
        inner = _INNER_BASED.search(m.text) if "-" in m.text else None
        if inner and d.type in GROUP.firm:
            out += _seat_in_words(table, m.key, inner.group("place"), sentence, ctx)
        local = _LOCAL_UNIT.match(text, m.end) if d.type in GROUP.firm else None
        if local is not None:  # "Kraken's Australian exchange", "Binance's local business"
            place = _demonym_place(local.group("dem"), ctx)
            if local.group("dem") in ("local", "domestic"):
                place = (
                    _zone_named(ments, table, ctx) or _bodies_country(ments, table, ctx) or place
                )
            if place:
                out += _to_place(table, m.key, place, REL.operates_in, sentence, ctx)
        address = _ADDRESS_AFTER.match(text, m.end) if _LEGAL_END.search(m.text) else None
        if address is not None and d.type in GROUP.firm:  # "Korvane Ltd., Alicante, Spain"
            out += _seat_in_words(table, m.key, address.group("place"), sentence, ctx)
        window = text[max(0, m.start - 80) : m.start]
        largest = _COUNTRY_LARGEST_BEFORE.search(window) if "country's" in window else None
        if largest and ctx.main_country and d.type in GROUP.firm:
            out += _to_place(table, m.key, ctx.main_country, REL.operates_in, sentence, ctx)
        tail = text[m.end : m.end + 80]
        head = text[max(0, m.start - 60) : m.start]
        if (
            "-" not in tail
            and "-" not in text[max(0, m.start - 60) : m.end]
            and not any(w in head for w in _HYPHEN_SEATS)
            and ("country's" not in text[max(0, m.start - 80) : m.end + 30])
            and " in " not in tail
            and " domiciled" not in tail
        ):
            continue
        for seat in (_APPOSED_IN.match(tail), _WHICH_IS_IN.match(tail)):
            if seat is not None and d.type in GROUP.firm:
                place = seat.group("place") or seat.groupdict().get("place2")
                if place:
                    out += _seat_in_words(table, m.key, place, sentence, ctx)
        grouped = _GROUP_BASED_IN.match(tail) if m.how == "group" else None
        if grouped is not None and d.type in GROUP.firm:
            out += _seat_in_words(table, m.key, grouped.group("place"), sentence, ctx)
        based = _BASED_AFTER.match(tail)
        if based:
            for place in (based.group("place"), based.group("place2")):
                if place:
                    out += _seat_in_words(table, m.key, place, sentence, ctx, new_place=True)
        based = _BASED_BEFORE.search(head) if any(w in head for w in _HYPHEN_SEATS) else None
        if based and d.type in GROUP.firm:
            out += _seat_in_words(table, m.key, based.group("place"), sentence, ctx, True)
        if _COUNTRY_LARGEST.match(tail) and ctx.main_country and d.type in GROUP.firm:
            out += _to_place(table, m.key, ctx.main_country, REL.operates_in, sentence, ctx)
    low = sentence.lower()
    for rtype, pattern in _IN_PHRASE.items():
        if " in " not in low and " of " not in low and " from " not in low:
            break
        if rtype not in maybe or not _IN_GATES[rtype].search(low):
            continue  # cheap keyword gate before the regex
        for hit in pattern.finditer(sentence):
            base = sentence_base(ments, sentence, text)
            pos = base + hit.start()
            place_m = next(
                (
                    p
                    for p in ments
                    if p.start >= base + hit.end() - 3
                    and _place_key(p, table)
                    and p.start - (base + hit.end()) < 25
                    and not _GAP_BREAK.search(text, base + hit.end(), p.start)
                ),
                None,
            )
            lo = max(0, hit.start() - 60, clauses.start_of(pos) - base)
            # the reason an authority acted on ("for allegedly offering ...") is its finding
            adjunct = _FOR_DOING.search(sentence, max(0, hit.start() - 30), hit.start())
            if place_m is None or (adjunct is None and hedged(sentence[lo : hit.start()])):
                continue
            subjects = (
                _objects_before(ments, base + adjunct.start(), table, text)
                if adjunct is not None
                else []
            ) or (
                _fronted_subject(ments, base, sentence, hit.start(), table)
                or phrase_subjects(ments, pos, table, text, 3, clauses)
            )
            if not subjects and rtype != REL.operates_in:
                subjects = _told_subject(ments, base, sentence, hit.start(), table)
            if not subjects:  # "exchanges operating in the country such as A, B and C"
                subjects = _examples_after(ments, place_m.end, table, text)
            places = [place_m.key] + _places_listed_after(ments, place_m, table, text)
            for subj in subjects:
                if table.get(subj).type in GROUP.firm:  # a public body sits (LOCATED_IN)
                    out += [RelationDraft(rtype, subj, p, sentence, 0.8) for p in places]
    country = table.find(ctx.main_country) if ctx.main_country else None
    for hit in _WAS_COUNTRYS.finditer(sentence) if "country's" in low else ():
        base = sentence_base(ments, sentence, text)
        if country is not None:
            for subj in phrase_subjects(ments, base + hit.start(), table, text, 1, clauses):
                if table.get(subj).type in GROUP.firm:
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
        base = sentence_base(ments, sentence, text)
        if served is not None:
            for subj in phrase_subjects(ments, base + hit.start(), table, text, 1, clauses):
                if table.get(subj).type in GROUP.firm:
                    out.append(RelationDraft(REL.operates_in, subj, served.key, sentence, 0.7))
    return out


# a participle clause that opens the sentence and tells of its subject: "Founded in 2018
# and incorporated in the Seychelles, X ..." (no "-" or "by": "Fined by the SEC, X ...")
_OPENING_PARTICIPLE = re.compile(
    r"(?:(?:Originally|First|Initially|Later) )?(?:[A-Z][a-z]+ed|Set up|Based) [^,;:]{2,120}?, "
)


def _told_subject(
    ments: list[Mention], base: int, sentence: str, at: int, table: EntityTable
) -> list[str]:
    """The firm a seat or origin phrase is about when no firm stands before it: the
    pronoun that opens the sentence ("It was originally registered in Estonia", resolved
    by `references.pronouns`), or the firm right after an opening participle clause that
    holds the phrase ("Incorporated in the Seychelles, X offers ...")."""
    opening = _OPENING_PARTICIPLE.match(sentence)
    if opening is not None and at < opening.end() and " by " not in opening.group():
        after = next((m for m in ments if m.start == base + opening.end()), None)
    elif sentence.startswith(("It ", "It's ")) and at < 80:
        after = next((m for m in ments if m.start == base and m.how == "pronoun"), None)
    else:
        after = None
    if after is None:
        return []
    d = _draft(table, after.key)
    return [after.key] if d is not None and d.type in GROUP.firm and not d.unnamed else []


def _seat_in_words(
    table: EntityTable,
    key: str,
    words: str,
    sentence: str,
    ctx: CountryContext,
    new_place: bool = False,
) -> list[RelationDraft]:
    """HEADQUARTERED_IN the longest tail of `words` that names a place: "a Singapore-based"
    and "the Hong Kong-based" give Singapore and Hong Kong, whatever precedes them.

    `new_place`: the words come right before "-based" and the like, which only a place
    fits, so a proper name the gazetteer does not know ("Ruritania-based") is a new
    Jurisdiction rather than nothing.
    """
    parts = words.split()
    for k in range(len(parts)):
        found = _to_place(table, key, " ".join(parts[k:]), REL.headquartered_in, sentence, ctx)
        if found:
            return found
    last = parts[-1] if parts else ""
    if new_place and _UNKNOWN_PLACE.fullmatch(last) and table.find(last) is None:
        place = standalone_entity(table, last, TYPE.jurisdiction)
        place.confidence = 0.6
        return [RelationDraft(REL.headquartered_in, key, place.key, sentence, 0.6)]
    return []


_UNKNOWN_PLACE = re.compile(r"[A-Z][a-z]{3,}")
# a firm's address as regulators' notices write it, after its legal form: "Korvane Ltd.,
# Alicante, Spain", "Onelife Network Ltd, Belize;", "X Ltd, Sofia/Bulgaria" (city/country)
_LEGAL_END = re.compile(
    r"\b(?:Ltd|Limited|Inc|LLC|GmbH|AG|S\.A|SA|Corp|PLC|plc|B\.V|BV|S\.L|SL|Srl|SpA|OÜ|AB|KG)\.?$"
)
_ADDRESS_AFTER = re.compile(
    r", (?P<place>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})(?=[,;)]| and |/[A-Z])"
)


def _to_place(
    table: EntityTable, key: str, place: str, rtype: str, sentence: str, ctx: CountryContext
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


def _zone_named(ments: list[Mention], table: EntityTable, ctx: CountryContext) -> str | None:
    """The financial zone of the article's country that the sentence names ("the regulator
    of Abu Dhabi Global Market ... HAYVN's local subsidiary"): what 'local' means there."""
    for x in ments:
        d = _draft(table, x.key)
        if (
            d is not None
            and d.type == TYPE.jurisdiction
            and d.name != ctx.main_country
            and ctx.country_of(d.name) == ctx.main_country
            and _FINANCIAL_ZONE.search(d.name)
        ):
            return d.name
    return None


def _bodies_country(ments: list[Mention], table: EntityTable, ctx: CountryContext) -> str | None:
    """The one country of the public bodies the sentence names ("Dubai's regulator licensed
    OKX's local unit"): 'local' is theirs, whatever country the article mostly tells of."""
    countries = {
        ctx.country_of(d.jurisdiction)
        for x in ments
        if (d := _draft(table, x.key)) is not None
        and d.type in GROUP.public_body
        and d.jurisdiction
    }
    return countries.pop() if len(countries) == 1 else None


_FINANCIAL_ZONE = re.compile(r"\b(?:Financial Cent(?:re|er)|Global Market|Free Zone)\b")


def _demonym_place(word: str, ctx: CountryContext) -> str | None:
    """'Australian' -> Australia; 'local'/'domestic' -> the article's country."""
    if word in ("local", "domestic"):
        return ctx.main_country
    return ctx.index.country_of_adjective(word)
