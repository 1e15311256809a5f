"""Web domains named in the text ("garantex.org", "Bitcoininfo.ru"): Websites.

Seizure and blocking news names the domains themselves; they are no capitalised run,
so the name rules never see them. A domain inside a URL (after "//") or an e-mail
address (after "@") is part of that, not a name of its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ingest.extraction.text.anchored_scan import finditer_from_anchors

# the top-level domains that news about crypto sites uses; a closed list keeps
# "U.S." or "e.g." from reading as domains
_TLDS = (
    "com|org|net|io|ru|su|academy|info|co|uk|exchange|app|xyz|biz|me|us|de|fr|cn|in|sg|hk|jp"
    "|kr|th|my|ph|ng|za|ae|ch|eu|cc|to|ws|pro|finance|money|trade|market|online|site|top|vip"
    "|club|live|tech|ai|gg|ly|sc|vc|pw|tv|ua|by|kz|uz|tr|ir|br|ar|mx|ca|au|nz|it|es|pt|nl|be"
    "|at|pl|cz|se|no|fi|dk|ee|lt|lv|bg|ro|gr|cy|mt|li|lu|ie|is|onion|cash|pay|bank|bet|casino"
    "|network|global|world|link|space|store|shop|one|fund|capital|crypto|wallet"
)
# the first label's run is possessive (`{1,62}+`): it holds no dot, so giving characters
# back can never let the dot after it match; `re` stops re-trying it at every word
DOMAIN = re.compile(
    rf"(?<![\w@/.-])(?P<d>[A-Za-z0-9][A-Za-z0-9-]{{1,62}}+(?:\.[A-Za-z0-9-]{{1,62}})*\.(?:{_TLDS}))"
    r"(?![\w-]|\.[A-Za-z0-9])"
)
# where a domain can match, searched from (`anchored_scan`): its last dot and top-level
# domain; it starts where the run of label characters and dots reaching there starts
_TLD_AFTER = re.compile(rf"\.(?:{_TLDS})(?![\w-]|\.[A-Za-z0-9])")
_LABEL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")


def domain_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each web domain named on its own in `text`."""
    if "." not in text:
        return
    for m in finditer_from_anchors(DOMAIN, text, _TLD_AFTER, _LABEL_CHARS.__contains__):
        name = m.group("d")
        if name[0].isdigit() and name.replace(".", "").isdigit():
            continue  # a version or a number, not a domain
        yield m.start("d"), m.end("d")
