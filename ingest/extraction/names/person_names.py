"""Person names: spans found by their titles, roles, appositions and the news surname habit.

News introduces a person once with a title or role ("SEC Chair Gary Gensler",
"Samuel Lim, Binance's former chief compliance officer", "founded by Justin Sun")
and afterwards uses the surname alone. `person_spans` yields the introductions;
`ROLE_WORDS` is shared with `structure.affiliations`, which reads who holds which role.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ingest.extraction.names.given_names import is_family_name, is_given_name
from ingest.extraction.names.org_names import COMPANY_SUFFIXES
from ingest.extraction.text.literal_gate import gate
from ingest.extraction.text.tokens import UPPER

_LOWER = "a-zà-ÿāăąćčďđēěğīıłńňōőœřśşšţťūůűźżž'"
# a capitalised word, its hyphened parts ("Anne-Marie", "Abdul-Rahman", "Smith-jones") and
# a glued Arabic article ("al-Mansouri"); or an initial
# a surname with an elided particle before its capital ("D'Ambrosio", "O'Neill")
_NAME_TOKEN = (
    rf"(?:(?:al-|el-)?[{UPPER}][{_LOWER}]+(?:-[{UPPER}]?[{_LOWER}]+)*|[{UPPER}]\."
    rf"|[DO]'[{UPPER}][{_LOWER}]+)"
)
# particles between a person's names, up to two ("van der", "de la", "bin")
_PARTICLE = r"(?:bin|binti|bint|ibn|van|de|da|dos|das|di|von|der|den|ter|le|al|del|la|du)"
PERSON_NAME = (
    rf"(?<![\w'-])(?P<name>{_NAME_TOKEN}(?: {_PARTICLE}){{0,2}}(?: {_NAME_TOKEN}){{1,3}}(?: Jr\.?"
    rf"| Sr\.?)?)"
    r"(?![\w-])"
)
ROLE_WORDS = (
    r"(?:co-)?(?:founder|chief executive(?: officer)?|ceo|chief (?:compliance|legal|financial|"
    r"operating|technology|strategy|risk|commercial|product|investment) officer|cfo|coo|cto|cco"
    r"|general counsel|chair(?:man|woman|person)?|vice[- ]chair(?:man|woman|person)?|president"
    r"|vice[- ]president|governor|deputy governor|commissioner|superintendent|secretary-general"
    r"|secretary general|secretary|director(?: of [a-z]+(?: [a-z]+)?)?|managing director"
    r"|executive director|head(?: of [\w -]+?)?|leader|operator|spokes(?:person|man|woman)"
    r"|minister"
    r"|finance minister|prime minister|judges?|justices?|prosecutor|attorney general|mayor"
    r"|senator|lawmaker|adviser|advisor|regional manager(?: for [A-Z]\w+)?|manager|partner"
    r"|chancellor|treasurer|comptroller|inspector general|(?:solicitor|auditor|accountant|surgeon"
    r"|postmaster)[- ]general|chief|executive|official|analyst"
    r"|economist|owner|(?:majority |controlling |largest )?shareholder|special agent(?: in charge)?"
    r"|(?:technical |system |platform )?administrator)"
)
# Every ROLE_WORDS alternative holds one of these (lower case): keep the two in step.
ROLE_STEMS = (
    "founder", "chief", "ceo", "cfo", "coo", "cto", "cco", "counsel", "chair", "president",
    "governor", "commissioner", "superintendent", "secretary", "director", "head", "spokes",
    "minister", "judge", "justice", "prosecutor", "attorney", "mayor", "senator", "lawmaker",
    "advis", "manager", "partner", "chancellor", "treasurer", "comptroller", "inspector",
    "executive", "official", "analyst", "economist", "administrator", "solicitor", "auditor",
    "accountant", "surgeon", "postmaster", "owner", "shareholder", "agent", "leader",
    "operator",
)  # fmt: skip


def may_hold_role(text: str) -> bool:
    """False only if `text` cannot hold a ROLE_WORDS match, even case-blind (a cheap gate).

    Non-ASCII text always passes: case-blind regexes match a few letters ("ſ", "K")
    whose lower case is no ASCII letter.
    """
    if not text.isascii():
        return True
    low = text.lower()
    return any(stem in low for stem in ROLE_STEMS)


# police and military ranks written short before a name ("DCP David Misime"), in capitals
_RANKS = (
    r"(?-i:DCP|ACP|SCP|SSP|ASP|DSP|IGP|Insp\.?|Supt\.?|Sgt\.?|Cpl\.?|Det\.?|Lt\.?|Col\.?"
    r"|Capt\.?|Maj\.?)"
)
_TITLE = (
    r"(?:(?:former|acting|interim|then-|deputy|outgoing|incoming|new|current) )?"
    rf"(?P<title>{ROLE_WORDS}|sen\.|rep\.|gov\.|dr\.?|mr\.?|mrs\.?|ms\.?|{_RANKS})"
)  # "Ms Loo Siew Yee": British and Singapore style drop the dot
# tried only where a title word stands (`literal_gate`; its optional words before a title
# multiply the opening words past the default limit): a case-blind alternation is otherwise
# tried at every offset of the window
_TITLE_END = gate(re.compile(rf"\b(?i:{_TITLE}) $"), 5_000)
# a role set off by commas before the name: "and its founder, ", "the firm's chief executive, "
_ROLE_SET_OFF = re.compile(
    rf"\b(?:[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Tt]he (?:firm|company|exchange|platform|bank)'s)"
    rf" (?i:{_TITLE}), $"
)
# an occupation or a private person's label right before a name (no office: no role kept)
_OCCUPATION_END = re.compile(
    r"\b(?:trader|investor|businessman|businesswoman|entrepreneur|influencer|blogger|youtuber"
    r"|vlogger|developer|programmer|hacker|promoter|fugitive|suspect|millionaire|billionaire"
    r"|tycoon|mastermind|kingpin|fraudster|scammer|whistleblower|streamer) $",
    re.IGNORECASE,
)
# only people are arrested, extradited or jailed: "police arrested Glaidson Acacio"
_ARRESTED_END = re.compile(
    r"\b(?:arrested|detained|extradited|jailed|imprisoned|nabbed|apprehended) $"
)
_SET_OFF_END = re.compile(r"(?:,|\.|;| and\b| \()")
# _TITLE's non-role words (the ranks lower-cased: the window is)
_TITLE_ABBREVS: tuple[str, ...] = (
    *("sen.", "rep.", "gov.", "dr", "mr", "mrs", "ms", "dcp", "acp", "scp", "ssp", "asp"),
    *("dsp", "igp", "insp", "supt", "sgt", "cpl", "det", "lt", "col", "capt", "maj"),
)
_APPOSITIVE_AT = re.compile(
    r", (?:who (?:is|was|remains) )?(?:the |a |an |its |his |her |their )?"
    r"(?:(?P<org>[^,]{1,60}?)'s? )?(?P<mod>(?:former|acting|interim|deputy|then|outgoing|new|"
    r"current|co-|senior|top|longtime|long-time|[A-Z]\w+-based)[ -])*"
    rf"(?P<role>(?i:{ROLE_WORDS}))\b"
)
# what only a person has after their name: kin ("Chirag Tomar, his family members"), an
# age ("Douver Braga, 48,", "Li Wei, a 39-year-old", "Ana Costa (52)")
_PERSONAL_AT = re.compile(
    r",? (?:and )?(?:his|her) (?:family|wife|husband|son|daughter|brother|sister|father|mother"
    r"|parents|relatives|children)\b|, (?:aged )?\d{1,3},|, an? \d{1,3}-year-old\b| \(\d{1,3}\)"
)
_BY_END = re.compile(r"\b(?:founded|co-founded|led|headed|run|chaired|created|started) by $")
_SAID_AT = re.compile(r",? (?:said|says|told|wrote|added|argued|noted)\b")
_REPLACED_END = re.compile(r"\b(?:replaced (?:him|her|them) with|succeeded by) $")
_CASE_SENSITIVE_NAME = re.compile(
    rf"{_NAME_TOKEN}(?:(?: {_PARTICLE}){{0,2}} {_NAME_TOKEN})+(?: Jr\.?| Sr\.?)?"
)


@dataclass(frozen=True)
class PersonSpan:
    """A person's name span, with the role words found next to it (if any)."""

    start: int
    end: int
    name: str
    role: str | None = None
    role_start: int = -1
    org_text: str | None = None


_ORG_WORDS = frozenset(
    "telecom bank group capital securities exchange global holdings labs media news markets "
    "commission authority agency ministry department court police council fund trust finance "
    "financial digital crypto coin chain network technologies limited ltd inc corp foundation "
    "university institute association partners ventures insurance services street road "
    "office bureau directorate regulator board service unit centre center committee "
    "government administration "
    # a newsroom's or a research desk's name: "Binance Research wrote", "Kraken Daily said"
    "research analytics insights daily weekly magazine journal times review herald gazette "
    "tribune chronicle observer telegraph courier dispatch inquirer examiner "
    # a firm's department speaking: "Investor Relations said"
    "relations affairs communications".split()
)


# what a legal instrument's name ends in (never a person's family name)
_INSTRUMENT_WORDS = frozenset(
    "order orders decree injunction judgment judgement penalty penalties restitution "
    "disgorgement settlement ruling directive subpoena warrant indictment".split()
)


# Ranks that open a title ("General Ilse Varga") or a firm's name ("General Motors"); with
# a given name after them the title is cut off before this test (`name_runs`)
RANKS = frozenset("general major colonel captain admiral lieutenant sergeant marshal".split())


def plausible_person_name(name: str, strict: bool = True) -> bool:
    """Whether `name` is spelt like a person's name and holds no organisation word.

    Not `strict` (after a title), only its first word must not be an organisation word.
    """
    if not _CASE_SENSITIVE_NAME.fullmatch(name) or name.isupper():
        return False
    words = [w.lower().removesuffix("'s").removesuffix("\u2019s") for w in name.split()]
    if words[0] in RANKS:
        return False  # "General Motors said": a rank opens a title, never a person's name
    if len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
        return False  # "fund manager Investors Exchange Limited": a firm's legal form
    if len(words) > 1 and words[-1] in _INSTRUMENT_WORDS:
        return False  # "a Consent Order against X": an instrument, not a person
    if not strict:  # after a title: only the first word must not be an organisation word
        return words[0] not in _ORG_WORDS
    return not any(w in _ORG_WORDS for w in words)


# a Korean given name, hyphenated syllables after the family name: "Kang Jong-Hyun", "Kwon
# Do-hyung" (not "Sam Bankman-Fried", whose hyphen joins a long surname)
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}")
_SHORT_FAMILY = re.compile(r"[A-Z][a-z]{1,4}")


def family_names(name: str) -> list[str]:
    """The words a person's name may be shortened to later: the last word, and the first
    where it is the family name of a Korean-style name ("Kang" of "Kang Jong-Hyun")."""
    words = name.split()
    out = [words[-1]] if words else []
    if (
        len(words) == 2
        and _HYPHENATED_GIVEN.fullmatch(words[1])
        and _SHORT_FAMILY.fullmatch(words[0])
    ):
        out.append(words[0])
    return out


# A capitalised title right before one capitalised word makes it a surname: "Justice
# Jackman", "Chair Gensler", "Mr. Zhu".
_SURNAME_TITLE_END = re.compile(
    r"\b(?:Justice|Judge|President|Chair|Chairman|Chairwoman|Governor|Commissioner|Senator"
    r"|Minister|Prosecutor|Sen\.|Rep\.|Mr\.?|Ms\.?|Mrs\.?|Dr\.?) $"
)
_SURNAME = re.compile(rf"[{UPPER}][{_LOWER}]{{2,}}(?:-[{UPPER}]?[{_LOWER}]+)*")
_POSSESSIVE = ("'s", "\u2019s")


def person_spans(text: str, spans: list[tuple[int, int]]) -> Iterator[PersonSpan]:
    """Which capitalised runs (`spans`) are people, by the title, role or cue next to them,
    or by a common given name (`given_names`)."""
    for s, e in spans:
        if text.endswith(_POSSESSIVE, s, e):  # "President Karol Nawrocki's veto"
            e -= 2
        name = text[s:e]
        if " " not in name:
            surname = _titled_surname(text, s, e)
            if surname is not None:
                yield surname
            continue
        if not _CASE_SENSITIVE_NAME.fullmatch(name):
            continue
        line = text.rfind("\n", 0, s) + 1
        window = text[max(line, s - 60) : s]
        title = (
            _TITLE_END.search(text, max(line, s - 60), s)
            if may_hold_role(window) or any(a in window.lower() for a in _TITLE_ABBREVS)
            else None
        )
        if title and plausible_person_name(name, strict=False):
            yield PersonSpan(s, e, name, _norm_role(title.group("title")), title.start())
            continue
        if title is None and (
            _OCCUPATION_END.search(text, max(line, s - 40), s)
            or _ARRESTED_END.search(text, max(line, s - 20), s)
        ):
            if plausible_person_name(name):  # "crypto trader Arjun Vemuri": a person by trade
                yield PersonSpan(s, e, name)
                continue
        set_off = _ROLE_SET_OFF.search(text, max(line, s - 60), s) if title is None else None
        if set_off and _SET_OFF_END.match(text, e) and plausible_person_name(name):
            # "its founder, Chenmin Gao, from ...": a name of any language set off after
            # the role its owner holds
            yield PersonSpan(s, e, name, _norm_role(set_off.group("title")), set_off.start())
            continue
        if not plausible_person_name(name):
            continue
        appos = _APPOSITIVE_AT.match(text, e)
        if appos:
            yield PersonSpan(
                s, e, name, _norm_role(appos.group("role")), appos.start("role"), appos.group("org")
            )
        elif (
            _SAID_AT.match(text, e)
            or _PERSONAL_AT.match(text, e)
            or (
                # both patterns end "by $" or "with $": test the ending before searching
                text.endswith(("by ", "with ", "by \n", "with \n"), max(line, s - 50), s)
                and (
                    _BY_END.search(text, max(line, s - 50), s)
                    or _REPLACED_END.search(text, max(line, s - 50), s)
                )
            )
        ):
            yield PersonSpan(s, e, name)
        elif _starts_with_given_name(name) or _INITIALLED.fullmatch(name):
            yield PersonSpan(s, e, name)


_ROLE_IN = re.compile(rf"\b(?i:{ROLE_WORDS}|attorney)\b")


def title_chain_people(text: str, spans: list[tuple[int, int]]) -> Iterator[PersonSpan]:
    """The person a capitalised run ends with after a title and its body or portfolio
    ("Under Secretary of the Treasury for Terrorism and Financial Intelligence John K.
    Hurley", "Deputy Governor of the Central Bank of Nigeria Philip Ikeazor"): from the
    first common given name on, when a role word stands in the run or right before it."""
    for s, e in spans:
        if text.endswith(_POSSESSIVE, s, e):
            e -= 2
        words = text[s:e].split(" ")
        if len(words) < 3:
            continue
        for i in range(1, len(words) - 1):
            if not is_given_name(words[i]) or is_given_name(words[i - 1]):
                continue
            tail = " ".join(words[i:])
            if not (
                len(words) - i <= 4 and not words[-1].endswith(".") and plausible_person_name(tail)
            ):
                break
            if is_family_name(words[0]) and plausible_person_name(" ".join(words)):
                break  # "Nguyen Thi Lan": a family name first, no title to cut off
            start = e - len(tail)
            line = text.rfind("\n", 0, s) + 1
            roles = list(_ROLE_IN.finditer(text, max(line, s - 80), start))
            if roles:
                role = roles[0]
                yield PersonSpan(start, e, tail, _norm_role(role.group()), role.start())
            break


# 'William "Bill" Barhydt': a given name, a quoted nickname, a surname
NICKNAMED = re.compile(
    rf"(?<![\w'-])(?P<first>{_NAME_TOKEN}) \"(?P<nick>[{UPPER}][\w.-]{{1,20}})\" "
    rf"(?P<last>{_NAME_TOKEN}(?: {_NAME_TOKEN})?)(?![\w-])"
)


def nicknamed_people(text: str) -> Iterator[PersonSpan]:
    """People written with a quoted nickname between their names; the span covers all of
    it and the name leaves the nickname out ("William Barhydt")."""
    if '"' not in text:
        return
    for m in NICKNAMED.finditer(text):
        name = f"{m.group('first')} {m.group('last')}"
        if plausible_person_name(name):
            yield PersonSpan(m.start(), m.end(), name)


def _titled_surname(text: str, s: int, e: int) -> PersonSpan | None:
    """A lone capitalised word after a person's title ("Justice Jackman"), or one a person
    noun introduces by name ("an individual named Bang", "a suspect identified as Kim":
    privacy rules often leave one name only), else None."""
    word = text[s:e]
    if not _SURNAME.fullmatch(word) or word.lower() in _ORG_WORDS:
        return None
    line = text.rfind("\n", 0, s) + 1
    title = _SURNAME_TITLE_END.search(text, max(line, s - 20), s)
    if title is None:
        if text.endswith((" named ", " as "), max(line, s - 12), s) and _NAMED_PERSON_END.search(
            text, max(line, s - 60), s
        ):
            return PersonSpan(s, e, word)
        return None
    return PersonSpan(s, e, word, _norm_role(title.group().strip()), title.start())


# a person noun that introduces a one-word name: "one individual named Bang"
_NAMED_PERSON_END = re.compile(
    r"\b(?:individual|person|man|woman|suspect|shareholder|businessman|businesswoman|trader"
    r"|investor|executive|official|national|resident|citizen|defendant|accomplice)"
    r",? (?:named|identified (?:only )?as|known (?:only )?as) $"
)


# initials before a surname: "A. K. Sharma", "J. Oduya", "R.K. Mehta"
_INITIALLED = re.compile(
    rf"(?:[{UPPER}]\. ?){{1,3}}[{UPPER}][{_LOWER}]{{2,}}(?:-[{UPPER}][{_LOWER}]+)?"
)


def _starts_with_given_name(name: str) -> bool:
    """'Richard Crook', 'Aleksandr Mira Serda': two to four words, the first a common given
    name, the last not an initial; organisation words were ruled out by the caller."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and (is_given_name(words[0]) or (len(words) >= 2 and is_family_name(words[0])))
        and not words[-1].endswith(".")
        and all(not w.isupper() for w in words)
    )


def _norm_role(role: str) -> str:
    role = role.lower().strip(". ")
    return {
        "ceo": "chief executive",
        "chief executive officer": "chief executive",
        "chairman": "chairman",
        "cfo": "chief financial officer",
        "coo": "chief operating officer",
        "cto": "chief technology officer",
        "cco": "chief compliance officer",
        "advisor": "adviser",
        "justices": "justice",
        "judges": "judge",
    }.get(role, role)
