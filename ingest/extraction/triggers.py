"""Trigger words for the action relations, with the voice each construction implies.

Voices: `active` (actor before, targets after: "the SEC sued Coinbase"), `passive`
(targets before, actor after 'by': "KuCoin has been barred"), `receiver` (the target
is the subject and the actor follows 'with/from/by': "Bybit settled with the OSC",
"Coinbase has held licences from the department"), `nominal` (a noun: "charges
against", "an investigation by X into Y"). `span` constructions limit targets to
a captured object ("ordered X to stop", "put it on its alert list", "declared X illegal").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extraction.scan import Scanner


@dataclass(frozen=True)
class Trigger:
    """One trigger occurrence (document offsets)."""

    type: str
    start: int
    end: int
    voice: str
    obj_start: int = -1
    obj_end: int = -1
    confidence: float = 0.85


_OBJ = r"(?:[^.;\n]|\.(?=,| [a-z]))"  # an object phrase; "Inc.," and "Ltd. and" stay inside
_V = "active"
_N = "nominal"
_R = "receiver"
PATTERNS: list[tuple[str, str, re.Pattern[str], float]] = [
    (
        "BANNED",
        "span",
        re.compile(
            r"\bordered (?P<obj>" + _OBJ + r"{1,160}?) to (?:\w+ly )?(?:stop|cease|halt|suspend"
            r"|wind down|discontinue|"
            r"shut down|close|remove|delist|end)\b"
        ),
        0.85,
    ),
    ("FINED", "span", re.compile(r"\bordered (?P<obj>" + _OBJ + r"{1,160}?) to pay\b"), 0.85),
    (
        "BANNED",
        "span",
        re.compile(
            r"\bdeclar(?:e|ed|es|ing) (?:all |the )?(?P<obj>[^.;\n]{1,80}?) (?:illegal"
            r"|unlawful|banned)\b"
        ),
        0.85,
    ),
    (
        "BANNED",
        _V,
        re.compile(
            r"\b(?:ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|outlaw(?:s|ed|ing)?|forb(?:ade|ids?|idden)|"
            r"remov(?:e|es|ed|ing)|shut(?:s|ting)? down|clos(?:e|es|ed|ing) down|"
            r"bar(?:s|red|ring)?)\b(?! to\b)"
        ),
        0.85,
    ),
    (
        "BANNED",
        "span",
        re.compile(
            r"\badd(?:s|ed|ing)? (?P<obj>[^.;\n]{1,60}?) to (?:its|the|a|an) (?:[\w-]+ ){0,3}?"
            r"(?:sanctions|SDN|blacklist|entity) list\b"
        ),
        0.85,
    ),
    (
        "WARNED",
        "span",
        re.compile(
            r"\badd(?:s|ed|ing)? (?P<obj>[^.;\n]{1,60}?) to (?:its|the|a|an) (?:[\w-]+ ){0,3}?"
            r"(?:(?:alert|warning|watch) list|list of (?:[\w-]+ )?(?:unauthori[sz]ed|unlicensed"
            r"|unregistered|suspicious))"
        ),
        0.85,
    ),
    (
        "SUED",
        "span",
        re.compile(r"\b(?:took|taken|takes|taking|take) (?P<obj>[^.;\n]{1,80}?) to court\b"),
        0.85,
    ),
    (
        "BANNED",
        _V,
        re.compile(
            r"\b(?:sanction(?:ed|ing)|suspend(?:s|ed|ing)?|"
            r"designat(?:ed|es|ing)(?=[^.;\n]{0,160}\b(?:sanction|SDN|Specially Designated)))\b"
        ),
        0.8,
    ),
    (
        "BANNED",
        _N,
        re.compile(r"\b(?:sanctions (?:on|against)|suspension of|seizure of)\b"),
        0.7,
    ),
    (
        "BANNED",
        _V,
        re.compile(
            r"\bseiz(?:e|es|ed|ing)\b(?= (?:the |its |their )?(?:[\w'-]+ ){0,3}?"
            r"(?:servers?|domains?|websites?|infrastructure))"
        ),
        0.8,
    ),
    ("BANNED", _N, re.compile(r"\bban on\b"), 0.7),
    ("BANNED", _V, re.compile(r"\brevok(?:e|es|ed|ing)\b"), 0.5),
    (
        "BLOCKED",
        _V,
        re.compile(
            r"\b(?:block(?:s|ed|ing)?|blacklist(?:s|ed|ing)?|cut(?:s|ting)? off|"
            r"restrict(?:s|ed|ing)? (?:local )?access)\b"
        ),
        0.85,
    ),
    ("FINED", _V, re.compile(r"\bfin(?:es|ed|ing)\b|\bfine\b(?= [A-Z])"), 0.85),
    (
        "FINED",
        _N,
        re.compile(
            r"\b(?:penalt(?:y|ies)|fine of|settlement with|disgorgement)\b"
            r"(?! proceedings| case| action| hearing)"
        ),
        0.75,
    ),
    (
        "FINED",
        _R,
        re.compile(
            r"\b(?:settl(?:e|es|ed|ing) with|(?:agreed|ordered|required) to pay|"
            r"disgorg(?:e|ed|es|ing)|agreed to (?:a|an|the) [^;\n]{0,40}?settlement with|"
            r"(?:and|or) to pay(?= (?:a |an |the )?(?:US|A|C|HK|S)?[$€£¥₦₹]))\b"
        ),
        0.8,
    ),
    (
        "SUED",
        _V,
        re.compile(
            r"\bsu(?:e|es|ed|ing)\b|\bindict(?:s|ed|ing)?\b|"
            r"\bprosecut(?:e|es|ed|ing)\b|\bcharged\b"
        ),
        0.85,
    ),
    (
        "SUED",
        _V,
        re.compile(
            r"\bfil(?:e|es|ed|ing) (?:a |an |its |their )?(?:[\w-]+ ){0,3}?(?:lawsuit|suit"
            r"|complaints?|"
            r"charges?|case|statement of allegations|indictment|proceedings|action)\b"
        ),
        0.85,
    ),
    (
        "SUED",
        _N,
        re.compile(
            r"\b(?:lawsuit|suit|complaints?|case|charges?|indictment|prosecution|proceedings)"
            r"(?: (?:filed|brought))?(?: [^.;\n]{0,30}?)? against\b"
        ),
        0.8,
    ),
    ("SUED", _N, re.compile(r"\b(?:charges?|count charge)\b(?= filed)"), 0.8),
    (
        "SUED",
        _N,
        re.compile(r"\b(?:charges|lawsuit|suit|complaint)\b(?= (?:brought |filed )?(?:by|from) )"),
        0.8,
    ),
    (
        "SUED",
        _V,
        re.compile(r"\b(?:complaint|lawsuit|indictment)\b[^;\n]{0,160}?\b(?P<t>names)\b"),
        0.8,
    ),
    ("SUED", _V, re.compile(r"\baccus(?:e|es|ed|ing)\b"), 0.6),
    (
        "INVESTIGATED",
        _V,
        re.compile(
            r"\b(?:investigat(?:e|es|ed|ing)|prob(?:es|ed|ing)|raid(?:s|ed|ing)?|arrest(?:s|ed|ing)?|"
            r"look(?:s|ed|ing)? into|detain(?:s|ed|ing)?)\b"
        ),
        0.8,
    ),
    (
        "INVESTIGATED",
        _N,
        re.compile(
            r"\b(?:investigations?|probes?|(?:enquir|inquir)(?:y|ies)(?: into)?|examinations?"
            r"|inspections?(?= (?:of|at|into) )"
            r"|audit)\b"
            r"(?! costs?| fees?| expenses?| teams?| units?| division| journalists?| reports?)"
        ),
        0.75,
    ),
    (
        "WARNED",
        "span",
        re.compile(
            r"\bput (?P<obj>[^.;\n]{1,40}?) on (?:its|an|the|a) (?:[\w-]+ )?(?:alert|warning"
            r"|watch) list"
        ),
        0.85,
    ),
    (
        "WARNED",
        _V,
        re.compile(r"\b(?:warn(?:s|ed)?|caution(?:s|ed)?|admonish(?:es|ed)?|reprimand(?:s|ed)?)\b"),
        0.85,
    ),
    (
        "WARNED",
        _N,
        re.compile(
            r"\b(?:warnings?|warning letters?|advisor(?:y|ies)|show[- ]cause(?: notices?"
            r"| orders?)?|"
            r"cease[- ]and[- ]desist(?: orders?| letters?)?|compliance notices?|(?:alert"
            r"|warning) list|"
            r"investor alerts?)\b"
        ),
        0.8,
    ),
    (
        "WARNED",
        "span",
        re.compile(
            r"\b(?:orders?|notices?|letters?) (?:requiring|directing|ordering"
            r"|telling) (?P<obj>[^.;\n]{1,60}?)"
            r" to show cause\b"
        ),
        0.85,
    ),
    (
        "LICENSED",
        "prefix",
        re.compile(r"\b(?P<obj>[A-Z][A-Z0-9&]{1,9})-(?:licensed|registered|approved)\b"),
        0.85,
    ),
    (
        "LICENSED",
        _R,
        re.compile(
            r"\b(?:(?:has|have|had) been |was |were |is |are )?(?:granted|awarded"
            r"|issued)\b(?=[^.;\n]{0,60}"
            r"\b(?:licen[cs]e|approval|registration|authori[sz]ation|permit))|"
            r"\b(?:(?:has|have|had) been|was|were|is|are|being) (?:\w+ly )?(?:approved"
            r"|licensed|registered|"
            r"authori[sz]ed)\b(?! in\b| as\b| under\b)|"
            r"\bregistered with\b|\bon(?:to)? the register\b|"
            r"\b(?:holds?|held|obtained|received|secured|won|got) (?:a |an |the |its |their "
            r"|full )?"
            r"(?:[\w-]+ ){0,3}?(?:licen[cs]es?|approvals?|registrations?|authori[sz]ations?"
            r"|permits?)"
            r"(?= from| by)|\b(?:approval|licen[cs]e|registration) from\b"
        ),
        0.8,
    ),
    (
        "LICENSED",
        _V,
        re.compile(
            r"\b(?:licen[cs](?:es|ed)|approv(?:es|ed)|authori[sz](?:es|ed)|"
            r"grant(?:s|ed)? (?:a |an )?licen[cs]e to|"
            r"register(?:s|ed)(?! with| in| as| under| on| for| to| by| a | an ))"
            r"\b"
        ),
        0.8,
    ),
    (
        "REFERRED_BY",
        "refer",
        re.compile(r"\brefer(?:s|red|ring) (?P<obj>[^.;\n]{1,60}?) to (?P<to>[^.;,\n]{1,60})"),
        0.8,
    ),
    (
        "REFERRED_BY",
        "suggest",
        re.compile(
            r"\b(?:suggested|recommended|urged|asked|requested)\b[^.;\n]{0,40}?\b(?:look into"
            r"|investigate|"
            r"probe|examine|act against|crack down on) (?P<obj>[^.;\n]{1,80})"
        ),
        0.7,
    ),
]
_STEMS: list[tuple[str, ...]] = [
    ("ordered",),
    ("ordered",),
    ("declar",),
    ("ban", "prohibit", "outlaw", "forb", "remov", "shut", "clos", "bar"),
    ("add",),
    ("add",),
    ("to court",),
    ("sanction", "suspend", "designat"),
    ("sanctions", "suspension", "seizure"),
    ("seiz",),
    ("ban on",),
    ("revok",),
    ("block", "blacklist", "cut", "restrict"),
    ("fine",),
    ("penalt", "fine of", "settlement", "disgorg"),
    ("settl", "to pay", "disgorg"),
    ("sue", "sui", "indict", "prosecut", "charged"),
    ("fil",),
    ("against",),
    ("filed",),
    ("charges", "lawsuit", "suit", "complaint"),
    ("names",),
    ("accus",),
    ("investigat", "prob", "raid", "arrest", "look", "detain"),
    ("investigation", "probe", "enquir", "inquir", "examination", "audit", "inspection"),
    ("list",),
    ("warn", "caution", "admonish", "reprimand"),
    ("warning", "advisor", "cause", "desist", "notice", "list", "alert"),
    ("show cause",),
    ("-licensed", "-registered", "-approved"),
    (
        "grant",
        "award",
        "issued",
        "approved",
        "licensed",
        "registered",
        "authori",
        "register",
        "licen",
        "approval",
        "permit",
    ),
    ("licen", "approv", "authori", "grant", "register"),
    ("refer",),
    ("look into", "investigate", "probe", "examine", "act against", "crack down"),
]
GATED = sorted(
    ((*p, s) for p, s in zip(PATTERNS, _STEMS, strict=True)),
    key=lambda p: p[1] != "span",  # object-span constructions win overlaps
)
_PASSIVE = re.compile(
    r"\b(?:was|were|been|be|is|are|being|get|got|gets)(?: (?:\w+ly|also|not|already|since|now))* $"
)


def find_triggers(text: str, base: int = 0, scanner: Scanner | None = None) -> list[Trigger]:
    """Triggers in `text` (a sentence, or a whole document with its `scanner`)."""
    out: list[Trigger] = []
    for rtype, voice, pattern, conf, stems in GATED:
        found = scanner.finditer(pattern, stems) if scanner else pattern.finditer(text)
        for m in found:
            start, end = m.span("t") if "t" in pattern.groupindex else m.span()
            if any(t.start - base <= start < t.end - base for t in out if t.type == rtype):
                continue
            v = voice
            has_obj = "obj" in pattern.groupindex
            line_start = text.rfind("\n", 0, start) + 1
            if v == _V and (
                _PASSIVE.search(text[max(line_start, start - 40) : start])
                or text.startswith(" by ", end)
            ):
                v = "passive"
            if has_obj:
                o_start, o_end = base + m.start("obj"), base + m.end("obj")
                end = min(end, m.start("obj")) if v in ("refer", "suggest") else end
            else:
                o_start = o_end = -1
            out.append(Trigger(rtype, base + start, base + end, v, o_start, o_end, conf))
    return sorted(out, key=lambda t: t.start)


HEDGE = re.compile(
    r"\b(?:not|n't|never|no|neither|nor|without|cannot|could|may|might|would|should|shall|will|"
    r"plans?|planning|planned|intends?|intended|intending|seeks?|seeking|sought|asks?|asked|asking|"
    r"urged|urges|urging|wants?|wanted|aims?|proposed|proposes|proposing|consider(?:s|ing|ed)?|"
    r"threaten(?:s|ed)?|expected|likely|prepar(?:es|ing|ed)|set to|poised|fail(?:s|ed)|"
    r"refus(?:es|ed)|declin(?:es|ed)|must|needs?|required|had to|has to|have to|if|unless|whether|"
    r"reported(?:ly)? to|reportedly|allegedly|stops short|stop short|appl(?:y|ied) for|"
    r"requests?|requested|requesting|call(?:ed|s)? for|seek|wish|hope[sd]?|try|tried|trying|"
    r"attempt(?:s|ed)?)\b",
    re.IGNORECASE,
)


def hedged(text: str) -> bool:
    """Whether the words before a trigger (in its clause) negate or hedge it (last 25 words)."""
    words = text.split()[-25:]
    return bool(HEDGE.search(" ".join(words)))
