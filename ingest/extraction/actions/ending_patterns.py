"""Trigger rows whose words are themselves the end of an action, with how it ended.

"the FCA lifted its ban on X", "Kazakhstan unblocked Coinbase", "the agency unfroze the
accounts of X", "OFAC delisted Tornado Cash", "the SEC dropped its lawsuit against
Kraken", "the department revoked the licence of X", "the regulator suspended X's
licence", "X settled charges with the OSC", "the court quashed the ban on X": each
states the base action (BANNED, BLOCKED, SUED, LICENSED ...) as ended. Rows are
(relation type, voice, pattern, confidence, ended_how); `ENDING_STEMS` holds each
row's key words, in the same order. `triggers` tries these rows first, so they win
overlaps with the plain rows of their type ("ban" inside "lifted its ban on").
An `overturned` row names what a court set aside: the court is no actor of it
(`action_status` finds the action it ended).
"""

from __future__ import annotations

import re

from graph.ontology import ENDED, REL
from ingest.extraction.text.regex_lead import compile_lead

_DET = r"(?:(?:its|their|the|a|an|his|her|this|that|all|[\w.&-]+['’]s) )?"
_NP = r"(?:[\w-]+ ){0,3}?"  # a few modifiers: "its 2021 ban", "the civil penalty case"
_LICENCE = (
    r"(?:[Cc]ertificates? of [Rr]egistration|[Ll]icen[cs]es?|BitLicen[cs]es?|[Rr]egistrations?"
    r"|[Aa]uthori[sz]ations?|[Pp]ermits?|permissions?|approvals?|charters?)"
    r"(?: \([A-Z]{2,6}\))?"  # "the Australian financial services licence (AFSL)"
)
_OBJ = r"(?:[^.;\n]|\.(?=,| [a-z]))"
# a comma before a legal form goes on with the firm's name: "B-Express, Inc. and Coinville"
_NO_FORM = r"(?! (?:Inc|Ltd|LLC|L\.L\.C|Limited|Corp|Co|S\.A|AG|GmbH|Pte|Pty|PLC|plc|N\.V|B\.V)\b)"
_OBJ_END = (
    rf"(?=[;\n]|\.(?!,| [a-z])|,{_NO_FORM}| (?:in|on|under|after|for|with|because|from|as"
    r"|over|but|last|this|earlier|effective|citing|following|due|until|till|pending|amid)\b|$"
    # "and" ends the object, unless a last name closes a list: "... of A and B Ltd."
    r"| and\b(?! [A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,3},?(?: (?:Inc|Ltd|LLC|Corp)\.?)?"
    r"(?:(?<=\.)(?= )|[.;\n]|, (?!and\b)|$)))"
)
_HOLDER = (
    r" (?:of|held by|granted to|issued to|(?:it|the \w+) had (?:granted|issued)(?: to)?) "
    r"(?:(?:the|a|an) [^,.;\n]{1,60}?, (?=[A-Z]))?"  # "of the largest exchange, X Pty Ltd"
)
_PASSIVE_AUX = r" (?:was|were|has been|have been|had been|is|are|got) (?:\w+ly )?"
_REVOKED = r"revoked|cancell?ed|withdrawn|rescinded|terminated|pulled|stripped"

ENDING_PATTERNS: list[tuple[str, str, re.Pattern[str], float, str | None]] = [
    (
        REL.banned,
        "active",
        re.compile(
            r"\b(?:lift(?:s|ed|ing)?|rescind(?:s|ed|ing)?|revers(?:e|es|ed|ing)|repeal(?:s|ed|ing)?"
            r"|scrap(?:s|ped|ping)?|end(?:s|ed|ing)?|withdr(?:ew|awn|aws?|awing)|drop(?:s|ped"
            r"|ping)?|remov(?:e|es|ed|ing)) "
            rf"{_DET}{_NP}(?:bans?|prohibitions?|restrictions?|sanctions|curbs)"
            r"(?: (?:on|against|of))?\b|\bunbann?(?:s|ed|ing)?\b"  # "unbanned crypto trading"
        ),
        0.8,
        ENDED.lifted,
    ),
    (
        REL.blocked,
        "active",
        re.compile(
            r"\b(?:unblock(?:s|ed|ing)?|unfr(?:oze|ozen|eezes?|eezing)|(?:lift|rescind|revers"
            rf"|end)\w* {_DET}{_NP}(?:block(?:ing)?|blockade|freeze|freezing orders?)"
            r"(?: (?:on|of|against))?|restor(?:e|es|ed|ing) access to)\b"
        ),
        0.8,
        ENDED.lifted,
    ),
    (REL.banned, "active", re.compile(r"\bdelist(?:s|ed|ing)?\b"), 0.75, ENDED.lifted),
    (
        REL.banned,
        "span",
        re.compile(
            r"\b(?:remov(?:e|es|ed|ing)|delist(?:s|ed|ing)?|t(?:ook|ake|akes|aking)) (?P<obj>"
            + _OBJ
            + r"{1,80}?) (?:from|off) (?:its|the|a|their) (?:[\w-]+ ){0,3}?(?:sanctions"
            r"|SDN|Specially Designated Nationals|blacklist|entity) list\b"
        ),
        0.85,
        ENDED.lifted,
    ),
    (
        REL.warned,
        "span",
        re.compile(
            r"\b(?:remov(?:e|es|ed|ing)|t(?:ook|ake|akes|aking)) (?P<obj>"
            + _OBJ
            + r"{1,80}?) (?:from|off) (?:its|the|a|their) (?:[\w-]+ ){0,3}?(?:alert|warning"
            r"|watch) list\b"
        ),
        0.85,
        ENDED.lifted,
    ),
    (
        REL.fined,
        "active",
        re.compile(
            r"\b(?:waiv(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?|rescind(?:s|ed|ing)?) "
            rf"{_DET}(?:[\w$€£.,-]+ ){{0,4}}?(?:fines?|penalt(?:y|ies))(?: (?:on|against|of))?\b"
        ),
        0.8,
        ENDED.lifted,
    ),
    (
        REL.sued,
        "active",
        re.compile(
            r"\b(?:drop(?:s|ped|ping)?|dismiss(?:es|ed|ing)?|withdr(?:ew|awn|aws?|awing)"
            r"|abandon(?:s|ed|ing)?|discontinu(?:e|es|ed|ing)|walk(?:s|ed|ing)? away from"
            rf"|end(?:s|ed|ing)?) {_DET}{_NP}(?:lawsuits?|suits?|cases?|charges|complaints?"
            r"|claims?|actions?|proceedings|prosecutions?|indictments?)"
            r" (?:(?:filed|brought) )?against\b"
        ),
        0.8,
        ENDED.dismissed,
    ),
    (  # not "pay $24 million to settle charges", whose pay row must reach the agent
        REL.sued,
        "receiver",
        re.compile(
            r"\b(?<![\dmMnkK] to )(?:settl(?:e|es|ed|ing)|resolv(?:e|es|ed|ing))\b"
            r"(?= (?:[\w.'’&-]+ ){0,4}?(?:charges|case|lawsuit|suit|claims|allegations"
            r"|complaint|civil action|action|proceedings)\b)"
        ),
        0.75,
        ENDED.settled,
    ),
    (  # the settled case's companion: the money paid to settle it is a fine, which stands
        REL.fined,
        "receiver",
        re.compile(
            r"\b(?:settl(?:e|es|ed|ing)|resolv(?:e|es|ed|ing))\b(?= (?:[\w.'’&-]+ ){0,4}?"
            r"(?:charges|case|lawsuit|suit|claims|allegations|complaint|civil action|action"
            r"|proceedings)\b[^.;\n]{0,80}?\bfor (?:about |around |approximately |some )?"
            r"(?:US|U\.S\.|A|AU|C|CA|HK|S|NZ|R)?[$€£¥₦₹₩])"
        ),
        0.75,
        None,
    ),
    (
        REL.licensed,
        "span",
        re.compile(
            rf"\b(?P<t>revok(?:e|es|ed|ing)|cancel(?:s|led|ed|ling|ing)?|withdr(?:ew|awn|aws?"
            r"|awing)|rescind(?:s|ed|ing)?|terminat(?:e|es|ed|ing)|str(?:ip|ips|ipped|ipping)"
            r"|pull(?:s|ed|ing)?)"
            rf"(?P<obj> (?:[\w.'’&,-]+ ){{0,6}}?{_LICENCE}(?:{_HOLDER}{_OBJ}{{1,80}}?)?){_OBJ_END}"
        ),
        0.8,
        ENDED.revoked,
    ),
    (
        REL.licensed,
        "span",
        re.compile(
            rf"\b(?P<t>suspend(?:s|ed|ing)?)(?P<obj> (?:[\w.'’&,-]+ ){{0,6}}?{_LICENCE}"
            rf"(?:{_HOLDER}{_OBJ}{{1,80}}?)?){_OBJ_END}"
        ),
        0.8,
        ENDED.suspended,
    ),
    (  # "the revocation of X's licence", "the cancellation of the registration of X"
        REL.licensed,
        "span",
        re.compile(
            r"\b(?P<t>revocation|cancell?ation|withdrawal|termination) of(?P<obj> (?:[\w.'’&,-]+ )"
            rf"{{0,6}}?{_LICENCE}(?:{_HOLDER}{_OBJ}{{1,80}}?)?){_OBJ_END}"
        ),
        0.75,
        ENDED.revoked,
    ),
    (
        REL.licensed,
        "span",
        re.compile(
            r"\b(?P<t>suspension) of(?P<obj> (?:[\w.'’&,-]+ ){0,6}?"
            rf"{_LICENCE}(?:{_HOLDER}{_OBJ}{{1,80}}?)?){_OBJ_END}"
        ),
        0.75,
        ENDED.suspended,
    ),
    (
        REL.licensed,
        "passive",
        re.compile(
            rf"\b{_LICENCE}(?:{_HOLDER}[^.;,\n]{{1,60}}?)?{_PASSIVE_AUX}(?P<t>{_REVOKED})\b"
        ),
        0.8,
        ENDED.revoked,
    ),
    (
        REL.licensed,
        "passive",
        re.compile(rf"\b{_LICENCE}(?:{_HOLDER}[^.;,\n]{{1,60}}?)?{_PASSIVE_AUX}(?P<t>suspended)\b"),
        0.8,
        ENDED.suspended,
    ),
    (
        REL.licensed,
        "span",
        re.compile(
            r"\b(?P<obj>[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,5})['’]s? (?:[\w-]+ ){0,3}?"
            rf"{_LICENCE}{_PASSIVE_AUX}(?P<t>{_REVOKED})\b"
        ),
        0.8,
        ENDED.revoked,
    ),
    (
        REL.banned,
        "active",
        re.compile(
            r"\b(?:overturn(?:s|ed|ing)?|quash(?:es|ed|ing)?|set(?:s|ting)? aside|str(?:uck"
            r"|ikes?|iking) down|annul(?:s|led|ling)?|invalidat(?:e|es|ed|ing)|thr(?:ew|own) out)"
            rf" {_DET}{_NP}(?:bans?|prohibitions?|orders?|circulars?|directives?|decisions?"
            r"|rulings?|restrictions?|curbs?)(?: (?:on|against|banning|blocking))?\b"
        ),
        0.7,
        ENDED.overturned,
    ),
]
ENDING_PATTERNS = [
    (t, v, compile_lead(p.pattern, p.flags), c, e) for t, v, p, c, e in ENDING_PATTERNS
]
ENDING_STEMS: list[tuple[str, ...]] = [
    ("lift", "rescind", "revers", "repeal", "scrap", "end", "withdr", "drop", "remov", "unban"),
    ("unblock", "unfr", "lift", "rescind", "revers", "end", "restor"),
    ("delist",),
    ("remov", "delist", "took", "take", "taking"),
    ("remov", "took", "take", "taking"),
    ("waiv", "cancel", "rescind"),
    ("drop", "dismiss", "withdr", "abandon", "discontinu", "walk", "end"),
    ("settl", "resolv"),
    ("settl", "resolv"),
    ("revok", "cancel", "withdr", "rescind", "terminat", "strip", "pull"),
    ("suspend",),
    ("revocation", "cancel", "withdrawal", "termination"),
    ("suspension",),
    ("revoked", "cancel", "withdrawn", "rescinded", "terminated", "pulled", "stripped"),
    ("suspended",),
    ("revoked", "cancel", "withdrawn", "rescinded", "terminated", "pulled", "stripped"),
    (
        "overturn",
        "quash",
        "aside",
        "struck",
        "strike",
        "annul",
        "invalidat",
        "threw",
        "thrown",
        "striking",
    ),
]
