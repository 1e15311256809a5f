"""Law titles with a parenthesised part: "Proceeds of Crime (Money Laundering) and
Terrorist Financing Act", "Crimes (Digital Assets) Amendment Act"; and laws named by a
bare head word and their number ("Law 6.385", "Decree No. 2024/77", "Resolution 1058").

Common-law statute titles put a qualifier in parentheses inside the title; a
capitalised run stops at the parenthesis, so the run after it ("... Terrorist Financing
Act") is found as the law and the words before it are lost. When a law's name starts
right after such a parenthesis (and an optional "and"), the title runs back over the
parenthesis to the capitalised words before it.
"""

from __future__ import annotations

import re

from graph.ontology import TYPE
from ingest.extraction.names.candidates import Candidate

# the parenthesised part and the "and" before the law's name, read back from its start
_PAREN_BEFORE = re.compile(r"\([A-Z][a-z][\w'-]*(?: [A-Z][\w'-]*){0,3}\) (?:and )?$")
_JOINS = frozenset(("of", "and", "for", "the", "on", "to", "in"))
_MAX_WORDS = 8


def join_law_titles(text: str, cands: list[Candidate]) -> list[Candidate]:
    """`cands` with each law whose title runs back over a parenthesis made whole."""
    out = []
    for c in cands:
        if c.type != TYPE.law:
            out.append(c)
            continue
        line = text.rfind("\n", 0, c.start) + 1
        paren = _PAREN_BEFORE.search(text, max(line, c.start - 50), c.start)
        start = _title_start(text, line, paren.start()) if paren else None
        if start is None:
            out.append(c)
            continue
        out.append(Candidate(start, c.end, text[start : c.end], TYPE.law, "law"))
    return out


def _title_start(text: str, line: int, paren: int) -> int | None:
    """Where the capitalised words right before `paren` begin (None if there are none)."""
    words = text[line:paren].split(" ")[:-1]  # the text ends with the space before "("
    taken = 0
    for word in reversed(words[-_MAX_WORDS:]):
        if not word or not (word[0].isupper() or word in _JOINS) or word.endswith((",", ".")):
            break
        taken += 1
    kept = words[len(words) - taken :]
    while kept and (kept[0] in _JOINS or kept[0] == "The"):
        kept = kept[1:]
    if not kept:
        return None
    return paren - 1 - len(" ".join(kept))


# a law named by its kind and number alone: the number has a separator, "No." before it,
# or three figures or more (no "Law 5" of a list, no year alone as "Decree 2019")
# ... after a word of its kind ("Memorandum Circular No. 4", "Legislative Decree No.
# 129/2024"; the issuer before it stays a name of its own: "SEC", "BSP"), with the short form
# a release introduces for the kind in parentheses ("Memorandum Circular (MC) No. 4", then
# "MC No. 5")
_NUMBERED = re.compile(
    r"(?<![\w.])(?:(?:Memorandum|Legislative|Executive|Presidential|Royal|Emergency|Ministerial"
    r"|Administrative) )?"
    r"(?:Law|Decree|Resolution|Ordinance|Circular|Instruction)(?: \((?P<abbr>[A-Z]{2,4})\))?"
    r"(?P<no> No\.)?"
    r" (?P<num>\d{1,6}(?:[./,]\d{1,6})*\b(?![.,/]?\d)|\(\d{1,6}\)(?= of\b))"
    # ... and its year: "Law No. 31 of 1970", the Gulf's "Law No. (31) of 1970"
    r"(?: of (?:the [Yy]ear )?\d{4}\b)?"
)


def numbered_laws(text: str) -> list[Candidate]:
    """'Law 6.385', 'Decree No. 2024/77', 'Law No. (31) of 1970': a law's kind, number
    and year, as its name."""
    out = []
    short_forms: set[str] = set()
    for m in _NUMBERED.finditer(text):
        num = m.group("num")
        if m.group("no") or any(c in num for c in "./,") or len(num) >= 3 and len(num) != 4:
            out.append(Candidate(m.start(), m.end(), m.group(), TYPE.law, "law"))
            if m.group("abbr") and m.group("no"):
                short_forms.add(m.group("abbr"))
    for abbr in short_forms:  # "MC No. 5" after "Memorandum Circular (MC) No. 4"
        for m in re.finditer(rf"(?<![\w.]){abbr} No\. \d{{1,6}}\b(?![.,/]?\d)", text):
            out.append(Candidate(m.start(), m.end(), m.group(), TYPE.law, "law"))
    return out


# a law whose title holds a bracketed part with its own joining words, and perhaps its
# year: "Criminal Justice (Money Laundering and Terrorist Financing) Act 2010"
_BRACKETED_TITLE = re.compile(
    r"(?<![\w.])[A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|and|of|for|on|the)){0,5}"
    r" \([A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|and|of|for|on|the|in)){1,8}\)"
    r"(?: Amendment)? (?:Act|Law|Code|Ordinance|Regulations?)(?: (?:of )?\d{4})?\b"
)


def bracketed_law_titles(text: str) -> list[Candidate]:
    """Laws whose titles hold a bracketed part with joining words ("... (Money Laundering
    and Terrorist Financing) Act 2010"), which name runs cut at the bracket."""
    if " (" not in text:
        return []
    out = []
    for m in _BRACKETED_TITLE.finditer(text):
        start = m.start() + (4 if m.group().startswith("The ") else 0)
        out.append(Candidate(start, m.end(), text[start : m.end()], TYPE.law, "law"))
    return out
