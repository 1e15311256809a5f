"""Descriptions: 'the watchdog', "the country's central bank", "Japan's regulator".

A description resolves to the nearest earlier entity of a compatible type that fits
its words (a 'securities watchdog' prefers a name with 'Securities'; "Japan's
regulator" one located in Japan); in a lede, where the name comes after ("India's
anti-money-laundering agency has ... The Financial Intelligence Unit India ..."),
it looks forward. Where nothing fits, the body it implies may be named for it
(`implied_bodies`); governments and plural groups are `collectives`' job.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention, standalone_entity
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.references.collectives import collective_mentions, government
from ingest.extraction.references.implied_bodies import (
    COUNTRY_BEFORE_AND,
    central_bank,
    country_police,
    court_in,
    ministry,
    national_authorities,
    national_body,
    national_court,
    police,
    prosecutors_in,
    regional_body_or_brand,
    regulator,
)
from ingest.extraction.references.near_country import country_near
from ingest.extraction.text.scanning import scanner_of

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
    "bench": (TYPE.court,),  # "the two-judge bench": the court it sits for
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
    "project": (TYPE.app, TYPE.company, TYPE.exchange),
    "entity": (TYPE.exchange, TYPE.company),
    "country": (TYPE.jurisdiction,),
    "nation": (TYPE.jurisdiction,),
    "city": (TYPE.jurisdiction,),
    "emirate": (TYPE.jurisdiction,),
    "province": (TYPE.jurisdiction,),
    "state": (TYPE.jurisdiction,),
    "government": (TYPE.governmentbody,),
}

_REGULATOR_NOUNS = frozenset(("regulator", "regulators", "watchdog", "supervisor"))

_FIRM_NOUNS = frozenset(
    "company firm group exchange platform operator mixer lender broker marketplace project".split()
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
    r"department|ministry|unit|police|force|court|tribunal|bench|bank|exchange|platform|company|firm|"
    r"group|operator|entity|mixer|lender|broker|marketplace|project|country|nation|city|emirate|province|"
    r"state|government)\b(?!-)"
    # a noun modifying another names no body: "the bank accounts of X", "the exchange's
    # users" stays, "the exchange token" goes
    r"(?! (?:accounts?|balances?|transfers?|deposits?|cards?|details|statements?|loans?"
    r"|holidays?|records|users|customers|clients|wallets?|addresses|tokens?|shares|stock"
    # "the government agency", "the state regulator": a body the next noun names, not
    # the government or the state itself
    r"|agenc(?:y|ies)|bod(?:y|ies)|regulators?|departments?|officials?|spokes(?:man|woman|person)"
    r"|bonds?|debt)\b)"
)

_DESC_STEMS = (
    "regulator", "watchdog", "agency", "authorit", "commission", "administration", "department",
    "ministry", "unit", "police", "force", "court", "tribunal", "bench", "bank", "exchange",
    "platform",
    "company", "firm", "group", "operator", "entity", "mixer", "lender", "broker", "marketplace",
    "project",
    "country", "nation", "city", "emirate",
    "province", "state", "government",
)  # fmt: skip

# where a _DESC match can begin: "The/the/Its/its/Their/their" or a capital, after no word
# character (Scanner.finditer tries _DESC only there)
_DESC_STARTS = re.compile(r"[A-Zti](?<!\w.)")

# (with the level the text gives them: "federal prosecutors in New York")
_REGULATORS_IN = re.compile(
    r"\b(?:(?:[Ff]ederal|[Ss]tate|[Ll]ocal|[Rr]egional|[Pp]rovincial|[Mm]unicipal|[Cc]ity"
    r"|[Dd]istrict) )?(?P<role>[Rr]egulators|[Aa]uthorities|[Oo]fficials|[Pp]rosecutors"
    # "police officers in Brazil", "federal police agents in Brazil": the police
    r"|[Pp]olice)(?:(?<=olice) (?:officers|agents|officials))? in (?:the )?"
    r"(?P<place>[A-Z]\w+(?: [A-Z]\w+)?)"
    # more places of one body's reach: "police in Lagos, Abuja and Kano"
    r"(?P<more>(?:, (?:the )?[A-Z]\w+(?: [A-Z]\w+)?){0,8},? and (?:the )?[A-Z]\w+(?: [A-Z]\w+)?)?"
)
_LISTED_PLACE = re.compile(r"[A-Z]\w+(?: [A-Z]\w+)?")

# "South Korean regulators", "Turkish prosecutors": bodies named by their country
_NATIONAL_BODY = re.compile(
    r"(?:\b|(?<![\w.])(?=U))(?!(?:An?|The) )"  # ("an Ankara prosecutor's office")
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?|U\.S\.|US|UK|U\.K\.)"
    r" (?:financial |securities |market |crypto )?"
    r"(?P<noun>regulators?|watchdogs?|prosecutors|prosecutor'?s'? office|prosecution office)\b"
)
_PLACE_CODES = frozenset(("U.S.", "US", "UK", "U.K."))
_NATIONAL_STEMS = ("regulator", "watchdog", "prosecut")
# "the Polish authorities", "Nigerian officials": a country's body by role if the article
# names one, else an unnamed body of that country (`implied_bodies.national_authorities`)
_NATIONAL_AUTHORITIES = re.compile(
    r"\b(?!(?:The|These|Those|Both|All|Other) )"
    r"(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?P<noun>authorities|officials)\b"
)
# "a court in Istanbul", "a court sitting in the Southern District of Florida"
_COURT_IN = re.compile(
    r"\b[Aa] (?:[a-z]+ )?court (?:(?:sitting|based|located|seated) )?in (?:the )?"
    r"(?P<place>[A-Z][\w.]*(?: (?:of )?[A-Z]\w+){0,3})"
)
_COURT_IN_STEMS = ("court in", "court sitting", "court based", "court located", "court seated")
# "a regional prosecutor's office in Warsaw", "the prosecutor's office in Seoul"
_PROSECUTORS_IN = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (?:[a-z]+ ){0,2}?(?:prosecutor(?:'s|\u2019s|s'|s\u2019)? office"
    r"|prosecution office|public prosecutor(?:'s|\u2019s)? office) in (?:the )?"
    r"(?P<place>[A-Z][\w.]*(?: [A-Z]\w+){0,2})"
)
# "A Seoul appeals court", "an Istanbul court", "a Manhattan federal judge": the place
# before the noun seats it, as "a court in Seoul" does
_PLACE_COURT = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (?P<place>[A-Z]\w+(?: [A-Z]\w+)?) (?:(?:appeals?|appellate|high|federal"
    r"|district|criminal|civil|regional|commercial|bankruptcy|provincial|state|administrative"
    r"|supreme|local|lower) ){0,2}(?:courts?|judge)\b"
)  # (courts: "the Argentine courts have ordered", a country's, by its demonym)

_BARE_POLICE = re.compile(
    r"\b[Tt]he police\b(?! (?:in|of) [A-Z])"
    # with no article, only as a clause's subject: "police have since arrested 11 people"
    r"|(?:(?<=^)|(?<=[,;:.] )|(?<=\n)|(?<=\band )|(?<=\bwhile )|(?<=\bas )"
    # ... of a clause a speaker reports: "the regulator said police have blocked ..."
    r"|(?<=\bsaid )|(?<=\bsays )|(?<=\bthat ))"
    r"[Pp]olice(?= (?:have|has|had|said|say|says|arrested|detained|raided|seized|froze"
    r"|are|were|was|is|will|also|later|then|subsequently|initially)\b)"
)
_PLACE_POLICE = re.compile(
    r"\b(?P<place>[A-Z][\w.]*(?: [A-Z][a-z]+)?)(?:'s)? (?:(?:federal|national|state|local"
    r"|city|provincial|municipal|civil|military|judicial|cyber|cybercrime|financial) )?police\b"
)

_BRAND_GROUP = re.compile(r"\bthe (?P<n>[A-Z][\w.]+) (?P<noun>group|platform|brand)\b")

_PLACE_BASED = re.compile(
    r"([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})-(?:based|headquartered|registered|incorporated)\b"
)

# A modifier that names a body's field ("the monetary regulator", "the telecoms
# watchdog"): a body it describes says so in its name (a stem below) or by its type; a
# body of another field is never the one meant, however recent ("The Enforcement
# Directorate ... The head of the monetary regulator said").
_FIELD_STEMS = {
    "monetary": ("monetar",),
    "tax": ("tax", "revenue"),
    "telecom": ("telecom", "communication"),
    "telecoms": ("telecom", "communication"),
    "telecommunications": ("telecom", "communication"),
    "communications": ("communication", "telecom", "media"),
    "media": ("media", "communication", "broadcast"),
    "competition": ("competition", "antitrust", "fair trad"),
    "antitrust": ("competition", "antitrust", "fair trad"),
    "gaming": ("gaming", "gambling", "lotter"),
    "gambling": ("gaming", "gambling", "lotter"),
    "privacy": ("privacy", "data protection", "information commission"),
    "energy": ("energy", "power", "electric"),
}
_FIELD_TYPES = {"monetary": (TYPE.centralbank,)}

_SKIP_MODS = frozenset(
    "same other new first second such any no every parent sister rival former another affected "
    "local".split()
)

_FUNCTION_WORDS = frozenset(
    "of for to in on and or with by from at as that which who is was are were its their his her "
    "a an the this these those".split()
)


def _only_place_named(m: re.Match[str], named: list[Mention], table: EntityTable) -> bool:
    """Whether the one name inside a place-led body ("Istanbul police", "an Istanbul
    prosecutor's office") is its place: the body is then the city's own, not a name's part."""
    start, end = m.span("place")
    return any(
        x.start == start
        and x.end == end
        and x.key in table
        and table.get(table.resolve(x.key)).type == TYPE.jurisdiction
        for x in named
    )


def resolve_descriptions(state: ArticleState) -> None:
    """Add mentions for descriptions ('the watchdog', "Japan's regulator", 'the Centre').

    Each resolves against the mentions already made, or names a body the description
    implies (`implied_bodies`); spans inside a named mention are left alone.
    """
    doc, table, ctx = state.doc, state.table, state.country
    named = sorted(state.mentions, key=lambda m: m.start)
    out: list[Mention] = []
    used = bytearray(len(doc.text) + 1)
    for x in named:
        used[x.start : x.end] = b"\x01" * (x.end - x.start)
    for m in scanner_of(doc).finditer(_DESC, _DESC_STEMS, _DESC_STARTS):
        start = m.start("poss") if m.group("poss") else m.start("mods")
        start = m.start() if m.group("det") else start
        if (
            used.find(1, start, m.end()) >= 0
            and not (
                m.group("noun").lower() in _FIRM_NOUNS
                and _only_based_places(named, start, m.end(), doc.text, table)
            )
            and not _only_modifying_places(m, named, table)
        ):  # any(used[...]), without a copy
            continue
        draft = _resolve_description(m, state, named)
        if draft is None:
            continue
        surface = m.group().strip()
        if m.group("det") in ("Its", "its"):
            surface = surface[4:]
        table.alias(draft, surface, "descriptive")
        if draft.type in GROUP.public_body:
            draft.mentions += 1  # "according to the ministry": more the article's ministry
        out.append(Mention(start, m.end(), surface, draft.key, draft.type, "descriptive"))
    scan = scanner_of(doc)
    for m in scan.finditer(_PLACE_POLICE, ("police",)):
        if used[m.end() - 1] or (used[m.start()] and not _only_place_named(m, named, table)):
            continue
        draft = police(m, table, ctx)
        if draft is not None:
            table.alias(draft, m.group(), "descriptive")
            out.append(Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "descriptive"))
    for m in scan.finditer(_BARE_POLICE, ("police",)):
        if used[m.start()] or any(o.start <= m.start() < o.end for o in out):
            continue
        draft = country_police(table, ctx)  # "The police arrested ..." in a Hong Kong story
        if draft is not None:
            table.alias(draft, m.group(), "descriptive")
            out.append(Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "descriptive"))
    for pattern, stems, implied in (
        (_NATIONAL_BODY, _NATIONAL_STEMS, national_body),
        (_COURT_IN, _COURT_IN_STEMS, court_in),
        (_PROSECUTORS_IN, ("office in",), prosecutors_in),
        (_PLACE_COURT, ("court", "judge"), court_in),
        (_NATIONAL_AUTHORITIES, ("authorities", "officials"), national_authorities),
    ):
        for m in scan.finditer(pattern, stems):
            if used[m.start()] and not (
                pattern is _NATIONAL_BODY
                and m.group("noun").startswith("prosecut")  # ("U.S. regulators" in a remark
                and not used[m.end() - 1]  # is most often regulators in general)
                and (m.group("place") in _PLACE_CODES or _only_place_named(m, named, table))
            ):  # (the place inside it is a named mention, as it should be; but in "US
                continue  # prosecutors" the code "US" is the mention, not the body)
            make = implied
            if pattern is _PLACE_COURT:
                if any(o.start < m.end() and m.start() < o.end for o in out):
                    continue
                if ctx.index.country_of_adjective(m.group("place")) is not None:
                    make = national_court  # "a Russian court": the country's, by its demonym
                elif m.group().endswith("courts"):
                    continue
            draft = make(m, table, ctx)
            if draft is not None:
                table.alias(draft, m.group(), "descriptive")
                out.append(
                    Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "descriptive")
                )
                if pattern is _NATIONAL_AUTHORITIES and draft.type == TYPE.jurisdiction:
                    out += _coordinated_demonym(m, table, ctx)
    out += _judges_of_courts(state, named)
    out += collective_mentions(state, named, used)
    special = list(
        scan.finditer(
            _REGULATORS_IN,
            ("regulators", "authorities", "officials", "prosecutors", "police"),
        )
    )
    for m in special + list(scan.finditer(_BRAND_GROUP, ("group", "platform", "brand"))):
        if used[m.start()]:
            continue
        end = _end_of_places(m, ctx)
        draft = regional_body_or_brand(m, table, ctx, end)
        if draft is not None:
            surface = doc.text[m.start() : end]
            table.alias(draft, surface, "descriptive")
            out.append(Mention(m.start(), end, surface, draft.key, draft.type, "descriptive"))
    state.mentions += out


def _coordinated_demonym(
    m: re.Match[str], table: EntityTable, ctx: CountryContext
) -> list[Mention]:
    """The country of the demonym coordinated before "<demonym> authorities" ("Dutch and
    German authorities": the Netherlands too), as a mention of that country."""
    before = COUNTRY_BEFORE_AND.search(m.string, max(0, m.start() - 30), m.start())
    country = ctx.index.country_of_adjective(before.group("other")) if before else None
    if before is None or country is None:
        return []
    draft = standalone_entity(table, country, TYPE.jurisdiction)
    start, end = before.span("other")
    return [Mention(start, end, m.string[start:end], draft.key, draft.type, "descriptive")]


# "A federal judge at the U.S. District Court in Seattle ordered ...": an unnamed judge
# of a named court acts for it (a named one: actions/judge_subjects.py)
_JUDGE_OF = re.compile(
    r"\b(?:[Aa]n?|[Tt]he) (?:[a-z]+ )?(?:judge|justice|magistrate|panel of judges|judges)"
    r" (?:at|of|on|in|from) (?:the )?$"
)


# a judge named by the court before the word: "A Federal Court judge", "a High Court justice"
_ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he) $")
_JUDGE_AFTER = re.compile(r" (?:judge|justice|magistrate)\b")


def _judges_of_courts(state: ArticleState, named: list[Mention]) -> list[Mention]:
    """Mentions of a court for the unnamed judge who sits on it, from the judge's words to
    the court's name."""
    text, table, out = state.doc.text, state.table, []
    for court in named:
        if court.key not in table or table.get(court.key).type != TYPE.court:
            continue
        judge = _JUDGE_OF.search(text, max(0, court.start - 50), court.start)
        if judge is None:
            before = _ARTICLE_BEFORE.search(text, max(0, court.start - 4), court.start)
            after = _JUDGE_AFTER.match(text, court.end)
            if before is not None and after is not None:  # "A Federal Court judge ordered"
                surface = text[before.start() : after.end()]
                out.append(
                    Mention(
                        before.start(), after.end(), surface, court.key, TYPE.court, "descriptive"
                    )
                )
            continue
        surface = text[judge.start() : court.end]
        out.append(Mention(judge.start(), court.end, surface, court.key, TYPE.court, "descriptive"))
    return out


def _end_of_places(m: re.Match[str], ctx: CountryContext) -> int:
    """Where a "regulators in X" body's span ends: after the list of places when they are
    places of one country ("police in Lagos, Abuja and Kano": none of them is an actor of
    its own), else after its first place ("regulators in Singapore and Binance"; "police
    in Greece and Cyprus" are two countries' acts)."""
    more = m.groupdict().get("more")
    if not more:
        return m.end()
    found = [ctx.jurisdiction(p) for p in [m.group("place"), *_LISTED_PLACE.findall(more)]]
    if all(p is not None for p in found) and len({ctx.country_of(p.name) for p in found if p}) == 1:
        return m.end()
    return m.end("place")


def _only_based_places(
    named: list[Mention], start: int, end: int, text: str, table: EntityTable
) -> bool:
    """Whether the named mentions inside a firm's description are only the place of a
    '-based' modifier ("the San Francisco-based exchange" still describes a firm)."""
    inside = [x for x in named if start <= x.start < end]
    return bool(inside) and all(
        x.key in table
        and table.get(x.key).type == TYPE.jurisdiction
        and text.startswith(("-based ", "-headquartered ", "-registered "), x.end)
        for x in inside
    )


def _only_modifying_places(m: re.Match[str], named: list[Mention], table: EntityTable) -> bool:
    """Whether the named mentions inside "the Dubai regulator", "the UAE watchdog" are only
    the place modifying a body's noun (the description still names the body)."""
    if not m.group("det") or m.group("noun").lower() not in _PLACED_NOUNS:
        return False
    inside = [x for x in named if m.start("mods") <= x.start < m.end("mods")]
    return (
        bool(inside)
        and all(x.key in table and table.get(x.key).type == TYPE.jurisdiction for x in inside)
        and not any(x for x in named if m.start() <= x.start < m.start("mods"))
    )


def _resolve_description(
    m: re.Match[str], state: ArticleState, named: list[Mention]
) -> EntityDraft | None:
    table, ctx = state.table, state.country
    noun = m.group("noun").lower()
    mods = m.group("mods").split()
    if any(w.lower() in _SKIP_MODS or w.lower() in _FUNCTION_WORDS for w in mods):
        return None
    placed = _PLACE_BASED.match(" ".join(mods))  # "the San Francisco-based exchange"
    if placed is not None and ctx.jurisdiction(placed.group(1)) is not None:
        mods = mods[len(placed.group().split()) :]
    if any(w[0].isupper() and ctx.jurisdiction(w.split("-")[0]) is None for w in mods):
        return None
    types = _NOUNS[noun]
    apposed = _apposed_name(m, types, table, named)
    if apposed is not None:
        return apposed  # "its regulator, the Astana Financial Services Authority"
    place = _place_of(m, state)
    if m.group("place") and place is None:
        owner = table.find(m.group("place"))
        if owner is None or owner.type not in GROUP.organisation:
            return None
        if noun in _FIRM_NOUNS:
            return None  # "Binance's platform": another thing of Binance's
    if noun in _FIRM_NOUNS and not m.group("place"):
        run = _firm_of_person(m, state, named)
        if run is not None:
            return run  # "the company he founded": the firm the story ties him to
    if TYPE.jurisdiction in types:
        return _place_description(noun, m, table, named, state)
    if noun == "government":
        return government(table, ctx, place or country_near(state, m.start()))
    # a place among the modifiers ("the Dubai regulator") is the place, not a field word
    fields = [w for w in mods if not (w[0].isupper() and ctx.jurisdiction(w.split("-")[0]))]
    found = _nearest(m.start(), types, noun, fields, place, state, named)
    if found is None and place and m.group("place") and noun in _REGULATOR_NOUNS:
        found = _field_body(m, mods, place, table) or _described_regulator(m, mods, place, table)
    return found


# what a country's own financial regulator is called by: "South Korea's financial regulator"
_FINANCIAL_MODS = frozenset(
    "financial securities crypto cryptocurrency market markets banking finance top chief main "
    "national".split()
)


def _described_regulator(
    m: re.Match[str], mods: list[str], place: str, table: EntityTable
) -> EntityDraft | None:
    """ "South Korea's financial regulator" where the gazetteer holds several that fit (the
    FSC and the FSS): the one regulator of that country the article names anywhere; with
    none, a regulator of that country named as the text names it; with several, none."""
    if any(w.lower() not in _FINANCIAL_MODS for w in mods) or m.group("noun").endswith("s"):
        return None
    seated = [
        d
        for d in table.all()
        if d.type == TYPE.regulator and not d.unnamed and d.jurisdiction == place
    ]
    if seated:
        return seated[0] if len(seated) == 1 else None
    name = m.group().strip()
    if name[:4].lower() == "the ":
        name = name[4:]
    return standalone_entity(table, name, TYPE.regulator, jurisdiction=place)


def _field_body(
    m: re.Match[str], mods: list[str], place: str, table: EntityTable
) -> EntityDraft | None:
    """ "Pakistan's telecom regulator" that no body of the gazetteer or the text is: kept as
    the body of that field and country, named as the text names it (a regulator of
    another field, which the financial gazetteer does not list)."""
    if not mods or mods[-1].lower() not in _FIELD_STEMS:
        return None
    return standalone_entity(table, m.group().strip(), TYPE.governmentbody, jurisdiction=place)


# "its regulator, the Astana Financial Services Authority", "the watchdog, Glavkom,", and
# with no comma "media watchdog Glavkom"
_APPOSITION_GAP = re.compile(r", (?:the )?| (?=[A-Z])")


def _apposed_name(
    m: re.Match[str], types: tuple[str, ...], table: EntityTable, named: list[Mention]
) -> EntityDraft | None:
    """The body a description names right after it, set off by a comma ("its regulator,
    the Astana Financial Services Authority (AFSA)") or by nothing ("media watchdog
    Glavkom")."""
    gap = _APPOSITION_GAP.match(m.string, m.end())
    if gap is None or gap.group() == " " and not set(types) & GROUP.public_body:
        return None  # with no comma, only a body's name: "the exchange Coinbase" stays as was
    at = bisect_left([x.start for x in named], gap.end())
    if at == len(named) or named[at].start != gap.end() or named[at].key not in table:
        return None
    draft = table.get(named[at].key)
    return draft if draft.type in types and not draft.unnamed else None


def _place_of(m: re.Match[str], state: ArticleState) -> str | None:
    ctx = state.country
    if m.group("poss") in ("country", "nation"):
        return country_near(state, m.start())  # "the country's central bank"
    for word in [m.group("place") or ""] + m.group("mods").split():
        if word:
            found = ctx.jurisdiction(word)
            if found is not None:
                return found.name
    if m.group("det") in ("the", "The") and m.group("noun").lower() in _PLACED_NOUNS:
        return _place_after(m.string, m.end(), ctx)
    return None


# "the financial regulator of Abu Dhabi Global Market", "the securities watchdog in Thailand"
_PLACE_AFTER = re.compile(r" (?:of|in) (?:the )?(?P<words>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3})")
# a ministry's level of government, no portfolio ("the federal ministry of finance")
_GOVERNMENT_LEVELS = frozenset("federal national state central union provincial regional".split())
_OF_PORTFOLIO = re.compile(r" of ([a-z]+)\b")
_PLACED_NOUNS = frozenset(("regulator", "regulators", "watchdog", "central bank", "ministry"))


def _place_after(text: str, end: int, ctx: CountryContext) -> str | None:
    """The place a body's description names after it ("... of X", "... in X"): the longest
    run of capitalised words right after that is a known jurisdiction."""
    found = _PLACE_AFTER.match(text, end)
    if found is None:
        return None
    words = found.group("words").split()
    for n in range(len(words), 0, -1):
        place = ctx.jurisdiction(" ".join(words[:n]).rstrip("."))
        if place is not None:
            return place.name
    return None


def _place_description(
    noun: str, m: re.Match[str], table: EntityTable, named: list[Mention], state: ArticleState
) -> EntityDraft | None:
    ctx = state.country
    if m.group("place") or m.group("det") != "the" and m.group("det") != "The":
        return None
    if noun in ("country", "nation"):
        country = country_near(state, m.start())
        return table.find(country) if country else None
    for mention in reversed([x for x in named if x.start < m.start()]):
        draft = (
            table.get(table.resolve(mention.key)) if table.resolve(mention.key) in table else None
        )
        if draft and draft.type == TYPE.jurisdiction and ctx.country_of(draft.name) != draft.name:
            return draft
    return None


# "the company he founded", "the exchange she ran", "the firm that they co-founded"
_RUN_BY_PRONOUN = re.compile(
    r" (?:(?:that|which) )?(?:he|she|they) (?:had |has |later |once )?(?:co-?)?(?:founded|ran|runs"
    r"|led|leads|heads|headed|started|created|owns|owned|set up|launched|built|controls"
    r"|controlled)\b"
)
# how a story ties a person to a firm: "Terraform Labs co-founder Do Kwon", "Do Kwon, the
# co-founder of Terraform Labs" / "..., who founded Terraform Labs"
_ROLE = r"(?:co-?founder|founder|chief executive|CEO|boss|head|chairman|chairwoman|owner|operator)"
_ROLE_BEFORE_PERSON = re.compile(rf" (?:former |ex-)?{_ROLE} $")
_ROLE_AFTER_PERSON = re.compile(
    rf", (?:the |its |a )?(?:former |ex-)?{_ROLE}(?: and [a-z ]+)? of (?:the )?"
    r"(?:[a-z-]+ ){0,3}$"
    r"|, who (?:co-?)?(?:founded|ran|runs|led|leads|heads|headed|started|created|owns) (?:the )?$"
)


def _firm_of_person(
    m: re.Match[str], state: ArticleState, named: list[Mention]
) -> EntityDraft | None:
    """The firm a description run by a pronoun means ("the company he founded"): the firm
    the story ties the person named last before it to, by a title ("Terraform Labs
    co-founder Do Kwon") or an apposition ("Do Kwon, the founder of Terraform Labs")."""
    if not _RUN_BY_PRONOUN.match(m.string, m.end()):
        return None
    table, text = state.table, state.doc.text
    before = named[: bisect_left(named, m.start(), key=_start)]
    person = next(
        (
            x
            for x in reversed(before[-40:])
            if x.key in table and table.get(table.resolve(x.key)).type == TYPE.person
        ),
        None,
    )
    if person is None:
        return None
    who = table.resolve(person.key)
    for i, x in enumerate(named):
        if table.resolve(x.key) != who:
            continue
        prev = named[i - 1] if i else None
        if prev is not None and _ROLE_BEFORE_PERSON.fullmatch(text, prev.end, x.start):
            firm = _firm_draft(prev, table)
            if firm is not None:
                return firm
        nxt = named[i + 1] if i + 1 < len(named) else None
        if nxt is not None and _ROLE_AFTER_PERSON.fullmatch(text, x.end, nxt.start):
            firm = _firm_draft(nxt, table)
            if firm is not None:
                return firm
    return None


def _firm_draft(x: Mention, table: EntityTable) -> EntityDraft | None:
    key = table.resolve(x.key)
    draft = table.drafts.get(key)
    if draft is None or draft.unnamed or draft.type not in (TYPE.exchange, TYPE.company):
        return None
    return draft


# a name used as a noun's modifier after an indefinite article: "a Onecoin payment processor"
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n? $")
_NOUN_AFTER = re.compile(r" [a-z]")


def _modifier_use(text: str, m: Mention) -> bool:
    """Whether a name stands as a common noun's modifier ("a Onecoin payment processor")."""
    return (
        _INDEFINITE_BEFORE.search(text, max(0, m.start - 3), m.start) is not None
        and _NOUN_AFTER.match(text, m.end) is not None
    )


def _nearest(
    pos: int,
    types: tuple[str, ...],
    noun: str,
    mods: list[str],
    place: str | None,
    state: ArticleState,
    named: list[Mention],
) -> EntityDraft | None:
    doc, table, ctx = state.doc, state.table, state.country

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
        # its names, not the descriptions it already took: once "the agency" was read as
        # FINTRAC, every later "the agency" would otherwise be FINTRAC's by name
        names = " ".join(
            [d.name, *(a for a, kind in d.aliases.items() if kind != "descriptive")]
        ).lower()
        if not all(_in_field(w.lower(), d.type, names) for w in mods):
            return -1
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
        apposed = table.get(key) if key in table else None
        if (  # "Roskomnadzor, Russia's communications watchdog": the place seats the body
            apposed is not None
            and place
            and not apposed.jurisdiction
            and apposed.type in types
            and apposed.type in GROUP.public_body
            and not apposed.unnamed
        ):
            apposed.jurisdiction = place
            return apposed
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
        recent = here - mention.sentence <= 1 and not _modifier_use(doc.text, mention)
        # ("orders against a Onecoin payment processor, IMS ...": not Onecoin's turn)
        s = fit + min(d.mentions, 4) / 2 + (1.5 if recent else 0)
        if s > best_score:
            best, best_score = d, s
    if best is not None:
        return best
    if noun == "exchange" and not mods:
        firm = _firm_called_exchange(named[max(0, n_back - 12) : n_back], here, table)
        if firm is not None:
            return firm
    if types == (TYPE.centralbank,):
        return central_bank(table, ctx, place or country_near(state, pos))
    if noun in _REGULATOR_NOUNS:
        found = regulator(mods, table, ctx, place)
        if found is not None or sent is None or sent.index > 2:
            return found
        # no single regulator of that country fits the words: in a lede the name may
        # follow ("Thailand's financial watchdog filed ... Thailand's SEC said ...")
    if noun == "ministry" and mods and all(w.isalpha() and w.islower() for w in mods):
        topic = [w for w in mods if w not in _GOVERNMENT_LEVELS]
        if topic:
            return ministry(" ".join(topic), table, ctx, place)
        # "the federal ministry of finance": the portfolio follows
        after = _OF_PORTFOLIO.match(doc.text, doc.text.find("ministry", pos) + len("ministry"))
        return ministry(after.group(1), table, ctx, place) if after else None
    if sent is not None and sent.index <= 2:
        best, best_score = None, 0
        unplaced = None  # "Russia's communications watchdog has blocked ... The watchdog,
        # Roskomnadzor, also ...": a body the gazetteer does not seat can be the one meant
        for mention in (x for x in named if x.start > pos and x.sentence <= sent.index + 2):
            key = table.resolve(mention.key)
            if key not in table:
                continue
            d = table.get(key)
            s = fits(d) + (1 if d.type == types[0] else 0)
            if s > best_score:
                best, best_score = d, s
            if (
                unplaced is None
                and place
                and d.type in types
                and d.type in GROUP.public_body
                and not d.unnamed
                and not d.jurisdiction
                and not d.places
            ):
                unplaced = d
        if best is None and unplaced is not None:
            unplaced.jurisdiction = place
            return unplaced
        return best
    return None


def _firm_called_exchange(
    before: list[Mention], here: int, table: EntityTable
) -> EntityDraft | None:
    """The firm "the exchange" means when no exchange was named before it ("Kairex Markets
    Ltd ... The exchange, which ..."): the firm the sentence before named last, which its
    legal suffix had typed a company. Not a firm of its own sentence ("Orvex Capital agreed
    to buy the exchange" is another party), nor one the gazetteer knows (Tether)."""
    index = get_index()
    for mention in reversed(before):
        if mention.sentence == here:
            key = table.resolve(mention.key)
            if key in table.drafts and table.drafts[key].type in GROUP.firm:
                return None
            continue
        if here - mention.sentence > 1:
            return None
        key = table.resolve(mention.key)
        d = table.drafts.get(key)
        if d is None or d.unnamed or d.type != TYPE.company:
            continue
        if d.qid or index.lookup(d.name) or _NOT_EXCHANGE.search(d.name):
            return None
        d.type = TYPE.exchange
        return d
    return None


# firms whose name says they are something other than an exchange
_NOT_EXCHANGE = re.compile(r"\b(?:Bank|Bancorp|Insurance|Capital Partners|Law|LLP|Mining)\b")


def _in_field(mod: str, entity_type: str, names: str) -> bool:
    """Whether a body of `entity_type` with these (lower-cased) `names` can be the one a
    description's modifier `mod` describes (`_FIELD_STEMS`; other modifiers: any)."""
    stems = _FIELD_STEMS.get(mod)
    return (
        stems is None
        or entity_type in _FIELD_TYPES.get(mod, ())
        or any(stem in names for stem in stems)
    )


def _start(m: Mention) -> int:
    return m.start
