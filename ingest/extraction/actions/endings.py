"""Words that end an action, and whether one governs a trigger.

An ending word is a verb or noun that lifts, revokes, suspends, overturns, settles,
dismisses or lets expire what an action put in place: "lifted", "reversed", "unfroze",
"revoked", "quashed", "set aside", "settled", "dropped", "the dismissal of", "expired".
What it ends decides how: a withdrawn licence is `revoked` but a withdrawn lawsuit
`dismissed`; a dropped ban is `lifted` (`ended_how`). `governing_ending` says whether
such a word governs a trigger: before it with only its noun phrase between ("lifted
its 2021 ban on", "quashed a 2017 order by the court blocking", "the revocation of
X's licence"), or as the passive of the trigger's noun ("the ban was lifted", "the
licence of X was revoked", "a fine was imposed but waived"). Negated and hedged
endings ("declined to dismiss", "a motion to dismiss", "plans to lift") end nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from graph.ontology import ENDED, REL
from ingest.extraction.actions.triggers import hedged
from ingest.extraction.text.literal_gate import gate

# verb (and noun) classes of ending words
LIFT, REVOKE, SUSPEND, OVERTURN, SETTLE, DISMISS, CLOSE, EXPIRE = (
    "lift",
    "revoke",
    "suspend",
    "overturn",
    "settle",
    "dismiss",
    "close",
    "expire",
)
# "the case collapsed", "the prosecution fell apart", "the proceeding has failed": a case
# ends with no decision named
COLLAPSE = "collapse"
# "access was restored": ends a block or ban, nothing else (a restored licence stands again)
RESTORE = "restore"
# "the case was thrown out", "a judge tossed the lawsuit": a case dismissed, an order overturned
THROW_OUT = "throw_out"
# the action nouns a closing verb may take as object: "closed its investigation into X"
_CLOSABLE = (
    r"(?:cases?|investigations?|probes?|inquir(?:y|ies)|enquir(?:y|ies)|proceedings|matter"
    r"|files?|prosecutions?)"
)
# what "removed" ends: "removed the restriction", "removes sanctions on"
_REMOVABLE = (
    r"(?:bans?|prohibitions?|restrictions?|sanctions|curbs?|blocks?|blocking|blockade"
    r"|freezes?|freezing orders?|suspensions?)"
)
_PAID_CLOSE = "paid_close"  # "pay R$ 9.6 million to close the process": a settlement
_CLASSES: list[tuple[str, str]] = [
    (
        _PAID_CLOSE,
        r"(?<=\bto )(?:close|end|terminate)(?= (?:the|its|this|that) (?:[\w-]+ ){0,2}(?:case"
        r"|process|proceedings|matter|investigation|probe|action)\b)",
    ),
    (
        LIFT,
        r"lift(?:s|ed|ing)?|rescind(?:s|ed|ing)?|revers(?:e|es|ed|ing|al of)|repeal(?:s|ed|ing"
        r"| of)?|scrap(?:s|ped|ping)?|unblock(?:s|ed|ing)?|unfr(?:oze|ozen|eezes?|eezing)"
        r"|delist(?:s|ed|ing)?|waiv(?:e|es|ed|ing|er of)|end(?:s|ed|ing)?(?! of\b)"
        r"|lifting of|rescission of|remov(?:e|es|ed|ing|al of)(?= (?:(?:the|its|their|all|a|an"
        rf"|this|that|these|those|[\w.&-]+['’]s) )?(?:[\w-]+ ){{0,3}}?{_REMOVABLE}\b)",
    ),
    (RESTORE, r"restor(?:e|es|ed|ing)|reinstat(?:e|es|ed|ing)"),
    (THROW_OUT, r"thr(?:ew|own|ows?|owing) out|toss(?:es|ed|ing)?(?: out)?"),
    (
        REVOKE,
        r"revok(?:e|es|ed|ing)|revocation of|cancel(?:s|led|ed|ling|ing)?|cancell?ation of"
        r"|withdr(?:ew|awn|aws?|awing|awal of)|terminat(?:e|es|ed|ing)|termination of"
        r"|str(?:ip|ips|ipped|ipping)|pull(?:s|ed|ing)?(?= (?:(?:the|its|their|a|an"
        r"|[\w.&-]+['’]s) )?(?:[\w-]+ ){0,2}?(?:(?:bit)?licen[cs]es?|registrations?"
        r"|authori[sz]ations?|permits?|approvals?)\b)",
    ),
    (
        SUSPEND,
        r"suspend(?:s|ed|ing)?|suspension of"
        # a court's stay halts an order for now: "a court stayed the ban", "the order was stayed"
        r"|stay(?:s|ed)(?= (?:(?:the|its|their|this|that|a|an|[\w.&-]+['’]s) )?(?:[\w-]+ ){0,2}?"
        r"(?:bans?|orders?|rulings?|decisions?|fines?|penalt(?:y|ies)|sanctions|suspensions?"
        r"|block(?:ing)?|freeze|directives?|circulars?)\b)"
        r"|(?:(?<=\bwas )|(?<=\bwere )|(?<=\bbeen ))stayed",
    ),
    (
        OVERTURN,
        r"overturn(?:s|ed|ing)?|quash(?:es|ed|ing)?|quashing of"
        r"|set(?:s|ting)? (?:(?:the|this|that|its|their|a|an) )?(?:[\w-]+ ){0,2}?aside"
        r"|str(?:uck|ikes?|iking) down|annul(?:s|led|ling|ment of)?|invalidat(?:e|es|ed|ing)"
        r"|vacat(?:e|es|ed|ing)",
    ),
    (
        SETTLE,
        r"settl(?:e|es|ed|ing)|settlement of|resolv(?:e|es|ed|ing)"
        r"|(?:reach(?:ed|es|ing)?|enter(?:ed|s|ing)? into|sign(?:ed|s|ing)?|str(?:uck|ike|ikes))"
        r" (?:a|an) (?:[\w-]+ )?settlement(?= with\b)"
        # "agreed to a $24 million settlement after the SEC sued it"
        r"|agree(?:d|s|ing)? to (?:a|an) (?:[\w$€£¥₹₩.,-]+ ){0,4}?settlement",
    ),
    (
        DISMISS,
        r"dismiss(?:es|ed|ing)?|dismissal of|drop(?:s|ped|ping)?|abandon(?:s|ed|ing)?"
        r"|discontinu(?:e|es|ed|ing)|walk(?:s|ed|ing)? away from|acquit(?:s|ted|ting)?",
    ),
    (
        CLOSE,
        r"clos(?:e|es|ed|ing)(?=[^.;]{0,60}\b(?:without|with no) (?:any )?(?:further )?"
        r"(?:[\w-]+ )?(?:charges?|action|penalty|findings|prosecution|case to answer)"
        r"|[^.;]{0,240}\b(?:no (?:crime|offen[cs]e|wrongdoing|violation)s? (?:had been|was|were"
        r"|has been) committed|(?:insufficient|lack of|no) evidence)"
        # "closed its investigation into X", "closed the proceedings against the company"
        r"|(?= (?:(?:the|its|their|this|that|a|an|his|her|[\w.&-]+['’]s) )?(?:[\w-]+ ){0,2}?"
        rf"{_CLOSABLE}\b))"
        # "the probe into X was closed": the passive (its noun decides what it ends)
        r"|(?:(?<=\bwas )|(?<=\bwere )|(?<=\bbeen )|(?<=\bis )|(?<=\bare ))closed(?! down\b)",
    ),
    (EXPIRE, r"expired|expiry of|expiration of|lapsed"),
    (
        COLLAPSE,
        r"collaps(?:e|es|ed|ing)|f(?:ell|alls?|allen) (?:apart|through)|fail(?:ed|s)(?! to\b)",
    ),
]
# tried only where one of its words starts (text/literal_gate.py): searched in every
# sentence, it cost a tenth of the extractor's time
ENDING = gate(
    re.compile(
        r"\b(?:" + "|".join(f"(?P<{cls}>{words})" for cls, words in _CLASSES) + r")\b",
        re.IGNORECASE,
    )
)
# what a trigger's noun phrase may hold between an ending word and the trigger
# an appeal against a fine is what a court dismisses, not the fine
NOT_THE_ACTION = re.compile(
    r"\b(?:appeals?|challenges?|petitions?|objections?|applications?|motions?|requests?|bids?"
    r"|pleas?|plans?|proposals?)\b",
    re.IGNORECASE,
)
NOUN_PHRASE_STOP = re.compile(
    r"[,;:]|\b(?:and|but|or|which|who|whom|that|after|before|when|while|because|as|since|until"
    r"|if|said|says|was|were|is|are|has|have|had|would|will|could|from)\b|"
    + NOT_THE_ACTION.pattern,
    re.IGNORECASE,
)
_NOT_DONE = re.compile(
    r"\b(?:motions?|bid|move[ds]?|moving|appeal(?:ed|s)?|petition(?:ed|s)?|applications?"
    r"|challeng(?:e|es|ed|ing)|efforts?|calls?|votes?|voted against)\s+(?:\w+\s+)?(?:to|for)\s+$",
    re.IGNORECASE,
)
# "dismissed most of the claims", "dropped two of the charges": part of a case, which goes on
_PART_OF = re.compile(
    r" (?:some|most|part|parts|several|many|certain|one|two|three|four|five|\d+) of (?:the|its"
    r"|their|his|her) ",
    re.IGNORECASE,
)
_NOUNS = re.compile(
    r"\b(?:bans?|prohibitions?|blocks?|blocking|blockade|freeze|fines?|penalt(?:y|ies)"
    r"|(?:bit)?licen[cs]es?|registrations?|authori[sz]ations?|approvals?|permits?|permissions?"
    r"|lawsuits?|suits?|cases?|charges?|complaints?|indictments?|prosecutions?|proceedings"
    r"|investigations?|probes?|inquir(?:y|ies)|enquir(?:y|ies)|warnings?|orders?|sanctions?"
    r"|suspensions?|designations?|restrictions?|curbs?|circulars?|actions?|claims?|decisions?"
    r"|rulings?|judgm?ents?|measures?|directives?|notices?|rules?)\b",
    re.IGNORECASE,
)
_PASSIVE_ENDING = re.compile(
    r"\b(?:was|were|(?:has|have|had) been|is|are|being|got|gets|be)\s+"
    r"(?:(?:\w+ly|also|later|then|subsequently|since|formally|eventually|itself|all|both)\s+)*"
    r"(?:\w+ed\s+(?:but|and|then)\s+(?:(?:then|later|subsequently|since)\s+)?)?"
    r"(?=(?P<word>\w+(?: (?:aside|down|out|away from))?))",
    re.IGNORECASE,
)
_INTRANSITIVE = re.compile(
    r"(?:\s+[\w'’-]+){0,4}?\s+(?:(?:has|have|had)\s+)?(?:\w+ly\s+)?(?=(?:expir|laps))",
    re.IGNORECASE,
)
_LEFT_WORDS = 10
_NEW_CONJUNCT = re.compile(
    r"\b(?:and|but|while|whereas) (?=(?:the|its|their|his|her|a|an|this|that)\b)|[;:]",
    re.IGNORECASE,
)
_END_OR_CLOSE = re.compile(r"end|clos", re.IGNORECASE)
# a connective inside a proper name ("Securities and Exchange Commission") ends no phrase
_NAME_LINK = re.compile(r"(?:[A-Z][\w.&'’-]*|of|the) (?:and|&) [A-Z]")


def noun_phrase_stop(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first word of `text[start:end]` that ends a noun phrase (`NOUN_PHRASE_STOP`),
    skipping the "and" of a name ("the Securities and Exchange Commission's case") and a
    "that" opening the phrase as its determiner ("that directive")."""
    for m in NOUN_PHRASE_STOP.finditer(text, start, end):
        if m.group().lower() == "that" and not text[start : m.start()].strip():
            continue  # a determiner that opens the phrase: "lifted that directive"
        if m.group().lower() == "and":
            left = text.rfind(" ", max(0, m.start() - 40), m.start() - 1) + 1
            if text[m.start() - 1 : m.start()] == " " and _NAME_LINK.match(text, left):
                continue
        return m
    return None


_PAYING = re.compile(r"\bpa(?:y|ys|id|ying)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Ending:
    """An ending word at `start`-`end` (document offsets) and its class (`LIFT` ...)."""

    cls: str
    start: int
    end: int


def ended_how(cls: str, rel_type: str) -> str | None:
    """How an action of `rel_type` ends when an ending word of class `cls` ends it."""
    cases = (REL.sued, REL.investigated)
    if cls == COLLAPSE:  # a case that collapses is dropped; nothing else collapses
        return ENDED.dismissed if rel_type in cases else None
    if cls == RESTORE:  # access restored: the block or ban is lifted
        return ENDED.lifted if rel_type in (REL.blocked, REL.banned) else None
    if cls == THROW_OUT:  # a case thrown out is dismissed; an order, overturned
        if rel_type == REL.licensed:
            return None
        return ENDED.dismissed if rel_type in cases or rel_type == REL.warned else ENDED.overturned
    if cls == LIFT:  # "ended its probe", "scrapped the case": dropped
        return ENDED.dismissed if rel_type in cases else ENDED.lifted
    if cls == REVOKE:
        if rel_type == REL.licensed:
            return ENDED.revoked
        return ENDED.dismissed if rel_type in cases else ENDED.lifted
    if cls == SUSPEND:
        return ENDED.suspended
    if cls == OVERTURN:
        return ENDED.overturned
    if cls == SETTLE:
        return ENDED.settled if rel_type in cases else None
    if cls in (DISMISS, CLOSE):
        if rel_type in cases or rel_type == REL.warned:
            return ENDED.dismissed
        return None if rel_type == REL.licensed else ENDED.lifted
    return ENDED.expired


def endings_in(
    text: str, start: int, end: int, clause_start: int | Callable[[int], int] | None = None
) -> list[Ending]:
    """The ending words of `text[start:end]` that nothing in their clause negates or
    hedges; `clause_start`: where that clause starts (an offset, or a function of the
    ending's offset; default `start`)."""
    out = []
    for m in ENDING.finditer(text, start, end):
        cls = next(c for c, _ in _CLASSES if m.group(c))
        if clause_start is None:
            lead_from = start
        elif isinstance(clause_start, int):
            lead_from = clause_start
        else:
            lead_from = clause_start(m.start())
        lead = text[max(lead_from, m.start() - 160) : m.start()]
        # "X does not admit guilt and the process is closed": a negation of the first
        # conjunct does not reach a second one with its own subject
        if cls == _PAID_CLOSE:
            if not _PAYING.search(lead):
                continue
            cls = SETTLE
            lead = lead.replace(" will pay", " pays")  # an agreed settlement's terms
        elif cls == SETTLE and _PAYING.search(lead):
            lead = lead.replace(" will pay", " pays")  # "will pay $12 million to settle"
        elif cls in (LIFT, CLOSE) and _PAYING.search(lead) and _END_OR_CLOSE.match(m.group()):
            cls = SETTLE  # "agreed to pay $4.3 billion, ending the probe": a settlement
        cuts = [c.end() for c in _NEW_CONJUNCT.finditer(lead)]
        lead = lead[cuts[-1] :] if cuts else lead
        if hedged(lead) or _NOT_DONE.search(lead) or _PART_OF.match(text, m.end()):
            continue
        out.append(Ending(cls, m.start(), m.end()))
    return out


def governing_ending(
    text: str, clause_start: int, clause_end: int, trig_start: int, trig_end: int
) -> Ending | None:
    """The ending word that governs the trigger at `trig_start`-`trig_end`, if any.

    Only a noun can be governed ("lifted its ban", "the ban was lifted"), or a verb
    hanging on one ("quashed the order blocking X"): "in 2022 the bank banned X" is no
    ending of the ban.
    """
    noun = bool(_NOUNS.search(text, trig_start, trig_end))
    # searched up to the trigger's end: a lookahead may need its noun ("closed its probe")
    before = [e for e in endings_in(text, clause_start, trig_end) if e.end <= trig_start]
    for ending in reversed(before):
        gap = text[ending.end : trig_start]
        if (
            len(gap.split()) <= _LEFT_WORDS
            and not noun_phrase_stop(text, ending.end, trig_start)
            and (noun or _NOUNS.search(gap))
        ):
            return ending
        break
    if not noun or NOT_THE_ACTION.search(text, max(clause_start, trig_start - 40), trig_start):
        return None
    tail = text[trig_end:clause_end]
    verb = _PASSIVE_ENDING.search(tail)
    if verb is None or NOUN_PHRASE_STOP.search(tail[: verb.start()].replace(",", " ")):
        verb = None
    if verb is None:
        lapse = _INTRANSITIVE.match(tail)
        if lapse is None:
            return None
        at = trig_end + lapse.end()
    else:
        at = trig_end + verb.start("word")
    found = endings_in(text, at, min(clause_end, at + 40), clause_start)
    return found[0] if found and found[0].start == at else None
