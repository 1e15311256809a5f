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

from graph.ontology import GROUP
from ingest.extraction.entities.drafts import EntityTable, Mention
from ingest.extraction.text.document import Sentence

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


# what may stand between a quoted body and the action: its verb's own words, no new clause
_SUBJECT_GAP = re.compile(r"(?:(?!\bthat\b)[^,;:\"]){1,80}")
# a body a statement names by its head word alone: '"The Bank further directs ...'
_HEAD_WORD = re.compile(r"The ([A-Z][a-z]+) ")


def states_own_act(
    sentence: Sentence, offset: int, mentions: list[Mention], table: EntityTable
) -> bool:
    """Whether the quotation holding `offset` is a public body's own statement that names
    the body as its subject ('"The Bank further directs all licensed institutions to ...',
    '"Bank of Ghana advises the public to ...': a notice quoted whole): the body's act, as
    plain as a sentence without the quotes."""
    opening = sentence.text.rfind('"', 0, offset)
    at = opening + 1
    head = _HEAD_WORD.match(sentence.text, at)
    if head is not None and any(
        d.type in GROUP.public_body and not d.unnamed and head.group(1) in d.name.split()
        for d in table.all()
    ):
        subject_end = head.end(1)
    else:
        at += 4 if sentence.text.startswith("The ", at) else 0
        first = next((m for m in mentions if m.start >= sentence.start + at), None)
        if first is None or first.start != sentence.start + at or first.key not in table:
            return False
        body = table.get(table.resolve(first.key))
        if body.type not in GROUP.public_body or body.unnamed:
            return False
        subject_end = first.end - sentence.start
    return _SUBJECT_GAP.fullmatch(sentence.text, subject_end, offset) is not None
