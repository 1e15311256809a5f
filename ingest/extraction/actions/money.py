"""Money amounts in any news notation, as a value in units and an ISO 4217 code.

Symbols and codes before the number ('$4.3 billion', 'US$50m', 'RM1.2 million', 'Rs 18.82
crore', '₹2.5 crore', '€3,325,000', 'KRW 2.1 billion', 'HK$ 1.6bn', 'R$ 2 mi', 'USD 4.5
million'), currency words or codes after it ('1.5bn yuan', '10 million baht', '4.5 million
USD', '246.8 billion won', 'R$2 milhões'), numbers in words ('two million dollars'). Where
a sign is shared, the article's country decides: a bare '$' is the country's dollar
(else USD), '¥' is CNY in a Chinese context (else JPY), 'pesos' follow the country
(MXN, ARS, COP, PHP, ...), 'Rs'/'rupees' are PKR or LKR in Pakistan or Sri Lanka; 'R',
'N' and 'P' before a number are rand, naira and pesos only in their own country.

Each amount also says what part it plays where the text makes that clear (`role`): a
`total` ("fines totalling $8.85 million"), a `cap` ("up to A$350,000"), a `range` end, a
`base` ("the €2M base fine"), a `converted` equivalent in brackets ("C$177m ($126m)") or
a `value` that is no penalty ("transactions worth ₹2,790 crore").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.extraction.text.literal_gate import gate

_PREFIX_CODES = {
    "us$": "USD",
    "u.s.$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "c$": "CAD",
    "ca$": "CAD",
    "can$": "CAD",
    "hk$": "HKD",
    "s$": "SGD",
    "sg$": "SGD",
    "nz$": "NZD",
    "nt$": "TWD",
    "r$": "BRL",
    "mx$": "MXN",
    "cn¥": "CNY",
    "rmb": "CNY",
    "€": "EUR",
    "£": "GBP",
    "₦": "NGN",
    "₹": "INR",
    "₩": "KRW",
    "₱": "PHP",
    "฿": "THB",
    "₺": "TRY",
    "₽": "RUB",
    "₫": "VND",
    "₴": "UAH",
    "₪": "ILS",
    "rm": "MYR",
    "rp": "IDR",
    "dh": "AED",
    "dhs": "AED",
    "ksh": "KES",
    "chf": "CHF",
    "le": "EGP",
    "e£": "EGP",
    "gh¢": "GHS",
    "gh₵": "GHS",
    "₵": "GHS",
    "tl": "TRY",
    "tk": "BDT",
    "৳": "BDT",
    "₸": "KZT",
    "sr": "SAR",
    "qr": "QAR",
    "kd": "KWD",
}
# ISO 4217 codes the notation accepts written out, before or after the number
_ISO = (
    "USD EUR GBP JPY CNY NGN CAD AUD HKD SGD NZD TWD THB TRY AED CHF PHP ZAR BRL MXN ARS COP "
    "CLP INR PKR LKR KRW MYR IDR VND PLN SEK NOK DKK RUB UAH KES EGP SAR QAR KWD BHD ILS CZK "
    "HUF RON BGN MAD UGX TZS ETB GHS UZS BDT NPR JOD KWD OMR IRR IQD TND DZD LBP KZT ZMW RWF "
    "XOF XAF PEN VES"
).split()
_WORDS = {
    "dollars": "$",
    "dollar": "$",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "naira": "NGN",
    "rupees": "Rs",
    "rupee": "Rs",
    "won": "KRW",
    "baht": "THB",
    "lira": "TRY",
    "liras": "TRY",
    "pesos": "pesos",
    "peso": "pesos",
    "dirhams": "dirhams",
    "dirham": "dirhams",
    "francs": "CHF",
    "rand": "ZAR",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "dong": "VND",
    "zloty": "PLN",
    "roubles": "RUB",
    "rubles": "RUB",
    "hryvnias": "UAH",
    "shillings": "shillings",
    "reais": "BRL",
    "reals": "BRL",
    "riyals": "SAR",
    "shekels": "ILS",
    "kronor": "SEK",
    "tenge": "KZT",
    "soums": "UZS",
    "soum": "UZS",
    "birr": "ETB",
    "cedis": "GHS",
    "cedi": "GHS",
    "taka": "BDT",
    "dinars": "dinars",
    "dinar": "dinars",
    "rials": "rials",
    "rial": "rials",
    "soles": "PEN",
    "bolivares": "VES",
    "bolívares": "VES",
}
# a currency word with its country's adjective names one currency wherever the story is
_NAMED = {
    f"{adjective} {word}": code
    for adjective, words, code in (
        ("egyptian", ("pounds", "pound"), "EGP"),
        ("lebanese", ("pounds", "pound"), "LBP"),
        ("sudanese", ("pounds", "pound"), "SDG"),
        ("indonesian", ("rupiah",), "IDR"),
        ("thai", ("baht",), "THB"),
        ("kenyan", ("shillings", "shilling"), "KES"),
        ("ugandan", ("shillings", "shilling"), "UGX"),
        ("tanzanian", ("shillings", "shilling"), "TZS"),
        ("nigerian", ("naira",), "NGN"),
        ("south african", ("rand",), "ZAR"),
        ("philippine", ("pesos", "peso"), "PHP"),
        ("mexican", ("pesos", "peso"), "MXN"),
        ("argentine", ("pesos", "peso"), "ARS"),
        ("argentinian", ("pesos", "peso"), "ARS"),
        ("colombian", ("pesos", "peso"), "COP"),
        ("chilean", ("pesos", "peso"), "CLP"),
        ("indian", ("rupees", "rupee"), "INR"),
        ("pakistani", ("rupees", "rupee"), "PKR"),
        ("sri lankan", ("rupees", "rupee"), "LKR"),
        ("nepalese", ("rupees", "rupee"), "NPR"),
        ("nepali", ("rupees", "rupee"), "NPR"),
        ("moroccan", ("dirhams", "dirham"), "MAD"),
        ("emirati", ("dirhams", "dirham"), "AED"),
        ("uae", ("dirhams", "dirham"), "AED"),
        ("saudi", ("riyals", "riyal"), "SAR"),
        ("qatari", ("riyals", "riyal"), "QAR"),
        ("omani", ("rials", "rial"), "OMR"),
        ("iranian", ("rials", "rial"), "IRR"),
        ("jordanian", ("dinars", "dinar"), "JOD"),
        ("kuwaiti", ("dinars", "dinar"), "KWD"),
        ("bahraini", ("dinars", "dinar"), "BHD"),
        ("iraqi", ("dinars", "dinar"), "IQD"),
        ("tunisian", ("dinars", "dinar"), "TND"),
        ("algerian", ("dinars", "dinar"), "DZD"),
        ("brazilian", ("reais", "real", "reals"), "BRL"),
        ("turkish", ("lira", "liras"), "TRY"),
        ("malaysian", ("ringgit",), "MYR"),
        ("vietnamese", ("dong",), "VND"),
        ("korean", ("won",), "KRW"),
        ("south korean", ("won",), "KRW"),
        ("japanese", ("yen",), "JPY"),
        ("chinese", ("yuan",), "CNY"),
        ("kazakh", ("tenge",), "KZT"),
        ("uzbek", ("soums", "soum"), "UZS"),
        ("ethiopian", ("birr",), "ETB"),
        ("ghanaian", ("cedis", "cedi"), "GHS"),
        ("bangladeshi", ("taka",), "BDT"),
        ("hong kong", ("dollars", "dollar"), "HKD"),
        ("singapore", ("dollars", "dollar"), "SGD"),
        ("australian", ("dollars", "dollar"), "AUD"),
        ("canadian", ("dollars", "dollar"), "CAD"),
        ("new taiwan", ("dollars", "dollar"), "TWD"),
        ("taiwan", ("dollars", "dollar"), "TWD"),
        ("new zealand", ("dollars", "dollar"), "NZD"),
        ("us", ("dollars", "dollar"), "USD"),
        ("u.s.", ("dollars", "dollar"), "USD"),
    )
    for word in words
}
_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "bi": 1e9,
    "bilhão": 1e9,
    "bilhões": 1e9,
    "million": 1e6,
    "millions": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mio": 1e6,
    "m": 1e6,
    "mi": 1e6,
    "milhão": 1e6,
    "milhões": 1e6,
    "millones": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "mil": 1e3,
    "crore": 1e7,
    "crores": 1e7,
    "cr": 1e7,
    "lakh crore": 1e12,
    "lakh crores": 1e12,
    "miliar": 1e9,
    "juta": 1e6,
    "triliun": 1e12,
    "ribu": 1e3,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
}
_NUMBER_WORDS: dict[str, float] = {
    w: float(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
)
_NUMBER_WORDS.update({"ninety": 90, "a": 1, "hundred": 100, "half a": 0.5})
_COUNTRY_DOLLAR = {
    "Canada": "CAD",
    "Australia": "AUD",
    "Hong Kong": "HKD",
    "Singapore": "SGD",
    "New Zealand": "NZD",
    "Taiwan": "TWD",
}
_COUNTRY_PESO = {
    "Mexico": "MXN",
    "Argentina": "ARS",
    "Colombia": "COP",
    "Philippines": "PHP",
    "Chile": "CLP",
    "Uruguay": "UYU",
    "Dominican Republic": "DOP",
    "Cuba": "CUP",
}
_COUNTRY_RUPEE = {"Pakistan": "PKR", "Sri Lanka": "LKR", "Nepal": "NPR", "Mauritius": "MUR"}
_COUNTRY_SHILLING = {"Kenya": "KES", "Uganda": "UGX", "Tanzania": "TZS", "Somalia": "SOS"}
_COUNTRY_DIRHAM = {"Morocco": "MAD"}
_COUNTRY_POUND = {"Egypt": "EGP", "Lebanon": "LBP", "Sudan": "SDG", "Syria": "SYP"}
_COUNTRY_DINAR = {
    "Jordan": "JOD",
    "Kuwait": "KWD",
    "Bahrain": "BHD",
    "Iraq": "IQD",
    "Tunisia": "TND",
    "Algeria": "DZD",
    "Libya": "LYD",
    "Serbia": "RSD",
}
_COUNTRY_RIAL = {"Qatar": "QAR", "Oman": "OMR", "Iran": "IRR", "Yemen": "YER"}
# a lone letter before the number names a currency only in its own country
_COUNTRY_LETTER = {"r": "South Africa", "n": "Nigeria", "p": "Philippines"}
_LETTER_CODES = {"r": "ZAR", "n": "NGN", "p": "PHP"}

# Indian grouping ("18,82,00,000": lakhs and crores in twos) before the thousands
_NUM = r"(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE_WORDS = (
    r"trillion|billion|millions?|thousand|crores?|lakh crores?|lakhs?|bilhões|bilhão|milhões|milhão"
    r"|miliar|juta|triliun|ribu"
    r"|millones|bn|bln|mln|mio|mn|tn|cr|lac|mil|bi|mi|[mbkMBK]"
)
_SCALE = rf"(?:[ -]?(?P<scale>(?i:{_SCALE_WORDS}))\b)?"
_CODES = "|".join(_ISO)
PREFIX = re.compile(
    r"(?<![\w$])(?P<cur>(?:US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|CAN\$|HK\$|S\$|SG\$|NZ\$|NT\$|R\$"
    r"|MX\$|CN¥|RMB|Rs\.?|RM|Rp|Dhs?|KSh|Ksh|CHF|LE|E£|GH¢|GH₵|TL|Tk|SR|QR|KD|Sh|"
    + _CODES
    + r")\s?"
    r"|\$|€|£|¥|₦|₹|₩|₱|฿|₺|₽|₫|₴|₪|₵|৳|₸"
    r"|[RNP]\s?(?=\d))" + _NUM + _SCALE,
)
SUFFIX = re.compile(
    r"(?<![\w$.,€£¥₦₹₩₱฿])"
    + _NUM
    + _SCALE
    # a space, or a hyphen after a scale word: "a 35.2 billion-won fine", "a 10 million-euro fine"
    + r"(?: |(?<=[a-z])-)(?P<word>(?i:"
    + "|".join(re.escape(w) for w in sorted([*_NAMED, *_WORDS], key=len, reverse=True))
    + r")|"
    + _CODES
    + r")\b",
)
# (tried only at its number words: `literal_gate`; the case-blind words are otherwise tried
# at every offset)
_WORDED = gate(
    re.compile(
        r"\b(?P<words>(?i:(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
        r"(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")))"
        r" (?:hundred )?(?P<scale>(?i:thousand|million|billion|trillion)) (?P<word>(?i:"
        + "|".join(sorted(_WORDS, key=len, reverse=True))
        + r"))\b"
    )
)

_CAP = re.compile(
    r"(?:\bup to|\bas much as|\bmaximum(?: penalty)?(?: of)?|\bnot exceeding|\bno more than"
    r"|\bcapped at|\bceiling of|\bat most)\s+(?:of\s+)?$",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"(?:\btotall?ing|\btotal(?:led)?(?: of)?|\bin aggregate|\baggregate(?: of)?|\bcombined"
    r"|\bbringing (?:the|its|their) total to|\bto a total of|\btaking [^.;]{0,60}? to"
    r"|\bbringing [^.;]{0,40}? to)\s+(?:about |around |some |roughly |nearly |almost )?$",
    re.IGNORECASE,
)
# money a fine shares with what is no fine: "$22 million in fines and refunds", "$3m in
# restitution and penalties" (the fine's own part is not told by it)
# money returned or given up, not a penalty: "$1.1 million in refunds to users", "$51,700
# in restitution", "$2 million as compensation", "$3 million in disgorgement"
_REPAID_AFTER = re.compile(
    r"\s+(?:in|as|of) (?:[\w-]+ ){0,2}?(?:refunds?|restitution|compensation|reimbursements?"
    r"|repayments?|disgorgement|damages to)\b",  # ("in refunds and fines": `_MIXED_AFTER`)
    re.IGNORECASE,
)
_MIXED_AFTER = re.compile(
    r"\s+in (?:(?:civil |monetary )?(?:fines?|penalties)(?:,| and| plus) (?:[\w-]+ ){0,2}?"
    r"(?:refunds?|restitution|disgorgement|compensation|repayments?|interest|reimbursements?"
    r"|damages)|(?:refunds?|restitution|disgorgement|compensation|damages)(?:,| and| plus)"
    r" (?:[\w-]+ ){0,2}?(?:fines?|penalties))\b",
    re.IGNORECASE,
)
_TOTAL_AFTER = re.compile(r"\s+(?:in (?:total|aggregate|all)|altogether)\b", re.IGNORECASE)
_BASE_AFTER = re.compile(r"\s+(?:base|starting|initial)\b", re.IGNORECASE)
_BASE_BEFORE = re.compile(
    r"\b(?:base|starting point|initial|first proposal|proposal|offer|proposed)\s+(?:amount |fine "
    r"|penalty )?(?:of\s+)?(?:about |around )?$",
    re.IGNORECASE,
)
_VALUE = re.compile(
    r"\b(?:worth|valued at|value of|turnover of|revenue of|revenues of|deposited|proceeds of"
    r"|transactions of|transfers of|assets of|market value of|market cap(?:italisation)? of"
    r"|trading (?:near|around|at)|traded (?:near|around|at|above|below)|quoted (?:around|at)"
    r"|handled)\s+(?:about |around |some |roughly |nearly |almost |approximately |at least "
    r"|more than |over )?$",
    re.IGNORECASE,
)
_RANGE_BEFORE = re.compile(r"\bbetween\s+$|\bfrom\s+$", re.IGNORECASE)
_RANGE_LINK = re.compile(r"\s*(?:-|–|to|and)\s*$")
_BRACKET_BEFORE = re.compile(r"\((?:about |around |roughly |approximately |some |or )?$")


@dataclass(frozen=True)
class Money:
    """An amount in units of `currency` (ISO 4217), where the text states it, and its role
    ("plain", "total", "mixed", "repaid", "cap", "range", "base", "converted" or "value")."""

    amount: float
    currency: str
    start: int
    end: int
    role: str = "plain"


# a dollar sign that names its country: a text using one writes US dollars as a bare "$"
# (tried only at the marks: `literal_gate`; `re` would try its lookbehind at every offset)
_MARKED_DOLLAR = gate(re.compile(r"(?<![A-Za-z])(?:A|AU|C|CA|Can|HK|S|SG|NZ|NT)\$ ?\d"))


def bare_dollar(text: str) -> str | None:
    """The currency of a bare '$' in `text` (a whole article): US dollars where the text
    marks a country's dollar ("$124,046 (A$187,800)", "C$177m"): an outlet that writes A$
    for Australian dollars writes US dollars as '$'. Else None (the country decides)."""
    return "USD" if _MARKED_DOLLAR.search(text) else None


def find_money(text: str, country: str | None = None, dollar: str | None = None) -> list[Money]:
    """Every money amount in `text`, in order; `country` settles shared signs, `dollar`
    (from `bare_dollar`) overrides what a bare '$' is."""
    found: list[tuple[int, int, float, str]] = []
    for m in PREFIX.finditer(text):
        cur = m.group("cur").strip()
        code = dollar if dollar and cur == "$" else _prefix_code(cur, country)
        if code is None or (m.group("cur").strip() in "RNP" and not m.group("scale")):
            if code is None or not _plain_thousands(m.group("num")):
                continue
        found.append((m.start(), m.end(), _value(m.group("num"), m.group("scale")), code))
    for m in SUFFIX.finditer(text):
        code = _word_code(m.group("word"), country)
        value = _value(m.group("num"), m.group("scale"))
        if code is None or (m.group("word").lower() == "won" and value < 1000):
            continue  # "won 3" is a verb
        found.append((m.start(), m.end(), value, code))
    for m in _WORDED.finditer(text):
        code = _word_code(m.group("word"), country)
        base = _number_words(m.group("words"))
        if code is None or base is None:
            continue
        if text.startswith(" hundred", m.end("words")):
            base *= 100
        found.append((m.start(), m.end(), base * _SCALES[m.group("scale").lower()], code))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    out: list[Money] = []
    for start, end, amount, code in found:
        if out and start < out[-1].end:
            continue
        out.append(Money(amount, code, start, end))
    return _local_first(_with_roles(text, out))


_MARKED_DOLLARS = frozenset(("AUD", "CAD", "HKD", "SGD", "NZD", "TWD"))


def _local_first(found: list[Money]) -> list[Money]:
    """In "$124,046 (A$187,800)" the bracket holds the sum as imposed, in a country's own
    marked dollar, and the US-dollar figure before it is the conversion: the roles swap."""
    out = list(found)
    for i in range(1, len(out)):
        main, bracket = out[i - 1], out[i]
        if (
            bracket.role == "converted"
            and main.role == "plain"
            and main.currency == "USD"
            and bracket.currency in _MARKED_DOLLARS
        ):
            out[i - 1] = Money(main.amount, main.currency, main.start, main.end, "converted")
            out[i] = Money(bracket.amount, bracket.currency, bracket.start, bracket.end, "plain")
    return out


def _with_roles(text: str, found: list[Money]) -> list[Money]:
    out: list[Money] = []
    for i, money in enumerate(found):
        before = text[max(0, money.start - 80) : money.start]
        prev = found[i - 1] if i else None
        nxt = found[i + 1] if i + 1 < len(found) else None
        role = "plain"
        if prev is not None and _BRACKET_BEFORE.search(text, prev.end, money.start):
            role = "converted"
        elif _CAP.search(before):
            role = "cap"
        elif _RANGE_BEFORE.search(before) and nxt is not None and _linked(text, money, nxt):
            role = "range"
        elif prev is not None and _linked(text, prev, money) and out[-1].role == "range":
            role = "range"
        elif _MIXED_AFTER.match(text, money.end):
            role = "mixed"  # never a fine's amount
        elif _REPAID_AFTER.match(text, money.end):
            role = "repaid"  # "$1.1 million in refunds to users": money returned, no fine
        elif _TOTAL.search(before) or _TOTAL_AFTER.match(text, money.end):
            role = "total"
        elif _BASE_BEFORE.search(before) or _BASE_AFTER.match(text, money.end):
            role = "base"
        elif _VALUE.search(before):
            role = "value"
        out.append(Money(money.amount, money.currency, money.start, money.end, role))
    return out


def _linked(text: str, first: Money, second: Money) -> bool:
    return bool(_RANGE_LINK.fullmatch(text, first.end, second.start))


def _prefix_code(cur: str, country: str | None) -> str | None:
    low = cur.lower()
    if low == "$":
        return _COUNTRY_DOLLAR.get(country or "", "USD")
    if low == "¥":
        return "CNY" if country == "China" else "JPY"
    if low in ("rs", "rs."):
        return _COUNTRY_RUPEE.get(country or "", "INR")
    if low in _COUNTRY_LETTER:
        return _LETTER_CODES[low] if country == _COUNTRY_LETTER[low] else None
    if low in ("dh", "dhs"):
        return _COUNTRY_DIRHAM.get(country or "", "AED")
    if low == "sh":
        return _COUNTRY_SHILLING.get(country or "")
    if cur in _ISO:
        return cur
    return _PREFIX_CODES.get(low)


def _word_code(word: str, country: str | None) -> str | None:
    if word in _ISO:
        return word
    low = " ".join(word.lower().split())
    if low in _NAMED:
        return _NAMED[low]
    kind = _WORDS.get(low)
    if kind == "GBP" and country in _COUNTRY_POUND:
        return _COUNTRY_POUND[country or ""]
    if kind == "dinars":
        return _COUNTRY_DINAR.get(country or "")
    if kind == "rials" or (kind == "SAR" and country in _COUNTRY_RIAL):
        return _COUNTRY_RIAL.get(country or "", "SAR" if kind == "SAR" else None)
    if kind == "$":
        return _COUNTRY_DOLLAR.get(country or "", "USD")
    if kind == "pesos":
        return _COUNTRY_PESO.get(country or "", "MXN")
    if kind == "Rs":
        return _COUNTRY_RUPEE.get(country or "", "INR")
    if kind == "shillings":
        return _COUNTRY_SHILLING.get(country or "")
    if kind == "dirhams":
        return _COUNTRY_DIRHAM.get(country or "", "AED")
    return kind


def _plain_thousands(num: str) -> bool:
    """'R1,500,000' is a sum even without a scale word; 'R2' alone is no money."""
    return "," in num


def _number_words(words: str) -> float | None:
    total = 0.0
    for part in words.lower().split("-"):
        value = _NUMBER_WORDS.get(part)
        if value is None:
            return None
        total += value
    return total


def _value(num: str, scale: str | None) -> float:
    value = float(num.replace(",", ""))
    if scale:
        key = scale if scale in ("M", "B", "K") else " ".join(scale.lower().split())
        value *= _SCALES.get(key.lower(), 1.0)
    return value
