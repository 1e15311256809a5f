"""The word trigger table: (relation type, voice, pattern, confidence) rows and their key words.

Each row's key words (`STEMS`, same order) are lower-case strings one of which must
occur in a sentence for the pattern to match there; `triggers.find_triggers` uses them
to skip sentences cheaply. Voices are explained in `triggers`; the rows that capture
an object span ("ordered X to stop") are in `span_patterns`.
"""

from __future__ import annotations

import re

from graph.ontology import REL
from ingest.extraction.actions import enforcement_wording
from ingest.extraction.actions.proceeding_patterns import PROCEEDING_PATTERNS
from ingest.extraction.actions.span_patterns import _OBJ, CHARGED, MONEY_AHEAD, SPAN_PATTERNS
from ingest.extraction.text.regex_lead import compile_lead

# a capital where a sentence starts: "Warning letters went to X" (inside a name, as in
# "National Bureau of Investigation", the capital is no trigger)
_AT_START = r'(?:\A|(?<=\n)|(?<=[.!?] )|(?<=[.!?]" ))'


def _among(participles: str) -> re.Pattern[str]:
    """'Among those <participle> were A and B' (or 'among the firms ...', 'one of the people
    <participle> was A'): A and B."""
    return re.compile(
        r"\b(?:[Aa]mong|[Oo]ne of) (?:those|the (?:people|persons|individuals|suspects|men|women"
        r"|firms|companies|entities|exchanges)) "
        rf"(?P<t>{participles})"
        r"(?: by [^,.;\n]{1,60}?)?"  # "Among those fined by the FCA was X"
        r"(?: (?:on|in|at|during|after|over) [^,.;\n]{1,40}?)?,? (?:were|was|are|is|included?) "
        r"(?P<obj>[^.;\n]{1,120})"
    )


# "The penalties are: $3.6 million on Hayvn Cayman; $3 million on AC Limited"
AMOUNT_ON = re.compile(
    r"(?:[$€£¥₹₩]|\b[A-Z]{1,2}\$|\b(?:USD|EUR|GBP|AED|CHF|SGD|HKD|INR|THB) ?)\d[\d.,]*"
    r"(?: ?(?:million|billion|bn|mn|m|k)\b)?(?: (?:fine|penalty))? on\b"
)
# Words every match of a row's pattern holds besides its key words (lower case), for rows
# whose key word is common (" on "): `find_triggers` reads only the sentences holding both.
ALSO: dict[re.Pattern[str], tuple[str, ...]] = {
    AMOUNT_ON: ("$", "€", "£", "¥", "₹", "₩", *"usd eur gbp aed chf sgd hkd inr thb".split()),
}

_V = "active"
_N = "nominal"
_R = "receiver"
PATTERNS: list[tuple[str, str, re.Pattern[str], float]] = [
    (
        REL.banned,
        _V,
        re.compile(
            r"\b(?:ban(?:ned|ning)|bans?(?! (?:on|against)\b)|prohibit(?:s|ed|ing)?"
            r"|outlaw(?:s|ed|ing)?|forb(?:ade|ids?|idden)|"
            r"remov(?:e|es|ed|ing)|shut(?:s|ting)? down|shutter(?:s|ed|ing)?|"
            r"clos(?:e|es|ed|ing) down|halt(?:s|ed|ing)?|"
            r"(?:tak(?:e|es|en|ing)|took|knock(?:s|ed|ing)?) (?:\w+ )?offline|"
            r"bar(?:s|red|ring)?)\b(?! to\b)"
        ),
        0.85,
    ),
    (
        REL.banned,
        _V,
        re.compile(
            r"\b(?:sanction(?:ed|ing)(?! (?:process|proceedings?|procedure|regime))"
            r"|suspend(?:s|ed|ing)?|"
            r"designat(?:ed|es|ing)(?=[^.;\n]{0,160}\b(?:sanction|SDN|Specially Designated)))\b"
        ),
        0.8,
    ),
    (  # "OFAC designated X", "the Treasury re-designated X": with no sanctions word in the
        # sentence, `action_relations` keeps it only for a sanctions body or article
        REL.banned,
        _V,
        re.compile(r"\b(?:re-?)?designat(?:ed|es|ing)\b(?! (?:as|to|for)\b)"),
        0.7,
    ),
    (
        REL.banned,
        _N,
        re.compile(r"\b(?:sanctions (?:on|against)|suspension of|seizure of)\b"),
        0.7,
    ),
    (
        REL.banned,
        _V,
        re.compile(
            r"\bseiz(?:e|es|ed|ing)\b(?= (?:the |its |their )?(?:[\w'-]+ ){0,3}?"
            r"(?:servers?|infrastructure))"
        ),
        0.8,
    ),
    (REL.banned, _N, re.compile(r"\b(?:bans? (?:on|against)|prohibition (?:on|of))\b"), 0.7),
    (  # "the suspension (that) the FIU had imposed on X", "the fine the FCA levied against
        # X": the noun, whose imposer the relative clause names (roles.py `_imposer`)
        REL.banned,
        _N,
        re.compile(
            r"\b(?:bans?|suspensions?|prohibitions?)\b(?=,? (?:that |which )?(?:the )?"
            r"[A-Z][^,.;\n]{0,60}? (?:had |has |have )?(?:imposed|placed) (?:on|upon|against)\b)"
        ),
        0.7,
    ),
    (
        REL.fined,
        _N,
        re.compile(
            r"\b(?:fines?|penalt(?:y|ies))\b(?=,? (?:that |which )?(?:the )?"
            r"[A-Z][^,.;\n]{0,60}? (?:had |has |have )?(?:imposed|levied) (?:on|upon|against)\b)"
        ),
        0.7,
    ),
    (  # "the fine imposed on X by Y", "Y's £3 million fine against X", "The fine was imposed
        # on X" (the body that fined, told before)
        REL.fined,
        _N,
        re.compile(
            r"\bfines? "
            # "a fine and other sanctions were imposed on X by Y": the fine is one of them
            r"(?:and (?:other |further |additional )?(?:sanctions|penalties|measures"
            r"|restrictions) )?"
            r"(?:(?:(?:was|were|has been|had been) )?(?:imposed|levied) )?(?:on|against)\b"
            r"(?! (?:\d|(?:Jan|Feb|Mar|Apr|May|Jun"
            r"|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b|the \d))"
        ),
        0.75,
    ),
    (  # "X received a two-month business suspension order from Y", "X was hit with a
        # suspension by Y" (not a licence's suspension: that ends the licence)
        REL.banned,
        _R,
        re.compile(
            r"\b(?:received|receives|got|(?:was|were) (?:handed|hit with|slapped with|served with"
            r"|issued(?: with)?|given)) (?:a |an |the )?(?:[\w-]+ ){0,3}?"
            r"(?<!licen[cs]e )(?<!registration )suspension(?: orders?)?\b(?! of\b)"
        ),
        0.75,
    ),
    (  # "handed X a three-month business suspension order"
        REL.banned,
        "span",
        re.compile(
            r"\b(?:issu(?:ed|es|ing)|gave|giv(?:es|ing)|hand(?:ed|s|ing)|serv(?:ed|es|ing)"
            r"|hit(?:s|ting)?|slap(?:s|ped|ping)?) (?P<obj>(?!(?:a|an|the|its|their|it|them"
            r"|with|business|temporary|partial|full|several|two|three) )"
            + _OBJ
            + r"{1,60}?) (?:with )?(?:a |an |the )?(?:[\w-]+ ){0,3}?"
            r"(?<!licen[cs]e )(?<!registration )suspension(?: orders?)?\b(?! of\b)"
        ),
        0.75,
    ),
    (  # "imposed restrictions on X", "a three-month business suspension on X", "a suspension
        # order to X"
        REL.banned,
        _N,
        re.compile(
            r"\b(?:restrictions (?:on|against)|suspensions? (?:orders? )?(?:on|against)"
            r"|suspension orders? to)\b"
        ),
        0.7,
    ),
    (  # "seized three website domains used to operate X": domain seizures block
        REL.blocked,
        _V,
        re.compile(
            r"\bseiz(?:e|es|ed|ing)\b(?= (?:the |its |their )?(?:[\w'-]+ ){0,3}?"
            r"(?:domains?|websites?|web ?sites?))"
        ),
        0.8,
    ),
    (  # "seized nine cryptocurrency exchanges", "seized the platform": its web presence
        # taken (not "seized the exchange's servers" nor "seized exchange funds")
        REL.blocked,
        _V,
        re.compile(
            r"\bseiz(?:e|es|ed|ing)\b(?! (?:from|at|in|on|during|by|with|after|for|under)\b)"
            r"(?= (?:the |its |their )?(?:[\w'-]+ ){0,3}?"
            r"(?:exchanges?|platforms?|marketplaces?|mixers?)\b(?!['\w-]| (?:funds|accounts"
            r"|wallets|assets|servers?|infrastructure|data|equipment|balances)\b))"
        ),
        0.8,
    ),
    (  # "The domains a.org and a.io were seized": the passive of the same
        REL.blocked,
        _V,
        re.compile(
            r"\b(?:domains?|websites?|web ?sites?)\b(?:[^.;]|\.(?=\w)){0,120}?\b(?:was|were|been) "
            r"(?P<t>seized)\b"
        ),
        0.8,
    ),
    (
        REL.banned,
        _R,
        re.compile(
            r"\b(?:(?:was|were|been|being|is|are) )?(?:served|issued|hit) with (?:a |an )?"
            r"(?:[\w-]+ ){0,2}?(?:prohibition|banning|disqualification) orders?\b"
        ),
        0.8,
    ),
    (
        REL.banned,
        _N,
        re.compile(r"\b(?:prohibition|banning|disqualification) orders? (?:against|on|to)\b"),
        0.75,
    ),
    (
        REL.warned,
        _N,
        re.compile(
            r"\b(?:business improvement|improvement|rectification|corrective|remedial) "
            r"(?:orders?|notices?|directions?)\b"
        ),
        0.75,
    ),
    (REL.banned, _V, re.compile(r"\brevok(?:e|es|ed|ing)\b"), 0.5),
    (
        REL.blocked,
        _V,
        re.compile(
            r"\b(?:block(?:s|ed|ing)?|blacklist(?:s|ed|ing)?|cut(?:s|ting)? off|"
            r"(?:restrict(?:s|ed|ing)?|clos(?:e|es|ed|ing)|limit(?:s|ed|ing)?) (?:local )?access)\b"
        ),
        0.85,
    ),
    (
        REL.fined,
        _V,
        re.compile(r"\bfin(?:es|ed|ing)\b|\bfine\b(?= [A-Z])|\bpenali[sz](?:e|es|ed|ing)\b"),
        0.85,
    ),
    (  # "X paid $30M to resolve claims", "X will pay R$ 9.6 million to close the process"
        REL.fined,
        _R,
        re.compile(
            r"\b(?:paid|pays|paying|(?:will|to|agreed to|must) pay)(?= (?:a total of |about "
            r"|some |nearly |almost )?(?:[A-Z]{0,3}[$€£¥₹₩]|[A-Z]{3} ?)\s?\d[\d.,]*(?: ?(?:"
            r"million|billion|thousand|bn|mn|m|k)\b)? (?:\w+ ){0,3}?to (?:resolve|settle|close"
            r"|end)\b)"
        ),
        0.75,
    ),
    (REL.fined, _N, AMOUNT_ON, 0.7),
    (
        REL.fined,
        _R,
        re.compile(
            r"\b(?:received|receives|incurred|(?:was|were|been|being|is|are) (?:handed|hit with"
            r"|slapped with)) (?:a |an |the )?(?:[\w$€£¥₹.,-]+ ){0,4}?"
            r"(?:fine|penalty|penalties)\b"  # ("has been hit with a £3 million fine")
        ),
        0.75,
    ),
    (
        REL.fined,
        _R,
        re.compile(
            r"\b(?:(?:will|must|shall) )?(?:paid|pays|paying|pay) (?:a |an |the )?"
            r"(?:[\w$€£¥₹₩.,-]+ ){0,4}?(?:fine|penalty)\b"
        ),
        0.75,
    ),
    (  # "X and Y will pay $24 million, comprising disgorgement ...", "paid $30M to resolve
        # claims": money paid to settle; not a price ("paid $50 million for a stake")
        REL.fined,
        _R,
        re.compile(
            r"\b(?:(?:will|must|would|shall) )?(?:paid|pays|paying|pay)"
            r"(?= (?:a total of |about |around |nearly |more than |some )?(?:(?:US|A|C|HK|S|R)\$ ?"
            r"|[$€£¥₹₩₦]|(?:USD|EUR|GBP|CHF|SGD|HKD|INR|THB|BRL|CAD|AUD) ?)\d)"
            r"(?![^.;\n]{0,60}?\b(?:for (?:a |the |its |their )?(?:stake|shares|acquisition)"
            r"|to (?:acquire|buy|purchase)|in (?:cash|stock)\b))"
            r"(?=[^.\n]{0,200}?\b(?:settl|resolv|penalt|disgorg|fine[ds]?\b|charges|claims"
            r"|allegations|violations|sanctioning|judgment|consent order))"
        ),
        0.7,
    ),
    (
        REL.fined,
        _N,
        re.compile(
            r"\b(?:penalt(?:y|ies)|fine of|settlements? with|disgorgement)\b"
            r"(?! proceedings| case| action| hearing)"
        ),
        0.75,
    ),
    (
        REL.fined,
        _R,
        re.compile(
            r"\b(?:settl(?:e|es|ed|ing) with|(?:agreed|ordered|required)"
            r"(?: (?:on|in|last|this|earlier|later) \w+| \w+ly)? to pay|"
            r"disgorg(?:e|ed|es|ing)|agreed to (?:a|an|the) [^;\n]{0,40}?settlement with|"
            r"(?:and|or) to pay(?= (?:a |an |the )?(?:US|A|C|HK|S)?[$€£¥₦₹]))\b"
        ),
        0.8,
    ),
    (
        REL.sued,
        _V,
        re.compile(
            r"\bsu(?:e|es|ed|ing)\b|\bindict(?:s|ed|ing)?\b|\barraign(?:s|ed|ing)?\b|"
            r"\bprosecut(?:e|es|ed|ing)\b|\bcharged\b(?! "
            + CHARGED
            + r"(?:a (?:total of |penalty of |fine of )?|an? )?"
            + MONEY_AHEAD
            + r")"
            r"|(?<=indictment )charging\b"
        ),
        0.85,
    ),
    (  # case names: "Australian Securities and Investments Commission v Web3 Ventures"
        REL.sued,
        "case",
        re.compile(r"(?<=[a-z)]) (?:v|vs)\.? (?=[A-Z])"),
        0.7,
    ),
    (  # "X is not permitted to offer services, the FCA said": the negation is the ban
        REL.banned,
        _R,
        re.compile(
            r"\b(?:is|are|was|were|be|been) (?:no longer|not) (?:permitted|allowed|authori[sz]ed)"
            r" to\b"
        ),
        0.7,
    ),
    (  # "X must pay a $2 million penalty, the SEC said"
        REL.fined,
        _R,
        re.compile(
            r"\bmust pay\b(?=[^.;]{0,80}, (?:(?:the )?[A-Z][^,.;]{1,80} (?:said|says|announced"
            r"|ordered|ruled)|according to (?:the )?[A-Z]))"
        ),
        0.7,
    ),
    (  # "X and Y must suspend their services until April 7, the FSA said"
        REL.banned,
        _R,
        re.compile(
            r"\bmust (?:suspend|stop|cease|halt|close|shut down|wind down|discontinue)\b"
            r"(?=[^.;]{0,80}, (?:(?:the )?[A-Z][^,.;]{1,80} (?:said|says|announced|ordered)"
            r"|according to (?:the )?[A-Z]))"
        ),
        0.7,
    ),
    (
        REL.sued,
        _V,
        re.compile(
            r"\bfil(?:e|es|ed|ing) (?:a |an |its |their )?(?:[\w-]+ ){0,3}?(?:lawsuit|suit"
            r"|complaints?|"
            r"charges?|case|statement of allegations|indictment|proceedings|action)\b"
        ),
        0.85,
    ),
    (  # "ASIC's earlier loss against X": a case the body brought and lost (or won)
        REL.sued,
        _N,
        re.compile(
            r"(?<=['’]s )(?:(?:earlier|recent|latest|first|second|court|legal|high-profile) )?"
            r"(?:court )?(?:loss|win|victory|defeat) against\b"
        ),
        0.75,
    ),
    (  # "X is still on OFAC's list", "Y remains on the SDN list": a sanctions listing
        REL.banned,
        _R,
        re.compile(
            r"\b(?:is|are|was|were|remains?|remained|stays?|stayed) (?:still )?on"
            r"(?= (?:(?:OFAC|OFSI|the Treasury|Treasury)['’]s (?:sanctions |SDN )?list"
            r"|(?:the|its|their) (?:sanctions|SDN|Specially Designated Nationals) list)\b)"
        ),
        0.75,
    ),
    (
        REL.sued,
        _N,
        re.compile(
            r"\b(?<!bankruptcy )(?<!insolvency )(?<!liquidation )(?:lawsuits?|suits?|complaints?"
            r"|cases?|charges?|indictments?|prosecution|proceedings"
            r"|(?:sanctioning|disciplinary|enforcement|administrative|criminal|legal) "
            r"(?:process|proceedings?|action)"
            # (not "enforcement actions": a regulator's measures of every kind)
            r"|(?:administrative|criminal|legal|civil) actions)"
            r"(?: (?:filed|brought|initiated|opened|commenced|instituted))?(?: [^.;\n]{0,30}?)?"
            r" against\b"
        ),
        0.8,
    ),
    (
        REL.sued,
        _N,
        re.compile(
            r"\b(?:(?<![Ee]nforcement )[Pp]roceedings|(?:[Ss]anctioning|[Dd]isciplinary"
            r"|[Aa]dministrative|[Cc]riminal|[Ll]egal) (?:process|proceedings?|action))"
            r" (?:initiated|opened|commenced|instituted|brought) by\b"
        ),
        0.8,
    ),
    (  # a supervisor's enforcement proceedings are its inquiry into the firm, no suit
        REL.investigated,
        _N,
        re.compile(
            r"\b[Ee]nforcement (?:process|proceedings?)"
            r" (?:initiated|opened|commenced|instituted|brought) by\b"
        ),
        0.8,
    ),
    (  # a supervisor that puts a firm into bankruptcy or liquidation shuts it down
        REL.banned,
        _N,
        re.compile(
            r"\b(?:bankruptcy|insolvency|liquidation|winding-up) proceedings"
            r"(?: (?:were|was|have been|had been))? (?:opened|initiated|commenced|instituted)"
            r" against\b"
        ),
        0.75,
    ),
    (REL.banned, _V, re.compile(r"(?<=were )liquidated\b|(?<=was )liquidated\b"), 0.75),
    (REL.sued, _N, re.compile(r"\b(?:charges?|count charge)\b(?= filed)"), 0.8),
    (
        REL.sued,
        _N,
        re.compile(  # "X faces charges brought by Y", "is facing legal action from Y"
            r"\b(?:charges|lawsuits?|suits?|complaint|(?:legal|court|civil|criminal)"
            r" (?:action|proceedings))\b(?= (?:brought |filed |initiated |launched )?(?:by|from) )"
        ),
        0.8,
    ),
    (
        REL.sued,
        _V,
        re.compile(r"\b(?:complaint|lawsuit|indictment)\b[^;\n]{0,160}?\b(?P<t>names)\b"),
        0.8,
    ),
    (REL.sued, _V, re.compile(r"\baccus(?:e|es|ed|ing)\b"), 0.6),
    (  # "the SEC slapped X with a lawsuit", "hit X and Y with charges"
        REL.sued,
        "span",
        re.compile(
            r"\b(?:hit(?:s|ting)?|slap(?:s|ped|ping)?) (?P<obj>(?!(?:a|an|the|its|their|it|them"
            r"|with) )" + _OBJ + r"{1,60}?) with (?:a |an )?(?:[\w-]+ ){0,2}?(?:lawsuits?|suits?"
            r"|charges|indictments?)\b"
        ),
        0.8,
    ),
    (  # "X was hit with a lawsuit by the SEC", "X and Y were slapped with charges from Y"
        REL.sued,
        _R,
        re.compile(
            r"\b(?:was|were|been|being|is|are) (?:hit|slapped|served) with (?:a |an )?"
            r"(?:[\w-]+ ){0,2}?(?:lawsuits?|suits?|charges|indictments?)\b"
        ),
        0.8,
    ),
    (  # "X has come under scrutiny from the FCA"
        REL.investigated,
        _N,
        re.compile(r"\bscrutiny\b(?= (?:by|from) )"),
        0.7,
    ),
    # "Among those arrested were A and B": the parties the list after the verb names
    (
        REL.investigated,
        "span",
        _among("arrested|detained|apprehended|held|taken into custody"),
        0.75,
    ),
    (REL.sued, "span", _among("charged|indicted|sued|prosecuted"), 0.75),
    (REL.banned, "span", _among("sanctioned|banned|barred|designated"), 0.75),
    (REL.fined, "span", _among("fined|penali[sz]ed"), 0.75),
    (
        REL.investigated,
        _V,
        re.compile(
            r"\b(?:investigat(?:e|es|ed|ing)|prob(?:es|ed|ing)|raid(?:s|ed|ing)?|arrest(?:s|ed|ing)?|"
            r"subpoena(?:s|ed|ing)?|scrutini[sz](?:e|es|ed|ing)|examin(?:e|es|ed|ing)|"
            r"look(?:s|ed|ing)? into|detain(?:s|ed|ing)?|search(?:es|ed|ing)?(?= (?:the )?"
            r"(?:premises|offices?|homes?|headquarters|residences?) of)|inspect(?:s|ed|ing)?"
            r"|apprehend(?:s|ed|ing)?|(?:(?<=\bwas )|(?<=\bwere ))picked up(?=[^.;]{0,40}\bby\b)"
            r"|taken into custody)\b"
        ),
        0.8,
    ),
    (  # "issued a warrant for Kwon's arrest": the one to be arrested
        REL.investigated,
        "span",
        re.compile(
            r"\b(?:warrants? for|ordered) (?P<obj>[A-Z][\w.-]*(?: [A-Z][\w.-]*){0,3})'s? "
            r"(?:arrest|detention)\b"
        ),
        0.75,
    ),
    (
        REL.investigated,
        _N,
        re.compile(
            rf"\b(?:(?:{_AT_START}I|i)nvestigations?|(?:{_AT_START}P|p)robes?"
            rf"|(?:(?:{_AT_START}E|e)nquir|(?:{_AT_START}I|i)nquir)(?:y|ies)(?: into)?"
            r"|examinations?"
            # "inspections for anti-money laundering on X": what they were for, then whom
            r"|inspections?(?=(?: for [a-z -]{1,80}?)? (?:(?:of|at|into) |on (?!(?:Mon|Tues"
            r"|Wednes|Thurs|Fri|Satur|Sun)day"
            r"|January|February|March|April|May|June|July|August|September|October|November"
            r"|December|\d|the (?:same|next|following|first) )))"  # (not "an inspection on May 2")
            r"|audit)\b"
            r"(?! costs?| fees?| expenses?| teams?| units?| division| journalists?| reports?)"
        ),
        0.75,
    ),
    (
        REL.warned,
        _V,
        re.compile(
            r"\b(?:warn(?:s|ed)?|caution(?:s|ed)?|admonish(?:es|ed)?|reprimand(?:s|ed)?"
            r"|censur(?:e|es|ed|ing))\b"
        ),
        0.85,
    ),
    (
        REL.warned,
        _R,
        re.compile(
            r"\b(?:received|receives|got|gets|was (?:sent|given|issued)|were (?:sent|given|issued))"
            r" (?:a |an |its |their |the )?(?:[\w-]+ ){0,2}?(?:warnings?|warning letters?|cautions?"
            r"|reprimands?|cease[- ]and[- ]desist (?:orders?|letters?))\b"
        ),
        0.75,
    ),
    (
        REL.warned,
        _N,
        re.compile(
            rf"\b(?:(?:{_AT_START}W|w)arnings?|(?:{_AT_START}W|w)arning letters?|advisor(?:y|ies)"
            r"|show[- ]cause(?: notices?"
            r"| orders?)?|"
            r"cease[- ]and[- ]desist(?: orders?| letters?)?|compliance notices?|(?:alert"
            r"|warning) list|"
            r"investor alerts?|alerts? (?:about|on|against|over|naming)|Wells notices?"
            r"|cautionary (?:statements?|notices?|notes?|messages?|alerts?))\b"
        ),
        0.8,
    ),
    (  # "X has been placed on the FCA's warning list"
        REL.warned,
        _R,
        re.compile(
            r"\b(?:placed|put|added|included|listed)(?= (?:on|to|in) (?:the |its |a )?"
            r"(?:[\w'’.-]+ ){0,6}?\"?(?:[Ww]arning|[Aa]lert|[Ww]atch|[Bb]lack|[Ss]cam)\"? ?[Ll]ist)"
        ),
        0.75,
    ),
    (  # "the SFC added X and Y to its alert list": the body that keeps the list warns
        REL.warned,
        "span",
        re.compile(
            # (a point inside a word is no sentence's end: "operator of the Crypto.com exchange")
            r"\b(?:placed|puts?|added|adds|included|includes|listed)"
            r" (?P<obj>(?:[^.;\n]|\.(?=\w)){1,80}?) "
            r"(?:on|to|in) (?:the |its |their |a )?(?:(?:[\w'’.-]+ ){0,4}?"
            r"\"?(?:[Ww]arning|[Aa]lert|[Ww]atch|[Bb]lack|[Ss]cam)\"? ?[Ll]ist\b"
            # "added X to its list of financial warnings", "... to its list of online scams"
            r"|(?:[\w'’.-]+ ){0,2}?list of (?:[\w-]+ ){0,2}?(?:warnings|alerts|scams)\b"
            # "added X to their list of unregistered platforms": a list that names and shames
            r"|(?:[\w'’.-]+ ){0,2}?list of (?:(?:suspected|potentially) )?(?:unregistered"
            r"|unlicensed|unauthori[sz]ed|illegal|suspicious|fraudulent|prohibited|banned)\b)"
        ),
        0.75,
    ),
    (  # "the FCA named X in a warning", "named A and B in its latest investor alert"
        REL.warned,
        "span",
        re.compile(
            r"\bnamed (?P<obj>(?:[^.;\n]|\.(?=\w)){1,80}?) in (?:a |an |its |their |the )?"
            r"(?:[\w-]+ ){0,2}?(?:warnings?|alerts?|advisor(?:y|ies)|cautions?)\b"
        ),
        0.75,
    ),
    (  # "Access to X has been restricted in Indonesia": X blocked
        REL.blocked,
        "span",
        re.compile(
            r"\b[Aa]ccess to (?P<obj>[^.;\n]{1,80}?) (?:has been|have been|had been|was|were"
            r"|is being) (?:restricted|blocked|cut off|disabled)\b"
        ),
        0.75,
    ),
    (  # "The CFTC and Korvex reached a $10 million settlement": the money paid, a fine
        REL.fined,
        _R,
        re.compile(
            r"(?:(?<=\breached )|(?<=\bstruck ))(?:a |an )?(?:[\w$€£¥₹.,-]+ ){0,4}?"
            r"(?P<t>settlement)\b(?! with| of the)"
        ),
        0.7,
    ),
    (  # "froze Bybit's assets", "has frozen the bank accounts of X"
        REL.blocked,
        _V,
        re.compile(
            r"\b(?:froze|frozen|freez(?:e|es|ing))(?= (?:the |its |their )?(?:[\w'’.-]+ ){0,4}?"
            r"(?:assets|accounts|funds|wallets|balances|deposits|holdings)\b)"
        ),
        0.8,
    ),
    (  # "seized two Binance accounts", "has confiscated 190 crypto accounts at X": accounts
        # and wallets taken are cut off as frozen ones are (not "seized assets": a forfeiture)
        REL.blocked,
        _V,
        re.compile(
            r"\b(?:seiz(?:e|es|ed|ing)|confiscat(?:e|es|ed|ing))(?= (?:the |its |their )?"
            r"(?:[\w'’.,-]+ ){0,4}?(?:accounts|wallets)\b)"
        ),
        0.75,
    ),
    (  # "Coinbase won DNB registration", "Bybit obtained a licence from the VARA"
        REL.licensed,
        _R,
        re.compile(
            r"\b(?:won|wins|obtained|obtains|secured|secures|received|receives|gained|gains"
            r"|was granted|were granted|has been granted)\b(?=(?: [\w&.'-]+){0,4}? "
            r"(?:registration|licen[cs]es?|approval|authori[sz]ation|permit)\b)"
        ),
        0.75,
    ),
    (
        REL.licensed,
        "prefix",
        re.compile(
            r"\b(?P<obj>[A-Z][A-Z0-9&]{1,9}|[A-Z][\w&.]*(?: (?:of|for|and|the|on|[A-Z][\w&.]*))"
            r"{1,8})-(?:licensed|registered|approved|authori[sz]ed)\b"
        ),
        0.85,
    ),
    (  # "The Firm has held FCA authorisation since 2017": the body named before the noun
        REL.licensed,
        _R,
        re.compile(
            r"\b(?:holds?|held|obtained|obtains|received|secured|won|got)(?= (?:a |an |the |full )?"
            r"[A-Z][A-Za-z0-9&]{1,9} (?:licen[cs]es?|authori[sz]ations?|registrations?"
            r"|approvals?|permits?)\b)"
        ),
        0.75,
    ),
    (
        REL.licensed,
        _R,
        re.compile(
            r"\b(?:(?:has|have|had) been |was |were |is |are )?(?:granted|awarded"
            r"|issued)\b(?! (?:a |an |the )?(?:[\w-]+ ){0,2}?licen[cs]es? to\b)(?=[^.;\n]{0,60}"
            r"\b(?:licen[cs]e|approval|registration|authori[sz]ation|permit))|"
            r"\b(?:(?:has|have|had) been|was|were|is|are|being) (?:\w+ly )?(?:approved"
            r"|licensed|registered|"
            r"authori[sz]ed)\b(?! in\b| as\b| under\b)|"
            r"\bregistered with\b|\bon(?:to)? the register\b(?! of (?:banned|blocked|prohibited"
            r"|restricted|illegal))|"
            r"\b(?:holds?|held|obtained|received|secured|won|got) (?:a |an |the |its |their "
            r"|full )?"
            r"(?:[\w-]+ ){0,3}?(?:licen[cs]es?|approvals?|registrations?|authori[sz]ations?"
            r"|permits?)"
            r"(?= from| by)|\b(?:approval|licen[cs]e|registration) from\b"
        ),
        0.8,
    ),
    (
        REL.licensed,
        _V,
        re.compile(
            r"(?<!warrant )(?<!warrants )(?<!order )(?<!orders )(?<!raid )(?<!seizure )(?<!-)"
            r"\b(?:licen[cs](?:es|ed)|authori[sz](?:es|ed)|"
            r"approv(?:es|ed)(?! (?:(?:in|on|this|last) [^,.;]{0,30}? )?(?:a |an |the |its )?"
            r"(?:[\w$\u20ac\u00a3\u00a5.,-]+ ){0,3}?"
            r"(?:terms?|settlements?|agreements?|deals?|plans?|proposals?|rules?|laws?|budget"
            r"|merger|acquisition|bills?|regulations?|amendments?|extradition|requests?|sale"
            r"|transfer|release|bail|appeal|motion|petition|application to extradite)\b)|"
            r"grant(?:s|ed)? (?:a |an |the )?(?:[\w-]+ ){0,2}?licen[cs]es? to|"
            # (not a registration asked for: "an entreaty to get registered", "must be
            # registered")
            r"(?<!get )(?<!be )(?<!become )(?<!getting )"
            r"register(?:s|ed)(?! with| in| as| under| on| for| to| by| a | an ))"
            r"\b"
        ),
        0.8,
    ),
    (
        REL.referred_by,
        "refer",
        re.compile(r"\brefer(?:s|red|ring) (?P<obj>[^.;\n]{1,60}?) to (?P<to>[^.;,\n]{1,60})"),
        0.8,
    ),
    (
        # "reported 12 exchanges to the police": a referral only when the matter goes to
        # those who investigate crimes ("reported losses to shareholders" is not one)
        REL.referred_by,
        "refer",
        re.compile(
            r"\breport(?:s|ed|ing)? (?P<obj>[^.;\n]{1,80}?) to (?P<to>(?:the )?(?:[A-Z][\w.'-]* )?"
            r"(?:(?:local |state |national |public |financial )?(?:police|prosecutors?"
            r"|prosecution(?: service)?|public prosecutor's office|prosecutor's office"
            r"|law enforcement(?: agencies| authorities)?|criminal investigators"
            r"|investigat(?:ive|ion|ing) (?:agencies|authorities|bodies|agency))"
            r"|(?:[A-Z][\w.'-]* ){0,3}(?:Police|Crimes?|Prosecut\w*|Investigat\w*|Enforcement))\b)"
        ),
        0.75,
    ),
    (
        REL.referred_by,
        "suggest",
        re.compile(
            r"\b(?:suggested|recommended|urged|asked|requested)\b[^.;\n]{0,40}?\b(?:look into"
            r"|investigate|"
            r"probe|examine|act against|crack down on) (?P<obj>[^.;\n]{1,80})"
        ),
        0.7,
    ),
    (  # "issued detention warrants for 80 suspects": those to be detained
        REL.investigated,
        _N,
        re.compile(r"\b(?:detention|custody) warrants? (?:for|against)\b"),
        0.75,
    ),
    (  # "the SEC settled separate cases with A and B": a settlement the body reached
        # with each of them (a money settlement: FINED)
        REL.fined,
        _V,
        re.compile(
            r"\bsettled (?:(?:separate|parallel|two|three|four|related) )?(?:(?:civil |criminal )?"
            r"(?:cases|charges|claims|proceedings|actions|enforcement actions) )?with\b"
        ),
        0.75,
    ),
    (  # "The FCA handed X a $2 million penalty", "handed down a £2m fine to X"
        REL.fined,
        _V,
        re.compile(
            r"\bhand(?:ed|s|ing)(?: down)?\b(?=[^.;\n]{1,80}?\b(?:fines?|penalt(?:y|ies))\b)"
        ),
        0.75,
    ),
    (  # "X and its owner have had $140m frozen by New Zealand police": what X had frozen
        # (its funds, a sum) is X's, cut off by the agent (a passive by "by")
        REL.blocked,
        _V,
        re.compile(r"\b(?:frozen|restrained)(?= by\b)"),
        0.75,
    ),
]
PATTERNS += enforcement_wording.ROWS
# the same patterns, recompiled so the search can skip ahead (see `text.regex_lead`)
PATTERNS = [(t, v, compile_lead(p.pattern, p.flags), c) for t, v, p, c in PATTERNS]
STEMS: list[tuple[str, ...]] = [
    ("ban", "prohibit", "outlaw", "forb", "remov", "shut", "clos", "bar", "offline", "halt"),
    ("sanction", "suspend", "designat"),
    ("designat",),
    ("sanctions", "suspension", "seizure"),
    ("seiz",),
    ("ban on", "bans on", "ban against", "bans against", "prohibition"),
    ("ban", "suspension", "prohibition"),
    ("fine", "penalt"),
    ("fine",),
    ("suspension",),
    ("suspension",),
    ("restrictions", "suspension"),
    ("seiz",),
    ("seiz",),
    ("seized",),
    ("served with", "issued with", "hit with"),
    ("prohibition order", "banning order", "disqualification order"),
    ("improvement", "rectification", "corrective", "remedial"),
    ("revok",),
    ("block", "blacklist", "cut", "restrict", "access"),
    ("fine", "penalis", "penaliz", "fining"),
    (" pa", "paid", "pays", "paying"),
    (" on ",),
    ("fine", "penalt"),
    ("paid", "pay"),
    ("paid", "pay"),
    ("penalt", "fine of", "settlement", "disgorg"),
    ("settl", "to pay", "disgorg"),
    ("sue", "sui", "indict", "prosecut", "charged", "arraign"),
    (" v ", " v. ", " vs ", " vs. "),
    ("permitted", "allowed", "authorised", "authorized"),
    ("must pay",),
    ("must ",),
    ("fil",),
    ("loss against", "win against", "victory against", "defeat against"),
    (
        "on ofac",
        "on ofsi",
        "on the treasury",
        "on treasury",
        "on the sanctions",
        "on the sdn",
        "on the specially",
        "on its sanctions",
        "on its sdn",
        "on their sanctions",
        "on their sdn",
        "on its specially",
        "on their specially",
    ),
    ("against",),
    ("initiated by", "opened by", "commenced by", "instituted by", "brought by"),  # any case
    ("initiated by", "opened by", "commenced by", "instituted by", "brought by"),
    ("bankruptcy", "insolvency", "liquidation", "winding-up"),
    ("liquidated",),
    ("filed",),
    ("charges", "suit", "complaint", "action", "proceedings"),
    ("names",),
    ("accus",),
    ("hit", "slap"),
    ("hit with", "slapped with", "served with"),
    ("scrutiny",),
    ("among", "one of"),
    ("among", "one of"),
    ("among", "one of"),
    ("among", "one of"),
    (
        "investigat",
        "prob",
        "raid",
        "arrest",
        "look",
        "detain",
        "search",
        "inspect",
        "apprehend",
        "picked up",
        "custody",
        "subpoena",
        "scrutini",
        "examin",
    ),
    ("arrest", "detention"),
    ("investigation", "probe", "enquir", "inquir", "examination", "audit", "inspection"),
    ("warn", "caution", "admonish", "reprimand", "censur"),
    ("received", "receives", "got", "gets", "sent", "given", "issued"),
    ("warning", "advisor", "cause", "desist", "notice", "list", "alert", "wells", "cautionary"),
    ("placed", "put ", "added", "included", "listed"),
    ("placed", "put", "add", "includ", "listed"),
    ("named",),
    ("access to",),
    ("settlement",),
    ("froze", "frozen", "freez"),
    ("seiz", "confiscat"),
    ("won", "wins", "obtain", "secure", "receive", "gain", "granted"),
    ("-licensed", "-registered", "-approved", "-authori"),
    ("hold", "held", "obtain", "received", "secured", "won", "got"),
    (
        "grant",
        "award",
        "issued",
        "approved",
        "licensed",
        "registered",
        "authori",
        "register",
        "licen",
        "approval",
        "permit",
        "registrat",
    ),
    ("licen", "approv", "authori", "grant", "register"),
    ("refer",),
    ("report",),
    ("look into", "investigate", "probe", "examine", "act against", "crack down"),
    ("warrant",),
    ("settled",),
    ("hand",),
    ("frozen by", "restrained by"),
]
STEMS += enforcement_wording.STEMS
# the "Among those fined were A and B" rows go first: their list, not the bare participle,
# names the parties (a word row would read "fined" alone, a passive with no party before
# it, and keep the word from the list row)
_AMONG_FIRST = sorted(
    range(len(PATTERNS)), key=lambda i: "[Aa]mong|[Oo]ne of) (?:those" not in PATTERNS[i][2].pattern
)
PATTERNS = [PATTERNS[i] for i in _AMONG_FIRST]
STEMS = [STEMS[i] for i in _AMONG_FIRST]

# Second words for rows whose key words are common ("said", "order", "add") but whose
# matches are rare: words every match holds besides (tests/test_stems_cover_patterns.py
# checks them), keyed by a piece of the row's pattern found in no other row's.
_RARE_ROWS: dict[str, tuple[str, ...]] = {
    r"(?:is|are|was|were|remains?) (?:now |still |also |strictly )?(?:illegal": (
        " banned", " illegal", " prohibited", " unlawful",
    ),
    r"(?:regist(?:er|ry)|list) of (?:banned": (" list of ", " register of ", " registry of "),
    r"(?:was|were|is|are|had been|has been|have been) (?:operating|providing": (
        " operating", " providing", " offering", " carrying on", " conducting",
        " doing business", " running",
    ),
    r"(?:closure|shutdown|shutting down|winding[- ]up|dissolution|liquidation) of (?P<obj>": (
        " closure", " shutdown", " shutting down", " winding", " dissolution", " liquidation",
    ),
    r"o pay (?:a |an )?(?:combined |total |joint )?(?:civil )?(?:monetary |money )?penalt": (
        "to pay ",
    ),
    r"(?:shut down|closed|shuttered|wound up|dissolved|liquidated)\b(?! (?:with no": (
        " closed", " dissolved", " liquidated", " shut down", " shuttered", " wound up",
    ),
    r"payment (?:service )?providers|mobile money operators) to ": (" account",),
}  # fmt: skip


def _rare_row_words() -> dict[re.Pattern[str], tuple[str, ...]]:
    rows = [row[2] for row in PATTERNS + SPAN_PATTERNS + PROCEEDING_PATTERNS]
    found = {}
    for piece, words in _RARE_ROWS.items():
        holders = [p for p in rows if piece in p.pattern]
        if len(holders) != 1:
            raise ValueError(f"{len(holders)} rows hold {piece!r}: give a piece of one")
        found[holders[0]] = words
    return found


ALSO.update(_rare_row_words())
