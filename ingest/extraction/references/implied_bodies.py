"""Bodies a description implies when no earlier name fits it.

"the central bank" with no antecedent is the article country's central bank (from
the gazetteer); "the finance ministry" that country's Ministry of Finance;
"Montenegrin police" that country's police; "regulators in Beijing" the regulator
the article seats there; "the Binance group" the firm it names.
"""

from __future__ import annotations

import re
from collections import Counter

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, standalone_entity
from ingest.extraction.names.gazetteer_index import GazEntry


def central_bank(table: EntityTable, ctx: CountryContext, place: str | None) -> EntityDraft | None:
    """'the central bank' with no antecedent: the country's central bank from the gazetteer."""
    country = place or ctx.main_country
    if not country:
        return None
    for entry in entries_of(ctx, TYPE.centralbank, country)[:1]:
        return standalone_entity(
            table, entry.name, TYPE.centralbank, qid=entry.qid, jurisdiction=country
        )
    return None


# (the index it was built from, kept so that its id is never reused; entries by seat)
_ENTRIES_OF: list[tuple[object, dict[tuple[str, str | None], list[GazEntry]]]] = []


def entries_of(ctx: CountryContext, etype: str, jurisdiction: str | None) -> list[GazEntry]:
    """The gazetteer's entries of `etype` whose jurisdiction is `jurisdiction`, in gazetteer
    order (indexed once per gazetteer index: a loop over every entry per description cost
    more than the rest of its resolution)."""
    if not _ENTRIES_OF or _ENTRIES_OF[0][0] is not ctx.index:
        by_seat: dict[tuple[str, str | None], list[GazEntry]] = {}
        for e in ctx.index.entries:
            by_seat.setdefault((e.type, e.jurisdiction), []).append(e)
        _ENTRIES_OF[:] = [(ctx.index, by_seat)]  # one gazetteer index at a time
    by_seat = _ENTRIES_OF[0][1]
    return list(by_seat.get((etype, jurisdiction), ()))


# A description's words that point at a kind of regulator, and the name words that fit.
REGULATOR_WORDS = {
    "securities": ("securities", "exchange commission", "capital market"),
    "financial": ("financial", "finance"),
    "market": ("market",),
    "markets": ("market",),
    "banking": ("bank", "prudential"),
    "data": ("data", "privacy"),
    "privacy": ("data", "privacy"),
    "consumer": ("consumer", "conduct"),
    "conduct": ("conduct",),
    "anti-money-laundering": ("intelligence", "money laundering", "transaction"),
    "money-laundering": ("intelligence", "money laundering", "transaction"),
    "intelligence": ("intelligence",),
    # a watchdog of another field is no financial regulator: "Russia's telecom watchdog"
    "telecom": ("telecom", "communication"),
    "telecoms": ("telecom", "communication"),
    "telecommunications": ("telecom", "communication"),
    "communications": ("communication", "telecom"),
    "media": ("media", "communication", "broadcast"),
    "internet": ("internet", "communication", "telecom"),
    "broadcasting": ("broadcast", "media"),
    "competition": ("competition",),
    "antitrust": ("competition", "antitrust"),
    "gambling": ("gambling", "gaming"),
    "gaming": ("gaming", "gambling"),
    "energy": ("energy",),
    "tax": ("tax", "revenue"),
}


def regulator(
    mods: list[str], table: EntityTable, ctx: CountryContext, place: str | None
) -> EntityDraft | None:
    """ "Germany's financial watchdog", "the Thai securities regulator" with no antecedent:
    the one regulator of that country whose name fits the description's words.

    Only a place the text gives counts (not the article's main country), and only a
    single fitting entry is taken: two candidates (South Korea's Financial Services
    Commission and Financial Supervisory Service) leave the description unresolved.
    """
    if not place:
        return None
    candidates = entries_of(ctx, TYPE.regulator, place)
    wanted = [w for m in mods for w in REGULATOR_WORDS.get(m.lower(), ())]
    if wanted:
        by_name = [e for e in candidates if any(w in e.name.lower() for w in wanted)]
        # else by an English alias: "Brazil's securities regulator" is the Comissão de
        # Valores Mobiliários, also called "Brazilian Securities and Exchange Commission"
        candidates = by_name or [
            e
            for e in candidates
            if any(w in alias.lower() for w in wanted for alias, _, lang in e.aliases if not lang)
        ]
    if "intelligence" not in wanted:  # a financial intelligence unit is no "watchdog"
        candidates = [e for e in candidates if "intelligence" not in e.name.lower()]
    if len(candidates) != 1:
        return None
    entry = candidates[0]
    return standalone_entity(table, entry.name, TYPE.regulator, qid=entry.qid, jurisdiction=place)


def ministry(
    topic: str, table: EntityTable, ctx: CountryContext, place: str | None
) -> EntityDraft | None:
    """'the finance ministry' with no antecedent: that country's Ministry of Finance."""
    country = place or ctx.main_country
    name = f"Ministry of {topic.title()}"
    for entry in entries_of(ctx, TYPE.governmentbody, country):
        if entry.name.startswith(name):
            name = entry.name
            break
    return standalone_entity(table, name, TYPE.governmentbody, jurisdiction=country)


def police(m: re.Match[str], table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """'Montenegrin police': that country's police force, the one the article names, else
    (with a qualifier: "Brazil's federal police") the one force of that country whose name
    holds the qualifier, else named as the text names it."""
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
    qualifier = m.group().rsplit(" ", 2)[-2].lower()  # "federal" in "Brazil's federal police"
    forces = [
        e for e in _police_forces(ctx).get(place.name, []) if qualifier in e.name.lower().split()
    ]
    if len(forces) == 1 and ctx.country_of(place.name) == place.name:
        e = forces[0]  # "Brazil's federal police": the force of that name the gazetteer knows
        return standalone_entity(table, e.name, e.type, jurisdiction=e.jurisdiction, qid=e.qid)
    return standalone_entity(table, m.group(), TYPE.governmentbody, jurisdiction=place.name)


_POLICE_OF: dict[int, dict[str, list[GazEntry]]] = {}


def _police_forces(ctx: CountryContext) -> dict[str, list[GazEntry]]:
    """The gazetteer's police forces by the country they serve (built once per index)."""
    found = _POLICE_OF.get(id(ctx.index))
    if found is None:
        found = {}
        for e in ctx.index.entries:
            if e.type == TYPE.governmentbody and e.jurisdiction and "police" in e.name.lower():
                found.setdefault(e.jurisdiction, []).append(e)
        _POLICE_OF[id(ctx.index)] = found
    return found


def country_police(table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """'The police' in an article about one place: its police force, the one the text
    names, else the one the gazetteer knows there (none when it knows several)."""
    # the article's most-named place first ("Hong Kong" in a story whose country is China),
    # then the seat of the bodies it names (the SFC's Hong Kong where no text names it);
    # of the article's own country only: "the Dubai-based platform" in a Hong Kong story
    # seats no police force of the story
    seats = Counter(
        d.jurisdiction
        for d in table.all()
        if d.type in GROUP.public_body and d.jurisdiction and "police" not in d.name.lower()
    )
    places = [p for p, _ in ctx.place_counts.most_common(2)] + [p for p, _ in seats.most_common(2)]
    main = ctx.main_country
    if main:
        places = list(dict.fromkeys([p for p in places if ctx.country_of(p) == main] + [main]))
    for d in table.all():
        if (
            d.type == TYPE.governmentbody
            and "police" in d.name.lower()
            and (d.jurisdiction in places or set(places) & set(d.places))
        ):
            return d
    forces = next((f for p in places if len(f := _police_forces(ctx).get(p, [])) == 1), None)
    if forces is None:
        return None
    e = forces[0]
    return standalone_entity(table, e.name, e.type, jurisdiction=e.jurisdiction, qid=e.qid)


_MEMBER_TYPES = {
    "regulators": TYPE.regulator,
    "regulator": TYPE.regulator,
    "watchdog": TYPE.regulator,
    "watchdogs": TYPE.regulator,
    "prosecutors": TYPE.governmentbody,
    "police": TYPE.governmentbody,  # of a city or region: "police in Lagos"
}


def national_body(m: re.Match[str], table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """'South Korean regulators', 'Turkish prosecutors' (group `place`, a demonym or a
    place; `noun`): the one such body the article names in that country, else a body
    named as the text names it, seated there."""
    place = ctx.jurisdiction(m.group("place"))
    if place is None:
        country = ctx.index.country_of_adjective(m.group("place"))
        place = ctx.jurisdiction(country) if country else None
    if place is None:
        return None
    noun = m.group("noun").lower()
    etype = _MEMBER_TYPES.get(noun, TYPE.governmentbody)  # ("prosecutor's office")
    seated = [
        d
        for d in table.all()
        if d.type == etype
        and not d.unnamed
        and (
            d.jurisdiction == place.name
            or place.name in d.places
            or (d.jurisdiction is not None and ctx.country_of(d.jurisdiction) == place.name)
        )  # ("South Korean prosecutors": the Seoul office the article names)
        and "police" not in d.name.lower()  # the city's police are not its prosecutors
    ]
    if noun.startswith("prosecut"):  # "US prosecutors" beside the FBI: the attorney's
        # office, never the FBI
        seated = [d for d in seated if is_prosecuting_body(d.name)]
    if len(seated) == 1:
        return seated[0]
    return standalone_entity(table, m.group(), etype, jurisdiction=place.name)


# the words of a prosecuting body's name ("U.S. Attorney's Office for the Southern District
# of New York", "Seoul Southern District Prosecutors' Office")
_PROSECUTING_WORDS = ("prosecut", "attorney")


def is_prosecuting_body(name: str, *, ministry: bool = False) -> bool:
    """Whether a body's name says it prosecutes ("... Prosecutors' Office", "U.S. Attorney's
    Office", "Attorney General"); with `ministry`, a justice ministry too ("Department of
    Justice"), which charges but is no office "US prosecutors" stands for."""
    low = name.lower()
    return any(w in low for w in _PROSECUTING_WORDS) or (ministry and "justice" in low)


_AUTHORITY_TYPES = {
    "authorities": (TYPE.regulator, TYPE.governmentbody, TYPE.centralbank),
    "officials": (TYPE.governmentbody, TYPE.regulator),
}


# a country (by name, code or demonym) coordinated before: "U.S. and German authorities"
COUNTRY_BEFORE_AND = re.compile(
    r"(?<![\w.])(?P<other>U\.S\.|US|UK|U\.K\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?),? and $"
)


def national_authorities(
    m: re.Match[str], table: EntityTable, ctx: CountryContext
) -> EntityDraft | None:
    """'the Polish authorities', 'Nigerian officials' (group `place`, a demonym; `noun`):
    the one public body of that role the article names in that country, else (for
    'authorities', when the article named the country before) the country acting as a state,
    else an unnamed government body of that country (one per country and role, so
    repeats agree). The demonym alone is never the body's name."""
    country = ctx.index.country_of_adjective(m.group("place"))
    place = ctx.jurisdiction(country) if country else None
    if place is None:
        return None
    types = _AUTHORITY_TYPES[m.group("noun").lower()]
    seated = [
        d
        for d in table.all()
        if d.type in types
        and not d.unnamed
        and d.first < m.start()  # an antecedent: a body named only later is no guess to make
        and (d.jurisdiction == place.name or place.name in d.places)
    ]
    if len(seated) == 1:
        return seated[0]
    state = table.find(place.name) if m.group("noun").lower() == "authorities" else None
    if state is not None and state.type == TYPE.jurisdiction and state.first < m.start():
        return state  # "Russia ... the Russian authorities blacklisted X": the country acting
        # as a state, as "authorities in Russia" is; only a country named before
    before = COUNTRY_BEFORE_AND.search(m.string, max(0, m.start() - 30), m.start())
    if before is not None and (
        ctx.jurisdiction(before.group("other"))
        or ctx.index.country_of_adjective(before.group("other"))
    ):
        # "U.S. and German authorities": countries acting together, as "authorities in the
        # U.S. and Germany" are
        return standalone_entity(table, place.name, TYPE.jurisdiction)
    key = f"group|{m.group('noun').lower()} of|{place.name}"
    if key in table.drafts:
        return table.drafts[key]
    return table.add_group(
        EntityDraft(
            key=key,
            name=f"{m.group('place')} {m.group('noun').lower()}",
            type=TYPE.governmentbody,
            unnamed=True,
            jurisdiction=place.name,
            description=m.group(),
            first=m.start(),
        )
    )


def court_in(m: re.Match[str], table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """'a court in Istanbul': the one court the article seats there, else that court,
    named "court in Istanbul" and seated there. 'a court sitting in the Southern District
    of Florida': the court the article names after that district."""
    words = m.group("place").split()
    district = " ".join(words)
    for d in table.all():
        if d.type == TYPE.court and not d.unnamed and " District of " in district:
            if d.name.endswith(district):
                return d
    place = _longest_place(district, ctx)  # "a court in Tokyo Tuesday": the place is Tokyo
    if place is None:
        return None
    for d in table.all():
        if (
            d.type == TYPE.court
            and not d.unnamed
            and (d.jurisdiction == place.name or place.name in d.places)
        ):
            return d
    draft = standalone_entity(table, f"court in {place.name}", TYPE.court, jurisdiction=place.name)
    draft.places = [place.name]
    return draft


def _longest_place(words: str, ctx: CountryContext) -> GazEntry | None:
    """The place the longest opening run of `words` names ("Tokyo" of "Tokyo Tuesday")."""
    split = words.split()
    for n in range(len(split), 0, -1):
        place = ctx.jurisdiction(" ".join(split[:n]))
        if place is not None:
            return place
    return None


def prosecutors_in(m: re.Match[str], table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """'a regional prosecutor's office in Warsaw': the one prosecuting body the article
    seats there, else that office named as the text names it and seated there."""
    place = _longest_place(m.group("place"), ctx)
    if place is None:
        return None
    seated = [
        d
        for d in table.all()
        if d.type == TYPE.governmentbody
        and not d.unnamed
        and is_prosecuting_body(d.name)
        and (d.jurisdiction == place.name or place.name in d.places)
    ]
    if len(seated) == 1:
        return seated[0]
    name = m.group().split(" ", 1)[1]  # without its article
    name = name[: name.index(" in ") + 4] + place.name
    draft = standalone_entity(table, name, TYPE.governmentbody, jurisdiction=place.name)
    draft.places = [place.name]
    return draft


def national_court(m: re.Match[str], table: EntityTable, ctx: CountryContext) -> EntityDraft | None:
    """'a Turkish court', 'a Russian appeals court', 'the Argentine courts' (group `place`, a
    demonym): the one court the article seats in that country; with none, in a story about
    that country, the one court it names and seats nowhere ("the Fourth Court of
    Guarantees"); else a court of that country named as the text names it ("Turkish
    court"; none for "courts"); with several, none can be told (no mention)."""
    country = ctx.index.country_of_adjective(m.group("place"))
    place = ctx.jurisdiction(country) if country else None
    if place is None:
        return None
    seated = [
        d
        for d in table.all()
        if d.type == TYPE.court
        and not d.unnamed
        and (
            any(ctx.country_of(p) == place.name for p in d.places)
            or (d.jurisdiction and ctx.country_of(d.jurisdiction) == place.name)
        )
    ]
    if seated:
        return seated[0] if len(seated) == 1 else None
    if ctx.main_country == place.name:  # the one court the article names, seated nowhere
        unseated = [
            d
            for d in table.all()
            if d.type == TYPE.court and not d.unnamed and not d.places and not d.jurisdiction
        ]
        if len(unseated) == 1:
            return unseated[0]
    name = m.string[m.start("place") : m.end()]
    if name.endswith("courts"):
        return None  # "the Argentine courts": the country's courts, none named
    if name.endswith("judge"):
        name = name[: -len("judge")] + "court"  # "a Russian judge" sits on a Russian court
    return standalone_entity(table, name, TYPE.court, jurisdiction=place.name)


def regional_body_or_brand(
    m: re.Match[str], table: EntityTable, ctx: CountryContext, end: int | None = None
) -> EntityDraft | None:
    """'regulators in X' (group `place`): a regulator or government body seated in X;
    'the X group' (group `n`): the exchange or company named X. A body of several places
    (the match runs to `end` over a list: "police in Lagos, Abuja and Kano") is named as
    the text names it, seated in their one country."""
    if "n" in m.groupdict() and m.groupdict().get("n"):
        found = table.find(m.group("n"))
        return found if found is not None and found.type in (TYPE.exchange, TYPE.company) else None
    place = ctx.jurisdiction(m.group("place"))
    if place is None:
        return None
    role = m.group("role").lower()
    end = m.end() if end is None else end
    if end > m.end("place"):
        if role not in _MEMBER_TYPES:
            return None
        seat = ctx.country_of(place.name)  # the one country of them all (descriptions.py)
        return standalone_entity(
            table, m.string[m.start() : end], _MEMBER_TYPES[role], jurisdiction=seat
        )
    if role in ("authorities", "officials"):  # "authorities in Germany": the country acting
        # as a state
        country = table.find(place.name)
        if country is not None and country.type == TYPE.jurisdiction:
            return country
    seated = [
        d
        for d in table.all()
        if d.type in (TYPE.regulator, TYPE.governmentbody)
        and (d.jurisdiction == place.name or place.name in d.places)
    ]
    if role in _ROLE_NAME_WORDS:  # "prosecutors in Seoul": a prosecutors' office there
        words = _ROLE_NAME_WORDS[role]
        seated = [d for d in seated if any(w in d.name.lower() for w in words)]
    if seated:
        return seated[0]
    curated = _curated_role_body(role, place.name, ctx)
    if curated is not None:  # "prosecutors in New York": the one such office the gazetteer
        return standalone_entity(
            table, curated.name, curated.type, qid=curated.qid, jurisdiction=curated.jurisdiction
        )
    if role == "police" and not place.parent:
        if _MORE_PLACES.match(m.string, m.end("place")):
            return None  # "police in Greece and Cyprus took X offline": the countries act
        return standalone_entity(  # "Police in Estonia have arrested two men": the force
            table, m.string[m.start() : m.end()], TYPE.governmentbody, jurisdiction=place.name
        )
    if role in _MEMBER_TYPES:  # "regulators in Thailand", named as the text names them
        return standalone_entity(
            table, m.string[m.start() : end], _MEMBER_TYPES[role], jurisdiction=place.name
        )
    return None


_MORE_PLACES = re.compile(r"(?:,| and| or) [A-Z]")


def _curated_role_body(role: str, place: str, ctx: CountryContext) -> GazEntry | None:
    """The one curated body whose name says it does `role`'s work in `place`."""
    words = {"prosecutors": ("prosecut", "attorney"), "police": ("police",)}.get(role)
    if words is None:
        return None
    found = [
        e
        for e in ctx.index.entries
        if e.type in (TYPE.regulator, TYPE.governmentbody)
        and any(w in e.name.lower() for w in words)
        and (e.jurisdiction == place or place in e.name)
    ]
    return found[0] if len(found) == 1 else None


# Bodies named by their members: "prosecutors in X" is a prosecutor's office seated in X.
_ROLE_NAME_WORDS = {
    "prosecutors": ("prosecut",),
    "police": ("police",),
}
