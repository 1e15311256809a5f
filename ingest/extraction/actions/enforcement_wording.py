"""Enforcement wording of regulators' releases and the trade press, beside the main table.

Rows in the shape of `trigger_patterns.PATTERNS` (type, voice, pattern, confidence) with
their key words in `STEMS` (same order); `trigger_patterns` appends them to its table.

- "the regulator flagged A, B and C" (as unlicensed firms): a public warning, WARNED;
- "announced a consent order with X", "entered into a consent agreement with X": the
  settlement of a supervisor's case, FINED (the money, where the text gives it);
- "the DOJ extradited X", "X was extradited from Panama": taken into custody for trial,
  INVESTIGATED (as arrests are);
- "an asset freeze order against X" BLOCKED; "a $40 million judgment against X" FINED;
  "a conviction against X" SUED (the prosecution that won it); "a cease trade order
  against X" BANNED; "seized $12 million in cryptocurrency from X" BLOCKED;
- "is seeking $10 billion in damages from X" SUED (a claim, not a fine imposed);
- "blacked out five websites", "ordered the blackout of five websites" BLOCKED;
- "notified prosecutors about X" REFERRED_BY (as "reported X to the police" is);
- "a court sentenced X to 11 years", "X was sentenced to ... by Y" SUED (the prosecution
  that convicted X, as "a conviction against X" is); "... to 11 years and a $5 million
  fine" FINED too (the court's own penalty);
- "authorities took down the exchange X" BANNED (shut down); "police dismantled a group
  accused of fraud" INVESTIGATED;
- "police registered a case against X", "lodged an FIR against X" INVESTIGATED (a
  criminal case opened, no suit);
- "updated its list of suspect platforms by adding 21 new sites" WARNED (what a warning
  list gains is warned against, as "added X to its alert list" is);
- "the regulator liquidated 36 illegal crypto platforms" BANNED (wound up, as shut down).
"""

from __future__ import annotations

import re

from graph.ontology import REL

ROWS: list[tuple[str, str, re.Pattern[str], float]] = [
    (
        REL.warned,
        "active",
        re.compile(
            r"\bflag(?:s|ged|ging)\b(?! (?:up|down|that|how|whether|it|them|this|these|those"
            r"|(?:the |its |their |some |serious |several )?(?:concerns?|risks?|issues?|problems?"
            r"|need|questions?|gaps?|weaknesses|deficiencies|transactions?|payments?)\b))"
        ),
        0.75,
    ),
    (
        REL.fined,
        "nominal",
        # ("a Consent Order against X": a release's capitals)
        re.compile(r"\b[Cc]onsent (?:[Oo]rders?|[Aa]greements?|[Dd]ecrees?) (?:with|against)\b"),
        0.75,
    ),
    (
        REL.investigated,
        "active",
        re.compile(r"\bextradit(?:e|es|ed|ing)\b(?! (?:request|treaty|proceedings|hearing))"),
        0.75,
    ),
    (  # "obtained an asset freeze order against X": X's assets are frozen
        REL.blocked,
        "nominal",
        re.compile(r"\b(?:asset[- ])?freez(?:e|ing) orders? (?:against|on)\b"),
        0.75,
    ),
    (  # "won a $40 million judgment against X": a sum the court ordered X to pay
        REL.fined,
        "nominal",
        re.compile(
            r"(?:[$€£]|\b(?:US|A|C|S|HK)\$) ?\d[\d.,]*(?: ?(?:million|billion|bn|m)\b)?"
            r" (?:[\w-]+ ){0,2}?judgments? against\b"
        ),
        0.75,
    ),
    (  # "secured a conviction against X": a prosecution that succeeded
        REL.sued,
        "nominal",
        re.compile(
            r"\bconvictions? (?:against|of)\b(?! (?:the|its|their|his|her) \w+ (?:that|to)\b)"
        ),
        0.75,
    ),
]
ROWS += [
    (  # "a temporary cease trade order against X" (Canadian regulators): X may not trade
        REL.banned,
        "nominal",
        re.compile(r"\bcease[- ]trad(?:e|ing) orders? (?:against|on|for)\b"),
        0.75,
    ),
    (  # "seized $12 million in cryptocurrency from X": X's funds taken, as a freeze is
        REL.blocked,
        "span",
        re.compile(
            r"\bseiz(?:e|es|ed|ing) (?=[^.;\n]{0,60}?(?:\d|crypto|funds|assets|bitcoins?|tokens"
            r"|USDT|tether)[^.;\n]{0,60}? from )[^.;\n]{1,120}? from (?P<obj>[^.;\n]{1,80})"
        ),
        0.75,
    ),
    (  # "is seeking $10 billion in damages from X", "seeks disgorgement and civil penalties
        # from X": money claimed in a case against X
        REL.sued,
        "span",
        re.compile(
            r"\b(?:seek(?:s|ing)?|sought) (?=[^.;\n]{0,80}?\b(?:damages|penalt(?:y|ies)"
            r"|disgorgement|restitution|compensation|forfeiture)\b[^.;\n]{0,40}? from )"
            r"[^.;\n]{1,120}? from (?P<obj>[^.;\n]{1,80})"
        ),
        0.75,
    ),
    (  # "an Istanbul court sentenced X to 11 years": the prosecution that convicted X
        REL.sued,
        "active",
        re.compile(
            # (an apposition may name the person's part: "sentenced X, BTC-e's operator, to")
            r"\bsentenc(?:es|ed|ing)\b(?= (?:[\w.,'-]+ ){1,8}?to (?:\d|[a-z-]+ (?:years?|months?)"
            r"|life\b|prison|jail|death|time served))"
        ),
        0.7,
    ),
    (  # "sentenced X to 11 years in jail and a $5 million fine": the court fined X too
        REL.fined,
        "active",
        re.compile(
            r"\bsentenc(?:es|ed|ing)\b(?=[^.;\n]{1,240}?\b(?:and|along with|plus|as well as"
            r"|in addition to|with) (?:a|an) (?:[\w$€£¥₹₩.,-]+ ){0,3}?fines?\b)"
        ),
        0.7,
    ),
    (  # "CONSOB blacked out five websites" (Italian regulators' word for blocking access)
        REL.blocked,
        "active",
        re.compile(r"\bblack(?:s|ed|ing)?[- ]out\b"),
        0.75,
    ),
    (  # "ordered the blackout of five websites", "the blocking of 12 domains"
        REL.blocked,
        "nominal",
        re.compile(r"\b(?:blackout|black-out|blocking) of\b"),
        0.75,
    ),
    (  # "the KNF notified prosecutors about X": X referred to those who investigate crimes
        REL.referred_by,
        "refer",
        re.compile(
            r"\bnotif(?:y|ies|ied|ying) (?:the )?(?:public |state |local )?(?:prosecutors?"
            r"|prosecutor's office|prosecution service|police|law enforcement(?: authorities)?)"
            r" (?:about|of|regarding|concerning) (?P<obj>[^.;\n]{1,80})"
        ),
        0.75,
    ),
    (  # "X was sentenced to 25 years by a Manhattan judge"
        REL.sued,
        "passive",
        re.compile(r"\b(?:was|were|been|being|is|are) sentenced\b(?= to\b)"),
        0.7,
    ),
    (  # "police registered a case against X", "lodged an FIR against X": a criminal case
        # opened by those who investigate (South Asian usage), no suit (`triggers` drops the
        # SUED the noun "case against" gives)
        REL.investigated,
        "nominal",
        re.compile(
            r"\b(?:regist(?:ered|ers|ering|er)|lodg(?:ed|es|ing|e)) (?:a |an |the )?"
            r"(?:[\w-]+ ){0,3}?(?P<t>cases?|FIRs?|[Ff]irst [Ii]nformation [Rr]eports?)"
            r"(?= against\b)"
        ),
        0.75,
    ),
    (  # "Europol and Dutch authorities took down the exchange X": shut down, as "taken
        # offline" is
        REL.banned,
        "active",
        re.compile(
            r"\bt(?:ook|akes?|aking|aken) down\b(?! (?:the |a |its )?(?:posts?|videos?"
            r"|tweets?|content|comments?|articles?|ads?|advertisements?)\b)"
        ),
        0.75,
    ),
    (  # "police dismantled a group accused of fraud", "dismantled the network behind X":
        # those who broke it up investigated it (as an arrest is)
        REL.investigated,
        "active",
        re.compile(r"\bdismantl(?:ed|es|ing|e)\b"),
        0.7,
    ),
    (  # "the FCA's fine", "the SEC's $4 million penalty": a body's penalty named by its
        # possessive alone (the party told elsewhere: "X challenged the FCA's fine")
        REL.fined,
        "nominal",
        re.compile(
            r"(?:'s|\u2019s) (?:[\w$\u20ac\u00a3\u00a5\u20b9.,-]+ ){0,3}?"
            r"(?P<t>fines?|penalt(?:y|ies))\b(?! (?:on|against|of|for)\b)"
        ),
        0.7,
    ),
    (  # "X's bank accounts were frozen by the ED", "the assets of X have been frozen":
        # the holder's funds blocked (as "froze X's assets" is)
        REL.blocked,
        "passive",
        re.compile(
            r"\b(?:assets|accounts|funds|wallets|balances|deposits|holdings)"
            r"(?: (?:of|belonging to|held by|linked to) [^,.;\n]{1,60}?)? "
            r"(?P<t>(?:were|was|have been|has been|had been|are being|is being) frozen)\b"
        ),
        0.75,
    ),
    (  # "the FSMA updated its list of suspect platforms by adding 21 new sites": the body
        # that keeps a warning list warns what it adds to it
        REL.warned,
        "span",
        re.compile(
            r"\b(?:updat|expand|extend|enlarg)(?:es|ed|ing) (?:its|their|the) (?:warning |alert "
            r"|black|blacklist |watch)?list\b[^.;\n]{0,160}? by adding (?P<obj>[^.;\n]{1,80})"
        ),
        0.75,
    ),
    (  # "the regulator liquidated 36 illegal crypto platforms": wound up, shut down (not
        # "liquidated its positions", "liquidated assets": a sale)
        REL.banned,
        "active",
        re.compile(
            r"\bliquidat(?:ed|es|ing)\b(?= (?:(?:the|a|an|its|\d[\d,]*|two|three|four|five|six"
            r"|seven|eight|nine|ten|several|dozens of) )?(?:[\w-]+ ){0,3}?(?:platforms?|exchanges?"
            r"|firms?|companies|company|entities|entity|operators?|businesses|pyramids?|schemes?)\b)"
        ),
        0.7,
    ),
]
STEMS: list[tuple[str, ...]] = [
    ("flag",),
    ("consent",),
    ("extradit",),
    ("freez",),
    ("judgment",),
    ("conviction",),
    ("cease trad", "cease-trad"),
    ("seiz",),
    ("seek", "sought"),
    ("sentenc",),
    ("sentenc",),
    ("black",),
    ("blackout", "black-out", "blocking of"),
    ("notif",),
    ("sentenced",),
    ("regist", "lodg"),
    ("took down", "take down", "takes down", "taking down", "taken down"),
    ("dismantl",),
    ("'s", "\u2019s"),
    ("frozen",),
    ("by adding",),
    ("liquidat",),
]
