"""A statement the body published as the subject of its verb: the body acts.

"A statement published by the Saudi Arabian Monetary Authority (SAMA) warns against
trading in ...", "A notice issued by the FSCA on Monday cautions the public against X".
The verb's subject is the document, which no action takes; its publisher, named right
before the verb (after "published/issued/released by"), is the actor.
"""

from __future__ import annotations

import re

from ingest.extraction.entities.drafts import Mention

_PUBLISHED_BY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Ii]ts) (?:[\w-]+ ){0,2}?(?:statement|notice|circular|press release"
    r"|release|advisory|announcement|notification|letter|guidance|alert|bulletin)"
    r" (?:(?:that was |which was )?(?:published|issued|released|posted|put out|sent out) )?by"
    r" (?:the )?$"
)
# what may stand between the publisher's name and the verb: its short name, a day
_TO_VERB = re.compile(
    r"(?: \([\w.&-]{1,15}\))?(?: (?:on|last) (?:Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|week)| today| this week| yesterday)? (?:also )?"
)


def publisher_as_subject(last: Mention, trig_start: int, text: str) -> bool:
    """Whether `last`, right before the verb at `trig_start`, published the document that
    is the verb's subject (see the module)."""
    return _TO_VERB.fullmatch(text, last.end, trig_start) is not None and bool(
        _PUBLISHED_BY.search(text, max(0, last.start - 80), last.start)
    )
