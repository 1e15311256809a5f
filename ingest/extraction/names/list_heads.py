"""Names that head the items of a numbered or bulleted list.

A regulator's release or a law firm's summary lists the firms it acted on one per item,
each item opening with the firm's name and then its gloss: "1. Korvex: The platform
claims ...", "• Delmar Holdings (DH) purported to ...", "- Quillbit – an unlicensed
exchange". A capitalised run no other rule could type that stands right after an item's
marker and right before the gloss (a colon, a parenthesis, a dash) names a firm, unless
its last word labels a term or a section ("- Restitution: X must pay ...").
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate

# the item marker at a line's start ("1.", "(2)", "a)", "•", "-", "*") and what may follow
# it, the name perhaps in quotes ('- "Korvex" (website https://korvex.io);')
_MARKER = re.compile(r"(?:^|\n)[ \t]*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[•▪◦*·-])[ \t]+[\"']?$")
_GLOSS = re.compile(r"[\"']?[ \t]*(?::|\(|[–—-] )")
# a gloss that gives the item's web address: the item names a website
_WEB_GLOSS = re.compile(
    r"[\"']?[ \t]*[(:–—-][ \t]*(?:(?:web)?site|domain|URL|web address)?:?[ \t]*(?:https?://|www\.)",
    re.IGNORECASE,
)
# the run's last word says the item is a term of an order or a section of a summary, not a
# party: "- Restitution: X is required to pay ...", "- Administrative Penalty: The DFPI ..."
_LABEL = re.compile(
    r"(?:^| )(?:Restitution|Disgorgement|Penalty|Penalties|Fine|Fines|Order|Orders|Terms"
    r"|Requirements?|Findings|Background|Summary|Overview|Sanctions?|Ban|Bans|Warning|Warnings"
    r"|Settlement|Costs|Interest|Injunction|Relief|Undertakings?|Conditions?|Remediation"
    r"|Compliance|Conclusion|Violations?|Allegations?|Charges?|Action|Actions|Note|Notes"
    r"|Update|Decision|Judgment|Judgement|Ruling|Outcome|Status|Date|Amount|Refunds?)$"
)
# the run's last word says it is a venue rather than a firm
_VENUE = re.compile(r"(?:Exchange|Exchanges|Market|Markets|Trade|Trading|Swap|Bit|Coin|Ex)$")


def list_heads(rest: list[Candidate], text: str) -> list[Candidate]:
    """The untyped runs of `rest` that head a list item, typed as firms."""
    out: list[Candidate] = []
    for cand in rest:
        if cand.type is not None or cand.start == 0:
            continue
        if not _MARKER.search(text, max(0, cand.start - 12), cand.start):
            continue
        if not _GLOSS.match(text, cand.end) or _LABEL.search(cand.surface):
            continue
        if _WEB_GLOSS.match(text, cand.end):
            kind = TYPE.website
        else:
            kind = TYPE.exchange if _VENUE.search(cand.surface) else TYPE.company
        out.append(Candidate(cand.start, cand.end, cand.surface, kind, "cue"))
    return out
