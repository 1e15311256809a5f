"""Word tokens with offsets, and the capitalised-name chunker built on them.

Names in news are runs of capitalised words joined by a few connectors ("Bank of
China", "Securities and Exchange Commission", "Office of the National Security
Adviser"). `name_chunks` finds those runs in one sentence; classifying a run
(regulator, company, person...) is `names.org_names`' job.
"""

from __future__ import annotations

import re

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"  # Latin capitals (Latin Extended-A mixes cases; close enough)
_TOKEN = re.compile(r"\w(?:[\w&'-]|\.(?=\w))*|\(\w+\)|[^\w\s]")
_ABBREV_DOT = frozenset(
    "inc ltd co corp pte pty bhd jr sr st no u.s u.k u.n e.u s.a n.v b.v l.l.c b.e "
    "s.p.a k.k s.r.l s.a.s s.l a.s ltda kft "
    "sept jan feb mar apr jun jul aug sep oct nov dec dr mr mrs ms prof gen gov sen rep".split()
)


def lower_in_place(text: str) -> str:
    """`text` lower-cased character by character, so every offset still points at the same
    character: str.lower() turns the Turkish capital 'İ' into two characters ('i' and a
    combining dot), which shifts every later offset of a Turkish story by one."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower()[:1] for c in text)


CONNECTORS = frozenset({"of", "for", "and", "the", "on", "de", "du", "&", "in", "al", "von", "van"})
# particles inside people's names ("Pieter van der Berg", "Mohd Faizal bin Ahmad", "Luis
# de la Cruz"): they join capitalised words as connectors do
NAME_PARTICLES = frozenset(
    "der den ter bin binti bint ibn da dos das del la le di los las y do".split()
)
_JOINERS = CONNECTORS | NAME_PARTICLES
# an Arabic article glued to a capitalised name: "Khalid al-Mansouri", "Ahmed el-Sayed"
_GLUED_ARTICLE = ("al-", "el-")
SENTENCE_WORDS = frozenset(
    "the a an in on at after before under according per besides since unlike both this that "
    "these those its his her their it he she they we i but and or however meanwhile while when "
    "if as so yet also one two some many most last earlier later what why how who where which "
    "there here nothing yes no not by from with to for of among among within without until "
    "because though although despite during over into once currently separately speaking "
    "filing influencers payment thirty-one several officers those neither "
    "reaction remittances opinion prices cryptocurrencies crypto customer is are "
    "today yesterday tonight tomorrow recently defendants defendant perpetrator".split()
)
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


class Token:
    """A word (or punctuation mark) with document offsets and precomputed case facts."""

    __slots__ = ("text", "start", "end", "lower", "is_cap", "starts_name")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        self.lower = text.lower()
        c = text[0]
        self.is_cap = (
            c.isupper()
            or (c == "(" and len(text) > 2 and text[1].isupper())
            or (text.startswith(_GLUED_ARTICLE) and len(text) > 4 and text[3].isupper())
        )
        self.starts_name = c.isupper() and c.isalpha()


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Tokens of `text` with document offsets (`base` + position); keeps 'U.S.' and 'Ltd.' whole."""
    out: list[Token] = []
    for m in _TOKEN.finditer(text):
        start, end = m.start(), m.end()
        word = m.group()
        if end < len(text) and text[end] == "." and word.lower() in _ABBREV_DOT:
            end += 1
        elif end < len(text) and text[end] == "." and len(word) == 1 and word.isupper():
            end += 1  # an initial
        if out and out[-1].end > base + start:
            continue
        out.append(Token(text[start:end], base + start, base + end))
    return out


def _possessive_core(tok: Token) -> bool:
    return tok.text.endswith("'s") or tok.text.endswith("s'")


def name_chunks(tokens: list[Token]) -> list[tuple[int, int]]:
    """Runs of capitalised tokens (with inner connectors) as (first, last+1) token indices.

    Connectors are kept greedily here; `names.org_names.split_chunk` decides where a run
    really holds two names ("Binance and KuCoin") and where one ("Securities and
    Exchange Commission").
    """
    chunks: list[tuple[int, int]] = []
    i, n = 0, len(tokens)
    while i < n:
        if not _starts_name(tokens[i]):
            i += 1
            continue
        j = i + 1
        if not _possessive(tokens[i]):
            while j < n:
                t = tokens[j]
                paren = t.text[0] == "("
                if t.is_cap and (not paren or (j + 1 < n and _starts_name(tokens[j + 1]))):
                    j += 1
                    if _possessive(t):
                        break
                    continue
                k = j
                while k < n and tokens[k].lower in _JOINERS and k - j < 2:
                    k += 1
                if k > j and k < n and _starts_name(tokens[k]):
                    j = k
                    continue
                break
        chunks.append((i, j))
        i = j
    return chunks


# Possessives that are part of a body's name: "People's Bank", "Sofia City Prosecutor's
# Office", "U.S. Attorney's Office", "Attorney General's Office".
_NAME_POSSESSIVES = frozenset(
    ("people's", "prosecutor's", "prosecutors'", "attorney's", "general's", "comptroller's",
     "ombudsman's", "auditor's", "sheriff's", "controller's", "commissioner's")
)  # fmt: skip


def _possessive(tok: Token) -> bool:
    return (
        tok.text.endswith("'s") or tok.text.endswith("s'")
    ) and tok.lower not in _NAME_POSSESSIVES


def _starts_name(tok: Token) -> bool:
    return tok.starts_name
