"""A brand's legal entity is the brand, unless the article names several of them.

"Kraken ... Payward Inc" or "Bybit Fintech Limited (Bybit)": one firm, its legal name an
alias. But "four Binance entities: Binance Holdings Ltd., Binance Digital Ltd., Binance
UAB and Binance Asia Services Pte Ltd." are four companies, each a subsidiary of the
brand; there "Binance UAB", whose name without its legal form is the brand's, is one of
them, not the brand's legal name.
"""

from __future__ import annotations

import re

from ingest.extraction.names.org_names import COMPANY_SUFFIXES

_SUFFIXES = "|".join(
    re.escape(s) for s in sorted(COMPANY_SUFFIXES, key=len, reverse=True) if s[0].isalpha()
)
_MORE = r"(?: [A-Z(][\w&().'-]*){0,4}"


def one_of_several(text: str, brand: str, surface: str) -> bool:
    """Whether the article names at least two other legal entities of `brand` (its name,
    further words and a legal form) beside `surface`."""
    pattern = re.compile(rf"\b{re.escape(brand)}{_MORE} (?i:{_SUFFIXES})(?![\w])")
    others = {m.group().rstrip(".").lower() for m in pattern.finditer(text)}
    others.discard(surface.rstrip(".").lower())
    return len(others) >= 2
