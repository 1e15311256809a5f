"""Context cues that type a name the gazetteer does not know.

"crypto exchange OKX", "Sigma Chain, a trading firm", "according to CoinMarketCap",
"a digital wallet called Chivo", "Nairobi-based", "exchanges such as A, B and C":
each regex captures a name and says what it is. They only type names no curated
entry claims; the gazetteer's word wins over a cue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.ontology import TYPE
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.names.given_names import is_family_name, is_given_name
from ingest.extraction.names.org_names import COMMA_LEGAL_FORM, OWNING_SUFFIX
from ingest.extraction.text.class_lead import opening_class
from ingest.extraction.text.currency_marks import CURRENCY_CODE, DOLLAR_MARK
from ingest.extraction.text.regex_lead import compile_lead
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.stem_rows import StemRows, row_matches
from ingest.extraction.text.tokens import SENTENCE_WORDS, UPPER

# The "no name character before" lookbehinds sit after the capital they guard (and look
# back over it too): same matches, but a pattern can then open with a character class,
# which lets the regex engine skip to capitals instead of trying every position.
# a currency marker before a sum ends a name: "fined Kestrel Markets KRW 2.1 billion"
NO_MONEY = rf"(?!{DOLLAR_MARK}|{CURRENCY_CODE} ?\d)"
NAME = rf"(?P<n>[{UPPER}](?<![\w.&'-].)[\w.&'-]*[\w]?(?: {NO_MONEY}[{UPPER}][\w.&'-]*\w)*)"
ONE = rf"(?P<n>[{UPPER}](?<![\w.&'-].)[\w.&'-]*\w)"
# a name's capitalised words alone, for a name a quote mark may open ("named 'Zentro Coin.'")
_PLAIN_NAME = rf"(?P<n>[{UPPER}][\w&-]*(?: {NO_MONEY}[{UPPER}][\w&-]*)*)"
_LIST_ITEM = rf"[{UPPER}](?<![\w.&'-].)[\w.&'-]*\w?(?: [{UPPER}][\w.&'-]*)*"
LIST = rf"(?P<list>{_LIST_ITEM}(?:, {_LIST_ITEM})*(?:,? (?:and|or) {_LIST_ITEM})?)"
_END = r"(?=[\s,.;:)'\"]|$)"
# what may stand between a name and its description: a legal form after a comma and a
# short name in brackets ("SUEX OTC, S.R.O. ("SUEX"), a virtual currency exchange")
_FORM_AND_SHORT = rf"(?:{COMMA_LEGAL_FORM})?(?: \([^()]{{1,40}}\))?"
_SETTLEMENT = r"(?:town|city|village|port|resort|district|province|region|county|municipality)"
_DIRECTION = r"(?:(?:north|south)(?:-?(?:east|west))?|east|west|central)(?:ern)?"
# a day or month after a noun is when, not who: "the regulator Monday said"
_NOT_WHEN = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|The|This|That|It|In|On"
    r"|For|But|And|As|If|When|While)\b)"
)
# "X is/was a ...": the verbs and the words between the article and the noun (a few, none
# of them "of"/"for"/"by"/"and", which would take the noun from another phrase), and the
# words that open a sentence without naming anything ("It was an exchange")
_COPULA = r"(?:is|was|has been|had been|remains|became)"
_FILLER = r"(?:(?!of\b|for\b|by\b|and\b)[\w'-]+ ){0,4}?"
_NOT_PRONOUN = (
    r"(?!(?:It|This|That|There|Here|He|She|They|What|Which|Who|One|Another|Each|The|Its|Their"
    r"|Neither|Either|Both|All|None|Some|Such|Today|Yesterday)\b)"
)
# Not a type: the mark of a party named as an action's object, which `name_runs` makes
# a company unless the name turns out to be a person's (a given name first, or the
# surname of a person the article names); the gazetteer and other cues win over it.
ACTION_OBJECT = "action object"
# Not a type either: the agent of an enforcement passive, a public body unless a person.
PUBLIC_AGENT = "public agent"

# Cues whose name may open a sentence, where its capital says nothing ("Customers were
# barred"): `cue_spans` takes their name only when it reads as one (`_name_by_its_capitals`).
# a relative clause between the party and its verb: "Zolta, which is registered in the
# Seychelles, was fined"
_WHICH_CLAUSE = (
    r"(?:, (?:(?:which|who) [^,.;\n]{1,80}|(?:headquartered|based|registered|incorporated"
    r"|founded|launched|owned|operated) (?:in|by) [^,.;\n]{1,60}),)?"
)
_PASSIVE_PARTY = re.compile(
    rf"{_NOT_PRONOUN}{_NOT_WHEN}{NAME}{_WHICH_CLAUSE} (?:has|have|had|was|were|is|are)"
    r" (?:been |being )?"
    r"(?:fined|barred|banned|blocked|charged|sued|penali[sz]ed|sanctioned|censured"
    r"|suspended|indicted|blacklisted|reprimanded"
    r"|ordered (?:by (?:[\w'.-]+ ){1,6}?)?to (?:stop|halt|cease|pay)"
    r"|(?:slapped|hit) with|registered with)\b"
)
# ... and the passives only a party can be the subject of: a sentence's one opening word
# before them names a party even when written nowhere else ("Velmora was fined", never
# "Trading was fined"; while "Trading was suspended" may be an activity)
_PARTY_ONLY_PASSIVE = re.compile(
    # (singular: a firm "was fined"; "Banks were ordered to stop" are a kind, no name)
    _WHICH_CLAUSE + r" (?:has|had|was|is) (?:been |being )?(?:fined|charged|sued|penali[sz]ed"
    r"|sanctioned|censured|indicted|reprimanded|ordered (?:by (?:[\w'.-]+ ){1,6}?)?to "
    r"(?:pay|stop|halt|cease)|(?:slapped|hit) with (?:a |an )?"
    r"[^.;\n]{0,30}?(?:fine|penalty|sanctions?|lawsuit|charges?)\b)"
    r"|" + _WHICH_CLAUSE + r" (?:has|had) registered with\b"  # "Zolta has registered with the AMF"
)
# words that open such a sentence without naming a party
_NO_PARTY_OPENERS = frozenset(
    "everyone everybody someone somebody anyone anybody nobody no-one management staff "
    "leadership nothing everything something anything".split()
)
_PAYER = re.compile(
    rf"{_NOT_PRONOUN}{_NOT_WHEN}{NAME} (?:has |had |have )?"
    r"(?:agreed|been ordered|was ordered|will have|would have) to pay\b"
)
_FOUNDER_FIRM = re.compile(
    r"(?!(?:Former|Then|Ex|Its|Their|His|Her|The|A|An|Acting|Interim|Deputy|Co|Crypto"
    r"|Bitcoin|Company|Exchange|Firm|Bank|Fund|Group|Project|Platform|Startup)\b)"
    rf"{ONE} (?:co-founder|founder|chief executive|CEO) (?=[{UPPER}][a-z]+ [{UPPER}])"
)
_OPENING_CUES = (_PASSIVE_PARTY, _PAYER, _FOUNDER_FIRM)

CUES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:[Cc]rypto(?:currency)?|[Dd]igital[- ]asset|[Vv]irtual[- ]asset|[Bb]itcoin"
            r"|[Rr]ival|[Oo]ffshore|[Dd]erivatives|[Ss]pot) (?:exchange|trading platform|platform"
            r"|exchange operator) "
            rf"(?:named |called )?{NAME}{_END}"
        ),
        TYPE.exchange,
    ),
    (re.compile(rf"\b(?:exchange|trading platform) (?:named|called) {NAME}{_END}"), TYPE.exchange),
    (
        re.compile(
            # "X, a crypto exchange", "X – a purported VATP" (a virtual asset trading
            # platform; the text's dashes are normalised to "-")
            rf"{NAME}{_FORM_AND_SHORT}(?:,| -) (?:a|an|the|one of the) "
            r"(?:(?!of\b|for\b|by\b)[\w'-]+ ){0,5}?"
            r"(?:crypto(?:currency)? )?"
            r"(?:exchanges?|trading platforms?|exchange operator|VATPs?)\b(?!')"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            rf"{NAME}{_FORM_AND_SHORT}, (?:a|an|the) (?:[\w'-]+ ){{0,4}}?"
            r"(?:firm|company|bank|startup|lender|miner"
            r"|wallet provider|issuer|fintech|payments provider|parent|parent company|conglomerate"
            r"|operator|group|affiliate|subsidiary|arm|unit|entity|branch|vehicle|fund|pool"
            r"|partnership|brokerage|broker|custodian|platform operator|money transmitter"
            r"|money services? business|payments? processor|remittance provider)\b(?!')"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            r"\b(?:according to (?:(?:market )?data (?:from|by) |a (?:\w+ )?report (?:from|by) )?"
            r"|(?:media|news) outlet |news (?:site|agency|website|service|portal) "
            r"|(?:market )?data (?:from|by) |a check by |reported by |told (?:news )?(?:outlet )?"
            rf"(?=[{UPPER}]\w+(?:News|Media|Times|Post)?\b)){ONE}{_END}"
            r"(?! to [a-z])"  # "told Quorvex to stop": a directive's object, no outlet
        ),
        TYPE.mediaoutlet,
    ),
    (
        re.compile(
            r"\b(?:stablecoins?|tokens?|coins?|cryptocurrenc(?:y|ies)|blockchains?|altcoins?"
            rf"|memecoins?) (?:called |named |such as |including |like )?{ONE}{_END}"
            # a word that modifies a noun after it names no coin: "the cryptocurrency ATM
            # companies", "crypto OTC desks"
            r"(?! (?:companies|firms|operators|machines|kiosks|providers|businesses|exchanges"
            r"|platforms|industry|market|sector|desks?|networks?)\b)"
        ),
        TYPE.cryptoasset,
    ),
    (
        re.compile(
            rf"{ONE}, (?:the|a|an) (?:[\w'-]+ ){{0,3}}?(?:blockchain|token|stablecoin|coin|ticker"
            r"|cryptocurrency)\b(?!'| exchange| platform| firm| company)"
        ),
        TYPE.cryptoasset,
    ),
    (re.compile(rf"\b(?:app|wallet|application) (?:called|named) {NAME}{_END}"), TYPE.app),
    (re.compile(rf"{NAME}-(?:based|headquartered|registered|incorporated)\b"), TYPE.jurisdiction),
    (
        re.compile(
            r"\b(?:based|headquartered|incorporated|registered|domiciled|founded|originated) in "
            rf"(?:the )?{NAME}{_END}"
        ),
        TYPE.jurisdiction,
    ),
    (
        re.compile(
            r"\b(?:the )?(?:capital|city|province|state|emirate|region|district|island) of "
            rf"{NAME}{_END}"
        ),
        TYPE.jurisdiction,
    ),
    (re.compile(rf"\bthe capital,? {NAME}{_END}"), TYPE.jurisdiction),
    (re.compile(rf"\b(?:Court|Tribunal)[\w ,]*? in {NAME}{_END}"), TYPE.jurisdiction),
    (
        re.compile(
            r"\b(?:parent(?: company)?|subsidiary|affiliate|arm|unit|operating entity|"
            rf"holding company|operator),? {NAME}{_END}"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            r"\b(?:digital[- ]asset|crypto(?:currency)?|fintech|payments?|trading|investment|"
            r"brokerage|lending|custody|blockchain|mining|technology|software|wallet|analytics"
            r"|research|security|cybersecurity|forensics|compliance|consulting|advisory|law"
            r"|accounting|data|intelligence|venture|asset management|market[- ]making) "
            rf"(?:firm|company|provider|group|lender|startup|operator|business) {NAME}{_END}"
        ),
        TYPE.company,
    ),
    (
        re.compile(rf"\b(?:which|that|who) (?:owns|operates|runs|controls) {NAME}{_END}"),
        TYPE.company,
    ),
    (
        re.compile(
            rf"\b(?:unit|subsidiary|arm|affiliate|division|branch) of (?:the )?{NAME}{_END}"
        ),
        TYPE.company,
    ),
    # the agent of an enforcement passive is a public body: "blocked by Roskomnadzor"
    (
        re.compile(
            r"\b(?:banned|blocked|fined|sanctioned|sued|charged|raided|censured|prosecuted|"
            rf"penali[sz]ed|blacklisted|delisted) by (?:the )?{NAME}{_END}"
        ),
        PUBLIC_AGENT,
    ),
    # the object of an enforcement verb is a party: "fined HAYVN", "sued Zorblax Widgets"
    (
        re.compile(
            r"\b(?:fined|sued|charged|penali[sz]ed|sanctioned|censured|reprimanded|indicted|"
            r"banned|barred|blocked|warned|licensed|authori[sz]ed|investigating|probing|raided|"
            r"suspended|investigated|shut down|searched|"
            rf"(?:action|proceedings|charges|case|complaint|lawsuit) against"
            # what an action noun, a block or a freeze is against or whose: "a complaint with
            # police against X", "assets belonging to X", "the website of X"
            rf"|(?:complaints?|cases?|lawsuits?|suits?|actions?|proceedings|orders?|charges)"
            rf" [^.;,\n]{{0,30}}?against|assets [^.;,\n]{{0,30}}?belonging to"
            rf"|(?:websites?|apps?|accounts|assets|operations|licen[cs]es?) of) {NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    # "a Kyrgyzstani firm called Old Vector", "a company named Velmora"
    (
        re.compile(
            r"\b(?:firm|company|entity|startup|business|lender|broker) (?:called|named) "
            rf"{NAME}{_END}"
        ),
        TYPE.company,
    ),
    # "Macau-based Blockchain Laboratory": a place-based name is an organisation
    (
        re.compile(
            rf"[{UPPER}][\w.'-]*(?: [{UPPER}][\w.'-]*){{0,2}}-(?:based|headquartered|registered"
            rf"|incorporated) {NAME}{_END}"
        ),
        TYPE.company,
    ),
    # "local news outlet Maeil Business Newspaper reported": the outlet's whole name
    (
        re.compile(rf"\b(?:media|news) outlet (?:the )?{NAME}{_END}"),
        TYPE.mediaoutlet,
    ),
    # a CamelCase or capitals-only word titling a person is their firm: "OpenAI chief
    # executive Sam Altman", "BitMEX co-founder Arthur Hayes"
    (
        re.compile(
            rf"(?P<n>[{UPPER}](?<![\w.&'-].)(?:[a-z]*[A-Z][a-z]\w*|[a-z]+[A-Z][\w]*"
            r"|[A-Z]{2,}[a-z]?[A-Z]*))"
            r" (?:chief executive|CEO|co-founder|founder|chief [a-z]+ officer|CFO|CTO|COO"
            rf"|president|chairman|chairwoman|chair|head of [a-z]+) (?=[{UPPER}][a-z])"
        ),
        TYPE.company,
    ),
    # the object of a directive or an inquiry is a party too: "ordered Velmora to cease",
    # "is telling Quorvex to stop", "looking into Talmabit", "a probe into Zorblax"
    (
        re.compile(
            r"\b(?:order(?:ed|s|ing)|direct(?:ed|s|ing)|told|tells|telling|instruct(?:ed|s|ing)"
            rf"|requir(?:ed|es|ing)) {NAME}(?= to [a-z])"
        ),
        ACTION_OBJECT,
    ),
    (
        re.compile(
            r"\b(?:looking|looked|look|looks|probes?|investigations?|inquiry|inquiries|enquiry)"
            rf" into {NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    # a body named right after its description: "media watchdog Glavkom has", "The
    # watchdog, Glavkom, also" (the comma form needs the closing comma of an apposition)
    (
        re.compile(rf"\b(?:watchdog|regulator|supervisor) {_NOT_WHEN}{ONE}(?=[\s,.;:)]|$)"),
        TYPE.regulator,
    ),
    (
        re.compile(rf"\b(?:[Ww]atchdog|[Rr]egulator|[Ss]upervisor), {_NOT_WHEN}{ONE},"),
        TYPE.regulator,
    ),
    # "Himare, a small town in southern Albania": a place set beside the place it lies in
    (
        re.compile(
            rf"{_NOT_WHEN}{ONE}, an? (?:[\w-]+ ){{0,2}}?{_SETTLEMENT} (?:in|of) (?:the )?"
            rf"(?:{_DIRECTION} )?[{UPPER}]"
        ),
        TYPE.jurisdiction,
    ),
    # "Roskomnadzor, Russia's federal communications watchdog," / "Tarkom, the regulator"
    (
        re.compile(
            rf"{_NOT_WHEN}{ONE}, (?:the |a |an |[{UPPER}][\w.]*(?: [{UPPER}]\w+)?'s )"
            r"(?:(?!of\b|for\b|by\b|and\b)[\w-]+ ){0,3}?(?:watchdog|regulator|supervisor)\b"
        ),
        TYPE.regulator,
    ),
    # a ticker before "token(s)"/"coin(s)" is that token: "lost NEM tokens", "its own KUB
    # token" (capitals only: "the Korvex token" may be a firm's)
    (
        re.compile(
            r"(?!(?:NFTS?|ICO|IEO|IDO|DAO|ERC|BEP|TRC|ETFS?|ETNS?|API|KYC|AML|DEX|CEX|USD|EU"
            r"|US|UK)\b)"
            rf"(?P<n>[{UPPER}](?<![\w.&'$-].)[A-Z0-9]{{1,5}}) (?:tokens?|coins?)\b"
        ),
        TYPE.cryptoasset,
    ),
    # a name said to be one: "Korvel was an unlicensed exchange", "Tarlo is a payments firm"
    (
        re.compile(
            rf"{_NOT_PRONOUN}{NAME} {_COPULA} (?:a|an|the|one of the) {_FILLER}"
            r"(?:crypto(?:currency)? )?(?:exchange|trading platform|exchange operator)s?\b(?!')"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            rf"{_NOT_PRONOUN}{NAME} {_COPULA} (?:a|an|the|one of the) {_FILLER}"
            r"(?:firm|company|bank|startup|lender|miner|wallet provider|issuer|fintech"
            r"|payments provider|conglomerate|brokerage|custodian|money transmitter"
            r"|money services? business|payments? processor)(?:s|es)?\b(?!')"
        ),
        TYPE.company,
    ),
    # an outlet named after what it is: "crypto publication Anycoin", "the daily Vedomosti",
    # "legal information site RAPSI", "Telegram channel Finance.kz"
    (
        re.compile(
            r"\b(?:publication|newspaper|(?:the|business|financial|economic|national|local"
            r"|regional) (?:daily|weekly)|broadcaster|magazine|tabloid|news agency"
            rf"|wire service|newswire|(?:Telegram|YouTube) channel|blog) {_NOT_WHEN}{NAME}{_END}"
        ),
        TYPE.mediaoutlet,
    ),
    # ... but a site named by its domain is the website ("the information portal X.ru")
    (
        re.compile(
            r"\b(?:news|information|media|crypto|business) (?:site|website|portal) "
            rf"{_NOT_WHEN}(?![\w-]+\.[a-z]{{2,}}\b){NAME}{_END}"
        ),
        TYPE.mediaoutlet,
    ),
    # the party of an absolute construction: "..., with Korvane fined 2.7 billion won"
    (
        re.compile(
            rf"\bwith {NAME} (?:fined|penalised|penalized|sanctioned|suspended|banned|barred"
            r"|blocked|charged|sued|censured|reprimanded|warned|indicted)\b"
        ),
        ACTION_OBJECT,
    ),
    # the other side of a settlement: "settled with Zenmo Exchange for $5 million"
    (
        re.compile(
            rf"\b(?:settled|settles|settling|settlement|settlements) with {_NOT_WHEN}{NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    # the holder of a licence an action names: "cancelled the licence of Korvane Markets"
    (
        re.compile(
            r"\b(?:licen[cs]es?|registrations?|authori[sz]ations?|permits?) (?:held )?(?:of|for)"
            rf" {_NOT_WHEN}{NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    (  # "NIFA, a national self-regulatory organization": a body that regulates, whatever
        # its head word ("... Association") says
        re.compile(
            rf"(?P<n>[{UPPER}][\w.&'-]*(?: (?:of|for|and|the) [{UPPER}][\w.&'-]*"
            rf"| [{UPPER}][\w.&'-]*){{0,8}})(?: \([A-Z][\w-]{{1,9}}\))?, (?:a|an|the) "
            r"(?:[\w-]+ ){0,3}?"
            r"(?:self-regulatory (?:organi[sz]ation|body)|regulatory (?:body|authority))\b"
        ),
        TYPE.regulator,
    ),
    # a source a story cites: "As Quartz Africa reports, ...", "as Ledgerline first reported"
    (
        re.compile(
            rf"\b[Aa]s {_NOT_WHEN}{NAME} (?:first |previously |also |earlier )?(?:reported|reports)"
            r"\b"
        ),
        TYPE.mediaoutlet,
    ),
    # a fraud named as one: "a Ponzi scheme dubbed Moneyvine", "the Orbcash scam",
    # "Ravencoin Club, which was widely believed to be a pyramid scheme"
    (
        re.compile(
            r"\b(?:scheme|scam|pyramid) (?:dubbed|called|named|known as|branded) "
            rf"{_NOT_WHEN}{NAME}{_END}"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            rf"\bthe {_NOT_WHEN}{NAME} (?:scam|fraud|Ponzi scheme|pyramid scheme|Ponzi|pyramid)\b"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            rf"{_NOT_WHEN}{ONE},? (?:which|that) (?:is|was) (?:widely |allegedly |also |now )?"
            r"(?:believed|alleged|said|considered|described|known) (?:to be|as) an? "
            r"(?:[\w-]+ ){0,2}?(?:Ponzi|pyramid) scheme"
        ),
        TYPE.company,
    ),
    # a place set beside the place it is the capital of: "in Palmas, capital of Tocantins"
    (
        re.compile(
            rf"{_NOT_WHEN}{ONE}, (?:the )?(?:state |provincial |regional )?(?:capital|largest city"
            rf"|main city|second city) of (?:the )?[{UPPER}]"
        ),
        TYPE.jurisdiction,
    ),
    # an administrative area named with its kind: "An Khe Ward", "Tan Phu Commune"
    (
        re.compile(
            rf"(?P<n>[{UPPER}](?<![\w.&'-].)[\w'-]*(?: [{UPPER}][\w'-]*){{0,3}} (?:Ward|Commune"
            r"|Township|Subdistrict|Sub-district))\b(?! (?:Court|Council|Office|Police))"
        ),
        TYPE.jurisdiction,
    ),  # a site named as one: "a fake crypto-mining website called BitMiner"
    (
        re.compile(
            rf"\b(?:website|web ?site|site|domain|portal) (?:called|named|dubbed) {NAME}{_END}"
        ),
        TYPE.website,
    ),
    # a coin named with its article or in quotes: "a fake cryptocurrency called the Quantum
    # Financial System", "a cryptocurrency named 'Zentro Coin.'" (all its words, where the
    # bare-noun cue above takes one: "cryptocurrency Zentro")
    (
        re.compile(
            r"\b(?:stablecoins?|tokens?|coins?|cryptocurrenc(?:y|ies)|memecoins?) (?:called|named"
            rf"|dubbed|known as) (?:the |['\"])?{_NOT_WHEN}{_PLAIN_NAME}{_END}"
        ),
        TYPE.cryptoasset,
    ),
    # a (quoted) name after a located firm's description: 'the UAE-based payment platform
    # "PYYPL"' (quote marks around a name are gone by now: `page_repairs`)
    (
        re.compile(
            r"-(?:based|headquartered|registered) "
            r"(?:(?!(?:for|of|in|at|to|with|from|on|by|and|or)\b)[a-z][\w-]* ){1,3}"
            rf"[\"\u201c]?{NAME}"
            r"(?:[.,]?[\"\u201d])?"
        ),
        TYPE.company,
    ),
    # the subject of an enforcement passive is a party: "Orbitex has been barred from ..."
    (_PASSIVE_PARTY, ACTION_OBJECT),
    # the payer of a settlement or penalty: "Velkor agreed to pay $4.3 billion"
    (_PAYER, ACTION_OBJECT),
    # a firm added to a warning list: "added Korvane to its Investor Alert List"
    (
        re.compile(
            rf"\b[Aa]dd(?:ed|s|ing) {NAME} to (?:its|their|the) (?:[\w'-]+ ){{0,4}}?"
            r"(?:[Ll]ist|[Rr]egister|[Bb]lacklist|[Ww]atchlist)\b"
        ),
        ACTION_OBJECT,
    ),
    # a plain capitalised word titling a person is their firm: "Talmabit founder John Mercer"
    (_FOUNDER_FIRM, TYPE.company),
    # a ticker set off after the word for a token: "its native token, DGTX, which ..."
    (
        re.compile(
            r"\b(?:tokens?|coins?|stablecoins?|cryptocurrency), "
            rf"(?P<n>[{UPPER}](?<![\w.&'$-].)[A-Z0-9]{{1,6}})(?=[,.;)]| \()"
        ),
        TYPE.cryptoasset,
    ),
    # a German statute named by its one compound word: "Kreditwesengesetz", "Geldwäschegesetz"
    (
        re.compile(
            rf"(?P<n>[{UPPER}](?<![\w.&'-].)[a-zäöüß]{{3,}}(?:gesetz|gesetzbuch|verordnung))\b"
        ),
        TYPE.law,
    ),
    # the kind of firm before its name: "an alert about the entity Monedero Digital",
    # "the company Bitnova", "the platform Kestrel" (regulators' notices in translation)
    (
        re.compile(rf"\bthe (?:company|firm|entity|broker|brokerage) {_NOT_WHEN}{NAME}{_END}"),
        TYPE.company,
    ),
    (
        re.compile(rf"\bthe (?:platform|exchange|trading platform) {_NOT_WHEN}{NAME}{_END}"),
        TYPE.exchange,
    ),
    # what an order or a warning is against is a party: "a stop order against Cryptoxa",
    # "a freezing order against Velmora", "sanctions against Zorbit"
    (
        re.compile(
            r"\b(?:(?:stop|cease[- ]and[- ]desist|freez(?:e|ing)|restraining|prohibition"
            r"|suspension|blocking|closure|enforcement|court) orders?|warnings?|sanctions"
            rf"|injunctions?|indictments?|alerts?|measures) against {_NOT_WHEN}{NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    # whose premises a raid searched is the party raided: "raided the offices of Bitvana",
    # "searched Bitvana's headquarters"
    (
        re.compile(
            r"\b(?:raid(?:ed|s|ing)?|search(?:ed|es|ing)?) (?:the )?(?:[\w-]+ )?(?:offices?"
            rf"|headquarters|premises|homes?|properties|warehouses?) of {_NOT_WHEN}{NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    (
        re.compile(
            rf"\b(?:raid(?:ed|s|ing)?|search(?:ed|es|ing)?) {_NOT_WHEN}{NAME}(?='s (?:[\w-]+ )?"
            r"(?:offices?|headquarters|premises|warehouses?)\b)"
        ),
        ACTION_OBJECT,
    ),  # who a licence went to is a firm: "Bitvana secured a VASP licence", "granted Qorvex a
    # full licence", "Nexfolio has been registered with the Bank of Lithuania" (not "registered
    # X as a": it typed a brand's local unit, "Binance France", as a firm apart from Binance)
    (
        re.compile(
            rf"{_NOT_PRONOUN}{NAME} (?:has |have |had )?(?:secured|received|obtained|won|got"
            r"|was granted|has been granted|been granted) (?:a |an |the |its )?(?:[\w-]+ ){0,5}?"
            r"(?:licen[cs]e|registration|authori[sz]ation|approval|permit)\b"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            rf"\bgrant(?:ed|s|ing)? {_NOT_WHEN}{NAME} (?:a |an |the |its )(?:[\w-]+ ){{0,5}}?"
            r"(?:licen[cs]e|registration|authori[sz]ation|approval|permit)\b"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            rf"{_NOT_PRONOUN}{NAME} (?:has been|have been|had been|was|is|were|are) (?:registered"
            r"|licensed|licenced|authori[sz]ed|approved) (?:with|by) "
        ),
        TYPE.company,
    ),
    # whose licence an action ends or grants is a party: "suspended Trevalon's licence"
    (
        re.compile(
            r"\b(?:suspend(?:ed|s|ing)?|revok(?:ed|es|ing|e)|cancel(?:l?ed|s|l?ing)?|withdr[ae]w"
            r"|withdrawn|pull(?:ed|s)?|terminat(?:ed|es|ing|e)|renew(?:ed|s)?|restor(?:ed|es|e))"
            rf" {_NOT_WHEN}{NAME}(?='s (?:[\w-]+ ){{0,3}}?(?:licen[cs]es?|registrations?"
            r"|authori[sz]ations?|permits?|approvals?)\b)"
        ),
        ACTION_OBJECT,
    ),
    # the addressee of an order or notice: "issued a restriction notice to Moonpexa"
    (
        re.compile(
            r"\b(?:issued|sent|served|delivered|handed) (?:a |an )?(?:[\w-]+ ){0,3}?(?:notices?"
            r"|orders?|warnings?|letters?|directions?|directives?|notifications?) to "
            rf"{_NOT_WHEN}(?![A-Z]{{2,}}s\b){NAME}{_END}"  # (not a plural acronym: "CTPs")
        ),
        ACTION_OBJECT,
    ),
    # the firm whose web presence an action shuts: "blocked the websites of Korvex",
    # "blocked access to Zentrope"
    (
        re.compile(
            r"\b(?:block|ban|suspend|shut|remov|seiz|froze|freez|restrict|disabl|delist)\w*"
            r"(?: down| off)? (?:(?:the |its |their )?(?:[\w-]+ ){0,2}?(?:websites?|apps?"
            r"|applications?|platforms?|services|domains?|accounts?|pages?) (?:of|run by"
            r"|operated by|belonging to)|(?:user |public |local )?access to) "
            rf"{_NOT_WHEN}{NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    (  # "Access to Korvex has been restricted"
        re.compile(
            rf"\b[Aa]ccess to {_NOT_WHEN}{NAME}(?= (?:has been|have been|had been|was|were"
            r"|is being) (?:restricted|blocked|cut off|disabled)\b)"
        ),
        ACTION_OBJECT,
    ),
    # a description then the name in apposition: "A Seychelles-registered exchange, Korvex,"
    (
        re.compile(
            r"\b(?:[Aa]n?|[Tt]he) (?:[\w'-]+ ){0,3}?(?:exchange|trading platform|crypto platform)"
            rf", {_NOT_WHEN}{NAME},"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            r"\b(?:[Aa]n?|[Tt]he) (?:[\w'-]+ ){0,3}?(?:firm|company|broker|lender|startup)"
            rf", {_NOT_WHEN}{NAME},"
        ),
        TYPE.company,
    ),
    # a name whose own verb turns back on it with "himself"/"herself" is a person's, one
    # word or many: "Puttipong presented himself as partner of X"
    (
        re.compile(rf"{_NOT_WHEN}{NAME} (?:[a-z]+ed|[a-z]+s) (?:him|her)self\b"),
        TYPE.person,
    ),
    # the party a penalty is imposed on: "imposed a 2 billion-won fine on Hanbitco", "the
    # fine imposed on Velmora", "slapped a ban on Velmora"
    (
        re.compile(
            r"\b(?:(?:imposed|imposes|impose|imposing|levied|levies|slapped|waived?|waives|waiving)"
            r" (?:a |an |the )?"
            r"(?:[\w$\u20ac\u00a3\u00a5\u20b9\u20a9.,-]+ ){0,4}?(?:fines?|penalt(?:y|ies)|bans?"
            r"|suspensions?|sanctions)(?: of (?:[\w$\u20ac\u00a3\u00a5\u20b9\u20a9.,-]+ ){0,2}?"
            r"[\w$\u20ac\u00a3\u00a5\u20b9\u20a9.,-]+)?"  # "a penalty of R50 million on X"
            r"(?: (?:it|they) (?:threatened|sought|wanted|planned) to impose(?: in \d{4})?)?"
            r"|(?:fines?|penalt(?:y|ies)|bans?|suspensions?|sanctions)"
            r"(?: (?:was|were|had been|has been))? (?:imposed|levied)) (?:on|upon|against) "
            rf"{NAME}{_END}"
        ),
        ACTION_OBJECT,
    ),
    # the holder of a permit ended, named with the permit: "Zolta's licence was revoked by
    # CySEC" (a name even as a sentence's opening word: only a party holds a licence)
    (
        re.compile(
            rf"{_NOT_PRONOUN}{ONE}(?='s |\u2019s )..(?: (?:[\w-]+ ){{0,2}}?)(?:licen[cs]es?"
            r"|registrations?|authori[sz]ations?|permits?) (?:was|were|has been|have been"
            r"|had been|is being) (?:revoked|suspended|cancell?ed|canceled|withdrawn|terminated"
            r"|pulled|rescinded)\b"
        ),
        ACTION_OBJECT,
    ),
    # a sentence that says which venue a description was: "This is the Korvex exchange"
    (
        re.compile(
            rf"\b(?:This|That|It) (?:is|was) the {NAME} (?:crypto(?:currency)? )?"
            r"(?:exchange|trading platform)\b"
        ),
        TYPE.exchange,
    ),
    # a person a relative clause gives an office: "Ana Pereira, who served as president of
    # the deposit fund", "Jo Lee, who was the acting governor"
    (
        re.compile(
            rf"{NAME}, who (?:(?:previously|formerly|later|then|also|until recently) )?"
            r"(?:is|was|had been|has been|serves|served|had served|has served|became|becomes)"
            r" (?:as )?(?:the )?(?:(?:acting|interim|deputy|former|vice|executive|first) )?"
            r"(?:president|chair(?:man|woman|person)?|governor|director(?: general)?|head"
            r"|chief executive|CEO|minister|superintendent|secretary(?: general)?|commissioner"
            r"|founder|co-founder|prosecutor|judge|managing director)\b"
        ),
        TYPE.person,
    ),
    # the firm a person is the founder or chief of: "the founder of Quorvex, Tom Reyes",
    # "Tom Reyes, the chief executive of Quorvex, said" (not a president or chairman of a
    # place: "the president of Ruritania")
    (
        re.compile(
            r"\b(?:the|its|a|former|then) (?:(?:former|then|current|ousted) )?(?:co-founder"
            r"|founder|chief executive|CEO|chief (?:operating|financial|technology) officer"
            rf"|owner|operator) of {NAME}(?=,|\.(?!\w)| (?:said|says|was|is|has|had|who)\b)"
        ),
        TYPE.company,
    ),
    # the firm that owns another, glued to its word: "Huobi-owned HTX", "a Zentrax-backed
    # exchange" (a lower-case or national word is no firm: "state-owned", "Chinese-owned")
    (
        re.compile(
            r"(?!(?:State|Government|Family|Privately|Publicly|Foreign|Employee|Majority"
            r"|Minority|Wholly|Fully|Partly|Jointly|Locally|Independently|Women|Community"
            r"|Member|Customer|User|Venture|Investor|Founder|Bank|Military|Army)-)"
            rf"{ONE}{OWNING_SUFFIX}"
        ),
        TYPE.company,
    ),
    # a platform named by the part a person has in it: "X, Korvex exchange operator,"
    (
        re.compile(
            rf"{ONE} (?:crypto(?:currency)? )?(?:exchange|platform) (?:operator|founder"
            r"|co-founder|owner|boss)\b"
        ),
        TYPE.exchange,
    ),
    # (these two appended: `_CUE_ALSO` is keyed by the rows' places)
    # an outlet reporting after the time its sentence opens with: "In May, Harbour Ledger
    # reported that" ("However, Zolta reported that ..." is a firm's own report)
    (
        re.compile(
            r"\b(?:In|On|Last|Earlier|Later|This|By|Since) (?:[\w-]+ ){0,2}?[\w-]+, "
            rf"{_NOT_WHEN}{NAME} (?:first |previously |also |earlier )?reported"
            r"(?: on \w+)? that\b"
        ),
        TYPE.mediaoutlet,
    ),
    # a title-cased "The" inside a sentence opens a publication's name: "told The Block",
    # "according to The Harbour Times" (the name after it: a run's chunk drops its "The")
    (
        re.compile(
            r"\b(?:told|[Aa]ccording to|reported by|(?:in )?an interview with|speaking to) "
            rf"The (?P<n>[{UPPER}][\w&'-]*(?: (?:[{UPPER}][\w&'-]*|of|and))*?)"
            r"(?=[\s,.;:)'\"]|$)(?! (?:[A-Z]|of\b|and\b))"
        ),
        TYPE.mediaoutlet,
    ),
    # what a firm calls itself: "Velmar, which bills itself as a crypto exchange", "Quorvex
    # Mining Pool, which described itself as a cloud mining platform" (a platform for no
    # trading is a firm)
    (
        re.compile(
            rf"{NAME}, which (?:describes|described|calls|called|bills|billed|presents|presented"
            r"|markets|marketed|brands|branded) itself as (?:a|an|the) (?:[\w'-]+ ){0,6}?"
            r"(?:exchange|trading platform)s?\b"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            rf"{NAME}, which (?:describes|described|calls|called|bills|billed|presents|presented"
            r"|markets|marketed|brands|branded) itself as (?:a|an|the) (?:[\w'-]+ ){0,6}?"
            r"(?:firm|company|fund|pool|scheme|business|provider|startup|lender|platform)s?\b"
        ),
        TYPE.company,
    ),
]
# a list that opens its sentence, bounded (nothing before it anchors a search): at most ten
# names of at most four words each
_SHORT_ITEM = rf"[{UPPER}][\w.&'-]{{0,30}}(?: [{UPPER}][\w.&'-]{{0,30}}){{0,3}}"
_SHORT_LIST = rf"(?P<list>{_SHORT_ITEM}(?:, {_SHORT_ITEM}){{0,8}}(?:,? and {_SHORT_ITEM})?)"
# people listed by full name: two to four capitalised words each, at most ten of them
_PERSON_ITEM = rf"[{UPPER}][\w'-]{{1,20}}(?: [{UPPER}][\w'-]{{1,20}}){{1,3}}"
_PEOPLE_LIST = rf"(?P<list>{_PERSON_ITEM}(?:, {_PERSON_ITEM}){{0,8}},? and {_PERSON_ITEM})"
_COUNT_WORD = r"[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|\d{1,2}"
LIST_CUES: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            # ("social media platforms, including Telegram, X": no trading venues)
            r"\b(?<!media )(?<!social )(?<!messaging )(?<!networking )"
            # ("exchanges operating in the country such as A, B")
            r"(?:exchanges|platforms|operators|trading platforms)(?: \w+){0,4}?,? (?:such as"
            r"|including|"
            rf"like|among them|namely) {LIST}"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            rf"\b(?:firms|companies|banks|lenders),? (?:such as|including|like|namely) {LIST}"
        ),
        TYPE.company,
    ),
    # ... with the kind of firm before the noun: "the cryptocurrency ATM companies Bitcoin
    # Depot and Coin Flip", "the payment operators Zolta and Korvex"
    (
        re.compile(
            rf"\b[Tt]he (?:[\w-]+ ){{0,3}}?(?:firms|companies|entities|operators|providers)"
            rf" {LIST}"
        ),
        TYPE.company,
    ),
    (
        re.compile(rf"\b(?:tokens|coins|cryptocurrencies),? (?:such as|including|like) {LIST}"),
        TYPE.cryptoasset,
    ),
    (re.compile(rf"\bexchanges {LIST} and [{UPPER}]"), TYPE.exchange),
    (
        re.compile(
            r"\b(?:apps|applications)(?: \w+)?,? (?:such as|including|like|namely|called|named)"
            rf" {LIST}"
        ),
        TYPE.app,
    ),
    # what a warning is against is a party: "warned investors against TEXITcoin and MineTXC",
    # "cautioned the public against dealing with X"
    (
        re.compile(
            r"\b(?:warn(?:ed|s|ing)?|caution(?:ed|s|ing)?)(?: (?:the )?(?:public|investors"
            r"|consumers|residents|citizens|users))? (?:against|about) (?:(?:dealing|doing business"
            r"|trading"
            rf"|investing|transacting|engaging) (?:with|in|on|through) )?{LIST}"
        ),
        ACTION_OBJECT,
    ),
    # ... and what a warning says a party did: "warned that Zolta and Korvex have misled
    # investors", "cautioned the public that Zolta, or Zolta Global, is not licensed"
    (
        re.compile(
            r"\b(?:warn(?:ed|s|ing)?|caution(?:ed|s|ing)?)(?: (?:the )?(?:public|investors"
            rf"|consumers|residents|citizens|users))? that {LIST}"
            r"(?:, (?:or|also known as|formerly) [^,;.]{1,60},)? (?:has|have|had|is|are|was|were)"
            r"(?: not)? [a-z]"
        ),
        ACTION_OBJECT,
    ),
    # the names a counted group of venues or firms lists in apposition: "The two
    # exchanges, Kelvora and Trastix, were fined", "three companies - A, B, and C - on its
    # list" (dashes normalised), "two platforms: A and B."; and "among the platforms ..."
    (
        re.compile(
            r"\b(?:two|three|four|five|six|seven|eight|nine|ten|both|[2-9]) (?:crypto )?"
            rf"(?:exchanges|platforms|trading platforms)(?:,| -|:) {LIST}(?=,| -|\.(?:\s|$)|;)"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            r"\b(?:two|three|four|five|six|seven|eight|nine|ten|both|[2-9]) (?:crypto )?"
            rf"(?:firms|companies|entities|operators|providers)(?:,| -|:) {LIST}"
            r"(?=,| -|\.(?:\s|$)|;| \()"
        ),
        TYPE.company,
    ),
    # ... and uncounted, set off by a dash or a colon: "unauthorised firms - Zolta Options
    # and Korvex Daily Return (KDR)."
    (
        re.compile(
            rf"\b(?:firms|companies|entities|operators|providers)(?: -|:) {LIST}"
            r"(?=,| -|\.(?:\s|$)|;| \()"
        ),
        TYPE.company,
    ),
    (
        re.compile(
            rf"(?:^|(?<=\. )|(?<=\n)){_SHORT_LIST} (?:were|are) (?:also )?among (?:the )?"
            r"(?:[\w-]+ ){0,3}?(?:exchanges|platforms|trading platforms)\b"
        ),
        TYPE.exchange,
    ),
    # the names a counted group of people lists in apposition: "accused the three,
    # Somchai Rattanakul, Pimchanok Srisuk and Anan Wongsa, of ...", "its two founders,
    # A B and C D,": people, whatever their given names
    (
        re.compile(
            r"\b(?:the|its|their|both) (?:two|three|four|five|six|seven|eight|nine|ten|[2-9])"
            r"(?: (?:former|senior|top|current|alleged))?(?: (?:executives|directors|founders"
            r"|co-founders|suspects|defendants|accused|individuals|people|men|women|officials"
            rf"|officers|managers|employees))?, {_PEOPLE_LIST}(?=,)"
        ),
        TYPE.person,
    ),
    # the parties an instrument names: "an emergency order against A, B and C", "the
    # order is against A and B", "the notice names A, B and C", "the orders to A and B"
    (
        re.compile(
            r"\b(?:orders?|notices?|directives?|warnings?|alerts?|advisor(?:y|ies)|bans?"
            r"|sanctions|prohibitions?)(?:,? (?:is|was|are|were)(?: also)?)? (?:(?:directed"
            r"|aimed) at|(?:issued )?against|to|names|named|targets|targeted|lists|listed"
            rf"|identifies|identified) {LIST}(?![\w&'-]|\.[,\w])(?!,? [{UPPER}])"
            r"(?!, (?:which|who|based|a|an|the)\b)"
        ),  # (not an address: "against Zorbit Ltd., Alicante, Spain, which ...")
        ACTION_OBJECT,
    ),
    # people named after their part in a case, surnames alone too: "the main perpetrator
    # Wan was sentenced", "defendants Huang and Chen were fined", "the accused Li"
    (
        re.compile(
            r"\b(?:[Pp]erpetrators?|[Dd]efendants?|[Cc]o-defendants?|[Ss]uspects?|[Tt]he accused"
            rf"|[Cc]onvicts?|[Rr]ingleaders?) {_SHORT_LIST}"
            r"(?= (?:was|were|is|are|and others|had|has|have|sentenced|fined|convicted)\b|[.,;])"
        ),
        TYPE.person,
    ),
    # the names a counted group is told by, in apposition: "Two cryptocurrency exchange
    # service providers, Rapira and Mosca, have been targeted", "three firms, A, B and C,"
    (
        re.compile(
            rf"\b(?:{_COUNT_WORD}) (?:[\w-]+ ){{0,4}}?(?:exchanges|platforms|exchange operators"
            rf"|exchange (?:service )?providers), {LIST}(?=,)"
        ),
        TYPE.exchange,
    ),
    (
        re.compile(
            rf"\b(?:{_COUNT_WORD}) (?:[\w-]+ ){{0,4}}?(?<!exchange )(?<!exchange service )"
            rf"(?:companies|firms|entities|providers|businesses), {LIST}(?=,)"
        ),
        TYPE.company,
    ),
    # the objects of an enforcement verb listed: "raided Rapira and Mosca", "fined A, B and C"
    # (not "warned": what a warning names first is mostly its audience, "warned Ghanaians")
    (
        re.compile(
            r"\b(?:fined|sued|charged|sanctioned|censured|reprimanded|banned|barred|blocked"
            rf"|raided|suspended|investigated|shut down|searched) {NO_MONEY}{LIST}(?=[\s,.;:)]|$)"
        ),
        ACTION_OBJECT,
    ),
]
_OPENING_NEEDS_NAME = frozenset(i for i, (p, _) in enumerate(CUES) if p in _OPENING_CUES)
# the same patterns, recompiled so the search can skip ahead (see `text.regex_lead`)
CUES = [(compile_lead(p.pattern, p.flags), etype) for p, etype in CUES]
LIST_CUES = [(compile_lead(p.pattern, p.flags), etype) for p, etype in LIST_CUES]
_SPLIT_LIST = re.compile(r",? (?:and|or) |, ")
_CUE_STEMS: list[tuple[str, ...]] = [
    ("exchange", "platform"),
    (" named ", " called "),
    ("exchange", "platform", "vatp"),
    (
        "firm",
        "company",
        "bank",
        "startup",
        "lender",
        "miner",
        "wallet",
        "issuer",
        "fintech",
        "provider",
        "parent",
        "conglomerate",
        "operator",
        "group",
        "affiliate",
        "subsidiary",
        " arm",
        " unit",
        "entity",
        "branch",
        "vehicle",
        "fund",
        "pool",
        "partnership",
        "broker",
        "custodian",
        "money",
        "processor",
        "remittance",
    ),
    ("according to", "outlet", "news", "data from", "data by", "check by", "reported by", "told"),
    ("stablecoin", "token", "coin", "cryptocurrenc", "blockchain", "altcoin", "memecoin"),
    ("blockchain", "token", "stablecoin", "coin", "ticker", "cryptocurrency"),
    ("app ", "wallet", "application"),
    ("-based", "-headquartered", "-registered", "-incorporated"),
    (
        "based in",
        "headquartered in",
        "incorporated in",
        "registered in",
        "domiciled in",
        "founded in",
        "originated in",
    ),
    (
        "capital of",
        "city of",
        "province of",
        "state of",
        "emirate of",
        "region of",
        "district of",
        "island of",
    ),
    ("capital",),
    ("court", "tribunal"),
    ("parent", "subsidiary", "affiliate", "arm", "unit", "entity", "holding company", "operator"),
    ("firm ", "company ", "provider ", "group ", "lender ", "startup ", "operator ", "business "),
    ("owns ", "operates ", "runs ", "controls "),
    ("unit of", "subsidiary of", "arm of", "affiliate of", "division of", "branch of"),
    (" by ",),
    (
        "fined",
        "sued",
        "charged",
        "penalised",
        "penalized",
        "sanctioned",
        "censured",
        "reprimanded",
        "indicted",
        "banned",
        "barred",
        "blocked",
        "warned",
        "licensed",
        "authorised",
        "authorized",
        "investigating",
        "probing",
        "raided",
        "suspended",
        "investigated",
        "shut down",
        "searched",
        "against ",
        "belonging to ",
        " of ",
    ),
    (" called ", " named "),
    ("-based", "-headquartered", "-registered", "-incorporated"),
    (" outlet ",),
    ("chief", "ceo", "founder", "cfo", "cto", "coo", "president", "chair", "head of"),
    ("order", "direct", "told", "tells", "telling", "instruct", "requir"),
    (" into ",),
    ("watchdog ", "regulator ", "supervisor "),
    ("watchdog, ", "regulator, ", "supervisor, "),
    (
        " town ",
        " city ",
        " village ",
        " port ",
        " resort ",
        " district ",
        " province ",
        " region ",
        " county ",
        " municipality ",
    ),
    ("watchdog", "regulator", "supervisor"),
    (" token", " coin"),
    ("exchange", "platform"),
    (
        "firm",
        "company",
        "companies",
        "bank",
        "startup",
        "lender",
        "miner",
        "provider",
        "issuer",
        "fintech",
        "conglomerate",
        "brokerage",
        "custodian",
        "money",
        "processor",
    ),
    (
        "publication ",
        "newspaper ",
        "daily ",
        "weekly ",
        "broadcaster ",
        "magazine ",
        "tabloid ",
        "news agency ",
        "wire service ",
        "newswire ",
        "channel ",
        "blog ",
    ),
    ("site ", "website ", "portal "),
    ("with ",),
    ("settle", "settling"),
    ("licence", "license", "registration", "authoris", "authoriz", "permit"),
    ("regulatory",),
    (" reported", " reports"),
    ("dubbed", "called", "named", "known as", "branded"),
    ("scam", "fraud", "ponzi", "pyramid"),
    ("ponzi", "pyramid"),
    ("capital of", "city of"),
    ("ward", "commune", "township", "subdistrict", "sub-district"),
    ("called", "named", "dubbed"),
    ("called", "named", "dubbed", "known as"),
    ("-based", "-headquartered", "-registered"),
    (
        "fined",
        "barred",
        "banned",
        "blocked",
        "charged",
        "sued",
        "penalis",
        "penaliz",
        "sanctioned",
        "censured",
        "suspended",
        "indicted",
        "blacklisted",
        "reprimanded",
        "ordered",
        "slapped with",
        "hit with",
        "registered with",
    ),
    ("to pay",),
    ("added ", "adds ", "adding "),
    ("founder ", "chief executive ", "ceo "),
    (
        "token, ",
        "tokens, ",
        "coin, ",
        "coins, ",
        "stablecoin, ",
        "stablecoins, ",
        "cryptocurrency, ",
    ),
    ("gesetz", "verordnung"),
    ("the company ", "the firm ", "the entity ", "the broker"),
    ("the platform ", "the exchange ", "the trading platform "),
    (" against ",),
    ("raid", "search"),
    ("raid", "search"),
    ("licen", "registration", "authori", "approval", "permit"),
    ("grant",),
    ("registered", "licensed", "licenced", "authori", "approved"),
    ("licen", "registration", "authori", "permit", "approval"),
    (" to ",),
    (" of ", " by ", " to "),
    ("access to",),
    ("exchange, ", "platform, "),
    ("firm, ", "company, ", "broker, ", "lender, ", "startup, "),
    ("himself", "herself"),
    ("impose", "imposing", "levied", "levies", "slapped", "waive", "waiving"),
    ("revoked", "suspended", "cancel", "withdrawn", "terminated", "pulled", "rescinded"),
    (" exchange", " trading platform"),
    (", who ",),
    ("founder of ", "chief executive of ", "ceo of ", "officer of ", "owner of ", "operator of "),
    ("-owned", "-backed", "-controlled"),
    ("exchange ", "platform "),
    (" reported",),
    ("told the", "according to the", "reported by the", "interview with the", "speaking to the"),
    (" itself as ",),
    (" itself as ",),
]
# a second word the matches of some CUES (by index) all hold: "NAME, a/an/the/one of the"
_COPULA_ARTICLE = (
    " is a", " is the", " is one", " was a", " was the", " was one", " been a", " been the",
    " been one", " remains a", " remains the", " remains one", " became a", " became the",
    " became one",
)  # fmt: skip
_CUE_ALSO: dict[int, tuple[str, ...]] = {
    2: (", a", ", the", ", one", " - a", " - the", " - one"),
    3: (", a", ", the"),
    6: (", a", ", the"),
    # "NAME is/was/has been/remains/became a/the/one of the ...": the verb and article
    30: _COPULA_ARTICLE,
    31: _COPULA_ARTICLE,
    # "NAME has secured / received / was granted ... a licence"
    58: (" granted ", " got ", " obtained ", " received ", " secured ", " won "),
    # "NAME has been registered with / licensed by ..."
    60: ("ed by ", "ed with "),
    # "issued / sent / served ... a notice / an order / a warning ... to NAME"
    62: (" notice", " order", " warning", " letter", " direction", " directive", " notification"),
}
_LIST_STEMS: list[tuple[str, ...]] = [
    ("such as", "including", "like", "among them", "namely"),
    ("such as", "including", "like", "namely"),
    ("firms", "companies", "entities", "operators", "providers"),
    ("such as", "including", "like"),
    ("exchanges ",),
    ("such as", "including", "like", "namely", "called", "named"),
    (" against ", " about "),
    (" that ",),
    ("exchanges, ", "platforms, ", "exchanges -", "platforms -", "exchanges:", "platforms:"),
    (
        "firms, ",
        "companies, ",
        "entities, ",
        "operators, ",
        "providers, ",
        "firms -",
        "companies -",
        "entities -",
        "operators -",
        "providers -",
        "firms:",
        "companies:",
        "entities:",
        "operators:",
        "providers:",
    ),
    (
        "firms -",
        "companies -",
        "entities -",
        "operators -",
        "providers -",
        "firms:",
        "companies:",
        "entities:",
        "operators:",
        "providers:",
    ),
    (" among ",),
    ("the ", "its ", "their ", "both "),
    (" against ", "ed at ", " to ", " name", " target", " list", " identif"),
    ("perpetrator", "defendant", "suspect", "accused", "convict", "ringleader"),
    ("exchanges, ", "platforms, ", "operators, ", "providers, "),
    ("companies, ", "firms, ", "entities, ", "providers, ", "businesses, "),
    (
        "fined",
        "sued",
        "charged",
        "sanctioned",
        "censured",
        "reprimanded",
        "banned",
        "barred",
        "blocked",
        "raided",
        "suspended",
        "investigated",
        "shut down",
        "searched",
    ),
]


# the tables' words, row by row: a document's rows that can match are read in one pass
_CUE_ROWS = StemRows(
    [stems for _, stems in zip(CUES, _CUE_STEMS, strict=True)],
    [_CUE_ALSO.get(i, ()) for i in range(len(CUES))],
)
_LIST_ROWS = StemRows(
    [stems for _, stems in zip(LIST_CUES, _LIST_STEMS, strict=True)], [()] * len(LIST_CUES)
)
_CUE_PATTERNS = [pattern for pattern, _ in CUES]
# where a cue that opens with a lookahead can begin ("(?!It|This...)(?P<n>[A-Z]..."): `re`
# would try it at every position (`class_lead`)
_CUE_STARTS = [opening_class(pattern) for pattern in _CUE_PATTERNS]
_LIST_PATTERNS = [pattern for pattern, _ in LIST_CUES]


def cue_spans(text: str, scanner: Scanner | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, type) of every name a context cue types."""
    for i, found in row_matches(text, scanner, _CUE_PATTERNS, _CUE_ROWS, _CUE_STARTS):
        etype = CUES[i][1]
        for m in found:
            if etype in (ACTION_OBJECT, PUBLIC_AGENT) and (
                _looks_like_person(m.group("n"))
                or _people_of_a_country(m.group("n"))
                or _given_name_before_a_sibling(m.group("n"), text, m.end("n"))
            ):
                continue
            if _opening_adverb(m.group("n"), text, m.start("n"), m.end("n")):
                continue  # "Previously, the exchange had ...": no name before that comma
            if (
                i in _OPENING_NEEDS_NAME
                and not _name_by_its_capitals(text, m.start("n"), m.end("n"))
                and not _named_by_a_party_s_passive(m.group("n"), text, m.end("n"))
            ):
                continue
            if m.group("n").rstrip(".").lower() in _GENERIC_NOUNS:
                continue  # "an affiliate of the Company": a defined term, not a name
            if _PLURAL_ACRONYM.fullmatch(m.group("n")):
                continue  # "The blocked URLs were ...", "ATMs were seized": things, no name
            if not _NOT_MONEY.match(text, m.start("n")):
                continue  # "fined EUR 2 million": a currency, not the party
            end = m.end("n") - 2 if m.group("n").endswith(("'s", "\u2019s")) else m.end("n")
            found_type = TYPE.governmentbody if etype is PUBLIC_AGENT else etype
            yield m.start("n"), end, found_type
            if text[end - 1] == ".":  # "by Roskomnadzor.": the name may end before the stop
                yield m.start("n"), end - 1, found_type
    for i, found in row_matches(text, scanner, _LIST_PATTERNS, _LIST_ROWS):
        etype = LIST_CUES[i][1]
        for m in found:
            base = m.start("list")
            for part in _iter_list(m.group("list")):
                if _PLURAL_ACRONYM.fullmatch(text, base + part[0], base + part[1]):
                    continue  # "a warning to CTPs": a kind of firm, no name
                item = text[base + part[0] : base + part[1]]
                if etype == ACTION_OBJECT and " " not in item and is_given_name(item):
                    continue  # "sued Cameron and Tyler Winklevoss": a person's given name
                yield base + part[0], base + part[1], etype
                if text[base + part[1] - 1] == ".":  # "against Tradex Global.": the stop
                    yield base + part[0], base + part[1] - 1, etype  # may end the sentence


_NOT_MONEY = re.compile(NO_MONEY)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s\.?")

_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:;\n\"\u201c]\s*|\n)$")


def _opens_a_sentence(text: str, start: int) -> bool:
    """Whether the word at `start` opens a sentence, a line or a quotation (its capital
    then says nothing of a name)."""
    return _SENTENCE_OPENS.search(text, max(0, start - 3), start) is not None


def _name_by_its_capitals(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` reads as a name where it stands: written with a capital
    inside a sentence, or of several capitalised words or a capital or digit inside a word,
    or (at a sentence's opening) written elsewhere with its capital inside a sentence, or as
    one who speaks or owns ("Velkor said", "Velkor's")."""
    name = text[start:end]
    if " " in name or any(c.isupper() or c.isdigit() for c in name[1:]):
        return True
    if not _opens_a_sentence(text, start):
        return True
    word = re.escape(name)
    elsewhere = re.compile(
        rf"(?<=[\w,] ){word}\b|\b{word}(?:'s|\u2019s| said| says| told| declined)\b"
    )
    return any(m.start() != start for m in elsewhere.finditer(text))


def _named_by_a_party_s_passive(name: str, text: str, end: int) -> bool:
    """Whether a sentence's one opening word is the subject of a passive that only a
    party can be ("Velmora was fined by the FCA"): a name, unless a gerund or pronoun."""
    return (
        " " not in name
        and not name.lower().endswith("ing")
        and name.lower() not in _NO_PARTY_OPENERS
        and _PARTY_ONLY_PASSIVE.match(text, end) is not None
    )


_GENERIC_NOUNS = frozenset(
    "company firm group exchange fund bank commission authority agency platform entity "
    "issuer trust partnership respondent defendant plaintiff".split()
)


def _opening_adverb(name: str, text: str, start: int, end: int) -> bool:
    """Whether `name` is a sentence's opening word set off by a comma that names nothing:
    an adverb ("Previously,", "Separately,") or a sentence word ("However,")."""
    if " " in name or text[end : end + 1] != ",":
        return False
    if not (name.endswith("ly") or name.lower() in SENTENCE_WORDS):
        return False
    return _opens_a_sentence(text, start)


def _people_of_a_country(name: str) -> bool:
    """Whether `name` is a country's people, named by its demonym ("warned Ghanaians
    against ...", "Nigerians were barred"): no party."""
    adjective = get_index().country_of_adjective
    return bool(adjective(name) or (name.endswith("s") and adjective(name[:-1])))


_SIBLING_AFTER = re.compile(rf" (?:and|&) (?P<given>[{UPPER}][a-z]+) [{UPPER}][a-z]+")


def _given_name_before_a_sibling(name: str, text: str, end: int) -> bool:
    """Whether `name` is a given name sharing the surname of the person after it ("sued
    Cameron and Tyler Winklevoss"): a person, not a firm."""
    if " " in name or not is_given_name(name):
        return False
    sibling = _SIBLING_AFTER.match(text, end)
    return sibling is not None and is_given_name(sibling.group("given"))


def _looks_like_person(name: str) -> bool:
    words = name.split()
    return len(words) >= 2 and (is_given_name(words[0]) or is_family_name(words[0]))


def _iter_list(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for sep in _SPLIT_LIST.finditer(text):
        yield pos, sep.start()
        pos = sep.end()
    yield pos, len(text)
