"""Which jurisdictions a name names ("... of Thailand", "U.S. ...", "Nigerian ...").

Identity resolution uses this as a guard: two bodies whose names name different
places are different bodies however similar the rest of the name is. Countries
(pycountry names, official and common names), their sub-divisions, and a short
list of abbreviations and demonyms are recognised; the answer is a set of codes
(ISO 3166-1 alpha-2, or ISO 3166-2 for sub-divisions, "EU" for the Union).
"""

from __future__ import annotations

from functools import lru_cache

import pycountry

from graph.ids import normalize_name

_EXTRA = {
    "us": "US",
    "u s": "US",
    "usa": "US",
    "u s a": "US",
    "america": "US",
    "american": "US",
    "united states of america": "US",
    "uk": "GB",
    "u k": "GB",
    "britain": "GB",
    "great britain": "GB",
    "british": "GB",
    "england": "GB",
    "english": "GB",
    "eu": "EU",
    "european union": "EU",
    "european": "EU",
    "uae": "AE",
    "emirati": "AE",
    "hong kong": "HK",
    "hk": "HK",
    "prc": "CN",
    "chinese": "CN",
    "mainland china": "CN",
    "thai": "TH",
    "philippine": "PH",
    "filipino": "PH",
    "nigerian": "NG",
    "indian": "IN",
    "japanese": "JP",
    "korean": "KR",
    "south korea": "KR",
    "north korea": "KP",
    "turkish": "TR",
    "turkiye": "TR",
    "russia": "RU",
    "russian": "RU",
    "canadian": "CA",
    "australian": "AU",
    "singaporean": "SG",
    "singapore": "SG",
    "german": "DE",
    "french": "FR",
    "swiss": "CH",
    "dutch": "NL",
    "taiwan": "TW",
    "taiwanese": "TW",
    "vietnam": "VN",
    "vietnamese": "VN",
    "iran": "IR",
    "venezuela": "VE",
    "bolivia": "BO",
    "brazilian": "BR",
    "mexican": "MX",
    "argentine": "AR",
    "argentinian": "AR",
    "italian": "IT",
    "spanish": "ES",
    "irish": "IE",
    "malaysian": "MY",
    "indonesian": "ID",
    "pakistani": "PK",
    "kenyan": "KE",
    "south african": "ZA",
    "israeli": "IL",
    "saudi": "SA",
    "egyptian": "EG",
    "ukrainian": "UA",
    "polish": "PL",
    "swedish": "SE",
    "norwegian": "NO",
    "danish": "DK",
    "finnish": "FI",
    "austrian": "AT",
    "belgian": "BE",
    "portuguese": "PT",
    "greek": "GR",
    "czech": "CZ",
    "hungarian": "HU",
    "romanian": "RO",
    "salvadoran": "SV",
    "bahamian": "BS",
    "macau": "MO",
    "macao": "MO",
    "cayman": "KY",
    "turkey": "TR",
    "dubai": "AE-DU",
    "abu dhabi": "AE-AZ",
    "beijing": "CN-BJ",
    "shanghai": "CN-SH",
    "new york": "US-NY",
}
# Sub-division names that are also ordinary words in bodies' names ("Central Bank").
_COMMON_WORDS = frozenset(
    "central capital north south east west northern southern eastern western centre center "
    "federal national coast islands island lake river city port mountain highlands valley "
    "interior littoral plateau coastal metropolitan".split()
)
_ADMIN_SUFFIXES = (
    "shi",
    "sheng",
    "province",
    "state",
    "region",
    "county",
    "district",
    "prefecture",
    "oblast",
    "governorate",
    "emirate",
    "municipality",
)
_MAX_WORDS = 6


def _add(table: dict[str, str], name: str | None, code: str) -> None:
    if not name:
        return
    key = normalize_name(name)
    if (len(key) < 4 and key not in _EXTRA) or key in _COMMON_WORDS:
        return
    table.setdefault(key, code)
    words = key.split()
    if len(words) > 1 and words[-1] in _ADMIN_SUFFIXES:
        short = " ".join(words[:-1])
        if len(short) >= 4 and short not in _COMMON_WORDS:
            table.setdefault(short, code)


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = dict(_EXTRA)
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            _add(table, getattr(c, attr, None), c.alpha_2)
    for sub in pycountry.subdivisions:
        _add(table, sub.name, sub.code)
    return table


def named_jurisdictions(name: str) -> frozenset[str]:
    """Codes of the places a name names; longest match wins ("new south wales" over "wales")."""
    words = normalize_name(name).split()
    table = _table()
    found: set[str] = set()
    i = 0
    while i < len(words):
        for n in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            code = table.get(" ".join(words[i : i + n]))
            if code is not None:
                found.add(code)
                i += n
                break
        else:
            i += 1
    return frozenset(found)
