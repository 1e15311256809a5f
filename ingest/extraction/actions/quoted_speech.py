"""Whether a trigger stands in quoted speech, which states no fact of the article.

A quotation is somebody's words ("We will ban X," the minister said). But a reporter
often quotes a body's own words for a predicate the sentence goes on with: 'the
watchdog "has issued a public reprimand" against four entities' states the reprimand
as plainly as the sentence without its quotation marks would. Such a fragment opens in
lower case right after words of the sentence that do not introduce speech (no "said",
no colon or comma before it), and its words are read like the rest of the sentence.
"""

from __future__ import annotations

import re

# what introduces speech before an opening quotation mark
_SPEECH_BEFORE = re.compile(
    r"(?:[,:;(]|\b(?:said|says|say|told|tells|stated|states|added|adds|wrote|writes|noted"
    r"|notes|announced|announces|declared|declares|explained|claimed|argued|insisted|warned"
    r"|warns|asked|according to|that|reads?|read|titled|headlined|called|dubbed))\s*$"
)
_WORD_BEFORE = re.compile(r"\w\s*$")


def in_quoted_speech(sentence: str, offset: int) -> bool:
    """Whether `offset` of `sentence` lies inside a quotation that is speech."""
    if sentence.count('"', 0, offset) % 2 == 0:
        return False
    opening = sentence.rfind('"', 0, offset)
    before = sentence[:opening]
    first = sentence[opening + 1 : opening + 2]
    integrated = (
        _WORD_BEFORE.search(before) is not None  # (not "- \"eToro Reaches ...\"", a title)
        and first.islower()
        and not _SPEECH_BEFORE.search(before)
    )
    return not integrated
