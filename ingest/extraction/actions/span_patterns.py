"""Object-span trigger rows: constructions whose captured object limits the targets.

"ordered X to stop", "ordered X to pay", "declared X illegal", "added X to its
sanctions list", "took X to court", "put X on its alert list", "orders requiring X
to show cause": only the entities inside the captured object (`obj`) are targets.
`triggers` tries these rows before the word rows of `trigger_patterns`, so they win
overlaps. Rows are (relation type, voice, pattern, confidence); `SPAN_STEMS` holds
each row's key words, in the same order.
"""

from __future__ import annotations

import re

from graph.ontology import REL
from ingest.extraction.text.regex_lead import compile_lead

# an object phrase: "Inc.," and "Ltd. and" stay inside; another "to" ends it ("requiring X
# to show cause why it should not be told to stop": X is not told to stop here)
_OBJ = r"(?:(?! to )(?:[^.;\n]|\.(?=,| [a-z])))"
# a sum of money starts here: "$30 million", "US$ 2m", "€3.3 million", "KRW 2.1 billion"
MONEY_AHEAD = (
    r"(?=(?:(?:US|A|AU|C|CA|HK|S|NZ|R)?\$ ?|[€£¥₹₩₦]|(?:USD|EUR|GBP|CHF|SGD|HKD|INR|THB|BRL"
    r"|CAD|AUD|JPY|KRW|AED) ?)\d)"
)
# who is charged a sum: a few words of a name, no clause ("charged X with fraud and fined Y $2m")
CHARGED = r"(?:(?!(?:a|an|with|for|and|over|in|of|to|by)\b)[\w.&'’-]+,? ){1,6}?"
SPAN_PATTERNS: list[tuple[str, str, re.Pattern[str], float]] = [
    (  # a central bank's directive to the institutions it supervises: "directed banks to stop
        # processing crypto payments", "a circular instructing all licensed institutions to
        # refrain from facilitating cryptocurrency transactions": the conduct is banned, the
        # institutions only carry the order out
        REL.banned,
        "span",
        re.compile(
            r"\b(?:direct(?:ed|s|ing)|instruct(?:ed|s|ing)|order(?:ed|s|ing)|requir(?:ed|es|ing)"
            r"|told|tells|telling|warn(?:ed|s|ing)) (?:all |the |its )?(?:[\w-]+ ){0,3}?"
            r"(?:banks|lenders|institutions|licensees|payment (?:service )?providers"
            r"|payment system operators|money transfer operators|mobile money operators"
            r"|fintechs?|entities)"
            r"(?: [^.;\n]{0,160}?)? (?:not to|to (?:immediately )?(?:stop|cease|refrain from"
            r"|desist from|discontinue|halt|not)) (?P<obj>[^.;\n]{1,100})"
        ),  # ("warned financial institutions in the country not to trade in bitcoin")
        0.8,
    ),
    (  # "instructed banks to close the accounts of X", "ordered banks to freeze X's accounts"
        REL.blocked,
        "span",
        re.compile(
            r"\b(?:direct(?:ed|s|ing)|instruct(?:ed|s|ing)|order(?:ed|s|ing)|requir(?:ed|es|ing)"
            r"|told|tells|telling) (?:all |the |its )?(?:[\w-]+ ){0,3}?(?:banks|lenders"
            r"|institutions|payment (?:service )?providers|mobile money operators)"
            r" to (?:immediately )?(?:close|freeze|block|shut) (?:all )?(?:the |of )?(?:bank )?"
            r"accounts? (?:of|held by|belonging to|linked to) (?P<obj>[^.;\n]{1,100})"
        ),
        0.8,
    ),
    (  # the app stores carry out a removal: "ordered Apple and Google to remove the apps of X"
        REL.banned,
        "span",
        re.compile(
            r"\b(?:direct(?:ed|s|ing)|instruct(?:ed|s|ing)|order(?:ed|s|ing)|requir(?:ed|es|ing)"
            r"|told|tells|telling) (?:the )?(?:Apple|Google|app stores|(?:the )?platform operators"
            r"|tech companies)(?: and (?:the )?(?:Apple|Google|other app stores))?"
            r" to (?:remove|take down|delist|pull|block) (?P<obj>[^.;\n]{1,100}?)"
            r"(?= from\b|[.;,\n]|$)"
        ),
        0.85,
    ),
    (
        REL.banned,
        "span",
        re.compile(
            r"\b(?:order(?:ed|s|ing)|direct(?:ed|s|ing)|told|tells|telling|instruct(?:ed|s|ing)"
            r"|requir(?:ed|es|ing)) (?P<obj>(?!by )"
            + _OBJ
            + r"{1,160}?) to (?:\w+ly )?(?:stop|cease|halt"
            r"|suspend"
            r"|wind down|discontinue|"
            r"shut down|close|remove|delist|end|delete|destroy|erase|dissolve|liquidate|wind up"
            # what the one directed must do to its own service: "disable its website"
            r"|disable|deactivate|take down|take offline|switch off|dismantle)\b"
        ),
        0.85,
    ),
    (  # "granted Bybit a licence", "granted X in-principle approval", "gave X the green light"
        REL.licensed,
        "span",
        re.compile(
            r"\b(?:grant(?:s|ed|ing)|gave|giv(?:es|en|ing)) (?P<obj>(?!(?:a|an|the|it|them"
            r"|preliminary|conditional|provisional|final|full|formal|initial|in-principle) )"
            + _OBJ
            + r"{1,60}?) (?:a |an |its |their |the )?"
            r"(?:[\w-]+ ){0,2}?(?:licen[cs]es?|registration|approval|authori[sz]ation|permit"
            r"|green light|go-ahead)\b"
        ),
        0.85,
    ),
    (  # "gave preliminary approval for three companies", "granted a licence to X": the
        # grant named before the ones who got it
        REL.licensed,
        "span",
        re.compile(
            r"\b(?:grant(?:s|ed|ing)|gave|giv(?:es|en|ing)) (?:a |an |its |their |the )?"
            r"(?:[\w-]+ ){0,3}?(?:licen[cs]es?|registration|approval|authori[sz]ation|permit"
            r"|green light|go-ahead) (?:to|for) (?P<obj>(?!(?:a|an|the|its|their|it|them) )"
            + _OBJ
            + r"{1,80}?)(?=,| to | on | in |[.;]|$)"
        ),
        0.8,
    ),
    (  # "licence holders include X and Y", "such licence have X, Y and Z": who holds one
        REL.licensed,
        "span",
        re.compile(
            r"\b(?:[Ll]icen[cs]e[- ]?holders|[Ll]icensees|(?:[Ss]uch|[Tt]hese|[Tt]his|[Tt]hose)"
            r" licen[cs]es?|[Tt]he licen[cs]es? (?=(?:went|were granted|was granted|are held"
            r"|is held)\b))(?: so far| now| today| currently)? (?:include|includes|are|have|has"
            r"|hold|holds|went to|were granted to|was granted to|are held by|is held by):? "
            r"(?P<obj>[^.;\n]{1,160})"
        ),
        0.8,
    ),
    (  # "ordered Thodex shut down", "ordered the site blocked"
        REL.banned,
        "span",
        re.compile(
            r"\b(?:order(?:ed|s|ing)) (?P<obj>" + _OBJ + r"{1,80}?) (?:shut down|closed|shuttered"
            r"|wound up|dissolved|liquidated)\b"
            # "ordered it closed with no further action": a case closed, no firm shut
            r"(?! (?:with no|without) (?:any )?(?:further )?(?:[\w-]+ )?(?:action|charges?"
            r"|prosecution|penalty|findings)\b)"
        ),
        0.8,
    ),
    (
        REL.fined,
        "span",
        re.compile(
            r"\b(?:order(?:ed|s|ing)|direct(?:ed|s|ing)|requir(?:ed|es|ing)) (?P<obj>"
            + _OBJ
            + r"{1,160}?) to pay\b"
        ),
        0.85,
    ),
    (
        REL.banned,
        "span",
        re.compile(
            r"\bdeclar(?:e|ed|es|ing) (?:all |the )?(?P<obj>[^.;\n]{1,80}?) (?:illegal"
            r"|unlawful|banned)\b"
        ),
        0.85,
    ),
    (  # "the central bank announced that cryptocurrency and other digital currencies are
        # illegal in the country": a body's declaration that a thing is illegal bans it
        REL.banned,
        "span",
        re.compile(
            r"\b(?:announc|declar|stat|said|says|confirm|warn|rul)\w*(?: on \w+)? that "
            r"(?P<obj>(?!(?:it|they|he|she|we|there|this|such|these|those) )[^.;\n]{1,80}?) "
            r"(?:is|are|was|were|remains?) (?:now |still |also |strictly )?"
            r"(?:illegal|unlawful|prohibited|banned)\b(?! to\b| for\b)"
        ),
        0.8,
    ),
    (
        REL.banned,
        "span",
        re.compile(
            r"\badd(?:s|ed|ing)? (?P<obj>[^.;\n]{1,60}?) to (?:its|the|a|an) (?:[\w-]+ ){0,3}?"
            r"(?:sanctions|SDN|blacklist|entity) list\b"
        ),
        0.85,
    ),
    (
        REL.warned,
        "span",
        re.compile(
            r"\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|nam(?:e|es|ed|ing)|list(?:s|ed|ing)|includ(?:e|es"
            r"|ed|ing)) (?P<obj>[^.;\n]{1,160}?) (?:to|on|in) (?:its|the|a|an) (?:[\w-]+ ){0,3}?"
            r"(?:(?:alert|warning|watch) list|list of (?:[\w-]+ )?(?:unauthori[sz]ed|unlicensed"
            r"|unregistered|suspicious))"
        ),
        0.85,
    ),
    (
        REL.sued,
        "span",
        re.compile(r"\b(?:took|taken|takes|taking|take) (?P<obj>[^.;\n]{1,80}?) to court\b"),
        0.85,
    ),
    (
        REL.warned,
        "span",
        re.compile(
            r"\bput (?P<obj>[^.;\n]{1,40}?) on (?:its|an|the|a) (?:[\w-]+ )?(?:alert|warning"
            r"|watch) list"
        ),
        0.85,
    ),
    (  # "slapped X with a $2 million fine", "hit X with a penalty"
        REL.fined,
        "span",
        re.compile(
            r"\b(?:slap(?:s|ped|ping)?|hit(?:s|ting)?) (?P<obj>(?!(?:a|an|the) )"
            + _OBJ
            + r"{1,60}?) with (?:a |an |the )?(?:[\w$€£¥₹₩.,-]+ ){0,4}?(?:fines?|penalt(?:y|ies))\b"
        ),
        0.85,
    ),
    (  # "issued Bybit a warning", "served X with a warning notice", "sent X a show-cause notice",
        # "hit X with a cease-and-desist order"
        REL.warned,
        "span",
        re.compile(
            r"\b(?:issu(?:ed|es|ing)|sen(?:t|ds|ding)|gave|giv(?:es|ing)|hand(?:ed|s|ing)"
            r"|serv(?:ed|es|ing)|hit(?:s|ting)?|slap(?:s|ped|ping)?)"
            r" (?P<obj>(?!(?:a|an|the|its|their|it|them|with|business|improvement|rectification"
            r"|corrective|formal|written|public|final|several|two|three) )"
            + _OBJ
            + r"{1,60}?) (?:with )?(?:a |an |its |their |the )?(?:second |first |formal |written )?"
            r"(?:[\w-]+ ){0,2}?(?:warnings?|warning (?:letters?|notices?)|reprimands?|show[- ]cause"
            r" notices?|improvement orders?|rectification orders?|cease[- ]and[- ]desist"
            r" (?:orders?|letters?)|Wells notices?)\b"
        ),
        0.85,
    ),
    (  # "ordered the closure of X", "ordered the immediate shutdown of X"
        REL.banned,
        "span",
        re.compile(
            r"\border(?:ed|s|ing) (?:the )?(?:[\w-]+ )?(?:closure|shutdown|shutting down"
            r"|winding[- ]up|dissolution|liquidation) of (?P<obj>[^.;,\n]{1,80})"
        ),
        0.8,
    ),
    (  # "took Garantex offline", "knocked the site offline", "shut the exchange down"
        REL.banned,
        "span",
        re.compile(
            r"\b(?:took|take[sn]?|taking|knock(?:s|ed|ing)?) (?P<obj>"
            + _OBJ
            + r"{1,60}?) (?:offline|off-line|off the internet)\b"
        ),
        0.85,
    ),
    (
        REL.banned,
        "span",
        re.compile(r"\bshut(?:s|ting)? (?P<obj>" + _OBJ + r"{1,60}?) down\b"),
        0.85,
    ),
    (
        REL.warned,
        "span",
        re.compile(
            r"\b(?:orders?|notices?|letters?) (?:requiring|directing|ordering"
            r"|telling) (?P<obj>[^.;\n]{1,60}?)"
            r" to show cause\b"
        ),
        0.85,
    ),
]
# the same patterns, recompiled so the search can skip ahead (see `text.regex_lead`)
SPAN_PATTERNS += [
    (  # "ordered the firm to restore its capital", "directed X to submit a remediation plan",
        # "ordered X to take action to rectify the violations":
        # a corrective order is a warning (the ontology's cease-and-desist and improvement orders)
        REL.warned,
        "span",
        re.compile(
            r"\b(?:order(?:ed|s|ing)|direct(?:ed|s|ing)|told|tells|telling|instruct(?:ed|s|ing)"
            r"|requir(?:ed|es|ing)) (?P<obj>(?!by )" + _OBJ + r"{1,160}?) to (?:\w+ly )?"
            r"(?:take (?:\w+ )?(?:action|steps|measures) to )?(?:restore"
            r"|rectify|remedy|improve|fix|correct|strengthen|submit|address|upgrade|overhaul"
            r"|enhance|bolster|review|comply|take corrective|put (?:its|their) \w+ in order)\b"
        ),
        0.8,
    ),
    (  # "the regulator said X was operating illegally", "... that X was offering services
        # without a licence": a body's finding that a firm acts unlicensed is a warning
        REL.warned,
        "span",
        re.compile(
            r"\b(?:said|says|stated|states|announced|found|determined)(?: on \w+)?(?: that)? "
            r"(?P<obj>(?!(?:it|they|he|she|we|there) )" + _OBJ + r"{1,80}?) (?:was|were|is|are"
            r"|had been|has been|have been) (?:operating|providing|offering|running|conducting"
            r"|carrying on|doing business)\b(?:[^.;\n]{0,60}?) (?:illegally|unlawfully|without"
            r" (?:a |the |any )?(?:required |necessary |proper |valid )?(?:licen[cs]es?"
            r"|registration|authori[sz]ation|permit|approval))\b"
        ),
        0.8,
    ),
    (  # "flagged X as an unauthorised firm", "named X as an unlicensed operator"
        REL.warned,
        "span",
        re.compile(
            r"\b(?:flag(?:s|ged|ging)|identif(?:y|ies|ied|ying)|nam(?:e|es|ed|ing)|list(?:s|ed|ing))"
            r" (?P<obj>(?!(?:a|an|the|it|them|by) )"
            + _OBJ
            + r"{1,80}?) as (?:an? |the )?(?:[\w-]+ )?"
            r"(?:unauthori[sz]ed|unlicensed|unregistered|illegal|fraudulent|suspicious|scam)\b"
        ),
        0.8,
    ),
    (  # "added X to its register of cryptoasset firms" (not a register of banned sites)
        REL.licensed,
        "span",
        re.compile(
            r"\b(?:add(?:s|ed|ing)?|admit(?:s|ted|ting)|enter(?:s|ed|ing)|includ(?:e|es|ed|ing))"
            r" (?P<obj>(?!(?:a|an|the|it|them) )" + _OBJ + r"{1,80}?) (?:to|on|in|into) (?:its|the)"
            r" (?:[\w-]+ ){0,3}?regist(?:er|ry)\b(?! of (?:banned|blocked|prohibited|restricted"
            r"|illegal))"
        ),
        0.8,
    ),
    (  # "put the site on the register of banned online resources": a block
        REL.blocked,
        "span",
        re.compile(
            r"\b(?:add(?:s|ed|ing)?|put(?:s|ting)?|plac(?:e|es|ed|ing)|includ(?:e|es|ed|ing)|enter"
            r"(?:s|ed|ing)?) (?P<obj>"
            + _OBJ
            + r"{1,80}?) (?:to|on|in|into) (?:its|the|a) (?:[\w-]+ )"
            r"{0,3}?(?:regist(?:er|ry)|list) of (?:banned|blocked|prohibited|restricted|illegal)"
        ),
        0.8,
    ),
    (  # "the NYDFS charged Zenmo $30 million": a charge of money is a fine, not a suit
        REL.fined,
        "span",
        re.compile(
            r"\bcharg(?:ed|es|ing) (?P<obj>"
            + CHARGED
            + r")(?:a (?:total of |penalty of |fine of )?"
            r"|an? )?" + MONEY_AHEAD
        ),
        0.8,
    ),
    (  # "X was told by the FCA to stop", "X has been ordered to cease trading": the directive's
        # passive (its agent after "by", wherever it stands)
        REL.banned,
        "passive",
        re.compile(
            r"\b(?:was|were|has been|have been|had been|is|are|being|got) (?:\w+ly )?"
            r"(?P<t>told|ordered|directed|instructed|required)(?: by [^.;\n]{1,80}?)?"
            r" to:? (?:\w+ly )?"  # ("ordered by the SC to: disable ...; cease ...": a list)
            r"(?:stop|cease|halt|suspend|wind down|discontinue|shut down|close|end|disable"
            r"|deactivate|take down)\b"
        ),
        0.8,
    ),
    (  # "ordered internet providers to black out 11 websites": the body that ordered blocked
        # them (the providers only carry the order out)
        REL.blocked,
        "span",
        re.compile(
            r"\b(?:order(?:ed|s|ing)|direct(?:ed|s|ing)|told|tells|instruct(?:ed|s|ing)"
            r"|requir(?:ed|es|ing)) (?:all |the |local |domestic |national )?(?:[\w-]+ ){0,2}?"
            r"(?:providers|ISPs|carriers|telecoms|telcos|network operators|telecom operators)"
            r" to (?:\w+ly )?(?:block|black out|blacklist|cut off|shut off|restrict|disable|deny)"
            r" (?:access to )?(?P<obj>(?:(?!, (?:[\w-]+ )?(?:of which|which|who|that)\b)[^.;\n])"
            r"{1,160})"
        ),
        0.85,
    ),
]
SPAN_PATTERNS = [(t, v, compile_lead(p.pattern, p.flags), c) for t, v, p, c in SPAN_PATTERNS]
SPAN_STEMS: list[tuple[str, ...]] = [
    ("direct", "instruct", "order", "requir", "told", "tells", "telling", "warn"),
    ("direct", "instruct", "order", "requir", "told", "tells", "telling"),
    ("apple", "google", "app stores", "platform operators", "tech companies"),
    ("order", "direct", "told", "tells", "telling", "instruct", "requir"),
    ("grant", "gave", "give", "giving"),
    ("grant", "gave", "give", "giving"),
    (
        "licence holder",
        "license holder",
        "licenceholder",
        "licenseholder",
        "licensee",
        "licence",
        "license",
    ),
    ("order",),
    ("order", "direct", "requir"),
    ("declar",),
    ("announc", "declar", "stat", "said", "says", "confirm", "warn", "rul"),
    ("add",),
    ("add", "put", "nam", "list", "includ"),
    ("to court",),
    ("list",),
    ("slap", "hit"),
    ("issu", "sen", "gave", "giv", "hand", "serv", "hit", "slap"),
    ("order",),
    ("offline", "off-line", "off the internet"),
    ("shut",),
    ("show cause",),
    ("order", "direct", "told", "tells", "telling", "instruct", "requir"),
    ("illegally", "unlawfully", "without"),
    ("flag", "identif", "nam", "list"),
    ("add", "admit", "enter", "includ"),
    ("add", "put", "plac", "includ", "enter"),
    ("charg",),
    ("told", "ordered", "directed", "instructed", "required"),
    ("providers", "isps", "carriers", "telecoms", "telcos", "operators"),
]
