"""Conduct named by a gerund as the object of a prohibition or a warning.

"warned consumers against buying digital currencies", "barred lenders from trading in
cryptocurrencies", "the ban on dealing in virtual currencies": the gerund phrase names
the activity the action falls on, as written. Only after "against", "from" or "on" (the
prepositions that carry what a rule forbids or warns of): "accused of using
cryptocurrencies to ..." names no activity.
"""

from __future__ import annotations

import re

_GERUNDS = (
    "dealing",
    "trading",
    "using",
    "buying",
    "selling",
    "investing",
    "holding",
    "issuing",
    "accepting",
    "offering",
    "promoting",
    "facilitating",
    "transacting",
    "exchanging",
)
# the crypto thing the gerund acts on: "(virtual|digital|crypto) currencies",
# "cryptocurrencies", "crypto assets", "digital tokens", "bitcoin"
_CRYPTO_OBJECT = (
    r"(?:virtual|digital|crypto|private|unbacked)[- ](?:currenc(?:y|ies)|assets?|tokens?|coins?)"
    r"|(?:(?:virtual|digital|private|unbacked)[- ])?(?:[Cc]ryptocurrenc(?:y|ies)|[Bb]itcoins?)"
    r"|crypto(?:-assets?)?"
)
# "any type of", "all forms of", "such": a quantifier between the verb and the crypto thing
_QUANTIFIER = r"(?:(?:any|all|every|other) (?:types?|forms?|kinds?|sorts?) of |any |all |such )"
# a crypto word that is only the modifier of another noun names no conduct: "crypto scams",
# "cryptocurrency-related investment scams"
_NOT_MODIFIER = (
    r"(?!-\w)(?! (?:scams?|schemes?|fraud|firms?|companies|exchanges?|platforms?|businesses"
    r"|operators|services?|providers?|ATMs?|wallets?|ads|advert\w*|projects?|traders?|dealers?|investors?"
    r"|influencers?|promoters?|apps?|websites?|accounts?)\b)"
)
_GERUND = rf"(?:{'|'.join(_GERUNDS)})(?: (?:in|with))?"
# "trading in or promoting cryptocurrencies", "the use of Bitcoin", "any form of crypto"
_CONDUCT = (
    rf"(?:(?:{_GERUND} (?:or|and) )?{_GERUND} "
    r"|(?:use|usage|trade|sale|purchase|issuance|promotion) (?:of|in) )?"
)
GERUND_OBJECT = re.compile(
    r"\b(?P<prep>against|from|on|about|of|over|for) (?:the )?"
    rf"(?P<what>(?P<conduct>{_CONDUCT}){_QUANTIFIER}?(?P<thing>{_CRYPTO_OBJECT}))\b{_NOT_MODIFIER}"
)
GERUND_STEMS = (
    *_GERUNDS,
    "use of",
    "usage of",
    "trade in",
    "sale of",
    "purchase of",
    "crypto",
    "bitcoin",
    "virtual",
    "digital",
    "private",
    "unbacked",
)

# "warned the public not to use any form of digital currency": the conduct told against
NOT_TO_DO = re.compile(
    r"\b(?:warn|caution|advis|urg|call)\w*\b(?P<who>[^,;:.\n]{0,40}?) not to "
    r"(?P<what>(?P<verb>use|trade in|trade|deal in|buy|sell|hold|invest in|engage in|accept) "
    rf"{_QUANTIFIER}?(?P<thing>{_CRYPTO_OBJECT}))\b{_NOT_MODIFIER}"
)
NOT_TO_STEMS = ("not to",)
# "announced that cryptocurrency and other forms of digital currencies are illegal": the
# crypto thing declared illegal names the conduct the declaration bans
DECLARED_ILLEGAL = re.compile(
    rf"\bthat (?P<what>{_QUANTIFIER}?(?P<thing>{_CRYPTO_OBJECT}))\b{_NOT_MODIFIER}"
    r"(?: and (?:other |all )?[\w -]{1,40}?)? (?:is|are|was|were|remains?) "
    r"(?:now |still |also |strictly )?(?:illegal|unlawful|prohibited|banned)\b"
)
DECLARED_STEMS = ("illegal", "unlawful", "prohibited", "banned")
_AS_NOUN = {
    "use": "use of",
    "trade in": "trading in",
    "trade": "trading",
    "deal in": "dealing in",
    "buy": "buying",
    "sell": "selling",
    "hold": "holding",
    "invest in": "investing in",
    "engage in": "",
    "accept": "accepting",
}


def conduct_name(conduct: str, thing: str) -> str:
    """The activity's name without its quantifier: "dealing in any type of cryptocurrency"
    is "dealing in cryptocurrency"; "not to use any form of X" is "use of X"."""
    head = _AS_NOUN.get(conduct.strip(), conduct.strip())
    thing = _PLURAL.sub(lambda m: m.group(1) + "ies", thing)
    return f"{head} {thing}" if head else thing


# one name for one thing: "dealing in cryptocurrency" and "... in cryptocurrencies"
_PLURAL = re.compile(r"\b((?:[Cc]ryptocurrenc|currenc))y\b")

# what must stand before the preposition: a prohibition or a warning before "from"
# ("barred lenders from", "warned the public from using ..."), a warning or prohibition
# before "against", a prohibition noun right before "on"
_GOVERNS = {
    "from": re.compile(
        r"\b(?:bar|ban|prohibit|forb[ai]d|restrict|stop|prevent|block|exclud|suspend|halt"
        r"|warn|caution)\w*"
        r"\b(?P<rest>[^,;:.]{0,60}) $"
    ),
    "against": re.compile(
        r"\b(?:warn|caution|advis|alert|ban|campaign|crack|prohibit|rul)\w*"
        r"\b(?P<rest>[^,;:.]{0,60}) $"
    ),
    "on": re.compile(
        r"\b(?:ban|bans|prohibition|curbs|restrictions|moratorium|crackdown)(?P<rest>) $"
    ),
}
# "warned investors of the risks of dealing in X", "cautioned about trading X", "alerted the
# public over calls for investing in X": the conduct a warning is about (a gerund only)
_WARNED_ABOUT = re.compile(r"\b(?:warn|caution|alert)\w*\b(?P<rest>[^,;:.]{0,80}) $")
for _prep in ("about", "of", "over", "for"):
    _GOVERNS[_prep] = _WARNED_ABOUT
# a clause of its own between the warning and the conduct: "warned that X was fined for ..."
_OTHER_CLAUSE = re.compile(
    r"\b(?:that|who|which|was|were|is|are|been|fined|charged|arrested|accused|convicted)\b"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are)(?: also| now| later)? $")
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n't\b")


def governed(text: str, prep_start: int, prep: str) -> bool:
    """Whether the preposition at `prep_start` carries what a rule forbids or warns of:
    a prohibition or warning word before it, not negated ("has not stopped X from")."""
    before = text[max(0, prep_start - 90) : prep_start]
    hit = _GOVERNS[prep].search(before)
    if hit is None:
        return False
    head = before[max(0, hit.start() - 12) : hit.start()]
    if prep == "from" and _PASSIVE_BEFORE.search(head):
        return False  # "the two men were barred from trading ...": the men are the target
    if _GOVERNS[prep] is _WARNED_ABOUT and _OTHER_CLAUSE.search(hit.group("rest")):
        return False
    return not _NEGATION.search(head) and not _NEGATION.search(hit.group("rest"))
