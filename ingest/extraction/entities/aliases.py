"""Aliases the text itself introduces, and a second pass that finds their later uses.

"Financial Conduct Authority (FCA)", "BML, previously known as EddieUK", "Ou Yi is the
Chinese name of crypto exchange OKX", "Hash Blockchain Limited, which operates HashKey
Exchange", "Zhao, widely known as CZ": each names one entity twice. Once learned,
the short form ("FCA", "CZ", a surname) is searched for again in the whole text.
"""

from __future__ import annotations

import re

import ahocorasick

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention, standalone_entity
from ingest.extraction.entities.entity_building import core_name
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.names.org_names import BODY_HEADS, COMPANY_SUFFIXES, PREFIX_FORMS, classify
from ingest.extraction.names.person_names import family_names
from ingest.extraction.text.normalize import normalize_name
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.tokens import UPPER

_PAREN = re.compile(r',? \("?(?P<a>[^()"]{1,40})"?\)')
_ABBREV = re.compile(rf"^[{UPPER}][\w.&-]*$")
# the lookbehind after the capital it guards: same matches, faster search (see `type_cues.NAME`)
_NAME = rf"[{UPPER}](?<![\w.&'-].)[\w.&'-]*(?: [{UPPER}][\w.&'-]*)*"
RENAMES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            rf"(?P<new>{_NAME}), (?:the [\w -]+? )?(?:formerly|previously|once) known as "
            rf"(?P<old>{_NAME})"
        ),
        "former_name",
    ),
    (
        re.compile(
            rf"(?P<old>{_NAME}),? (?:which )?(?:has )?(?:rebranded|renamed itself|"
            rf"changed its name) (?:as|to) (?P<new>{_NAME})"
        ),
        "former_name",
    ),
    (
        re.compile(
            rf"(?P<old>{_NAME}) (?:is|was) (?:now )?(?:renamed|rebranded|known) as "
            rf"(?P<new>{_NAME})"
        ),
        "former_name",
    ),
    (re.compile(rf"(?P<old>{_NAME}) is now (?P<new>{_NAME})"), "former_name"),
    (re.compile(rf"(?P<new>{_NAME}) \((?:formerly|previously) (?P<old>{_NAME})\)"), "former_name"),
    (
        re.compile(rf"(?P<old>{_NAME}),[^.]*? (?:wants|asked)[^.]*? to call it (?P<new>{_NAME})"),
        "former_name",
    ),
    (
        re.compile(
            rf"(?P<old>{_NAME}) is (?:the|a|its) (?P<lang>Chinese|Japanese|Korean|Thai|local|"
            rf"Russian|Arabic|Vietnamese|English|trading|legal|brand) name (?:of|for) "
            rf"(?:(?:the )?(?:crypto(?:currency)? )?(?:exchange|platform|company|firm) )?"
            rf"(?P<new>{_NAME})"
        ),
        "translation",
    ),
    (
        re.compile(
            rf"(?P<new>{_NAME}),? (?:(?:a |an |the |its )?(?:[\w'-]+ ){{0,4}}?(?:subsidiary|unit"
            rf"|affiliate|arm|entity|company|firm|vehicle|branch),? )?(?:which |that )?"
            rf"(?:(?:has |had )?(?:traded|trades|trading"
            rf"|does business|did business|doing business)|(?:is |was )?d/b/a) as (?P<old>{_NAME})"
        ),
        "trade",
    ),
    (re.compile(rf"(?P<new>{_NAME}),? which operates (?:the )?(?P<old>{_NAME})"), "other"),
    (re.compile(rf"(?P<old>{_NAME}),? (?:which is )?operated by (?P<new>{_NAME})"), "other"),
    (
        re.compile(
            rf"(?P<new>{_NAME}), (?:(?:widely|better|also|popularly|commonly) )?known as "
            rf'"?(?P<old>{_NAME})"?'
        ),
        "nickname",
    ),
    # former names in the other shapes news writes them: "Velmora (previously known as
    # Kestrix)", "Velmora, previously Kestrix,", "Kestrix (now Velmora)", "Kestrix, now
    # called Velmora,"
    (
        re.compile(
            rf"(?P<new>{_NAME}),? \((?:formerly|previously|once) (?:known as|called|named) "
            rf"(?P<old>{_NAME})\)"
        ),
        "former_name",
    ),
    (
        re.compile(
            rf"(?P<new>{_NAME}), (?:formerly|previously) (?:called |named )?(?P<old>{_NAME})"
            r"(?=[,;)]|\.(?:\s|$))"
        ),
        "former_name",
    ),
    (
        re.compile(rf"(?P<old>{_NAME}),? \(now (?:called |known as |named )?(?P<new>{_NAME})\)"),
        "former_name",
    ),
    (
        re.compile(
            rf"(?P<old>{_NAME}), (?:now|since) (?:called|known as|named|renamed|rebranded as) "
            rf"(?P<new>{_NAME})"
        ),
        "former_name",
    ),
    # trade names in brackets, and a list's later ones: "X Ltd (also doing business as A
    # and B)", "X Ltd, doing business as A and B,"
    (
        re.compile(
            rf"(?P<new>{_NAME}),? \((?:also |formerly )?(?:doing business|trading|operating"
            rf"|d/b/a) as (?P<old>{_NAME})(?:,? (?:and|or) [^()]{{1,60}})?\)"
        ),
        "trade",
    ),
    (
        re.compile(
            rf"(?P<new>{_NAME}),? \(?(?:also |formerly )?(?:doing business|trading|operating"
            rf"|d/b/a) as {_NAME},? (?:and|or) (?P<old>{_NAME})(?=[,;)]|\.(?:\s|$))"
        ),
        "trade",
    ),
]
_NICK_INSIDE = re.compile(
    rf'(?<!\w)(?P<first>[{UPPER}]\w+) "(?P<nick>[\w ]{{1,15}})" (?P<last>[{UPPER}]\w+)'
)


# Defined terms of legal writing: 'Bittrex, Inc. ("Bittrex" or the "Company")',
# 'CB Payments Limited ("CBPL" or the "Firm")'
_DEFINED = re.compile(
    r',? \((?:together, )?(?:(?:the )?"(?P<a>[^"()]{1,40})" or )?(?:the )?'
    r'"(?P<term>[A-Z][\w -]{1,30})"\)'
)


# the defined terms a party takes alone: 'Web3 Ventures Pty Ltd (the "Company")'
_PARTY_TERMS = frozenset({"company", "firm", "exchange", "platform", "bank", "defendant", "issuer"})


def paren_alias(table: EntityTable, draft: EntityDraft, text: str, end: int) -> str | None:
    """'Long Name (ABBR)': record ABBR as an alias of `draft`; return it for the second pass.

    A defined term ('("Bittrex" or the "Company")') makes both its names aliases, so
    that "the Company" later in the text is the same party.
    """
    defined = _DEFINED.match(text, end)
    if defined is not None and (
        defined.group("a")
        or defined.group("term").lower() in _PARTY_TERMS
        or _names_its_group(defined.group("term"), draft.name)
        or _names_its_kind(defined.group("term"), draft)
    ):
        if defined.group("a"):
            table.alias(draft, defined.group("a"), "other")
        table.alias(draft, defined.group("term"), "other")  # 'X (the "Company")' too
        return defined.group("term")
    m = _PAREN.match(text, end)
    if not m:
        return None
    short = m.group("a").strip()
    if short.isdigit() or not _ABBREV.match(short) or len(short) > 14:
        return None
    if (
        draft.type == TYPE.company
        and _is_ticker(short)
        and classify(text[max(0, end - 40) : end].split()[-2:]) != TYPE.company
    ):  # ("Ripple Labs (XRP)" stays the firm: its name has a firm's ending)
        draft.type = TYPE.cryptoasset  # "turned the proceeds into Tether (USDT)": the coin
    other = table.find(short)
    if (
        draft.type == TYPE.company
        and (other is None or other.key != draft.key)
        and (other is None or other.type in (TYPE.exchange, TYPE.company))
        and draft.name.startswith(short + " (")
        and _local_place(draft.name, short) is not None
    ):  # 'Huobi (Thailand) Co., Ltd. (Huobi)': the brand word names the local unit here
        return _brand_is_local_unit(table, draft, other, short)
    if other is None and draft.type == TYPE.company and draft.name.startswith(short + " "):
        table.rename(draft, short, "legal_name")  # "Bybit Fintech Limited (Bybit)"
        return short
    if other is None and draft.type == TYPE.exchange and draft.name.startswith(short + " "):
        # "Zolta Trade ("Zolta"), a crypto exchange", "SUEX OTC, S.R.O. ("SUEX")": the
        # exchange's short name (a legal name's brand becomes the name, as for a firm)
        if draft.name.split()[-1].lower() in COMPANY_SUFFIXES:
            table.rename(draft, short, "legal_name")
        else:
            table.alias(draft, short, "other")
        return short
    if (
        sum(c.isupper() for c in short) < 2
        and draft.type != TYPE.person
        and not (draft.type in GROUP.public_body and _UNIT_CODE.fullmatch(short))
    ):
        return None
    if draft.type != TYPE.person and not _initials_fit(short, draft.name):
        return None  # "the Internet and Mobile Association of India (IAMAI)": not India's
    if other is not None and other.key != draft.key:
        if draft.type == TYPE.company and other.type in (TYPE.exchange, TYPE.company):
            table.merge(other, draft, "legal_name")  # "Bybit Fintech Limited (Bybit)"
        return None
    kind = "nickname" if draft.type == TYPE.person else "abbreviation"
    table.alias(draft, short, kind)
    return short


# a country in parentheses right after the brand: "Huobi (Thailand) Co., Ltd."
_LOCAL_UNIT = re.compile(rf"\((?P<place>[{UPPER}][\w .-]{{1,30}})\) ")


def _local_place(name: str, brand: str) -> str | None:
    """The country or place in parentheses right after the brand word of a firm's name
    ("Huobi (Thailand) Co., Ltd." -> "Thailand"); None when there is none or it is no place
    ("Acme (Holdings) Ltd.")."""
    m = _LOCAL_UNIT.match(name, len(brand) + 1)
    if m is None:
        return None
    place = m.group("place")
    index = get_index()
    if index.country_of_adjective(place) or any(
        e.type == TYPE.jurisdiction for e in index.lookup(place)
    ):
        return place
    return None


def _brand_is_local_unit(
    table: EntityTable, unit: EntityDraft, brand: EntityDraft | None, short: str
) -> str:
    """A regulator's release that defines a brand's word as its local company ('Huobi
    (Thailand) Co., Ltd. (Huobi)') means that company by every later "Huobi": the local
    unit keeps its own name, takes the word as its abbreviation and, when the article has
    named the brand already, the brand's mentions (the global brand is not what the local
    regulator acted on); it is an exchange when the brand is one."""
    if brand is not None:
        if brand.type == TYPE.exchange:
            unit.type = TYPE.exchange
        brand_names = {brand.name, *brand.aliases}
        table.merge(unit, brand, "other")
        for name in brand_names - {short}:
            unit.aliases.pop(name, None)
    elif any(e.type == TYPE.exchange for e in get_index().lookup(short)):
        unit.type = TYPE.exchange
    table.alias(unit, short, "abbreviation")
    table.claim(unit, short)
    return short


def _names_its_kind(term: str, draft: EntityDraft) -> bool:
    """'the Financial Markets Administrative Tribunal (the "Tribunal")', 'the Autorité des
    marchés financiers (the "Authority")': a public body defined by the word for its kind."""
    return draft.type in GROUP.public_body and term.lower() in BODY_HEADS


def _names_its_group(term: str, name: str) -> bool:
    """'Coinbase Global, Inc. (together, the "Coinbase Group")': a defined term made of the
    party's first word and a group word names the party."""
    words = term.split()
    return (
        len(words) == 2
        and words[1].lower() in ("group", "companies", "entities", "parties")
        and name.split()[0].rstrip(",") == words[0]
    )


def _is_ticker(short: str) -> bool:
    """Whether `short` is a token's ticker the gazetteer knows ('USDT'): a firm's name with
    a ticker in parentheses names the firm's token."""
    return short.isupper() and any(e.type == TYPE.cryptoasset for e in get_index().lookup(short))


# a police or ministry department's code, a letter and its number: "the Criminal Police
# Department (C02)", "the Cybersecurity Department (A05)"
_UNIT_CODE = re.compile(r"[A-Z]\d{2,3}")


def _initials_fit(short: str, name: str) -> bool:
    """Whether an abbreviation can stand for `name`: its first letter begins a word of the
    name, or the name is itself short ("Wwft" for a Dutch act is let through)."""
    words = [w for w in re.split(r"[\s-]+", name) if w]
    if len(words) <= 2 or not short[:1].isalpha():
        return True
    first = short[0].lower()
    return any(w[0].lower() == first for w in words)


_RENAME_STEMS: list[tuple[str, ...]] = [
    ("known as",),
    ("rebrand", "renamed", "changed its name"),
    ("renamed", "rebranded", "known as"),
    ("is now",),
    ("formerly", "previously"),
    ("call it",),
    (" name of", " name for"),
    ("traded as", "trades as", "trading as", "business as", "d/b/a as"),
    ("which operates",),
    ("operated by",),
    ("known as",),
    ("formerly", "previously", "once"),
    ("formerly", "previously"),
    ("(now ",),
    (
        "now called",
        "now known",
        "now named",
        "since renamed",
        "since rebranded",
        "since called",
        "now rebranded",
        "now renamed",
        "since known",
        "since named",
    ),
    ("business as", "trading as", "operating as", "d/b/a as"),
    ("business as", "trading as", "operating as", "d/b/a as"),
]


def rename_aliases(
    table: EntityTable, text: str, mentions: list[Mention], scanner: Scanner | None = None
) -> list[str]:
    """Apply the renaming/naming patterns; return the new surfaces to search for again."""
    learned: list[str] = []
    for (pattern, kind), stems in zip(RENAMES, _RENAME_STEMS, strict=True):
        for m in scanner.finditer(pattern, stems) if scanner else pattern.finditer(text):
            new = _entity_at(table, mentions, *_unmodified(m, "new"))
            old = _entity_at(table, mentions, *_unmodified(m, "old"))
            lang = m.groupdict().get("lang")
            k = (
                kind
                if kind != "translation"
                or lang
                in (
                    None,
                    "Chinese",
                    "Japanese",
                    "Korean",
                    "Thai",
                    "Russian",
                    "Arabic",
                    "Vietnamese",
                )
                else "other"
            )
            if new is None and old is not None and kind == "former_name":
                name = m.group("new")
                if len(name) < 2 and old.type not in (TYPE.company, TYPE.exchange):
                    continue
                new = standalone_entity(table, name, old.type)
                new.first = m.start("new")
            if new is None or (old is not None and old.key == new.key):
                continue
            if kind == "trade":  # a trade name: never merge with the brand it contains
                if old is None or normalize_name(old.name) == normalize_name(m.group("old")):
                    if old is not None:
                        table.merge(new, old, "other")
                    else:
                        table.alias(new, m.group("old"), "other")
                        learned.append(m.group("old"))
                else:
                    new.add_alias(m.group("old"), "other")
                    learned.append(m.group("old"))  # "Hayvn ADGM": a name around a place
                continue
            if old is not None:
                if old.type in (TYPE.jurisdiction, TYPE.person) and new.type != old.type:
                    continue
                if new.type == TYPE.company and old.type == TYPE.exchange:
                    new.type = TYPE.exchange  # "X Limited, which operates Y Exchange"
                table.merge(new, old, k)
            else:
                table.alias(new, m.group("old"), k)
                learned.append(m.group("old"))
    for m in _NICK_INSIDE.finditer(text) if '"' in text else ():
        person = table.find(f"{m.group('first')} {m.group('last')}")
        if person is not None and person.type == TYPE.person:
            table.alias(person, m.group("nick"), "nickname")
            learned.append(m.group("nick"))
    return learned


# a modifier glued to a name's first word: "Seychelles-based Velmora, which operates X"
_GLUED_MODIFIER = re.compile(r"[\w.&']+-[a-z]+ (?=[A-Z])")


def _unmodified(m: re.Match[str], group: str) -> tuple[int, int, str]:
    """(start, end, surface) of a name group, past a modifier glued to its first word."""
    start, end, surface = m.start(group), m.end(group), m.group(group)
    glued = _GLUED_MODIFIER.match(surface)
    if glued is not None:
        return start + glued.end(), end, surface[glued.end() :]
    return start, end, surface


def _entity_at(
    table: EntityTable, mentions: list[Mention], start: int, end: int, surface: str
) -> EntityDraft | None:
    for mention in mentions:
        if mention.start <= start < mention.end or start <= mention.start < end:
            key = table.resolve(mention.key)
            if key in table:
                return table.get(key)
    return table.find(surface)


def second_pass(table: EntityTable, text: str, mentions: list[Mention]) -> list[Mention]:
    """Find later uses of learned short names: abbreviations, nicknames, surnames, cores."""
    surfaces: dict[str, str] = {}
    for draft in table.all():
        if draft.unnamed:
            continue
        names = [draft.name, *draft.aliases]
        if draft.type == TYPE.person and " " in draft.name:
            names += family_names(draft.name)
        if draft.type in (TYPE.company, TYPE.exchange):
            names += [core_name(n) for n in names if core_name(n) != n and len(core_name(n)) >= 4]
        for n in names:
            if len(n) >= 2 and draft.aliases.get(n) != "descriptive" and n[0].isupper():
                surfaces.setdefault(n, draft.key)
    if not surfaces:
        return []
    used = bytearray(len(text) + 1)
    for x in mentions:
        used[x.start : x.end] = b"\x01" * (x.end - x.start)
    out = []
    for start, end in _word_matches(text, surfaces):
        if used.find(1, start, end) >= 0:  # any(used[...]), without a copy
            inner = [x for x in mentions if x.start < end and start < x.end]
            if " " not in text[start:end] or not all(
                start <= x.start and x.end <= end and x.end - x.start < end - start for x in inner
            ):
                continue
            for x in inner:  # "Hayvn ADGM", a learned trade name: not the place inside it
                mentions.remove(x)
                _unmention(table, x)
        surface = text[start:end]
        key = surfaces[surface]
        draft = table.get(key)
        if (
            draft.type == TYPE.person
            and surface != draft.name
            and normalize_name(surface)
            in (normalize_name(d.name) for d in table.all() if d.key != key)
        ):
            continue
        draft.mentions += 1
        out.append(Mention(start, end, surface, key, draft.type, "name"))
        first, _, rest = draft.name.partition(" ")
        if surface == rest and first in PREFIX_FORMS:
            table.alias(draft, surface, "other")  # "UAB Payeer", then "Payeer"
    return out


def _unmention(table: EntityTable, mention: Mention) -> None:
    """A mention taken over by a longer learned name: an entity left with no mention of its
    own ("Coinbase" only ever inside "the Coinbase Group") is no longer named on its own."""
    key = table.resolve(mention.key)
    if key not in table:
        return
    draft = table.get(key)
    draft.mentions -= 1
    if draft.mentions <= 0:
        draft.standalone = False


def _word_matches(text: str, surfaces: dict[str, str]) -> list[tuple[int, int]]:
    """Where the surfaces occur as whole words, longest first at each place, left to right
    (what the alternation `(?<![\\w.-])(?:A|B...)(?![\\w-]|\\.\\w)` finds), by one
    Aho-Corasick pass: a regex of an article's own names would be compiled per article."""
    automaton = ahocorasick.Automaton()
    for surface in surfaces:
        automaton.add_word(surface, len(surface))
    automaton.make_automaton()
    size = len(text)
    found = []
    for last, length in automaton.iter(text):
        start, end = last + 1 - length, last + 1
        before = text[start - 1] if start else ""
        if before and (before.isalnum() or before in "_.-"):
            continue
        if end < size and (
            text[end].isalnum()
            or text[end] in "_-"
            or (
                text[end] == "."
                and end + 1 < size
                and (text[end + 1].isalnum() or text[end + 1] == "_")
            )
        ):
            continue
        found.append((start, end))
    found.sort(key=lambda se: (se[0], se[0] - se[1]))
    chosen: list[tuple[int, int]] = []
    reach = 0
    for start, end in found:
        if start >= reach:
            chosen.append((start, end))
            reach = end
    return chosen
