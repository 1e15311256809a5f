"""Three repairs of page text, made once with the normalisation: sentences and words a
page ran together, and names written in quote marks.

"... without curbs.The FIU also informed ..." lost the space after its full stop (a
scrape that dropped a line break): the space comes back, so the sentences split there.
"... targetKaarat Limited ... andCoinBene, an exchange" lost the space before a name:
a lower-case word glued to a capitalised one that the text also writes alone gets its
space back (a brand written so, "bitFlyer", keeps its second half glued everywhere).
'The SFC warned that "BitCuped" and "Hollo DAO" have ...' and "a probe into the 'Velmo
Group' trading platform" quote the names they give: a short quoted run of capitalised
words is a name written as any other, so its quote marks go and every name rule reads it
as it would read it plain. Speech ("'We will act,' it said"), scare quotes on common
words, defined terms in brackets ('Binance Holdings Limited ("Binance")') and a
nickname between a person's names ('Changpeng "CZ" Zhao') keep theirs.
"""

from __future__ import annotations

import re

# a word ending in two lower-case letters, its full stop, then a capitalised word
_GLUED_STOP = re.compile(r"(?<=[a-z]{2})\.(?=[A-Z][a-z])")
_NOT_PROSE = ("@", "/", "www.")  # an address or a path keeps its dots

# a name's word: capitalised, digit-led, or a lower-case run with an inner capital ("bitFlyer")
_WORD = r"(?:[A-Z0-9]|[a-z]+[A-Z])[\w.&+-]*"
_JOINER = r"(?:of|and|for|the|de|du|des|la|le|&)"
_QUOTED_NAME = re.compile(
    rf"(?<![\w(])(?P<q>[\"'])(?P<name>{_WORD}(?: (?:{_WORD}|{_JOINER})){{0,5}})(?P=q)(?![\w])"
)
_JOINER_END = re.compile(rf" {_JOINER}$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w.-]* $")
_CAPITALISED_AFTER = re.compile(r" [A-Z]")
_BRACKET_LOOK_BACK = 60  # characters: a defined term's bracket opens shortly before it


def split_glued_sentences(text: str) -> str:
    """`text` with a space after each full stop glued to the next sentence's first word."""
    if "." not in text:
        return text
    return _GLUED_STOP.sub(_spaced_stop, text)


def _spaced_stop(m: re.Match[str]) -> str:
    text, at = m.string, m.start()
    start = max(text.rfind(" ", 0, at), text.rfind("\n", 0, at)) + 1
    stop = len(text)
    for end_char in " \n":
        found = text.find(end_char, at)
        if found >= 0:
            stop = min(stop, found)
    token = text[start:stop]
    return "." if any(mark in token for mark in _NOT_PROSE) else ". "


# a word of three lower-case letters or more glued to a capitalised one ("andCoinBene")
_GLUED_WORDS = re.compile(r"(?<![\w.@/-])(?P<low>[a-z]{3,})(?P<cap>[A-Z][a-z][\w]*)(?![\w@])")


def split_glued_words(text: str) -> str:
    """`text` with a space between a lower-case word and the capitalised word glued to it,
    where the text also writes the capitalised word alone."""
    if _GLUED_WORDS.search(text) is None:
        return text
    return _GLUED_WORDS.sub(_spaced_word, text)


def _spaced_word(m: re.Match[str]) -> str:
    cap = m.group("cap")
    alone = re.compile(r"(?<![\w.@/-])" + re.escape(cap) + r"(?!\w)")
    if alone.search(m.string) is None:
        return m.group()
    return f"{m.group('low')} {cap}"


def unquote_names(text: str) -> str:
    """`text` with the quote marks taken off short quoted names (module docstring)."""
    if '"' not in text and "'" not in text:
        return text
    return _QUOTED_NAME.sub(_unquoted, text)


def _unquoted(m: re.Match[str]) -> str:
    text, name = m.string, m.group("name")
    keep = m.group()
    if _JOINER_END.search(name):
        return keep  # a title cut short, no name
    before = text[max(0, m.start() - _BRACKET_LOOK_BACK) : m.start()]
    line_before = before.rsplit("\n", 1)[-1]
    if line_before.rfind("(") > line_before.rfind(")"):
        return keep  # a defined term: 'Binance Holdings Limited ("Binance")'
    if _CAPITALISED_BEFORE.search(line_before) and _CAPITALISED_AFTER.match(text, m.end()):
        return keep  # a nickname: 'Changpeng "CZ" Zhao'
    return name
