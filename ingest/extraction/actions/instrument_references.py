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
# a list a copula closes the sentence with may be long: nine names of two words each
_LONG_OBJECT = _OBJECT.replace("{1,160}", "{1,400}")
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
# the parties a copula lists after the instrument that names them: "The individuals named
# in the complaint are A, B and C", "Those named in the order include A and B"
_NAMED_IN_SUBJECT = (
    r"(?:[Tt]he (?:[\w-]+ ){0,2}?(?:individuals|people|persons|firms|companies|entities"
    r"|parties|defendants|respondents|suspects|platforms)|[Tt]hose)"
)


def _named_in(nouns: str) -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<t>{_NAMED_IN_SUBJECT} named in (?:the|its|their) (?:[\w-]+ ){{0,2}}?"
        rf"(?P<noun>{nouns}) (?:are|were|include|included)):? {_LONG_OBJECT}"
    )


_SUED_NOUNS = r"lawsuits?|complaints?|indictments?|suits?|charges"
_WARNING_NOUNS = r"warnings?|alerts?|advisor(?:y|ies)"
# the type a back-reference through "named in the <noun>" takes from its noun; the generic
# nouns take the latest action's whose words hold them
_NAMED_IN_TYPES = [
    (re.compile(rf"\b(?:{_SUED_NOUNS})\b"), REL.sued),
    (re.compile(rf"\b(?:{_WARNING_NOUNS})\b"), REL.warned),
]
_NAMED_IN_REACH = 12  # "named in the complaint" points back past a subheading or two
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
            _SUED_NOUNS,
            r"(?:is|was|are|were) (?:also )?(?:(?:directed|aimed) at|(?:filed |brought )?against)"
            r"|(?:also )?(?:targets|targeted)",
        ),
        0.75,
    ),
    (RETOLD, "span", _named_in(f"{_SUED_NOUNS}|{_WARNING_NOUNS}|{_GENERIC}"), 0.7),
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
    (" named in ",),
]
_NOUN = re.compile(rf"\b({_GENERIC}|{_SUED_NOUNS}|{_WARNING_NOUNS})\b")


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
    if " named in " in doc.text[trig.start : trig.end]:
        return _named_in_told(trig, noun.group(1), before, doc)
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


def _named_in_told(
    trig: Trigger, noun: str, before: list[Trigger], doc: Document
) -> Trigger | None:
    """The action "those named in the complaint" points back at: the latest earlier one of
    the noun's type ("complaint": a suit), or for a generic noun ("order") whose words hold
    it, up to `_NAMED_IN_REACH` sentences back. The definite reference reaches past a
    subheading; a digest's next story that told no such action has none."""
    here = doc.sentence_at(trig.start)
    if here is None:
        return None
    wanted = next((rel for pattern, rel in _NAMED_IN_TYPES if pattern.fullmatch(noun)), None)
    stem = noun.rstrip("s")
    for earlier in reversed(before):
        sent = doc.sentence_at(earlier.start)
        if sent is None or here.index - sent.index > _NAMED_IN_REACH:
            break
        if earlier.type == RETOLD:
            continue
        if wanted is not None and earlier.type == wanted:
            return earlier
        if wanted is None and stem in doc.text[earlier.start : earlier.end].lower():
            return earlier
    return None
