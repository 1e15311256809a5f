"""Which capitalised runs are names of bodies, firms or laws, and of which type.

The type comes from the head word ("... Commission", "Ministry of ...", "... Court",
"... Act") with a few refinements: a commission or authority with financial words
is a `Regulator`, a "Central Bank" or "Bank of <country>" a `CentralBank`, a run
ending in a company suffix (Ltd, Inc., Pte. Ltd.) a `Company`. Runs with no head
stay unclassified; other steps type them from context (titles, appositions, lists).
"""

from __future__ import annotations

from graph.ontology import TYPE
from ingest.extraction.text.tokens import MONTHS, NAME_PARTICLES, SENTENCE_WORDS, WEEKDAYS, Token

# the same heads in Spanish, Portuguese, French and Italian, where they open the name
# ("Fondo de Protección Social de los Depósitos Bancarios", "Asociación Nacional de X")
_OPENING_HEADS: dict[str, str] = {
    **dict.fromkeys(("comisión", "comision", "comissão", "comissao", "commissione"), "Commission"),
    **dict.fromkeys(
        (
            "autoridad",
            "autoridade",
            "autorité",
            "autorita",
            "autorità",
            "superintendencia",
            "superintendência",
            "superintendencia",
            "agencia",
            "agência",
            "agence",
            "agenzia",
            "unidad",
            "unidade",
            "unité",
            "unità",
        ),
        "Authority",
    ),  # fmt: skip
    **dict.fromkeys(("ministerio", "ministério", "ministère", "ministero"), "Ministry"),
    **dict.fromkeys(("departamento", "département", "dipartimento"), "Department"),
    **dict.fromkeys(("banco", "banque", "banca"), "Bank"),
    **dict.fromkeys(("fondo", "fundo", "fonds"), "Fund"),
    **dict.fromkeys(("asociación", "asociacion", "associação", "associazione"), "Firm"),
    **dict.fromkeys(
        (
            "fiscalía",
            "fiscalia",
            "procuraduría",
            "procuradoria",
            "policía",
            "polícia",
            "polizia",
            "consejo",
            "conselho",
            "conseil",
            "consiglio",
            "dirección",
            "direção",
            "direzione",
            "servicio",
            "serviço",
            "servizio",
            "gobierno",
            "governo",
            "gouvernement",
        ),
        "Gov",
    ),  # fmt: skip
    **dict.fromkeys(("juzgado", "tribunale", "corte", "cour"), TYPE.court),
}
BODY_HEADS = {
    "commission": "Commission",
    "authority": "Authority",
    "agency": "Authority",
    "administration": "Authority",
    "bureau": "Authority",
    "board": "Authority",
    "unit": "Authority",
    "superintendency": "Authority",
    "superintendence": "Authority",
    "commissioner": "Authority",
    "commissioners": "Gov",  # "the Revenue Commissioners", "Board of Commissioners"
    "regulator": "Authority",
    "directorate": "Gov",
    "ministry": "Ministry",
    "department": "Department",
    "office": "Gov",
    "division": "Gov",
    "council": "Gov",
    "committee": "Gov",
    "assembly": "Gov",
    "parliament": "Gov",
    "congress": "Gov",
    "senate": "Gov",
    "government": "Gov",
    "police": "Gov",
    "wing": "Gov",  # a police or agency unit: "Economic Offences Wing", "Cyber Crime Wing"
    "cell": "Gov",  # "Cyber Cell", "Economic Offences Cell"
    "force": "Gov",
    "service": "Gov",
    "treasury": "Gov",
    "prosecutor": "Gov",
    "prosecutors": "Gov",
    "cabinet": "Gov",
    "court": TYPE.court,
    "tribunal": TYPE.court,
    "bank": "Bank",
    "reserve": "Bank",
    "fund": "Fund",
    "exchange": TYPE.exchange,
    "news": "Media",
    "times": "Media",
    "journal": "Media",
    "post": "Media",
    "wire": "Media",
    "herald": "Media",
    "tribune": "Media",
    "gazette": "Media",
    "chronicle": "Media",
    "daily": "Media",
    "observer": "Media",
    "telegraph": "Media",
    "courier": "Media",
    "dispatch": "Media",
    "inquirer": "Media",
    "examiner": "Media",
    "centre": "Centre",
    "center": "Centre",
    "association": "Firm",
    "foundation": "Firm",
    "scheme": "Gov",
    **_OPENING_HEADS,
}
LAW_HEADS = frozenset(
    "act law code ordinance regulation regulations decree directive bill rule rules statute "
    "treaty convention".split()
)
COMPANY_SUFFIXES = frozenset(
    "limited ltd ltd. inc inc. llc l.l.c. plc corp corp. corporation gmbh ag s.a. sa n.v. b.v. "
    "uab oü fze fzco dmcc llp lp bhd bhd. kk k.k. sarl sas srl s.r.l. pty pte pte. co. "
    "holdings s.p.a. spa ltda ltda. sdn k.k. kft kft. zrt a.s. oyj asa pvt jsc pjsc sàrl "
    "s.a.s. s.r.l s.l.".split()
)
# a legal form after a firm's name, with or without a comma: "Zelkova Holdings, LLC",
# "SUEX OTC, S.R.O.", "Kripto Piac Kft.", "Moneta Markets B.V.", "Libra SpA"
COMMA_LEGAL_FORM = (
    r",? (?:Inc\.|Inc\b|Ltd\.|Ltd\b|Limited\b|LLC\b|L\.L\.C\.|Corp\.|PLC\b|plc\b|AG\b|S\.A\.|"
    r"GmbH\b|Pte\.? Ltd\.?|Pty\.? Ltd\.?|"
    r"(?i:s\.r\.o\.|a\.s\.|sp\. z o\.o\.|s\.r\.l\.|s\.p\.a\.|s\.l\.|s\.a\.s\.|"
    r"n\.v\.|b\.v\.|l\.p\.|ltda\.|kft\.)|"
    r"(?:SRO|SRL|SpA|SAS|SARL|OÜ|LLP|NV|BV|Ltda|Kft)\b)"
)
FINANCE_WORDS = frozenset(
    "financiera financiero financière finanziaria valores bancaria bancario bancos mercado "
    "mercados mercato marchés seguros criptoactivos "
    "financial finance securities futures exchange markets market conduct banking insurance "
    "prudential monetary supervision supervisory regulatory intelligence virtual assets asset "
    "capital investment commodity commodities trading derivatives services".split()
)
# what glued to a firm's name makes it another firm's owner: "Huobi-owned HTX"
OWNING_SUFFIX = r"-(?:owned|backed|controlled)\b"
POLICE_WORDS = frozenset("crimes crime police anti-corruption anti-graft investigation".split())
HYPHEN_SUFFIXES = (
    "-based",
    "-listed",
    "-speaking",
    "-owned",
    "-backed",
    "-registered",
    "-linked",
    "-related",
    "-born",
    "-led",
    "-run",
    "-funded",
    "-style",
    "-era",
    "-level",
    "-wide",
    "-only",
    "-licensed",
    "-regulated",
    "-approved",
    "-headquartered",
    "-incorporated",
    "-focused",
    "-founded",
)
_TRIM_LEAD = SENTENCE_WORDS | MONTHS | WEEKDAYS
# what "Crypto" qualifies when it opens a headline's run, not a firm's name ("Crypto
# Exchange Bybit", "Crypto Firms Face ...")
_CRYPTO_NOUNS = frozenset(
    "exchange exchanges firm firms company companies platform platforms market markets "
    "industry sector regulation regulations rules news assets asset trading traders ban bans "
    "crackdown investors users lending lenders tax taxes scam scams fraud exchanges' exchange's "
    "miners mining atm atms kiosks payments bill law laws winter czar".split()
)
_PARTICLES = NAME_PARTICLES | {"van", "von", "de", "du", "al"}


# legal forms written before the name (Russian, Ukrainian, Belarusian, Kazakh,
# Indonesian usage), in capitals as written
# legal forms written before a firm's name (Russian, Kazakh, Indonesian, Lithuanian,
# Latvian and Ukrainian style): "OOO Vostok Trade", "UAB Payeer", "SIA Zolta", "TOV Kuna"
PREFIX_FORMS = frozenset("LLC OOO OAO ZAO PJSC JSC OJSC CJSC TOO PT UAB SIA TOV".split())


# "of" in the languages whose body names open with their head ("Banco de Portugal")
_OF_WORDS = frozenset("of for de del da do dos das des du di della".split())


def _head_index(words: list[str]) -> int:
    """Index of the word that decides the type: the last head before any 'of/for' tail."""
    lowered = [w.lower().rstrip(".,") for w in words]
    if lowered[0] in _OPENING_HEADS and len(words) > 2:
        return 0
    cut = len(words)
    for i, w in enumerate(lowered):
        if w in _OF_WORDS and i > 0 and _is_head(lowered[i - 1]):
            cut = i
            break
    last = cut - 1
    if last >= 0 and _is_head(lowered[last]):
        return last
    return -1


def _is_head(word: str) -> bool:
    return word in BODY_HEADS or word in LAW_HEADS or word in COMPANY_SUFFIXES


# the last words of a sub-national place's name ("region" and "district" also close court
# districts and business names, "state" bodies' names: not these)
_PLACE_HEADS = frozenset("province prefecture oblast county governorate emirate canton".split())


# Titles that, followed by "of" and a portfolio, name an office that acts as a body
# ("the Director of Public Prosecutions ordered ...", "the Commissioner of Police")
_OFFICE_TITLES = frozenset(
    "director commissioner registrar superintendent controller comptroller inspector".split()
)


# the portfolios such an office holds for a whole state (not "Director of Compliance", a
# firm's or a division's post, whose holder is named after it)
_OFFICE_PORTFOLIOS = frozenset(
    (
        "public prosecutions", "prosecutions", "police", "companies", "corporations",
        "financial services", "financial institutions", "banks", "banking", "insurance",
        "securities", "criminal investigations", "national intelligence", "customs",
        "revenue", "taxation", "charities", "credit unions", "cooperatives", "co-operatives",
    )
)  # fmt: skip


def is_office(lowered: tuple[str, ...]) -> bool:
    """'director of public prosecutions', 'commissioner of police': an office title, 'of'
    and a state-wide portfolio, nothing after it."""
    if not 3 <= len(lowered) <= 5 or lowered[0] not in _OFFICE_TITLES:
        return False
    return lowered[1] in ("of", "for") and " ".join(lowered[2:]) in _OFFICE_PORTFOLIOS


def classify(words: list[str]) -> str | None:
    """The entity type a name's words imply, or None when nothing in it decides."""
    if not words:
        return None
    lowered = [w.lower().rstrip(",") for w in words]
    if is_office(tuple(lowered)):
        return TYPE.regulator if set(lowered[2:]) & FINANCE_WORDS else TYPE.governmentbody
    if lowered[-1] in COMPANY_SUFFIXES and len(words) > 1:
        return TYPE.company
    if words[0] in PREFIX_FORMS and len(words) > 1:
        return TYPE.company  # "LLC Fair Expo", "OOO Vostok Trade", "PT Indodax Nasional"
    hi = _head_index(words)
    if hi < 0 and len(words) > 1 and lowered[-1] in _PLACE_HEADS and lowered[0] not in _GENERIC:
        return TYPE.jurisdiction  # "Western Province", "Osh Oblast", "Hyogo Prefecture"
    if (
        hi < 0
        and 1 < len(words) <= 3
        and lowered[0] == "daily"
        and not set(lowered[1:]) & (_GENERIC | FINANCE_WORDS)
    ):
        return TYPE.mediaoutlet  # "Daily Ledger", "Daily Nation": a paper's title
    if hi < 0:
        if _titled_law(lowered):
            return TYPE.law  # "Regulation on the Disuse of ...", "Royal Decree on Digital ..."
        if (
            len(words) > 1
            and lowered[-1] in _FIRM_NAME_ENDS
            and lowered[0] not in _GENERIC
            and not any(w.endswith(HYPHEN_SUFFIXES) for w in lowered)  # "X-based Y Capital"
            and not (lowered[-1] == "technology" and set(lowered) & _FIELD_WORDS)
            and not (lowered[-1] == "group" and lowered[0].endswith(_PEOPLES_ENDINGS))
        ):
            return TYPE.company  # "Deus X Capital", "Velmora Labs": a firm by its shape
        return None
    head = lowered[hi]
    if head in LAW_HEADS:
        return TYPE.law if hi > 0 or len(words) > 2 else None
    if head in COMPANY_SUFFIXES:
        return TYPE.company if hi > 0 else None
    kind = BODY_HEADS[head]
    rest = set(lowered)
    if len(words) == 1:
        return None
    return _body_type(kind, head, lowered, rest)


def _body_type(kind: str, head: str, lowered: list[str], rest: set[str]) -> str | None:
    if kind == "Bank":
        if {"central", "centrale", "reserve", "people's"} & rest:
            return TYPE.centralbank
        if lowered[0] == "bank":
            # "Bank of Zembla" names a country's bank; "Bank of the West" a lender
            lender = lowered[1:3] == ["of", "the"] and not {"republic", "nation"} & rest
            return TYPE.company if lender else TYPE.centralbank
        if "national" in rest and "of" in rest:
            return TYPE.centralbank
        return TYPE.company
    if kind == "Fund":  # (a deposit guarantee fund is a public body: "Fondo de ... Depósitos")
        public = {"monetary", "international", "deposit", "deposits", "depósitos", "depositos"}
        return TYPE.governmentbody if public & rest else TYPE.company
    if kind == TYPE.court:
        return TYPE.court
    if kind == TYPE.exchange:
        return TYPE.exchange
    if kind == "Media":
        return TYPE.mediaoutlet
    if kind == "Centre":
        if "financial" in rest:
            return TYPE.jurisdiction  # "Astana International Financial Centre"
        return TYPE.court if "disputes" in rest or "arbitration" in rest else None
    if kind == "Firm":  # associations and foundations: private bodies
        return TYPE.company
    if kind == "Ministry":
        return TYPE.governmentbody
    if kind == "Department":
        finance = {"securities", "banking", "insurance"} & rest or (
            "financial" in rest and ("services" in rest or "institutions" in rest)
        )  # "Department of Financial Institutions": a state's bank and securities regulator
        return TYPE.regulator if finance else TYPE.governmentbody
    if rest & POLICE_WORDS:
        return TYPE.governmentbody
    if head == "office" and ({"commissioner", "commissioner's"} & rest):
        # a commissioner's office supervises (data protection, information, privacy):
        # "Office of the Data Protection Commissioner", "Information Commissioner's Office"
        return TYPE.regulator
    if "monetary" in rest and kind == "Authority":
        return TYPE.centralbank
    if kind in ("Commission", "Authority"):
        return TYPE.regulator if rest & FINANCE_WORDS else TYPE.governmentbody
    if head in ("division", "office") and _SUPERVISED_FIELDS & rest and "regulation" in rest:
        return TYPE.regulator  # "Division of Financial Regulation", "Office of Banking Regulation"
    return TYPE.governmentbody


# the fields a division or office that regulates them supervises as a financial regulator
_SUPERVISED_FIELDS = frozenset("financial securities banking insurance".split())


def trim_chunk(tokens: list[Token], a: int, b: int) -> tuple[int, int]:
    """Drop sentence words, dates and hyphenated modifiers from a run's ends."""
    while b > a and (
        tokens[b - 1].lower in ("of", "for", "and", "the", "on", "in", "&", "de")
        or tokens[b - 1].lower in MONTHS
        or tokens[b - 1].lower in WEEKDAYS
        or tokens[b - 1].lower.endswith(HYPHEN_SUFFIXES)
    ):
        b -= 1
    while a < b and (tokens[a].lower in _TRIM_LEAD or tokens[a].lower.endswith(HYPHEN_SUFFIXES)):
        if a + 1 < b and tokens[a].lower in MONTHS and tokens[a + 1].lower in _PARTICLES:
            break  # "Jan van der Berg": a given name before a particle, not the month
        if tokens[a].lower == "one" and b - a >= 3 and tokens[b - 1].lower in COMPANY_SUFFIXES:
            break  # "One Network Services Ltd": the firm's own first word (its end read first)
        if (
            tokens[a].lower == "crypto"
            and b - a >= 2
            and tokens[a + 1].lower not in _CRYPTO_NOUNS
            and tokens[a + 1].is_cap
        ):
            break  # "Crypto Gain Limited", "Crypto Gain": a firm's own first word
        a += 1
    return a, b


def split_chunk(tokens: list[Token], a: int, b: int) -> list[tuple[int, int]]:
    """Split a capitalised run where its connectors join two names rather than one."""
    a, b = trim_chunk(tokens, a, b)
    if a >= b:
        return []
    words = [t.text for t in tokens[a:b]]
    lowered = [w.lower() for w in words]
    if is_office(tuple(lowered)):
        return [(a, b)]
    law = any(w in LAW_HEADS for w in lowered[:3])
    titled = _titled_law(lowered)  # "Act on Reporting and Use of ...": one long title
    for i, w in enumerate(lowered):
        if i == 0 or i == len(words) - 1:
            continue
        if w in ("in", "on") and not law:
            return split_chunk(tokens, a, a + i) + split_chunk(tokens, a + i + 1, b)
        if (
            w in ("and", "&")
            and not (titled and lowered[i + 1] != "the")
            and _split_at_and(lowered, i)
        ):
            return split_chunk(tokens, a, a + i) + split_chunk(tokens, a + i + 1, b)
        if w in ("of", "for") and _split_at_of(lowered, i):
            return split_chunk(tokens, a, a + i) + split_chunk(tokens, a + i + 1, b)
        if _unit_after_its_department(lowered, i):
            return split_chunk(tokens, a, a + i) + split_chunk(tokens, a + i, b)
    return [(a, b)]


# the heads of a department's own offices ("Office of Foreign Assets Control")
_UNIT_HEADS = frozenset("office bureau division directorate unit agency administration".split())


def _unit_after_its_department(lowered: list[str], i: int) -> bool:
    """A unit's name right after its department's: "Department of the Treasury Office of
    Foreign Assets Control", "Ministry of Justice Bureau of Investigation" are two bodies."""
    if lowered[i] not in _UNIT_HEADS or lowered[i + 1] not in ("of", "for"):
        return False
    left = lowered[:i]
    return any(
        w in ("department", "ministry") and left[j + 1] in ("of", "for") and j + 2 < len(left)
        for j, w in enumerate(left[:-1])
    )


def _titled_law(lowered: list[str]) -> bool:
    """A law's long title: a law word among the first three, then 'on'/'of'/'for'/'to'
    ("Decree on ...", "Royal Decree on ...", "Act on Reporting and Use of ...")."""
    return len(lowered) >= 3 and any(
        w in LAW_HEADS and lowered[i + 1] in ("on", "of", "for", "to", "concerning")
        for i, w in enumerate(lowered[:3])
        if i + 1 < len(lowered)
    )


def _split_at_and(lowered: list[str], i: int) -> bool:
    left, right = lowered[:i], lowered[i + 1 :]
    if right and right[0] == "the":
        return True
    if any(w in ("of", "for") for w in left):
        return bool(right) and right[0] in BODY_HEADS and len(right) > 1
    if any(_is_head(w) for w in left):
        return True
    right_head = _head_index(right)
    if right_head < 0:
        return True
    if len(right) == 2 and right[0] in _BUSINESS_NOUNS and right[1] in COMPANY_SUFFIXES:
        return False  # "Nest Clearing and Custody Limited": one firm's name
    return right[right_head] in COMPANY_SUFFIXES


# Business words that name what a firm does: after "and" with only a legal form after
# them, they end one name rather than start another.
_BUSINESS_NOUNS = frozenset(
    "custody clearing settlement trading services investments investment payments finance "
    "technologies technology solutions securities markets management advisory capital "
    "brokerage exchange infrastructure development research consulting".split()
)


# Words a firm's trade name ends in, with no legal form after them ("Three Arrows
# Capital", "Tools for Humanity Labs"); a generic first word ("Venture Capital") is no name.
_FIRM_NAME_ENDS = frozenset(
    "capital ventures partners lab labs technologies solutions investments fintech motors mills "
    "dynamics electric atomics industries instruments airlines pharmaceuticals technology "
    "group".split()  # "Maxx Group", "Carlyle Group" (not "Working Group": `_GENERIC`)
)
# a field of work, not a firm's name, before "Technology": "Information Technology",
# "Electronics and Information Technology", "Science and Technology"
_FIELD_WORDS = frozenset(
    "information science sciences blockchain regulatory electronics communication "
    "communications and of for".split()
)
# the endings of a people's or region's adjective: "Eurasian Group", "Asian Group" are
# groupings of states, not firms
_PEOPLES_ENDINGS = ("an", "ese", "ish", "ic")
_GENERIC = frozenset(
    "venture private growth equity risk digital crypto financial global new the these those "
    "our their its working task action advisory study expert industry lobby hacker hacking "
    "advocacy pressure consumer contact focus user users".split()
)


# a permit named before "of": "the BitLicense of Orrin Trust Co." is the firm's licence
_PERMIT_WORDS = frozenset(
    "licence license bitlicense registration permit charter authorisation authorization "
    "approval".split()
)


def _split_at_of(lowered: list[str], i: int) -> bool:
    left = lowered[:i]
    if left[-1] in _PERMIT_WORDS:
        return True
    if any(_is_head(w) for w in left):
        return False
    return not _is_head(lowered[-1])
