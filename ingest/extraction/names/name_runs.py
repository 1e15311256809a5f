"""Capitalised runs of the text as typed name candidates ("Securities and Exchange Commission").

A run of capitalised words is cut into names (`text.tokens.name_chunks`, then titles
and connectors: `org_names.split_chunk`), and each name is typed by its head word
(`org_names.classify`), a company or law tail after it ("..., Inc.", "... No. 5 of
2019"), a context cue (`type_cues`) or the article's publisher. Names left untyped
are returned apart: `untyped_names` may still type them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate
from ingest.extraction.names.given_names import is_given_name
from ingest.extraction.names.org_names import (
    COMMA_LEGAL_FORM,
    COMPANY_SUFFIXES,
    OWNING_SUFFIX,
    classify,
    is_office,
    split_chunk,
)
from ingest.extraction.names.person_names import RANKS
from ingest.extraction.names.titled_bodies import title_opens_body
from ingest.extraction.names.type_cues import ACTION_OBJECT, NO_MONEY
from ingest.extraction.text.tokens import UPPER, Token, name_chunks, tokenize

_COMPANY_TAIL = re.compile(COMMA_LEGAL_FORM)
# last words a further legal form may follow after a comma: "Holdings, LLC", "Co., Ltd."
_FORM_BEFORE_FORM = frozenset(("holdings", "co.", "co", "company"))

_BHD_TAIL = re.compile(r"\.? Bhd\b\.?")
_IN_LIQUIDATION = re.compile(r" (?:in|i\.L\.|en) (?:[Ll]iquidation|[Ll]iquidación)\b")

_LAW_TAIL = re.compile(
    r"(?:,? \d{4}\b| No\. ?(?:\d+(?:[/.,]\d+)*|\(\d+\))(?: of \d{4})?| B\.E\. \d{4}(?: \(\d{4}\))?"
    r"| of \d{4}\b| \(\d{4}\)"
    r"| \d{1,6}(?:[./]\d{1,6})+\b)+"  # ("Declaratory Act 20.123", "Decree 2024/77")
)

# (an apostrophe inside a word only: "Binance's", not the closing quote of "'Quorbit'")
_WORD = r"(?:[\w&-]|['.](?=\w))*\.?"

# a run of capitalised words and their connectors: only these need tokens (the lookbehind
# follows the capital it guards, so the search can skip to capitals; see `type_cues.NAME`)
_RUN = re.compile(
    rf"[{UPPER}](?<![\w.-].)(?<![\w.-]'.){_WORD}"  # ("'Zentro Coin'" opens one; "O'Brien" not)
    rf"(?:(?: (?:of|for|and|the|on|de|du|&|in|al|von|van|der|den|ter|bin|binti|bint|ibn|da"
    rf"|dos|das|del|la|le|di|los|las|y|do)){{0,2}}"
    rf" {NO_MONEY}(?:[{UPPER}]{_WORD}|(?:al|el)-[{UPPER}]{_WORD}"
    rf"|\([{UPPER}][\w]*\)(?= [{UPPER}])))*"
)


# Verbs a web page's headline case or a cut-off sentence capitalises, glued to the name
# they follow: "Bank of Lithuania Commenced proceedings", "Zenmo Ltd Says it will appeal"
_GLUED_VERBS = frozenset(
    "Commenced Commences Launched Launches Revoked Revokes Suspended Suspends Fined Fines "
    "Banned Bans Blocked Blocks Ordered Orders Issued Issues Imposed Imposes Warned Warns "
    "Charged Charges Sued Sues Announced Announces Opened Opens Initiated Initiates Filed "
    "Files Approved Approves Granted Grants Rejected Rejects Sanctioned Sanctions Arrested "
    "Arrests Seized Seizes Froze Freezes Said Says Added Adds Told Tells Confirmed Confirms "
    "Started Starts Begins Began Halted Halts Raided Raids".split()
)


# a firm's name glued to the word that makes it another's owner: "Huobi-owned"
_GLUED_OWNER = re.compile(rf"([^\s-]+){OWNING_SUFFIX}")


def _without_glued_verb(run: str, text: str, end: int) -> str:
    """The run without a capitalised verb that ends it before a lower-case word."""
    head, _, last = run.rpartition(" ")
    if head and last in _GLUED_VERBS and text[end : end + 2].strip()[:1].islower():
        return head
    return run


def chunk_candidates(
    text: str, cues: dict[tuple[int, int], str], publisher: str | None
) -> tuple[list[Candidate], list[Candidate]]:
    """The names in every capitalised run of `text`: (typed, untyped), in text order.

    `cues` maps (start, end) spans to the type a context cue gave them.
    """
    chunks: list[Candidate] = []
    unknown: list[Candidate] = []
    reach = -1
    for run in _RUN.finditer(text):
        base = run.start()
        owner = _GLUED_OWNER.match(run.group())
        if owner is not None and (base, base + owner.end(1)) in cues:
            # "Huobi-owned HTX": the owner is a name of its own, before the owned one's
            s, e = base, base + owner.end(1)
            chunks.append(Candidate(s, e, text[s:e], cues[(s, e)], "cue"))
        for start, end, words in _run_chunks(_without_glued_verb(run.group(), text, run.end())):
            if base + start < reach:
                continue  # a portfolio of the ministry named before: "..., Trade and Industry"
            cand = _chunk_candidate(base + start, base + end, words, text, cues, publisher)
            if cand.type in (TYPE.governmentbody, TYPE.regulator) and _PORTFOLIO_HEAD.match(
                cand.surface
            ):
                listed = _PORTFOLIO_LIST.match(text, cand.end)
                if listed is not None:
                    cand = Candidate(
                        cand.start,
                        listed.end(),
                        text[cand.start : listed.end()],
                        cand.type,
                        "chunk",
                    )
                    reach = listed.end()
            (chunks if cand.type else unknown).append(cand)
    return chunks, unknown


# "Ministry of Economy, Trade and Industry", "Department for Culture, Media and Sport": a
# body's name that lists its portfolios, each a word a portfolio is named by
_PORTFOLIO_HEAD = re.compile(r"(?:Ministry|Department|Minister|Secretariat|Office) (?:of|for) ")
_PORTFOLIO = (
    r"(?:Trade|Industry|Industries|Innovation|Technology|Science|Culture|Media|Sport|Sports|"
    r"Economy|Finance|Planning|Development|Energy|Environment|Information|Communications?|"
    r"Digital|Aerospace|Education|Research|Tourism|Commerce|Investment|Labour|Labor|Employment|"
    r"Health|Welfare|Agriculture|Fisheries|Forestry|Food|Transport|Infrastructure|Housing|"
    r"Justice|Security|Interior|Youth|Arts|Heritage|Telecommunications|Posts|Mines|Water|"
    r"Climate|Enterprise|Entrepreneurship|Competition|Budget|Treasury|Revenue|Customs|"
    r"Statistics|Family|Women|Children|Public|National|Home|Foreign|Consumer|Cooperation|"
    r"Integration|Administration|Affairs|Resources|Natural|Regional|Local|Government|Games|"
    r"Transformation|Reform|Privatisation|Privatization|Equality|Communities|Tourism)"
)
_PORTFOLIO_LIST = re.compile(
    rf"(?:, {_PORTFOLIO}(?: {_PORTFOLIO})?)*,? (?:and|&) {_PORTFOLIO}(?: {_PORTFOLIO})?\b"
)
_PORTFOLIO_NAME = re.compile(
    rf"{_PORTFOLIO_HEAD.pattern}(?:the )?{_PORTFOLIO}(?: {_PORTFOLIO})?{_PORTFOLIO_LIST.pattern}"
)


def lists_portfolios(name: str) -> bool:
    """Whether `name` is a body's name that lists its portfolios ("Ministry of Finance and
    Treasury"): one name, though known names stand on both sides of its "and"."""
    return _PORTFOLIO_NAME.fullmatch(name) is not None


_TITLE_TOKENS = frozenset(
    "chair chairman chairwoman chairperson president governor commissioner superintendent "
    "secretary-general ceo minister judge senator spokesperson spokesman spokeswoman director "
    "deputy vice-chair vice-president treasurer chancellor prosecutor mayor founder co-founder "
    "cofounder co-ceo co-chair co-chairman co-chairwoman secretary attorney solicitor auditor "
    "surgeon accountant inspector postmaster lawyer".split()
)


# Words that are a person's title only where a name starts: "Justice Jackman", "Chief
# Executive Sarah Paquet" (inside a name they are not: "Ministry of Justice").
_POSSESSIVE = ("'s", "\u2019s")
_LEADING_TITLE_TOKENS = frozenset(
    "justice justices judge judges mr mr. ms ms. mrs mrs. dr dr. sir dame chief former acting "
    "cabinet "
    "interim sen. rep. gov.".split()
    # police and military ranks written short: "DCP David Misime", "Supt. Ann Lee"
    + "dcp acp scp ssp asp dsp igp insp insp. supt supt. sgt sgt. cpl cpl. det det. lt lt."
    " col col. capt capt. maj maj.".split()
)
_TITLE_MODIFIERS = frozenset(
    "assistant managing executive senior associate general regional acting deputy vice "
    "principal".split()
)
_AFTER_CHIEF = frozenset(("executive", "officer", "financial", "operating", "compliance"))
# "Attorney General Merrick Garland", "Inspector General X": the word that closes a title
_AFTER_TITLE = frozenset(("general",))


# "Prosecutor General's Office", "Attorney General's Chambers": a title's office is a body
_OFFICE_HEADS = frozenset("office chambers department bureau service directorate".split())


def _titled_office(tokens: list[Token], a: int, b: int) -> bool:
    """Whether the run names the office of a title ("Prosecutor General's Office of
    Russia"): a possessive title word followed by an office word."""
    for i in range(a, b - 1):
        word = tokens[i].lower
        if word.endswith(_POSSESSIVE) and tokens[i + 1].lower in _OFFICE_HEADS:
            stem = word[:-2]
            return stem in _TITLE_TOKENS or stem in _AFTER_TITLE
    return False


def _split_titles(tokens: list[Token], a: int, b: int) -> list[tuple[int, int]]:
    """'ASIC Deputy Chair Sarah Court' -> 'ASIC' and 'Sarah Court': titles are no part of names."""
    if a < b and (
        is_office(tuple(t.lower for t in tokens[a + (tokens[a].lower == "the") : b]))
        or _titled_office(tokens, a, b)
    ):
        return [(a, b)]  # "Director of Public Prosecutions", "Prosecutor General's Office"
    if a < b and tokens[a].lower in _LEADING_TITLE_TOKENS and title_opens_body(tokens, a + 1, b):
        return [(a, b)]  # "Justice Ministry", "Chief Public Prosecutor's Office"
    lead = a
    while lead < b - 1 and (
        tokens[lead].lower in _LEADING_TITLE_TOKENS | _TITLE_TOKENS
        or (tokens[lead].lower in RANKS and is_given_name(tokens[lead + 1].text))
        or (
            lead > a
            and tokens[lead - 1].lower in ("chief", "executive", "officer")
            and tokens[lead].lower in _AFTER_CHIEF
        )
        or (
            lead > a
            and tokens[lead - 1].lower in _TITLE_TOKENS
            and tokens[lead].lower in _AFTER_TITLE
        )
    ):
        lead += 1
    if lead > a and tokens[lead].text[:1].isupper():
        # "Justice Roselyne Aburili of the High Court": the person, then the body
        cut = next((i for i in range(lead + 1, b - 1) if tokens[i].lower == "of"), None)
        if cut is None:
            return _split_titles(tokens, lead, b)
        rest = cut + 2 if tokens[cut + 1].lower == "the" else cut + 1
        return [(lead, cut), *_split_titles(tokens, rest, b)]
    for i in range(a, b):
        chief = (
            tokens[i].lower == "chief" and i + 1 < b and tokens[i + 1].lower in _AFTER_CHIEF
        )  # "FINTRAC Chief Executive Sarah Paquet"
        if (tokens[i].lower in _TITLE_TOKENS or chief) and not _ends_body_name(tokens, a, i, b):
            j = i + 1
            while j < b and (
                tokens[j].lower in _TITLE_TOKENS | _AFTER_CHIEF | _AFTER_TITLE
                and (chief or tokens[j].lower in _TITLE_TOKENS | _AFTER_TITLE)
            ):
                j += 1
            k = i
            while k > a and tokens[k - 1].lower in _TITLE_MODIFIERS:
                k -= 1  # "Assistant Managing Director": the modifiers are the title's too
            return ([(a, k)] if k > a else []) + _split_titles(tokens, j, b)
    return [(a, b)] if a < b else []


def _ends_body_name(tokens: list[Token], a: int, i: int, b: int) -> bool:
    """A title word inside a body's name: one that closes it ("Office of the Data
    Protection Commissioner") or follows its "of (the)" ("Office of the Director of Public
    Prosecutions"): a person's title never follows "of" within one capitalised run."""
    if not any(tokens[k].lower == "of" for k in range(a, i)):
        return False
    return i == b - 1 or tokens[i - 1].lower in ("of", "the")


@lru_cache(maxsize=16384)
def _run_chunks(run: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """The name chunks of one capitalised run: (start, end) in the run, and their words.

    A run's chunks depend on its text alone, and the same runs ("The", "Binance",
    "Securities and Exchange Commission") recur across articles, so they are memoised.
    """
    tokens = tokenize(run)
    out = []
    for a, b in name_chunks(tokens):
        for a2, b2 in _split_titles(tokens, a, b):
            for a3, b3 in split_chunk(tokens, a2, b2):
                while (
                    b3 - a3 > 1
                    and tokens[a3].lower in _LEADING_TITLE_TOKENS
                    and not title_opens_body(tokens, a3 + 1, b3)
                ):
                    a3 += 1  # "Zhu Su and Mr Kyle Davies": the connector split came later
                words = tuple(t.text for t in tokens[a3:b3])
                end = tokens[b3 - 1].end
                if words[-1].endswith(_POSSESSIVE) and len(words[-1]) > 3:
                    # "Hayvn Cayman's subsidiary": the name is "Hayvn Cayman"
                    words = (*words[:-1], words[-1][:-2])
                    end -= 2
                out.append((tokens[a3].start, end, words))
    return tuple(out)


@lru_cache(maxsize=16384)
def _classify(words: tuple[str, ...]) -> str | None:
    if len(words) > 2 and words[-1] == "No.":  # "Declaratory Act No. 21,928": the number's
        return classify(list(words[:-1]))  # mark is no word of the law's title
    return classify(list(words))


# the portfolios a ministry's name lists ("Ministry of Electricity, Water and Renewable
# Energy", "Ministry of Finance, Planning and Economic Development")
_PORTFOLIO_WORDS = frozenset(
    "water energy renewable trade industry industries planning economy economic development "
    "tourism culture sports youth science technology innovation communications information "
    "transport infrastructure agriculture environment health labour labor education finance "
    "commerce investment digital justice interior housing mines mining petroleum fisheries "
    "forestry local government public works affairs foreign national security defence "
    "defense treasury budget employment social welfare family women urban rural land "
    "resources natural climate telecommunications posts electricity oil gas the".split()
)
_MORE_PORTFOLIOS = re.compile(
    rf"(?:, [{UPPER}][a-z]+(?: [{UPPER}][a-z]+){{0,2}}){{0,4}},? and [{UPPER}][a-z]+"
    rf"(?: [{UPPER}][a-z]+){{0,2}}"
)


def _portfolios_end(portfolio: tuple[str, ...], text: str, end: int) -> int:
    """Where a ministry's name ends when it lists more portfolios after a comma; `end` if
    it lists none (or the words after the comma are no portfolios: "Finance, Binance")."""
    if not {w.lower() for w in portfolio} <= _PORTFOLIO_WORDS:
        return end
    more = _MORE_PORTFOLIOS.match(text, end)
    if more is None:
        return end
    words = more.group().replace(",", " ").split()
    if not {w.lower() for w in words if w != "and"} <= _PORTFOLIO_WORDS:
        return end
    return more.end()


def _chunk_candidate(
    start: int,
    end: int,
    words: tuple[str, ...],
    text: str,
    cues: dict[tuple[int, int], str],
    publisher: str | None,
) -> Candidate:
    etype = _classify(words)
    source = "chunk"
    run_end = end  # before a legal form after a comma, which a cue's span does not hold
    tail = _COMPANY_TAIL.match(text, end) if etype is None or etype == TYPE.company else None
    if tail and (
        words[-1].lower() not in COMPANY_SUFFIXES or words[-1].lower() in _FORM_BEFORE_FORM
    ):
        # "Zelkova Holdings, LLC": "Holdings" names the firm, the legal form still follows;
        # "Siam Digital Co., Ltd.", the form of most Thai, Japanese and Chinese firms
        end, etype, source = tail.end(), TYPE.company, "company"
    if words[-1].lower() == "sdn":
        bhd = _BHD_TAIL.match(text, end)  # "Sdn. Bhd.": one Malaysian legal form in two words
        if bhd:
            end, etype, source = bhd.end(), TYPE.company, "company"
    if etype == TYPE.company or words[-1].lower() in COMPANY_SUFFIXES:
        wound_up = _IN_LIQUIDATION.match(text, end)  # "Suisse Finance GmbH in Liquidation"
        if wound_up:
            end, etype, source = wound_up.end(), TYPE.company, "company"
    if len(words) > 2 and words[0] in ("Ministry", "Department") and words[1] == "of":
        end = _portfolios_end(words[2:], text, end)
    if etype == TYPE.law:
        for tail_word in (" No.", " B.E."):
            if text[start:end].endswith(tail_word):
                end -= len(tail_word)
        law_tail = _LAW_TAIL.match(text, end)
        if law_tail:
            end = law_tail.end()
        source = "law"
    if etype == TYPE.company and TYPE.exchange in (
        cues.get((start, end)),
        cues.get((start, end - 1)),
        cues.get((start, run_end)),
    ):
        etype, source = TYPE.exchange, "cue"  # "digital asset exchange Luno Money Ltd."
    if etype == TYPE.company and cues.get((start, end)) == TYPE.regulator:
        etype, source = TYPE.regulator, "cue"  # "X Association (XA), a self-regulatory body"
    if etype is None:
        etype = cues.get((start, end))
        source = "cue" if etype else "chunk"
        if etype == ACTION_OBJECT:
            etype, source = TYPE.company, "object"
    if etype is None and publisher and text[start:end] == publisher:
        etype, source = TYPE.mediaoutlet, "cue"
    return Candidate(start, end, text[start:end], etype, source)
