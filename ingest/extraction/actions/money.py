"""Money amounts in news notation: '$50 million', '$5.1M', '€3.3m', 'A$8m', 'Rs 18.82 crore'.

`find_money` returns every amount in a text with its value in units (a float) and an
ISO 4217 code. A bare '$' takes the article country's dollar (Canada -> CAD,
Hong Kong -> HKD, ...), else USD; 'US$' is always USD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SYMBOLS = {
    "us$": "USD",
    "u.s.$": "USD",
    "usd": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "hk$": "HKD",
    "hkd": "HKD",
    "s$": "SGD",
    "sgd": "SGD",
    "nz$": "NZD",
    "nzd": "NZD",
    "r$": "BRL",
    "brl": "BRL",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "cn¥": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "₦": "NGN",
    "ngn": "NGN",
    "n": "NGN",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "inr": "INR",
    "₩": "KRW",
    "krw": "KRW",
    "₱": "PHP",
    "php": "PHP",
    "p": "PHP",
    "฿": "THB",
    "thb": "THB",
    "try": "TRY",
    "₺": "TRY",
    "aed": "AED",
    "chf": "CHF",
    "zar": "ZAR",
    "r": "ZAR",
}
_WORDS = {
    "dollars": None,
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "naira": "NGN",
    "rupees": "INR",
    "rupee": "INR",
    "won": "KRW",
    "baht": "THB",
    "lira": "TRY",
    "liras": "TRY",
    "pesos": "PHP",
    "dirhams": "AED",
    "francs": "CHF",
    "rand": "ZAR",
}
_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "mln": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "crore": 1e7,
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
}
_COUNTRY_DOLLAR = {
    "Canada": "CAD",
    "Australia": "AUD",
    "Hong Kong": "HKD",
    "Singapore": "SGD",
    "New Zealand": "NZD",
    "Taiwan": "TWD",
}
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = (
    r"(?:[ -]?(?P<scale>(?i:trillion|billion|million|thousand|crores?|lakhs?|bn|mln|mn|tn|[mbk]))"
    r"\b)?"
)
PREFIX = re.compile(
    r"(?<![\w$])(?P<cur>(?:US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|HK\$|S\$|NZ\$|R\$|CN¥) ?"
    r"|\$|€|£|¥|₦|₹|₩|₱|฿|₺"
    r"|(?:Rs\.?|INR|KRW|USD|EUR|GBP|JPY|CNY|RMB|NGN|CAD|AUD|HKD|SGD|THB|TRY|AED|CHF|PHP|ZAR) ?"
    rf"|P(?=\d)|N(?=\d)|R(?=\d)){_NUM}{_SCALE}",
)
SUFFIX = re.compile(rf"(?<![\w$.]){_NUM}{_SCALE} (?P<word>{'|'.join(_WORDS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Money:
    """An amount in units of `currency` (ISO 4217) and where the text states it."""

    amount: float
    currency: str
    start: int
    end: int


def find_money(text: str, country: str | None = None) -> list[Money]:
    """Every money amount in `text`, in order; `country` decides what a bare '$' means."""
    out = []
    for m in PREFIX.finditer(text):
        cur = m.group("cur").strip().lower()
        code = _COUNTRY_DOLLAR.get(country or "", "USD") if cur == "$" else _SYMBOLS.get(cur)
        if code:
            out.append(Money(_value(m.group("num"), m.group("scale")), code, m.start(), m.end()))
    for m in SUFFIX.finditer(text):
        word = m.group("word").lower()
        code = _WORDS[word] or _COUNTRY_DOLLAR.get(country or "", "USD")
        out.append(Money(_value(m.group("num"), m.group("scale")), code, m.start(), m.end()))
    return sorted(out, key=lambda x: x.start)


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        value *= _SCALES.get(scale.lower(), 1.0)
    return value
