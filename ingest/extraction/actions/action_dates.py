"""When an action was taken (and when it ended), from the text's own time references.

`ArticleDates` reads every sentence's time references once (`date_mentions`), carrying
the narrative's running time from sentence to sentence, so "that September" after "in
2021" is 2021-09; the publication date resolves only "today", "on Friday", "last
week", "last March" and month names no earlier text puts in a year. `pick` then
chooses, for a trigger, the reference nearest to it in its own clause, else in a
clause of the sentence that is no relative or subordinate clause ("X, which was founded
in 2014, ..."; "... after finding breaches in 2019"), never a bound ("since 2016",
"from 2019 to 2021"); a day given only as the day something was announced ("said on
Thursday") dates the action at month precision. No reference, no date: the
publication date is no default.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from graph.partial_dates import MONTH, PartialDate
from ingest.extraction.actions.date_mentions import DateFrame, DateMention, date_mentions
from ingest.extraction.actions.heading_dates import heading_date
from ingest.extraction.actions.relative_dates import in_relative_clause
from ingest.extraction.text.document import Document

LEDE_SENTENCES = 3  # how far an article's opening, whose date is the news's, reaches
# how long before publication a later lede sentence's date may be the news's
NEWS_GAP = dt.timedelta(days=14)
_FIRST_TIME = re.compile(r"\b(?:first|initially|originally|previously|earlier)\b[^.;]*$")

# Clauses whose time is their own: "..., after regulators found breaches in 2019".
_SUBORDINATE = re.compile(
    r"[,;]? ?(?:after|before|because|since|until|although|though|while|whereas|unless|once"
    r"|if|even though|saying|adding|citing|noting|arguing|according to)\b"
)


# "fined X for breaches since 2019": the range belongs to the breaches
_OF_SOMETHING_ELSE = re.compile(r"\b(?:for|over|of|about|involving|between|during)\b")


@dataclass(frozen=True)
class Span:
    """Where a trigger (or an ending word) sits, in document offsets."""

    start: int
    end: int

    def distance(self, mention: DateMention) -> int:
        if mention.end <= self.start:
            return self.start - mention.end
        if mention.start >= self.end:
            return mention.start - self.end
        return 0


@dataclass(frozen=True)
class ClauseView:
    """What `pick` needs of a sentence's clauses: which clause an offset is in, whether
    that clause is a relative clause or an apposition, and where its part starts."""

    clause_of: Callable[[int], int]
    is_aside: Callable[[int], bool]
    start_of: Callable[[int], int]


class ArticleDates:
    """Every sentence's time references (document offsets), resolved in reading order."""

    def __init__(self, doc: Document, published: dt.date | None, day_first: bool = True) -> None:
        self.text = doc.text
        self.published = published
        self._by_sentence: dict[int, list[DateMention]] = {}
        frame = DateFrame(published, day_first=day_first)
        section: PartialDate | None = None  # the date a heading above gives its section
        for sent in doc.sentences:
            frame = frame.at_paragraph(sent.paragraph)
            if sent.heading:
                section = heading_date(sent.text)
                if section is not None and published is not None:
                    section = None if section.first_day() > published else section
            elif section is not None and frame.context_paragraph != sent.paragraph:
                frame = frame.told(section)  # "2017: ..." above: "in September" is 2017's
            found, frame = date_mentions(sent.text, frame)
            self._by_sentence[sent.index] = [_moved(m, sent.start, published) for m in found]

    def _long_before_publication(self, date: PartialDate) -> bool:
        """Whether `date` ended more than `NEWS_GAP` before the article was published:
        past the opening sentence, that is the story's background, not its news."""
        return self.published is not None and date.last_day() < self.published - NEWS_GAP

    def of_sentence(self, index: int) -> list[DateMention]:
        return self._by_sentence.get(index, [])

    def news_date(self) -> PartialDate | None:
        """The day the article's news happened: the first time reference of its opening
        sentences that is neither a bound nor the date of something else ("its 2021 ban").

        An action the lede or a present-perfect sentence states without a date of its
        own ("The FSRA said on Monday ...; it has fined ...") took place then.
        """
        for index in sorted(self._by_sentence)[:LEDE_SENTENCES]:
            for m in self._by_sentence[index]:
                if not m.bound and not m.attributive and not m.later:
                    if _FIRST_TIME.search(self.text, max(0, m.start - 60), m.start):
                        continue  # "first flagged it in July 2022": the story's past
                    if in_relative_clause(self.text, m.start, m.end):
                        continue  # "charged X, who founded Y in 2018, ...": Y's past
                    if index > 0 and self._long_before_publication(m.date):
                        continue  # "... In October, the SEC sued Y" (news of December)
                    return m.date
        return None


def _moved(m: DateMention, base: int, published: dt.date | None) -> DateMention:
    """`m` in document offsets; a date after publication is a deadline or a plan, no
    date of something done, so it counts as a bound."""
    later = published is not None and m.date.first_day() > published
    return replace(
        m,
        start=m.start + base,
        end=m.end + base,
        bound=m.bound or later,
        opens=m.opens and not later,
        core=m.core + base,
        later=later,
    )


def pick(
    mentions: list[DateMention], at: Span, clauses: ClauseView, text: str
) -> PartialDate | None:
    """The date of what happens at `at`: see the module's doc. Where its clause gives
    only where a state began ("From January 2021, firms were barred"), that is its date."""
    usable = [m for m in mentions if not m.bound]
    own = clauses.clause_of(at.start)
    said = [m for m in usable if m.announced]
    told = [m for m in usable if not m.announced]
    told = [m for m in told if not _across_semicolon(m, at, text)]
    same = [m for m in told if clauses.clause_of(m.start) == own]
    if same:
        # "banned X in 2021 and lifted the ban in 2023": the date of its own conjunct
        own_conjunct = [m for m in same if not _across_conjunction(m, at, text)]
        return min(own_conjunct or same, key=at.distance).date
    main = [
        m for m in told if _main_clause(m, clauses, text) and not _across_semicolon(m, at, text)
    ]
    if main:
        return min(main, key=at.distance).date
    if said:
        return min(said, key=at.distance).date.at(MONTH)
    opening = [
        m
        for m in mentions
        if m.opens
        and clauses.clause_of(m.start) == own
        and not _OF_SOMETHING_ELSE.search(text, min(m.end, at.end), max(m.start, at.start))
    ]
    if opening:
        return min(opening, key=at.distance).date
    return None


_CONJUNCTION = re.compile(r"(?:,? and|, but|,? but then|,? and then|,? then) (?!\d)")


def _across_conjunction(m: DateMention, at: Span, text: str) -> bool:
    """Whether a conjunction joining two predicates stands between `m` and `at`."""
    lo, hi = (m.end, at.start) if m.end <= at.start else (at.end, m.start)
    return hi > lo and _CONJUNCTION.search(text, lo, hi) is not None


def _across_semicolon(m: DateMention, at: Span, text: str) -> bool:
    """Whether a semicolon stands between `m` and `at`: "ordered X to pay a penalty; Y had
    sued in November 2022" (the second clause's time is its own)."""
    lo, hi = (m.end, at.start) if m.end <= at.start else (at.end, m.start)
    return hi > lo and ";" in text[lo:hi]


def _main_clause(m: DateMention, clauses: ClauseView, text: str) -> bool:
    if clauses.is_aside(m.start):
        return False
    start = clauses.start_of(m.start)
    return not _SUBORDINATE.match(text, start)


def pick_ended(
    mentions: list[DateMention], action: Span, ending: Span, clauses: ClauseView, text: str
) -> tuple[PartialDate | None, PartialDate | None]:
    """(the action's date, the date it ended) when an ending word governs the action.

    A year qualifying the action's noun ("its 2021 ban") dates the action; of the other
    references, those nearer the ending word date the ending ("was lifted in 2023"), the
    rest the action. Where the ending word is the trigger ("unblocked"), every other
    reference dates the ending.
    """
    attributive = [m for m in mentions if m.attributive and not m.bound]
    rest = [m for m in mentions if not m.attributive]
    one_word = ending.start <= action.start and action.end <= ending.end
    # "closed the probe in 2023", "lifted its ban last week": the verb's own time; the
    # action's own date is attributive ("its 2021 ban") or from another sentence
    governs_object = ending.end <= action.start
    if one_word or governs_object:
        near_end, near_action = rest, []
    else:
        near_end = [m for m in rest if ending.distance(m) < action.distance(m)]
        near_action = [m for m in rest if ending.distance(m) >= action.distance(m)]
    ended_on = pick(near_end, ending, clauses, text)
    if attributive:
        return min(attributive, key=action.distance).date, ended_on
    return pick(near_action, action, clauses, text), ended_on


def planned(mentions: list[DateMention], at: Span, clauses: ClauseView) -> bool:
    """Whether the clause of `at` dates it after publication ("the ban expires in 2026")."""
    own = clauses.clause_of(at.start)
    return any(m.later and clauses.clause_of(m.start) == own for m in mentions)


def find_date(text: str, published: dt.date | None) -> str | None:
    """The first date a text states that is no bound, at its precision ("YYYY[-MM[-DD]]")."""
    found, _ = date_mentions(text, DateFrame(published))
    first = next((m for m in found if not m.bound), None)
    return None if first is None else first.date.text()
