"""The country a national currency names, for an article that names no place at all.

"Korvex was fined 2.5 billion won by the FSC": no place, body or demonym says which FSC,
but the won is South Korea's. Read only when nothing else gives the article a country
(`country_context`); currencies several countries use (dollar, peso, euro, rupee) say
nothing.
"""

from __future__ import annotations

import re

# a national currency's marks, by the country (as the gazetteer may name it) that uses it
CURRENCY_COUNTRIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("South Korea", re.compile(r"\d\s*(?:million |billion |trillion )?won\b|₩|\bKRW\b")),
    ("Nigeria", re.compile(r"₦|\bnaira\b|\bNGN\b")),
    ("India", re.compile(r"\b(?:crores?|lakhs?)\b|₹|\bINR\b")),
    ("Taiwan", re.compile(r"\bNT\$|\bTWD\b")),
    ("Malaysia", re.compile(r"\bringgit\b|\bMYR\b|\bRM\s?\d")),
    ("Thailand", re.compile(r"\bbaht\b|\bTHB\b|฿")),
    ("Japan", re.compile(r"\d\s*(?:million |billion |trillion )?yen\b|\bJPY\b")),
    ("China", re.compile(r"\byuan\b|\bRMB\b|\bCNY\b")),
    ("South Africa", re.compile(r"\d\s*(?:million |billion )?rand\b|\bZAR\b")),
    ("Hong Kong", re.compile(r"\bHK\$|\bHKD\b")),
    ("Singapore", re.compile(r"\bS\$|\bSGD\b")),
    ("Australia", re.compile(r"\bA\$|\bAUD\b")),
    ("Canada", re.compile(r"\bC\$|\bCAD\b")),
    ("United Kingdom", re.compile(r"£|\bGBP\b")),
)


def currency_countries(text: str) -> list[str]:
    """The countries whose own currencies the text names, in the table's order."""
    return [country for country, marks in CURRENCY_COUNTRIES if marks.search(text)]
