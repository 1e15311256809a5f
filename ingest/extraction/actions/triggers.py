"""Trigger words for the action relations, with the voice each construction implies.

Voices: `active` (actor before, targets after: "the SEC sued Coinbase"), `passive`
(targets before, actor after 'by': "KuCoin has been barred"), `receiver` (the target
is the subject and the actor follows 'with/from/by': "Bybit settled with the OSC",
"Coinbase has held licences from the department"), `nominal` (a noun: "charges
against", "an investigation by X into Y"). `span` constructions limit targets to
a captured object ("ordered X to stop", "put it on its alert list", "declared X illegal").
`case` is a case name, whose parties touch the "v": "ASIC v Web3 Ventures Pty Ltd".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.ontology import REL
from ingest.extraction.actions.ending_patterns import ENDING_PATTERNS, ENDING_STEMS
from ingest.extraction.actions.instrument_references import (
    INSTRUMENT_PATTERNS,
    INSTRUMENT_STEMS,
)
from ingest.extraction.actions.proceeding_patterns import PROCEEDING_PATTERNS, PROCEEDING_STEMS
from ingest.extraction.actions.span_patterns import SPAN_PATTERNS, SPAN_STEMS
from ingest.extraction.actions.trigger_patterns import ALSO, PATTERNS, STEMS
from ingest.extraction.text.literal_gate import gated_if_possible
from ingest.extraction.text.regex_lead import compile_lead
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.stem_rows import StemRows, row_matches


@dataclass(frozen=True)
class Trigger:
    """One trigger occurrence (document offsets); `ended_how` where its words end the
    action ("unblocked", "lifted its ban on": `ending_patterns`)."""

    type: str
    start: int
    end: int
    voice: str
    obj_start: int = -1
    obj_end: int = -1
    confidence: float = 0.85
    ended_how: str | None = None
    retells: int = -1  # the start of the trigger that told the instrument this one names again


# ending rows, then the formal instruments and object-span constructions, first: they win
# overlaps; instruments named again ("the order is against X") last
GATED: list[tuple[str, str, re.Pattern[str], float, tuple[str, ...], str | None]] = [
    (t, v, p, c, s, e) for (t, v, p, c, e), s in zip(ENDING_PATTERNS, ENDING_STEMS, strict=True)
] + [
    (t, v, p, c, s, None)
    for (t, v, p, c), s in zip(
        PROCEEDING_PATTERNS + SPAN_PATTERNS + PATTERNS + INSTRUMENT_PATTERNS,
        PROCEEDING_STEMS + SPAN_STEMS + STEMS + INSTRUMENT_STEMS,
        strict=True,
    )
]
# each row's pattern as searched: tried only where one of the words its matches open with
# stands, where it has such words (`literal_gate`: the same matches, found faster)
SEARCHED = [gated_if_possible(row[2]) for row in GATED]
# each row's `ALSO` words, looked up once: a compiled pattern's hash reads its whole code,
# so a lookup keyed by the pattern, per row and article, cost ~2% of the extractor's time
ALSO_OF_ROW = [ALSO.get(row[2], ()) for row in GATED]
# the rows' words as one table: a document's rows that can match are read in one pass
ROWS = StemRows([row[4] for row in GATED], ALSO_OF_ROW)
# what a ban cuts off when it falls on web addresses: "banned its URLs", "the websites of X"
WEB_OBJECT = re.compile(
    r" (?:the |its |their |all )?(?:URLs|urls|websites|web ?sites|domains|domain names"
    r"|web addresses)\b"
)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|be|is|are|being|get|got|gets)"
    r"(?: (?:\w+ly|also|not|already|since|now|later|then|soon|first|again|each|both|all))* $"
)  # ("were each fined", "were both charged": the parties' quantifier, still a passive)

# a participle right after a plural noun of people is a reduced relative clause: "one of
# the two men charged with running it", "suspects arrested in the raid" act on the people
# the noun names (an unnamed group), not on the firm the sentence is about
_REDUCED_RELATIVE = re.compile(
    r"\b(?:men|women|people|persons|individuals|suspects|others|those|executives|operators|"
    r"defendants|employees|nationals|officials|directors|founders|administrators) $"
)
_PARTICIPLE = re.compile(r"[a-z]+ed")
# an absolute construction names the party before its participle: "..., with Korbit fined
# 2.7 billion won and ...", "with two exchanges suspended": a passive, not "Korbit fined X"
_WITH_ABSOLUTE = re.compile(r"\bwith (?:[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,4}) $")
# the list a reduced relative's participle introduces: "(suspects arrested) include A and B"
_LISTED_AFTER = re.compile(
    r"(?: (?:on|in|at|during|after|over) [^,.;\n]{1,40}?)?,? (?:include|includes|included|were"
    r"|are) (?P<obj>(?=[A-Z])[^.;\n]{1,120})"
)


# a verb row's word that is also its action's noun: after a possessive it is the noun
_DETERMINER_BEFORE = re.compile(r"(?:^|\b)(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir) $")
_RELATIVE_AFTER = re.compile(r",? (?:that|which) ")
_BARE_NOUN = re.compile(r"(?:ban|fine|block|freeze|suspension|sanction|warning|order)s?")


def find_triggers(text: str, base: int = 0, scanner: Scanner | None = None) -> list[Trigger]:
    """Triggers in `text` (a sentence, or a whole document with its `scanner`)."""
    out: list[Trigger] = []
    covered: dict[str, set[int]] = {}  # offsets inside a kept trigger, per relation type
    for i, found in row_matches(text, scanner, SEARCHED, ROWS):
        rtype, voice, pattern, conf, _, ended_how = GATED[i]
        taken = covered.setdefault(rtype, set())
        for m in found:
            start, end = m.span("t") if "t" in pattern.groupindex else m.span()
            if start in taken:
                continue
            v = voice
            has_obj = "obj" in pattern.groupindex
            line_start = text.rfind("\n", 0, start) + 1
            # "has been investigating", "has been looking into": active, not passive
            progressive = text[start:end].split(" ", 1)[0].endswith("ing")
            if v == "active" and _REDUCED_RELATIVE.search(text, max(line_start, start - 40), start):
                if _PARTICIPLE.fullmatch(text, start, end):
                    listed = _LISTED_AFTER.match(text, end)
                    if listed is not None:  # "The suspects arrested include A and B": A, B
                        o_start, o_end = listed.span("obj")
                        out.append(
                            Trigger(
                                rtype,
                                base + start,
                                base + end,
                                "span",
                                base + o_start,
                                base + o_end,
                                conf,
                            )
                        )
                        taken.update(range(start, end))
                    continue  # "the two men charged with running it": the men, unnamed
            if v == "active" and (
                (_PASSIVE.search(text[max(line_start, start - 40) : start]) and not progressive)
                or text.startswith((" by ", ", by "), end)
                or (
                    _PARTICIPLE.fullmatch(text, start, end)
                    and _WITH_ABSOLUTE.search(text, max(line_start, start - 60), start)
                )
            ):
                v = "passive"
            if (
                v == "active"
                and (
                    text.endswith("'s ", 0, start)
                    or (
                        _DETERMINER_BEFORE.search(text, max(0, start - 6), start)
                        and _RELATIVE_AFTER.match(text, end)
                    )
                )
                and _BARE_NOUN.fullmatch(text, start, end)
            ):
                v = "nominal"  # "the FCA's ban", "the SEC's fine": the body's action, a noun
                # ("The ban, which the FCA imposed on X, ...": a determiner's noun its
                # relative clause tells more of, too)
            if has_obj:
                o_start, o_end = base + m.start("obj"), base + m.end("obj")
                end = min(end, m.start("obj")) if v in ("refer", "suggest") else end
            else:
                o_start = o_end = -1
            kind = rtype
            if rtype == REL.banned and v == "active" and WEB_OBJECT.match(text, end):
                kind = REL.blocked  # "banned its URLs in India": web addresses cut off
            out.append(Trigger(kind, base + start, base + end, v, o_start, o_end, conf, ended_how))
            taken.update(range(start, end))
    # "warned banks not to trade in bitcoin": a directive (the span row's ban), no warning
    directives = {t.start for t in out if t.voice == "span" and t.type == REL.banned}
    out = [t for t in out if not (t.type == REL.warned and t.start in directives)]
    # "registered a case against X": a criminal case opened (INVESTIGATED), no lawsuit
    opened = {t.start for t in out if t.type == REL.investigated and t.voice == "nominal"}
    out = [t for t in out if not (t.type == REL.sued and t.start in opened)]
    return sorted(out, key=lambda t: t.start)


HEDGE = re.compile(
    r"\b(?:not|n't|never|no|neither|nor|without|cannot|could|(?<!in |of |by )(?<!last |late )"
    r"(?<!early )may(?! \d)|might|would|should|shall|will|"
    r"plans?|planning|planned|intends?|intended|intending|seeks?|seeking|sought|asks?|asked|asking|"
    r"urged|urges|urging|wants?|wanted|aims?|proposed|proposes|proposing|consider(?:s|ing|ed)?|"
    r"threaten(?:s|ed)?|expected|likely|prepar(?:es|ing|ed)|set to|poised|fail(?:s|ed)|"
    r"refus(?:es|ed)|declin(?:es|ed)|must|needs?|required|had to|has to|have to|if|unless|whether|"
    r"reported(?:ly)? to|reportedly|allegedly|stops short|stop short|appl(?:y|ied) for|"
    r"requests?|requested|requesting|call(?:ed|s)? for|seek|wish|hope[sd]?|try|tried|trying|"
    r"attempt(?:s|ed)?|"
    # a claim the text calls false, or one a firm makes of itself: "falsely claiming to be
    # registered", "purporting to be licensed", "claims to have approval" (no body granted
    # anything)
    r"falsely|fraudulently claim(?:s|ed|ing)?|claim(?:s|ed|ing)? to"
    r"|purport(?:s|ed|ing)? to|pos(?:e|es|ed|ing) as|in the process of)\b",
    re.IGNORECASE,
)


# HEDGE for lower-case ASCII text: case-blind matching of ASCII is plain lower-casing, and
# without re.IGNORECASE (and with `lead`) the search can skip ahead
_HEDGE_LOWER = compile_lead(HEDGE.pattern)


def hedged(text: str) -> bool:
    """Whether the words before a trigger (in its clause) negate or hedge it (last 25 words)."""
    words = " ".join(text.split()[-25:])
    if words.isascii():
        return bool(_HEDGE_LOWER.search(words.lower()))
    return bool(HEDGE.search(words))
