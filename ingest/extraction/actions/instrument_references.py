"""An instrument told before, named again as the subject of the sentence that lists its parties.

"The board issued an emergency cease and desist order. The emergency order is against
A, B and their founder C" (or "The orders to A, B and C follow ..."): the second
sentence names the order's parties; the order,
its type (a cease and desist order warns) and its issuer come from before. Rows here
are object-span rows (`triggers`): only the names after the verb are parties, and the
actor is found as for any clause that names none (`implicit_roles.fallback_actor`).

Nouns of one kind carry their relation type ("the warning names X": WARNED; "the ban
applies to X": BANNED). A noun of any kind ("the order", "the directive", "the
notice") takes the type of the latest trigger before it, in the same story and at most
three sentences back, whose words hold the same noun ("cease and desist order",
"ordered"); with none, it states nothing (`retype_retold`). The instrument is dated
where it was told (`retold_dates`): "The orders to A and B follow the agency's
rejection of C on June 7" are not of June 7.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from graph.ontology import REL

if TYPE_CHECKING:
    from ingest.extraction.actions.triggers import Trigger
    from ingest.extraction.text.document import Document

# the type of a noun that may name an instrument of any kind, settled by `retype_retold`
RETOLD = "RETOLD"
_REACH = 3  # sentences back where the instrument may have been told

_GENERIC = r"orders?|directives?|notices?|decisions?|measures?|rulings?|circulars?"
# the verb that lists the parties: "is against", "was directed at", "names", "targets"
_LISTS = (
    r"(?:(?:is|was|are|were) (?:also )?(?:(?:directed|aimed) at|(?:issued |made )?against)"
    r"|(?:also )?(?:names|named|lists|listed|targets|targeted|covers|covered|identifies"
    r"|identified))"
)
_APPLIES = r"|(?:also )?(?:applies|applied) to"
_OBJECT = r"(?P<obj>(?:(?! to )(?:[^.;\n]|\.(?=,| [a-z]))){1,160})"
# ", issued on Monday," between the noun and its verb
_INSERT = r"(?:, [^,.;\n]{1,60},)?"


def _row(nouns: str, verbs: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<t>[Tt]he (?:[\w-]+ ){{0,3}}?(?P<noun>{nouns})\b{_INSERT} (?:{verbs})) {_OBJECT}"
    )


# the parties written into the subject itself, its verb after them: "The orders to A, B and
# C follow ...", "The notices against A and B were issued on Friday"
_ITEM = r"[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,4}"
_PARTIES_THEN_VERB = re.compile(
    rf"\b(?P<t>[Tt]he (?:[\w-]+ ){{0,3}}?(?P<noun>{_GENERIC}) (?:to|against)) "
    rf"(?P<obj>{_ITEM}(?:, {_ITEM}){{0,9}}(?:,? and {_ITEM})?)(?= [a-z])"
)
INSTRUMENT_PATTERNS: list[tuple[str, str, re.Pattern[str], float]] = [
    (RETOLD, "span", _row(_GENERIC, _LISTS + _APPLIES), 0.7),
    (RETOLD, "span", _PARTIES_THEN_VERB, 0.7),
    (REL.warned, "span", _row(r"warnings?|alerts?|advisor(?:y|ies)", _LISTS), 0.75),
    (
        REL.banned,
        "span",
        _row(r"bans?|prohibitions?|suspensions?|sanctions", _LISTS + _APPLIES),
        0.75,
    ),
    (
        REL.sued,
        "span",
        _row(
            r"lawsuits?|complaints?|indictments?|suits?|charges",
            r"(?:is|was|are|were) (?:also )?(?:(?:directed|aimed) at|(?:filed |brought )?against)"
            r"|(?:also )?(?:targets|targeted)",
        ),
        0.75,
    ),
]
# the words of the verbs that list the parties (every match holds one; the nouns are too
# many alternatives for `required_words` to read as one set)
_VERB_STEMS = (" against ", " at ", " name", " list", "target", " cover", " identif", "applie")
INSTRUMENT_STEMS: list[tuple[str, ...]] = [
    _VERB_STEMS,
    (" to ", " against "),
    _VERB_STEMS,
    _VERB_STEMS,
    _VERB_STEMS,
]
_NOUN = re.compile(rf"\b({_GENERIC})\b")


def retype_retold(triggers: list[Trigger], doc: Document) -> list[Trigger]:
    """`triggers` with each RETOLD one typed by the instrument told before it, or dropped."""
    if not any(t.type == RETOLD for t in triggers):
        return triggers
    out: list[Trigger] = []
    for trig in triggers:
        if trig.type != RETOLD:
            out.append(trig)
            continue
        told = _told(trig, out, doc)
        if told is not None:
            out.append(replace(trig, type=told.type, retells=told.start))
    return out


def _told(trig: Trigger, before: list[Trigger], doc: Document) -> Trigger | None:
    """The latest earlier trigger whose words hold the retold noun's stem."""
    noun = _NOUN.search(doc.text, trig.start, trig.end)
    here = doc.sentence_at(trig.start)
    if noun is None or here is None:
        return None
    stem = noun.group(1).rstrip("s")
    for earlier in reversed(before):
        sent = doc.sentence_at(earlier.start)
        if sent is None or here.index - sent.index > _REACH:
            break
        if any(
            s.heading and stem not in s.text.lower()
            for s in doc.sentences[sent.index + 1 : here.index + 1]
        ):
            break  # a digest's next story: its instruments are its own (a subhead that
            # names the instrument, "Crypto scam order", goes on with the same one)
        if stem in doc.text[earlier.start : earlier.end].lower():
            return earlier
    return None
