"""Trigger rows for the formal words of regulators' releases and law firms' alerts.

Releases and client alerts name the instrument rather than the act: "published a
Statement of Allegations against X" (a case brought), "the entry of a default judgment
against X" (a suit won), "claims that Y previously filed against X" (a case told in a
relative clause), "issued a final stop order against X" (an offer stopped), "a settlement
requiring X to pay a civil penalty of $N to A and B" (each body fined X). Rows as in
`trigger_patterns` (relation type, voice, pattern, confidence), with their key words in
`PROCEEDING_STEMS`, same order; `triggers` reads them before the other rows.
"""

from __future__ import annotations

import re

from graph.ontology import REL
from ingest.extraction.text.regex_lead import compile_lead

PROCEEDING_PATTERNS: list[tuple[str, str, re.Pattern[str], float]] = [
    (  # the instrument that opens or wins a case against a party
        REL.sued,
        "nominal",
        compile_lead(
            r"\b(?:statements? of allegations|default judgments?|notices? of hearing)"
            r" (?:against|in respect of)\b",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (  # "a resolution of claims that the CFTC previously filed against X in 2020": the
        # case told in a relative clause of its claims
        REL.sued,
        "active",
        compile_lead(
            r"\b(?:claims|charges|complaints?|cases?|lawsuits?|suits?|actions?|proceedings)"
            r" (?:that|which) [^,.;\n]{1,60}? (?P<t>filed|brought|lodged|instituted) against\b"
        ),
        0.75,
    ),
    (  # "a final stop order against X": its offer may not go on
        REL.banned,
        "nominal",
        compile_lead(r"\b(?:(?:interim|final|permanent) )?stop orders? (?:against|on)\b"),
        0.7,
    ),
    (  # "requiring X to pay a civil penalty of $N to A and B": the bodies paid fined X
        REL.fined,
        "receiver",
        compile_lead(
            r"\bto pay (?:a |an )?(?:combined |total |joint )?(?:civil )?(?:monetary |money )?"
            r"penalt(?:y|ies)\b(?=[^.;\n]{0,60}? to (?:both |each of )?(?:the )?[A-Z])"
        ),
        0.75,
    ),
]
PROCEEDING_STEMS: list[tuple[str, ...]] = [
    ("allegations", "judgment", "notice of hearing", "notices of hearing"),
    ("filed against", "brought against", "lodged against", "instituted against"),
    ("stop order",),
    ("penalt",),
]
