"""Every time reference of a sentence, resolved to a `PartialDate` at the text's precision.

"on 18 January 2023", "Jan. 18", "18/01/2023", "2023-01-18", "in May 2023", "in 2021",
"its 2021 ban", "mid-2022", "the second half of 2022", "that September", "later that
month", "the following year", "last March", "on Friday", "earlier this month", "two
years ago". A `DateFrame` carries what resolves the relative ones: the publication date
("today", "on Friday", "last week", "last March") and the running time of the narrative
that earlier sentences established ("that September" after "in 2021"). Each mention says
whether it is a bound ("since 2016", "until March 2", "from ... to ..."), the day
something was announced ("said on Thursday") or the year qualifying a noun ("its 2021
ban"), so that `action_dates` can tell which one dates an action.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from graph.partial_dates import DAY, MONTH, YEAR, PartialDate
from ingest.extraction.actions.relative_dates import in_relative_clause
from ingest.extraction.references.unnamed_groups import number_value
from ingest.extraction.text.literal_gate import GatedPattern, gated_if_possible
from ingest.extraction.text.regex_lead import compile_lead

_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for name in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FULL = "January|February|March|April|May|June|July|August|September|October|November|December"
_MON = rf"(?:{_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:19|20)\d\d"
_N = r"\d+|(?i:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_PART = r"(?:early|late|mid-?|the (?:end|start|beginning|middle) of|end-)"
_HALF = (
    r"(?:[Tt]he )?(?:first|second|1st|2nd|latter|third|3rd|fourth|4th|final|last) "
    r"(?:half|quarter)(?: of)?|[HQ][1-4]|(?:the )?(?:spring|summer|autumn|fall|winter)(?: of)?"
)

# One pattern per form; `core` starts where the date itself starts (after any cue word).
_FORMS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(
            rf"\b(?P<core>(?P<y>{_YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01]))\b"
        ),
    ),
    (
        "numeric",
        re.compile(
            rf"\b(?P<core>(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{_YEAR}))\b"
        ),
    ),
    (  # "On 15/9, police announced ...": day and month in numerals, no year (Asian
        # outlets); only after "on", and not "24/7" service hours or a "3/4 majority"
        "day_month",
        re.compile(
            r"\b(?P<cue>[Oo]n) (?P<core>(?P<a>[12]\d|3[01]|0?[1-9])/(?P<b>[12]\d|3[01]|0?[1-9]))"
            r"(?![/\d.]\d|\w| ?%| (?:basis|support|service|access|availability)\b)"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<core>(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?: of)? (?P<mo>{_MON})"
            rf"(?:,? (?P<y>{_YEAR}))?)(?![\w-])"
        ),
    ),
    (  # "from October 16 to 29 last year", "between 3 and 14 March 2022": a span of days
        # within one month dates what took them at that month
        "day_range",
        re.compile(
            rf"\b(?P<core>(?:(?P<mo>{_MON}) (?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
            r"(?: ?[-–] ?| to | and )(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
            rf"|(?P<d0>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?: ?[-–] ?| to | and )"
            rf"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)? (?P<mo0>{_MON}))"
            rf"(?:,? (?P<y>{_YEAR})\b| (?P<rel>last|this) year\b)?)"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?:(?P<cue>(?i:that|the same)) )?(?P<core>(?P<mo>{_MON}) "
            r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b(?![,.]\d|:\d| ?%)"
            rf"(?:,? (?P<y>{_YEAR})\b)?)"
        ),
    ),
    (
        "month_year",
        re.compile(
            rf"\b(?:(?P<part>(?i:{_PART}))[ -]?)?(?P<core>(?P<mo>{_MON}),?(?: of)? "
            rf"(?P<y>{_YEAR}))\b(?![-–/]\d)"
        ),
    ),
    (
        "month_rel_year",
        re.compile(
            rf"\b(?:(?i:in|during|early|late|mid-?) )?(?P<core>(?P<mo>{_FULL})(?: of)? "
            r"(?P<rel>last|this|next) year)\b"
        ),
    ),
    (
        "month_context_year",
        re.compile(
            rf"\b(?:(?i:in|during|early|late|mid-?) )?(?P<core>(?P<mo>{_FULL}),?(?: of)? "
            r"(?:that|the same|that same) year)\b"
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?P<cue>(?i:last|this|next|that same|that|the same|in|of|during|throughout))"
            rf"[ -])?(?:(?P<part>(?i:{_PART}))[ -]?)?(?P<core>(?P<mo>{_FULL}))\b(?!,? \d)"
        ),
    ),
    (
        "half",
        re.compile(rf"\b(?P<core>(?:{_HALF})[ -]?(?P<y>{_YEAR})(?: ?[HQ][1-4])?)\b(?![-–/]\d)"),
    ),
    (
        "year",
        re.compile(
            r"\b(?P<cue>(?i:in|during|throughout|since|until|till|from|by|before|after|of|around"
            rf"|between|through|{_PART}))[ -](?P<core>(?P<y>{_YEAR}))\b"
            r"(?![-–/]\d|,? \d| ?%|\.\d)"
        ),
    ),
    (
        "attributive",
        re.compile(
            r"\b(?:its|their|his|her|the|a|an|this|that|[\w.&-]+['’]s) "
            r"(?P<core>(?P<y>(?:199|20[0-3])\d))(?= [a-z])"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<cue>(?i:last|next|this|on|that)) )?"
            r"(?P<core>(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b"
        ),
    ),
    (
        "relative",
        re.compile(
            r"\b(?:(?P<part>[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly) )?(?P<core>(?P<rel>[Yy]esterday"
            r"|(?<![Ff]or )(?<![Tt]ill )(?<![Uu]ntil )(?<![Uu]p to )[Tt]oday"  # "for today": now
            r"|[Tt]onight|[Tt]his (?:week|month|year)|[Ll]ast (?:week|month|year)"
            rf"|(?P<n>{_N}) (?P<unit>{_UNIT}) ago))\b"
        ),
    ),
    (
        "context",
        re.compile(
            r"\b(?:(?P<part>[Ll]ater|[Ee]arlier) )?(?P<core>(?:[Tt]hat|[Tt]he same|[Tt]hat same) "
            r"(?P<unit>day|week|month|year))\b"
            r"|\b(?P<core2>(?:[Tt]he (?P<dir>following|next|previous|preceding) (?P<unit2>day|week"
            rf"|month|year))|(?P<n>{_N}) (?P<unit3>{_UNIT}) (?P<dir3>later|earlier|afterwards))\b"
            r"|\b(?P<core3>[Aa]t (?:the same|that|about the same|around the same) time)\b"
        ),
    ),
]

_BOUND_BEFORE = re.compile(
    r"\b(?:[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]y|[Bb]efore|[Ff]rom|[Bb]etween|[Tt]hrough|[Aa]fter"
    r"|[Aa]s of|[Pp]rior to|[Aa]head of|no later than|[Uu]p to|effective)\s+"
    r"(?:(?:at least|about|around|approximately|the (?:end|start|beginning|middle) of|early"
    r"|late|mid-?|\d{1,2}(?::\d\d)?\s?[ap]\.?m\.?|on|in|the|of)\s+)*$"
)
_RANGE_LINK = re.compile(
    r"\s*(?:(?P<dash>-|–|—)|to|until|till|through|(?P<and>and))\s*(?:at least |about |around )?"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|announces|disclosed|discloses|confirmed|confirms|stated|added"
    r"|revealed|told (?:[\w'’]+ ){1,4}?"
    r"|(?:said|announced|disclosed|confirmed|stated) (?:in|on|at|via) (?:a|an|its|the|their)"
    r" (?:[\w-]+ ){0,2}?(?:statement|release|notice|filing|newsletter|post|update|interview"
    r"|briefing|conference)"
    r"|announced (?:the|its|their) (?:move|decision|measure|action|step|change))\s+"
    r"(?:on\s+|in\s+|at\s+)?$"
)
# "On Thursday, the FSA said it had ...": the day of the saying; not an attribution that
# closes the clause ("X was inspected on February 13, the FSA said."): that is the event's
_SAID_AFTER = re.compile(
    r",?\s+(?:(?:it|they|he|she|the \w+|[A-Z][\w.]*)\s+)?(?:said|announced|disclosed|confirmed"
    r"|stated|reported)\b(?![.;]|,(?! (?:that|it|the|a|an)\b)| and\b)"
)
# "a freeze imposed in early August", "the suit filed in 2023": the date of the noun's action
_ORIGIN_BEFORE = re.compile(
    r"\b(?:imposed|issued|introduced|granted|ordered|adopted|put in place|brought|filed|levied"
    r"|enacted|handed down|dated|commenced|initiated|instituted)"
    r"(?:\s+(?:against|on|upon|by)\s+[\w.'’ -]{1,40}?)?"
    r"\s+(?:(?:in|on|since|at|last|earlier|early|late|mid-?)\s+)*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$"
)
_WHEN_AFTER = re.compile(r",? when\b")  # "since March 23, when police detained him"
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][\w.]*,? $")
_OPENING_CUES = frozenset({"since", "from"})
_BOUND_CUES = frozenset({"since", "until", "till", "from", "by", "before", "after", "between"})


@dataclass(frozen=True)
class DateFrame:
    """What resolves relative references: the publication date and the narrative's time.

    `context` is the time the text last named (`context_paragraph`: in which paragraph);
    `paragraph` is the paragraph being read; `day_first`: 05/04/2023 is 5 April.
    """

    published: dt.date | None = None
    context: PartialDate | None = None
    context_paragraph: int = -1
    paragraph: int = 0
    day_first: bool = True

    def at_paragraph(self, paragraph: int) -> DateFrame:
        if paragraph == self.paragraph:
            return self  # frozen: the same frame (read once per sentence, mostly unchanged)
        return replace(self, paragraph=paragraph)

    def told(self, date: PartialDate) -> DateFrame:
        """The frame once the text has named `date`."""
        return replace(self, context=date, context_paragraph=self.paragraph)


@dataclass(frozen=True)
class DateMention:
    """A time reference: its span in the text and the date it names.

    `bound`: a limit ("since 2016", "until March 2", either end of "from X to Y"), which
    `opens` where it is where something began ("since 2016", "from January 2021");
    `announced`: the day something was said ("said on Thursday"); `attributive`: the
    date of the action a noun names ("its 2021 ban", "a freeze imposed in early August").
    """

    start: int
    end: int
    date: PartialDate
    bound: bool = False
    announced: bool = False
    attributive: bool = False
    opens: bool = False
    core: int = -1  # where the date itself starts, after any cue word ("through 2019")
    later: bool = False  # after the publication date: a deadline or a plan


_DIGIT = re.compile(r"\d")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_MONTH_WORD = compile_lead(  # `lead`: searched in every sentence, it may skip ahead
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
_WEEKDAY = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
# (with their unit where the bare word is common: "this week", never "this ")
_RELATIVE_WORDS = (
    "yesterday", "today", "tonight", "this week", "this month", "this year", "last week",
    "last month", "last year", " ago",
)  # fmt: skip
_CONTEXT_WORDS = (
    "that day", "that week", "that month", "that year", "that time", "same", "following",
    "next ", "previous", "preceding", " later", " earlier", "afterwards",
)  # fmt: skip
_SEASON_WORDS = ("half", "quarter", "spring", "summer", "autumn", "fall", "winter")
_HALF_CODE = re.compile(r"\b[HQ][1-4]\b")
# What a form's matches always hold (see `present` in `date_mentions`).
_FORM_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("year",),
    "numeric": ("year",),
    "day_month": ("digit",),
    "dmy": ("digit", "month"),
    "mdy": ("digit", "month"),
    "day_range": ("digit", "month"),
    "month_year": ("year", "month"),
    "month_rel_year": ("month", "year_word"),
    "month_context_year": ("month", "year_word"),
    "month": ("month",),
    "year": ("year",),
    "attributive": ("year",),
    "weekday": ("weekday",),
    "half": ("year", "season"),
    "relative": ("unit", "relative"),
    "context": ("unit", "context"),
}

# Each form as searched: tried only where one of the words its matches open with stands,
# where it has such words (`literal_gate`: the same matches; a leading `\b` and a
# case-blind cue make `re` try the plain pattern at every position of the sentence). The
# optional cue words ("in", "during", "early", ...) before a month or a year multiply the
# opening words, hence the larger limit.
_GATE_LITERALS = 5_000
_FORMS_AND_NEEDS: list[tuple[str, re.Pattern[str] | GatedPattern, tuple[str, ...]]] = [
    (form, gated_if_possible(pattern, _GATE_LITERALS), _FORM_NEEDS.get(form, ()))
    for form, pattern in _FORMS
]


def date_mentions(text: str, frame: DateFrame) -> tuple[list[DateMention], DateFrame]:
    """The time references of `text`, in order, and the frame after reading them."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    # cheap gates: most sentences hold no digit, no month name or no weekday, and the
    # forms that need one need not be searched there
    # (a flag only ever needed together with another is read only where that one holds:
    # a year needs a digit, "relative" and "context" a unit, "season" a year)
    low = text.lower()
    digit = _DIGIT.search(text) is not None
    year = digit and _YEARISH.search(text) is not None
    unit = any(u in low for u in ("day", "week", "month", "year", "tonight", " time"))
    present = {
        "digit": digit,
        "year": year,
        "month": _MONTH_WORD.search(text) is not None,
        "weekday": "day" in text and _WEEKDAY.search(text) is not None,
        "unit": unit,
        "year_word": "year" in text,  # "June last year", "that same year": lower case
        "relative": unit and any(w in low for w in _RELATIVE_WORDS),
        "context": unit and any(w in low for w in _CONTEXT_WORDS),
        "season": year
        and (any(w in low for w in _SEASON_WORDS) or _HALF_CODE.search(text) is not None),
    }
    for form, pattern, needs in _FORMS_AND_NEEDS:
        if not all(map(present.__getitem__, needs)):
            continue
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), form, m))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[DateMention] = []
    reach = -1
    for start, end, form, m in found:
        if start < reach:
            continue
        date = _resolve(form, m, text, frame)
        if date is None:
            continue
        reach = end
        core = next(m.start(g) for g in ("core", "core2", "core3") if m.groupdict().get(g))
        lead = text[max(0, core - 80) : core]
        cue = (m.groupdict().get("cue") or "").lower()
        bound = _BOUND_BEFORE.search(lead)
        mention = DateMention(
            start,
            end,
            date,
            bound=(cue in _BOUND_CUES or bool(bound))
            and not _WHEN_AFTER.match(text, end)
            and form != "day_range",  # the span is when it happened, not a bound
            opens=(
                cue in _OPENING_CUES
                or (bound is not None and bound.group().split()[0].lower() in _OPENING_CUES)
            )
            and form != "day_range",
            core=core,
            announced=bool(_SAID_BEFORE.search(lead) or _SAID_AFTER.match(text, end)),
            attributive=form == "attributive" or bool(_ORIGIN_BEFORE.search(lead)),
        )
        out.append(mention)
        # "a 2017 order" names a thing's year, not the story's time; nor does "X, which was
        # founded in 1934," (a relative clause's own past)
        if not mention.attributive and not in_relative_clause(text, start, end):
            frame = frame.told(date)
    return _link_ranges(text, _without_named_weekdays(text, out)), frame


# "Thursday, September 9, 2021", "Friday 22 December 2023", "Monday (June 3)": the weekday
# names the day the date after it gives, which wins over the weekday read from publication
_WEEKDAY_NAMING = re.compile(r",?\s?\(?")


def _without_named_weekdays(text: str, mentions: list[DateMention]) -> list[DateMention]:
    out: list[DateMention] = []
    for i, m in enumerate(mentions):
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if (
            nxt is not None
            and nxt.date.precision == DAY
            and _WEEKDAY.fullmatch(text, m.core, m.end)
            and _WEEKDAY_NAMING.fullmatch(text, m.end, nxt.start)
        ):
            continue
        out.append(m)
    return out


def _link_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    """Both ends of "from X to Y", "X - Y", "between X and Y" are bounds."""
    out = list(mentions)
    for i in range(len(out) - 1):
        link = _RANGE_LINK.fullmatch(text, out[i].end, max(out[i + 1].start, out[i + 1].core))
        if link is None:
            continue
        if link.group("and") and not out[i].bound:
            continue  # "in March and June": two dates, not a range
        out[i] = replace(out[i], bound=True)
        out[i + 1] = replace(out[i + 1], bound=True)
    return out


def _resolve(form: str, m: re.Match[str], text: str, frame: DateFrame) -> PartialDate | None:
    g = m.groupdict()
    year = int(g["y"]) if g.get("y") else None
    if form == "iso":
        return PartialDate.checked(int(g["y"]), int(g["mo"]), int(g["d"]))
    if form == "numeric":
        a, b = int(g["a"]), int(g["b"])
        day, month = (a, b) if frame.day_first else (b, a)
        if a > 12 and b <= 12:
            day, month = a, b  # "14/03/2023": only the first can be the day
        elif b > 12 and a <= 12:
            day, month = b, a  # "3/14/2023": only the second can be the day
        return PartialDate.checked(int(g["y"]), month, day)
    if form == "day_range":
        return _day_range(g, frame)
    if form == "day_month":
        return _day_month(int(g["a"]), int(g["b"]), frame)
    if form in ("dmy", "mdy"):
        month = _MONTHS[g["mo"].lower().rstrip(".")]
        day = int(g["d"])
        if year is None:
            resolved = _month_in_context(month, g.get("cue"), frame)
            return None if resolved is None else PartialDate.checked(resolved.year, month, day)
        return PartialDate.checked(year, month, day)
    if form == "month_year":
        return PartialDate.checked(year or 0, _MONTHS[g["mo"].lower().rstrip(".")])
    if form == "month_rel_year":
        return _month_of_relative_year(g, frame)
    if form == "month":
        return _bare_month(m, text, frame)
    if form == "month_context_year":
        ctx = frame.context
        return None if ctx is None else PartialDate.checked(ctx.year, _MONTHS[g["mo"].lower()])
    if form in ("half", "attributive"):
        return PartialDate.checked(year or 0)
    if form == "year":
        if g["cue"] == "of" and _CAPITALISED_BEFORE.search(text, 0, m.start()):
            return None  # "the Securities Exchange Act of 1934"
        return PartialDate.checked(year or 0)
    if form == "weekday":
        return _weekday(g, frame)
    if form == "relative":
        return _relative_to_published(g, frame)
    return _relative_to_context(g, frame)


def _day_month(a: int, b: int, frame: DateFrame) -> PartialDate | None:
    """ "15/9" without a year: the day first where the text writes dates so (or where only
    the first number can be a day), in the year its month falls in (`_month_in_context`)."""
    day, month = (a, b) if frame.day_first else (b, a)
    if a > 12 and b <= 12:
        day, month = a, b
    elif b > 12 and a <= 12:
        day, month = b, a
    if month > 12:
        return None
    resolved = _month_in_context(month, None, frame)
    return None if resolved is None else PartialDate.checked(resolved.year, month, day)


def _day_range(g: dict[str, str | None], frame: DateFrame) -> PartialDate | None:
    month = _MONTHS[(g["mo"] or g["mo0"] or "").lower().rstrip(".")]
    if g.get("y"):
        return PartialDate.checked(int(g["y"] or 0), month)
    if g.get("rel") and frame.published is not None:
        year = frame.published.year - (1 if g["rel"] == "last" else 0)
        return PartialDate.checked(year, month)
    return _month_in_context(month, None, frame)


def _month_in_context(month: int, cue: str | None, frame: DateFrame) -> PartialDate | None:
    """The year a month named without one falls in: the narrative's year where it is near
    (or the text points back with "that"), else the latest such month up to publication."""
    cue = (cue or "").lower()
    pub = frame.published
    if cue == "next":
        return None  # a plan, not a date of something done
    if cue == "this" and pub is not None:
        return PartialDate(pub.year, month)
    if cue == "last" and pub is not None:
        return PartialDate(pub.year if month < pub.month else pub.year - 1, month)
    ctx = frame.context
    points_back = cue in ("that", "that same", "the same")
    if ctx is not None and (points_back or frame.context_paragraph == frame.paragraph):
        year = ctx.year
        if ctx.month is not None and month < ctx.month:
            later = PartialDate(year + 1, month)
            if pub is None or later <= PartialDate(pub.year, pub.month):
                year += 1  # a narrative moving forward: "Last November ... In January ..."
        return PartialDate(year, month)
    if pub is not None:
        return PartialDate(pub.year if month <= pub.month else pub.year - 1, month)
    return None if ctx is None else PartialDate(ctx.year, month)


def _bare_month(m: re.Match[str], text: str, frame: DateFrame) -> PartialDate | None:
    name = m.group("mo")
    cue = m.group("cue")
    if name == "May" and not (cue or m.group("part")):
        before = text[max(0, m.start() - 12) : m.start()].split()
        if not before or before[-1].lower() not in _BOUND_CUES:
            return None  # "may" is mostly a verb
    if cue is None and m.group("part") is None:
        before = text[max(0, m.start() - 12) : m.start()].split()
        if m.start() > 0 and not (before and before[-1].lower() in _BOUND_CUES | {"and", "or"}):
            if not text[: m.start()].rstrip().endswith((",", "(")):
                return None  # a capitalised month word mid-sentence with no cue: a name
    return _month_in_context(_MONTHS[name.lower()], cue, frame)


def _month_of_relative_year(g: dict[str, str | None], frame: DateFrame) -> PartialDate | None:
    pub = frame.published
    if pub is None or g["rel"] == "next":
        return None
    month = _MONTHS[(g["mo"] or "").lower()]
    return PartialDate(pub.year - 1 if g["rel"] == "last" else pub.year, month)


def _weekday(g: dict[str, str | None], frame: DateFrame) -> PartialDate | None:
    pub = frame.published
    cue = (g.get("cue") or "").lower()
    if pub is None or cue == "next":
        return None
    back = (pub.weekday() - _WEEKDAYS.index((g["wd"] or "").lower())) % 7
    if cue == "last" and back == 0:
        back = 7
    return PartialDate.of(pub - dt.timedelta(days=back))


def _count(word: str | None) -> int | None:
    """'3', 'three', 'a'/'an' (one) -> the number; None when there is no word."""
    if not word:
        return None
    return 1 if word.lower() in ("a", "an") else number_value(word)


def _relative_to_published(g: dict[str, str | None], frame: DateFrame) -> PartialDate | None:
    pub = frame.published
    if pub is None:
        return None
    rel = (g["rel"] or "").lower()
    today = PartialDate.of(pub)
    fixed = {
        "yesterday": today.shifted(DAY, -1),
        "today": today,
        "tonight": today,
        "this week": today.at(MONTH),
        "last week": PartialDate.of(pub - dt.timedelta(days=7), MONTH),
        "this month": today.at(MONTH),
        "last month": today.at(MONTH).shifted(MONTH, -1),
        "this year": today.at(YEAR),
        "last year": PartialDate(pub.year - 1),
    }
    if rel in fixed:
        return fixed[rel]
    n, unit = _count(g.get("n")), (g.get("unit") or "").rstrip("s")
    if n is None:
        return None
    if unit == "day":
        return today.shifted(DAY, -n)
    if unit == "week":
        return PartialDate.of(pub - dt.timedelta(days=7 * n), MONTH)
    if unit == "month":
        return today.at(MONTH).shifted(MONTH, -n)
    return PartialDate(pub.year - n)


def _relative_to_context(g: dict[str, str | None], frame: DateFrame) -> PartialDate | None:
    ctx = frame.context
    if ctx is None:
        return None
    if g.get("core3"):
        return ctx  # "at the same time": when the sentence before says, at its precision
    unit = g.get("unit") or g.get("unit2") or (g.get("unit3") or "").rstrip("s")
    precision = {"day": DAY, "week": MONTH, "month": MONTH, "year": YEAR}[unit]
    if g.get("unit"):
        return ctx.at(precision)  # "that month", "later that year", "the same day"
    direction = (g.get("dir") or g.get("dir3") or "").lower()
    n = 1 if g.get("unit2") else _count(g.get("n"))
    if n is None:
        return None
    if direction in ("previous", "preceding", "earlier"):
        n = -n
    base = ctx.at(precision)
    if base.precision != precision:
        return None
    if unit == "week":
        return (
            base
            if ctx.day is None
            else PartialDate.of(ctx.first_day() + dt.timedelta(days=7 * n), MONTH)
        )
    return base.shifted(precision, n)
