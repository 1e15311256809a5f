"""Unnamed groups: "13 apps", "accounts belonging to 440 people", "a 29-year-old man".

A group is typed by its head noun and keeps its count and words; it becomes a node
only if an action names it (`output` drops idle groups). Groups are never merged
by name: each is keyed by where it stands in the text.
"""

from __future__ import annotations

import re
from types import EllipsisType

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention
from ingest.extraction.text.currency_marks import CURRENCY_CODE, DOLLAR_MARK
from ingest.extraction.text.literal_gate import required_literals
from ingest.extraction.text.scanning import scanner_of

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a single": 1,
    "single": 1,
}

_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}

_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|a single)"
)

# trades people are counted by when arrested or charged, plural
_OCCUPATIONS = (
    r"teachers|students|businessmen|businesswomen|engineers|programmers|lawyers|accountants"
    r"|bankers|traders|farmers|doctors|soldiers|civil servants"
)
# one of them, or one person: the second conjunct of a coordinated count
_ONE_OF = (
    r"teacher|student|businessman|businesswoman|engineer|programmer|lawyer|accountant|banker"
    r"|promoter|influencer|trader|farmer|doctor|soldier|civil servant|man|woman|person"
    r"|suspect|individual|foreigner|foreign national|national|executive|employee|official"
)

HEADS = {
    TYPE.app: r"apps?|applications?|mobile apps?",
    TYPE.website: r"websites?|web ?sites?|sites|web pages|domain names?|domains|addresses"
    r"|URLs?|urls|links|web addresses",
    TYPE.account: r"(?:bank |social media |online )?accounts?",
    TYPE.exchange: r"exchanges|trading platforms|platforms|(?:crypto )?exchange operators",
    TYPE.company: r"companies|firms|entities|(?:service )?providers|operators|businesses|brokers"
    r"|farms",  # ("two crypto mining farms")
    TYPE.regulator: r"regulators|agencies|authorities|watchdogs",
    TYPE.cryptoasset: r"tokens|crypto assets|cryptocurrencies|coins|digital assets",
    # people counted by their role or plainly ("two Acme executives", "nine others", "six
    # people had been charged"); a group only matters when an action names it, so a count
    # of victims or a crowd stays inert
    TYPE.person: r"executives|employees|officials|directors|managers|staff(?: members)?"
    r"|staffers|(?:co-)?founders|suspects|individuals|persons|people|others|defendants"
    r"|administrators|nationals|citizens|men|women"  # "two Russian nationals", "two men"
    # people counted by their trade: "four teachers", "two bankers and a lawyer"
    rf"|{_OCCUPATIONS}",
}

_HEAD_RE = "|".join(f"(?P<{t}>{h})" for t, h in HEADS.items())
_ROUGH_TYPES = (TYPE.app, TYPE.website, TYPE.account, TYPE.exchange, TYPE.company)

_POST = (
    r"(?P<post> (?:involved in|related to|linked to|tied to|connected to|associated with"
    r"|belonging to|for|that|which|suspected of|"
    r"promoting|offering|used|registered with|serving|operating|traded on)[^,;.]*?"
    r"(?=,| as well as| and (?:\d|one|two|three|four|five|six|seven|eight|nine|ten)\b|[;.]|$"
    # a second predicate ends it: "seven entities for operating without licences and
    # issued cease and desist orders" (the body issued them)
    r"| and (?:issued|ordered|imposed|fined|banned|blocked|suspended|revoked|warned|said"
    r"|added|told|directed|instructed)\b"
    # the clause's verb ends the phrase: "addresses tied to the mixer were delisted" (not
    # after a reporting verb: "platforms that it said were operating without licences")
    r"|(?<!\bthat)(?<!\bwhich)(?<!\bsaid)(?<!\bsays)(?<!\bclaimed)(?<!\bbelieved)"
    r" (?:were|was|are|is|has|have|had|will|would)\b))?"
)

COUNTED_GROUP = re.compile(
    rf"(?<![\w$€£¥₦.,-])(?P<num>{_NUM}) "
    # "13 cryptocurrency trading or information websites": 'or' joins two modifiers
    # "within 48 hours four people": a span of time or a second number ends no group
    rf"(?P<mods>(?:(?!and\b|of\b|(?:hours?|days?|weeks?|months?|years?)\b|\d|{_NUM}\b)"
    rf"[\w-]+ ){{0,4}}?(?:\([A-Z][\w-]{{1,9}}\) )?)"
    rf"(?:{_HEAD_RE})\b(?!-|'){_POST}",
    re.IGNORECASE,
)

# firms, sites or accounts counted only roughly: "investigated scores of businesses in Bali",
# "blocked hundreds of websites" (no count; the quantifier stays in the group's words)
_ROUGH_HEADS = "|".join(f"(?P<{t}>{HEADS[t]})" for t in _ROUGH_TYPES)
ROUGH_GROUP = re.compile(
    r"\b(?P<num>(?:[Ss]cores|[Dd]ozens|[Hh]undreds|[Tt]housands) of) "
    r"(?P<mods>(?:(?!and\b|of\b)[\w-]+ ){0,3}?)"
    rf"(?:{_ROUGH_HEADS})\b(?!-|')"
    # its place and what it does, as its words: "businesses in Bali advertising online that
    # they offered bitcoin payments" (up to a clause's end or its verb)
    r"(?P<post>(?: in (?!(?:January|February|March|April|May|June|July|August|September"
    r"|October|November|December)\b)[A-Z][\w-]*(?: [A-Z][\w-]*){0,2})?"
    r"(?: (?:[a-z]+ing|that|which|involved in|linked to|suspected of)\b[^,;.\n]*?)?)"
    r"(?=[,;.\n]|$| and (?:issued|ordered|imposed|fined|banned|blocked|suspended|revoked"
    r"|warned|said|added)\b| (?:were|was|are|is|has|have|had|will|would)\b"
    r"| (?:in|on|at|during|after|before|since|from|for|over|under|last|this)\b)"
)

# a group an action names without a number: "ordered the shutdown of several crypto
# exchanges and mining farms", "warned a number of unregistered platforms" (its second
# conjunct shares the quantifier); a group's count is then unknown (rough counts,
# "hundreds of websites", are ROUGH_GROUP's)
UNCOUNTED_GROUP = re.compile(
    r"\b(?:shut ?down|shutdown|closure|closing|closed|close|warned|fined|banned|blocked"
    r"|sanctioned|raided|suspended|sued|charged|investigated|investigating|seized) (?:of )?"
    r"(?P<num>several|various|multiple|numerous|a number of|a few) "
    rf"(?P<mods>(?:(?!and\b|of\b)[\w-]+ ){{0,3}}?)(?:{_HEAD_RE})\b(?!-|')"
    r"(?: and (?P<also>(?:(?!and\b|of\b)[\w-]+ ){0,2}?(?:farms|exchanges|platforms|companies"
    r"|firms|websites|apps|accounts))\b)?",
    re.IGNORECASE,
)
_UNCOUNTED_STEMS = ("several", "various", "multiple", "numerous", "number of", "a few")

# people counted in two conjuncts: "Four teachers and a businessman have been arrested",
# "two executives and three employees": one group, its count the sum
PEOPLE_PAIR = re.compile(
    rf"(?<![\w$€£¥₦.,-])(?P<num>{_NUM}) (?P<head>(?:[\w-]+ )?(?:{HEADS[TYPE.person]})) and "
    rf"(?P<num2>an?|one|{_NUM}) (?P<head2>(?:[\w-]+ )?(?:{_ONE_OF}|{HEADS[TYPE.person]}))\b(?!-|')",
    re.IGNORECASE,
)

ONE_PERSON = re.compile(
    r"\b(?:[Aa]n?|[Oo]ne) (?:(?:\d{1,3}-year-old|[a-z]+-year-old|young|local|foreign"
    r"|[a-z]+ national) )?(?:man|woman|suspect|person|individual)\b"
    r"(?! (?:of|familiar|close|who spoke))"
)

# two people told as one: "a Brazilian couple", "the duo" (not "a couple of weeks")
A_COUPLE = re.compile(
    r"\b(?:[Aa]|[Tt]he) (?:(?:[A-Z][a-z]+|married|elderly|young|local|foreign) )?"
    r"(?:couple|duo)\b(?! of\b)"
)

# people acting together, told by what they are accused of: "a group accused of
# launching fake crypto projects", "a criminal network behind the JPEX scam" (uncounted)
A_GANG = re.compile(
    r"\b[Aa]n? (?:(?:criminal|organi[sz]ed|fraud|scam|crypto|international|transnational"
    r"|money[- ]laundering) )?(?:group|gang|ring|network|syndicate)"
    r"(?P<post> (?:accused of|suspected of|allegedly|behind|involved in|linked to|that|which"
    r"|who)[^,;.]{1,90}?)(?=,|;|\.|$| and (?:seized|arrested|detained|charged)\b)"
)

# one unnamed firm an action falls on, told by its crypto kind: "warned an initial coin
# offering (ICO) issuer to stop", "fined an unlicensed crypto exchange" (not "a crypto
# exchange, Zolta", "a crypto exchange called X", "an exchange of messages")
ONE_FIRM = re.compile(
    r"\b(?:warned|fined|banned|sued|charged|sanctioned|penali[sz]ed|directed|ordered|blocked"
    r"|investigated|shut down) (?P<what>(?:an?|one) (?:(?:unnamed|unlicensed|unregistered"
    r"|unauthori[sz]ed|offshore|foreign|local) )?(?:initial coin offering|ICO|token|crypto"
    r"|cryptocurrency|digital asset|digital token|virtual asset|virtual currency|bitcoin)"
    r"(?: \(ICO\))? (?P<head>issuer|exchange|trading platform|platform|firm|company|operator"
    r"|provider))\b(?! (?:of|called|named|known)\b)(?!,? [A-Z\d])"
)
_ONE_FIRM_STEMS = (
    "warned",
    "fined",
    "banned",
    "sued",
    "charged",
    "sanctioned",
    "penali",
    "directed",
    "ordered",
    "blocked",
    "investigated",
    "shut down",
)
_FIRM_HEADS = {
    "exchange": TYPE.exchange,
    "trading platform": TYPE.exchange,
    "platform": TYPE.exchange,
}

BELONGING = re.compile(
    rf"\b(?P<pre>(?:(?:online|social media|bank) )?accounts) belonging to (?P<num>{_NUM}) "
    r"(?:people|users|individuals|persons)(?P<post>[^,;.]*?(?=,| as well as|[;.]|$))",
    re.IGNORECASE,
)

FROM_N = re.compile(
    rf"\b(?P<pre>(?:[\w-]+ )?(?:regulators|authorities|agencies)) (?:from|in|of) (?P<num>{_NUM}) "
    r"(?:(?:U\.S\.|US|Canadian|European|EU|Australian|Indian|Brazilian|German) )?"
    r"(?:states|countries|provinces|jurisdictions)\b",
    re.IGNORECASE,
)

_NUMBER_STEMS = tuple("0123456789") + tuple(w for w in [*_UNITS, *_TENS] if w != "a single")
# Every counted group names its head ("apps", "bank accounts", ...): the words one of which
# opens each head (read from the head patterns, `literal_gate`); a sentence without any
# holds no group, however many numbers it has.
_HEAD_WORDS = tuple(
    sorted(set().union(*(required_literals(re.compile(h, re.I))[0] for h in HEADS.values())))
)

# a sum, not a count: "a fine of AED 500,000 on Falcon Brokers"
_CURRENCY_BEFORE = re.compile(rf"(?:\b[A-Z]{{3}}|\b{CURRENCY_CODE}|{DOLLAR_MARK}) ?$")
_ANAPHORIC = re.compile(
    r"(?:\b(?:the|those|these|both|its|their|all|first|last|only the)|\$"
    r"|\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|out|some|most|none|each|any"
    r"|many|several) of) $",
    re.I,
)


# an estimate before a number is no count ("approximately 190 accounts"): the group keeps
# the words, not the number (a bound, "more than 1,100 suspects", keeps its number)
_ROUGHLY = re.compile(r"\b(?:approximately|about|around|nearly|almost|roughly|some) $", re.I)
# "about" that says what something is about, not how many: "a warning about 12 exchanges"
_ABOUT_AS_PREPOSITION = re.compile(
    r"\b(?:warnings?|warned|alerts?|alerted|cautioned|cautions?|concerns?|questions?"
    r"|information|data|complaints?|details|statements?|advisor(?:y|ies)|notices?|reports?)"
    r" about $"
)
# where a group of accounts is held: "190 crypto accounts at Binance"
_HELD_AT = re.compile(
    r" (?:held )?at (?:the )?[A-Z][\w-]*(?:\.[\w-]+)*(?: [A-Z][\w-]*(?:\.[\w-]+)*){0,2}"
)


def _one_or_number(word: str) -> int | None:
    """'a'/'an' -> 1, else `number_value`."""
    return 1 if word.lower() in ("a", "an") else number_value(word)


def number_value(word: str) -> int | None:
    """'13' -> 13, '2,086' -> 2086, 'Thirty-one' -> 31, 'a single' -> 1."""
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in _UNITS:
        return _UNITS[w]
    tens, _, unit = w.partition("-")
    if tens in _TENS:
        return _TENS[tens] + (_UNITS.get(unit, 0) if unit else 0)
    return None


# people counted as a named firm's: "three former executives of Zipvane Co., Ltd."
# (or with its description first: "three executives of crypto yield platform Haru Invest")
_OF_FIRM = re.compile(r" of (?:the )?(?:[a-z-]+ ){0,3}?[A-Z]")
# ... unless the text names them right after: "Two former directors of Three Arrows Capital
# Pte Ltd (TACPL), Mr Zhu Su and Mr Kyle Davies"
_THEN_NAMED = re.compile(
    r" of [^;.]{1,80}?(?:\.[^;.\s][^;.]{0,40}?)?, (?:(?:Mr|Ms|Mrs|Dr)\.? )?[A-Z][\w'-]+ [A-Z]"
)


def find_unnamed_groups(state: ArticleState) -> None:
    """Add unnamed groups with counts; they join the table but are emitted only if acted on."""
    table = state.table
    out: list[Mention] = []
    text = state.doc.text
    scanner = scanner_of(state.doc)
    for m in scanner.finditer(BELONGING, ("belonging to",)):
        out.append(_group(table, m, TYPE.account, f"{m.group('pre')} of people{m.group('post')}"))
    for m in scanner.finditer(FROM_N, (" from ", " in ", " of ")):
        out.append(_group(table, m, TYPE.regulator, m.group()))
    for m in scanner.finditer(PEOPLE_PAIR, (" and ",), also=_HEAD_WORDS):
        first, second = number_value(m.group("num")), _one_or_number(m.group("num2"))
        if first is None or second is None:
            continue
        out.append(
            _span_group(table, m.start(), m.end(), text, TYPE.person, m.group(), first + second)
        )
    for m in scanner.finditer(COUNTED_GROUP, _NUMBER_STEMS, also=_HEAD_WORDS):
        if _ANAPHORIC.search(text, max(0, m.start() - 16), m.start()) or _CURRENCY_BEFORE.search(
            text, max(0, m.start() - 6), m.start()
        ):
            continue
        if any(o.start <= m.start() < o.end for o in out):
            continue
        etype = next(t for t in HEADS if m.group(t))
        if text[m.end() : m.end() + 3] == " of" and not (
            etype == TYPE.person
            and _OF_FIRM.match(text, m.end())
            and not _THEN_NAMED.match(text, m.end())
        ):
            continue  # ("three executives of Zipvane": the firm's people, counted)
        if etype == TYPE.person and m.group("mods").startswith(("more ", "other ")):
            continue  # "arrested three more men": more of a group counted elsewhere
        words = f"{m.group('mods')}{m.group(etype)}{m.group('post') or ''}".strip()
        if etype == TYPE.account and re.match(
            r"accounts belonging", m.group(etype) + (m.group("post") or "")
        ):
            continue
        if etype == TYPE.account and not m.group("post"):
            held = _HELD_AT.match(text, m.end())
            words += held.group() if held is not None else ""  # "accounts at Binance"
        rough = _ROUGHLY.search(text, max(0, m.start() - 20), m.start())
        if rough is not None and _ABOUT_AS_PREPOSITION.search(
            text, max(0, m.start() - 30), m.start()
        ):
            rough = None  # "issued a warning about 12 exchanges": what it is about, counted
        if rough is not None:  # "approximately 190 crypto accounts": an estimate, no count
            words = f"{rough.group()}{m.group('num')} {words}"
        out.append(_group(table, m, etype, words, count=None if rough is not None else ...))
    for m in scanner.finditer(
        ROUGH_GROUP, ("scores of", "dozens of", "hundreds of", "thousands of")
    ):
        if not any(o.start <= m.start() < o.end for o in out):
            etype = next(t for t in _ROUGH_TYPES if m.group(t))
            words = f"{m.group('num')} {m.group('mods')}{m.group(etype)}{m.group('post') or ''}"
            out.append(_group(table, m, etype, words))
    for m in scanner.finditer(UNCOUNTED_GROUP, _UNCOUNTED_STEMS):
        if any(o.start <= m.start("num") < o.end for o in out):
            continue
        out += _uncounted(table, m)
    for m in scanner.finditer(ONE_PERSON, ("man", "woman", "suspect", "person", "individual")):
        if not any(o.start <= m.start() < o.end for o in out):
            out.append(_one_person(table, m))
    for m in scanner.finditer(ONE_FIRM, _ONE_FIRM_STEMS):
        if not any(o.start <= m.start("what") < o.end for o in out):
            out.append(_one_firm(table, m, out))
    for m in scanner.finditer(A_COUPLE, ("couple", "duo")):
        if not any(o.start <= m.start() < o.end for o in out):
            out.append(_unnamed_people(table, m, 2))
    for m in scanner.finditer(A_GANG, ("group", "gang", "ring", "network", "syndicate")):
        if not any(o.start <= m.start() < o.end for o in out):
            out.append(_a_gang(table, m))
    state.mentions += [o for o in out if o is not None]
    _same_count_told_again(table, [o for o in out if o is not None])


# a later group that sets itself apart from one counted before: "three other firms"
_ANOTHER = re.compile(r"\b(?:other|more|further|another|additional|new|remaining)\b", re.I)


def _same_count_told_again(table: EntityTable, found: list[Mention]) -> None:
    """A group counted again with the same number and type is the same group ("sued by
    seven state securities regulators ... Regulators in seven states also filed actions"):
    one article rarely tells two different groups of one kind and size, unless the later
    one says it is another ("three other firms")."""
    first: dict[tuple[str, int], EntityDraft] = {}
    for mention in sorted(found, key=lambda x: x.start):
        key = table.resolve(mention.key)
        draft = table.drafts.get(key)
        if draft is None or not draft.unnamed or draft.count is None or draft.count < 2:
            continue
        kept = first.get((draft.type, draft.count))
        if kept is None:
            first[(draft.type, draft.count)] = draft
        elif kept.key != draft.key and not _ANOTHER.search(mention.text):
            table.merge(kept, draft, "descriptive")


def _one_person(table: EntityTable, m: re.Match[str]) -> Mention:
    """'a 29-year-old man', 'one suspect': an unnamed person, a group of one."""
    return _unnamed_people(table, m, 1)


def _one_firm(table: EntityTable, m: re.Match[str], found: list[Mention]) -> Mention:
    """'warned an ICO issuer': one unnamed firm; told again by the same head word ('directed
    an ICO issuer to stop'), the same firm."""
    start, end = m.span("what")
    etype = _FIRM_HEADS.get(m.group("head"), TYPE.company)
    for o in found:
        d = table.get(o.key) if o.key in table else None
        if d is not None and d.unnamed and d.count == 1 and d.type == etype:
            if d.name.endswith(" " + m.group("head")):
                return Mention(start, end, m.group("what"), d.key, etype, "group")
    draft = EntityDraft(
        key=f"group|{start}",
        name=m.group("what").split(" ", 1)[1],
        type=etype,
        unnamed=True,
        count=1,
        description=m.group("what"),
        first=start,
    )
    table.add_group(draft)
    return Mention(start, end, m.group("what"), draft.key, etype, "group")


def _a_gang(table: EntityTable, m: re.Match[str]) -> Mention:
    """'a group accused of launching fake projects': people acting together, uncounted."""
    return _unnamed_people(table, m, None)


def _unnamed_people(table: EntityTable, m: re.Match[str], count: int | None) -> Mention:
    """The people `m` tells of (its words without their article), as an unnamed group."""
    draft = EntityDraft(
        key=f"group|{m.start()}",
        name=m.group().split(" ", 1)[1],
        type=TYPE.person,
        unnamed=True,
        count=count,
        description=m.group(),
        first=m.start(),
    )
    table.add_group(draft)
    return Mention(m.start(), m.end(), m.group(), draft.key, TYPE.person, "group")


def _uncounted(table: EntityTable, m: re.Match[str]) -> list[Mention]:
    """The uncounted group an action names, and the one its "and" adds ("several crypto
    exchanges and mining farms": two groups, neither counted)."""
    etype = next(t for t in HEADS if m.group(t))
    head_end = m.end(etype)
    words = f"{m.group('mods')}{m.group(etype)}".strip()
    out = [_span_group(table, m.start("num"), head_end, m.string, etype, words)]
    also = m.group("also")
    if also:
        kind = next((t for t, h in HEADS.items() if re.search(rf"\b(?:{h})$", also, re.I)), None)
        if kind is not None:
            out.append(_span_group(table, m.start("also"), m.end("also"), m.string, kind, also))
    return out


def _span_group(
    table: EntityTable,
    start: int,
    end: int,
    text: str,
    etype: str,
    words: str,
    count: int | None = None,
) -> Mention:
    """The group `text[start:end]` tells, of `etype`, named by `words`."""
    draft = EntityDraft(
        key=f"group|{start}",
        name=words,
        type=etype,
        unnamed=True,
        count=count,
        description=text[start:end].strip(),
        first=start,
    )
    table.add_group(draft)
    return Mention(start, end, text[start:end], draft.key, etype, "group")


def _group(
    table: EntityTable,
    m: re.Match[str],
    etype: str,
    words: str,
    count: int | None | EllipsisType = ...,
) -> Mention:
    """A group of `etype` named by `words`, counted by its number unless `count` says."""
    if count is ...:
        count = number_value(m.group("num"))
    return _span_group(table, m.start(), m.end(), m.string, etype, words, count)
