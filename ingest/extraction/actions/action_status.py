"""Whether an action still stands: `status`, `ended_how` and `ended_on` of action drafts.

Three ways a text ends an action. The trigger's own words are the ending ("unblocked",
"lifted its ban on": the row's `ended_how`). An ending word governs an action noun
("quashed the order blocking X", "the licence of X was revoked"): `governing_ending`.
Or a later sentence ends what an earlier one reported ("The ban was lifted in 2023",
"The court quashed the central bank's circular"): `mark_endings` finds the ended
action among the article's drafts by the entities and the noun its object names, or
by its actor. A court that overturns an order is no actor of that order: an
`overturned` ending only marks the action it names. Two drafts of one relation share
their status (a later `ended` wins; `revoked` outranks `suspended`), date and amount.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graph.ontology import ENDED, GROUP, REL, STATUS, TYPE, get_ontology
from graph.partial_dates import PartialDate
from ingest.extraction.actions.action_dates import ClauseView, Span, pick, planned
from ingest.extraction.actions.date_mentions import DateMention
from ingest.extraction.actions.endings import (
    COLLAPSE,
    ENDING,
    EXPIRE,
    NOT_THE_ACTION,
    OVERTURN,
    RESTORE,
    SETTLE,
    THROW_OUT,
    Ending,
    ended_how,
    endings_in,
    noun_phrase_stop,
)
from ingest.extraction.actions.reinstatements import reinstate
from ingest.extraction.actions.roles import View
from ingest.extraction.entities.drafts import EntityTable, RelationDraft
from ingest.extraction.text.literal_gate import gate

_ACTIONS = frozenset(get_ontology().action_types)
_TYPE_NOUNS: list[tuple[re.Pattern[str], frozenset[str] | None]] = [
    (
        re.compile(
            r"\b(?:bans?|prohibitions?|curbs?|circulars?|directives?|sanctions|designations?)\b",
            re.I,
        ),
        frozenset({REL.banned}),
    ),
    (re.compile(r"\brestrictions?\b", re.I), frozenset({REL.banned, REL.blocked})),
    (
        re.compile(r"\b(?:blocks?|blocking|blockade|freezes?|freezing|blacklist(?:ing)?)\b", re.I),
        frozenset({REL.blocked}),
    ),
    (re.compile(r"\b(?:fines?|penalt(?:y|ies))\b", re.I), frozenset({REL.fined})),
    (
        re.compile(
            r"\b(?:lawsuits?|suits?|charges|complaints?|claims|prosecutions?|indictments?)\b",
            re.I,
        ),
        frozenset({REL.sued}),
    ),
    (  # a case or proceedings may be a suit or a probe: "closed the proceedings against X"
        re.compile(
            r"\b(?:cases?|proceedings?|matter|process"
            r"|(?:sanctioning|administrative|disciplinary|enforcement|criminal|legal) process)\b",
            re.I,
        ),
        frozenset({REL.sued, REL.investigated}),
    ),
    (re.compile(r"\baccess\b", re.I), frozenset({REL.blocked, REL.banned})),
    (
        re.compile(r"\b(?:investigations?|probes?|inquir(?:y|ies)|enquir(?:y|ies))\b", re.I),
        frozenset({REL.investigated}),
    ),
    (
        re.compile(
            r"\b(?:licen[cs]es?|registrations?|authori[sz]ations?|approvals?|permits?"
            r"|permissions?|charters?)\b",
            re.I,
        ),
        frozenset({REL.licensed}),
    ),
    (re.compile(r"\b(?:warnings?|advisor(?:y|ies))\b", re.I), frozenset({REL.warned})),
    (
        re.compile(r"\b(?:orders?|rulings?|decisions?|judgm?ents?|measures?|actions?)\b", re.I),
        None,
    ),
]
_PASSIVE_BEFORE = re.compile(
    r"\b(?:was|were|been|be|is|are|being|got|gets)\s+(?:(?:\w+ly|also|later|then|since|itself"
    r"|subsequently|formally)\s+)*(?:\w+ed\s+(?:but|and|then)\s+(?:later\s+)?)?$",
    re.I,
)
_RECENT = 3  # sentences back a bare "the ban was lifted" may reach
_LEDE = 3  # the opening sentences, which may tell an end before its action
# "the company settled the same day", "settled with the SEC": settling with no object
_NO_OBJECT = re.compile(
    r"\s*(?:[,.;]|$|(?:with|for|in|on|after|when|last|earlier|later|shortly|quickly|immediately"
    r"|out of court"
    r"|the same day|that day|the following|within)\b|\w+ (?:days?|weeks?) later\b)",
    re.I,
)
_OBJECT_WORDS = 7  # how far into its object an ending word's noun may stand
# "ordered it closed", "set the ruling aside": the object stands before the ending word
_SMALL_CLAUSE_OBJECT = re.compile(
    r"\b(?:ordered|order|orders|declared|had|has|have|got|saw|found|ruled|deemed|wanted)"
    r"\s+(?:it|them|the matter)\s+$",
    re.I,
)


@dataclass(frozen=True)
class EndedObject:
    """What an ending word ends, as far as its sentence says: the relation types its
    noun may name, the entities its phrase names and the body that did the ending."""

    types: frozenset[str]
    keys: frozenset[str]
    subject: str | None


def set_status(draft: RelationDraft, how: str | None, ended_on: PartialDate | None) -> None:
    """Mark an action draft ended: `status`, `ended_how` and (where dated) `ended_on`.

    An action that stands carries no `status`: absent means active, so a store that
    merges reports never lets a later "active" hide an end another article reported.
    """
    if draft.type not in _ACTIONS or how is None:
        return
    draft.properties["status"] = STATUS.ended
    draft.properties["ended_how"] = how
    if ended_on is not None:
        draft.properties["ended_on"] = ended_on.text()


def _ended(draft: RelationDraft) -> bool:
    return draft.properties.get("status") == STATUS.ended


def _end_of(draft: RelationDraft) -> tuple[str, str | None] | None:
    if not _ended(draft):
        return None
    return str(draft.properties.get("ended_how")), draft.properties.get("ended_on")


def _share_end(a: RelationDraft, b: RelationDraft) -> None:
    """Give two drafts of one relation the same end: an end beats none, `revoked` beats
    `suspended`, else the first stated; a missing `ended_on` is taken from the other."""
    ends = [e for e in (_end_of(a), _end_of(b)) if e is not None]
    if not ends:
        return
    how, on = ends[0]
    if len(ends) == 2:
        other_how, other_on = ends[1]
        if how == ENDED.suspended and other_how == ENDED.revoked:
            how, on = other_how, other_on
        elif how == other_how and on is None:
            on = other_on
    for draft in (a, b):
        draft.properties["status"] = STATUS.ended
        draft.properties["ended_how"] = how
        if on is not None:
            draft.properties["ended_on"] = on
        else:
            draft.properties.pop("ended_on", None)


def reconcile(
    new: Iterable[RelationDraft], earlier: Iterable[RelationDraft], table: EntityTable
) -> None:
    """Drafts of the same relation share status, date and amount where they do not clash."""
    old = list(earlier)
    for draft in new:
        key = (draft.type, table.resolve(draft.source), table.resolve(draft.target))
        for other in old:
            if (
                other is draft
                or (other.type, table.resolve(other.source), table.resolve(other.target)) != key
            ):
                continue
            _share_end(other, draft)
            if _renewed(other) != _renewed(draft):
                pass  # "has renewed its warning": a new event, not the earlier one's date
            elif other.date is None and draft.date is not None:
                other.date = draft.date
            elif draft.date is None and other.date is not None:
                draft.date = other.date
            elif draft.date and other.date and draft.date != other.date:
                # a restatement at a finer precision ("announced in March ... seized on
                # March 6"): both take the finer date
                if draft.date.startswith(other.date + "-"):
                    other.date = draft.date
                elif other.date.startswith(draft.date + "-"):
                    draft.date = other.date
            for prop in ("amount", "currency"):
                if prop in draft.properties and prop not in other.properties:
                    other.properties[prop] = draft.properties[prop]


# an action told as taken again: "renewed its warning", "reiterated its ban", "once again"
# (tried only at its words: `literal_gate`)
_AGAIN = gate(
    re.compile(
        r"\b(?:renew(?:s|ed|ing)|reiterat(?:es|ed|ing)|repeat(?:s|ed|ing)|once again)\b", re.I
    )
)


def _renewed(draft: RelationDraft) -> bool:
    return _AGAIN.search(draft.evidence) is not None


def noun_types(phrase: str) -> frozenset[str]:
    """The relation types the first action noun of `phrase` names: all of them for a
    noun any action may be ("the order", "the ruling"), none where it names none."""
    best: tuple[int, frozenset[str] | None] | None = None
    for pattern, types in _TYPE_NOUNS:
        m = pattern.search(phrase)
        if m is not None and (best is None or m.start() < best[0]):
            best = (m.start(), types)
    if best is None:
        return frozenset()
    return _ACTIONS if best[1] is None else best[1]


def _may_end(draft: RelationDraft, cls: str) -> bool:
    """Whether an ending word of class `cls` may (still) end this draft: it stands, or a
    revocation follows its suspension, or the same end now gets its date."""
    how = ended_how(cls, draft.type)
    if how is None:
        return False
    if not _ended(draft):
        return True
    old = draft.properties.get("ended_how")
    if old == ENDED.suspended and how == ENDED.revoked:
        return True
    return old == how and "ended_on" not in draft.properties


def end_earlier(
    drafts: list[tuple[int, RelationDraft]],
    cls: str,
    obj: EndedObject,
    sentence: int,
    ended_on: PartialDate | None,
    table: EntityTable,
) -> list[RelationDraft]:
    """Mark ended the earlier action an ending word names; returns the drafts it marked.

    The action is the latest whose ends the ending's phrase names, else (but for a
    court's overturning) the latest of the same kind by the body that ends it, else
    the latest of the kind its noun names within a few sentences (in its own sentence
    for a noun of any kind, "the ruling"). Every draft of that
    sentence with the same actor and type ends with it.
    """
    keys = {table.resolve(k) for k in obj.keys}
    subject = table.resolve(obj.subject) if obj.subject else None
    if cls == RESTORE and REL.licensed in obj.types:
        return reinstate(drafts, keys, subject, sentence, table)  # the licence stands again
    fitting = [
        (i, d) for i, d in drafts if d.type in _ACTIONS and d.type in obj.types and _may_end(d, cls)
    ]
    chosen = next(
        (
            (i, d)
            for i, d in reversed(fitting)
            if keys & {table.resolve(d.source), table.resolve(d.target)}
        ),
        None,
    )
    if chosen is None and subject is not None and cls != OVERTURN:
        chosen = next(
            ((i, d) for i, d in reversed(fitting) if table.resolve(d.source) == subject), None
        )
    if chosen is None and not keys:
        # "the ban was lifted": the latest ban a few sentences back; "overturned a ruling
        # that put X on the register": a generic noun reaches only its own sentence
        # a court that overturns "the ruling" ends the latest action a few sentences back
        generic = obj.types == _ACTIONS and cls not in (OVERTURN, THROW_OUT)
        reach = 0 if generic else _RECENT
        chosen = next(((i, d) for i, d in reversed(fitting) if sentence - i <= reach), None)
    if chosen is None:
        return []
    at, first = chosen
    marked = []
    for i, d in fitting:
        if (
            i == at
            and d.type == first.type
            and table.resolve(d.source) == table.resolve(first.source)
        ):
            how = _by_court(ended_how(cls, d.type), d, subject, table)
            set_status(d, how, ended_on)
            if (
                i == sentence
                and ended_on is not None
                and ended_on.day is not None
                and d.date == ended_on.text()
            ):
                d.date = None  # the sentence's date was the ending's
            marked.append(d)
    return marked


def ended_object(ending: Ending, view: View, table: EntityTable) -> EndedObject:
    """The noun, entities and ending body an ending word's clause gives."""
    text = view.doc_text
    clause_start, clause_end = clause_bounds(view, ending.start)
    cid = view.clauses.of(ending.start)
    # an intransitive ending ("the case collapsed", "the licence lapsed") ends its subject
    passive = ending.cls in (COLLAPSE, EXPIRE) or bool(
        _PASSIVE_BEFORE.search(text, clause_start, ending.start)
    )
    if passive:
        lo, hi = clause_start, ending.start
        phrase = text[lo:hi][-80:]
        types = frozenset() if NOT_THE_ACTION.search(phrase) else noun_types(phrase)
    elif _SMALL_CLAUSE_OBJECT.search(text, clause_start, ending.start):
        lo, hi = view.sent.start, ending.start  # "it": the last action noun before
        types = last_noun_types(text[lo:hi])
    else:
        lo, hi = ending.end, min(clause_end, ending.end + 120)
        stop = noun_phrase_stop(text, lo, hi)
        hi = stop.start() if stop is not None else hi
        types = noun_types(" ".join(text[lo:hi].split()[:_OBJECT_WORDS]))
    if not types:  # "unblocked the site", "NYMEX was unblocked": the verb says what
        types = _verb_types(text[ending.start : ending.end])
    keys = frozenset(
        m.key for m in view.mentions if lo <= m.start < hi and m.how != "pronoun" and m.key in table
    )
    if not types and ending.cls == SETTLE and _NO_OBJECT.match(text, ending.end):
        # "the company settled the same day": the case against the one who settled
        types = frozenset({REL.sued, REL.investigated})
        keys = frozenset(
            m.key
            for m in view.mentions
            if clause_start <= m.start < ending.start
            and view.clauses.of(m.start) == cid
            and m.key in table
            and table.get(m.key).type not in GROUP.public_body
        )
    subject = None
    if not passive:
        subject = next(
            (
                m.key
                for m in reversed(view.mentions)
                if clause_start <= m.start < ending.start
                and view.clauses.of(m.start) == cid
                and m.key in table
                and table.get(m.key).type in GROUP.actor
                and not text.startswith("'s", m.end)
            ),
            None,
        )
    return EndedObject(types, keys, subject)


_VERB_TYPES: list[tuple[re.Pattern[str], frozenset[str]]] = [
    (re.compile(r"unblock|unfr", re.I), frozenset({REL.blocked})),
    (re.compile(r"delist", re.I), frozenset({REL.banned})),
]


def _verb_types(word: str) -> frozenset[str]:
    """The relation types an ending verb itself ends ("unblocked": a block)."""
    return next((types for p, types in _VERB_TYPES if p.match(word)), frozenset())


def last_noun_types(text: str) -> frozenset[str]:
    """The relation types of the last action noun in `text`."""
    best: tuple[int, frozenset[str] | None] | None = None
    for pattern, types in _TYPE_NOUNS:
        for m in pattern.finditer(text):
            if best is None or m.start() > best[0]:
                best = (m.start(), types)
    if best is None:
        return frozenset()
    return _ACTIONS if best[1] is None else best[1]


def _by_court(
    how: str | None, draft: RelationDraft, ender: str | None, table: EntityTable
) -> str | None:
    """A ban or block a court lifts, of another body, is set aside: "the High Court lifted
    the central bank's ban" ends the ban `overturned`, not `lifted` by its own actor."""
    if how == ENDED.lifted and is_court(ender, table) and table.resolve(draft.source) != ender:
        return ENDED.overturned
    return how


def is_court(key: str | None, table: EntityTable) -> bool:
    return key is not None and key in table and table.get(key).type == TYPE.court


def clause_bounds(view: View, pos: int) -> tuple[int, int]:
    """Start and end (document offsets) of the contiguous clause part holding `pos`."""
    for start, end, _cid in view.clauses.spans:
        if start <= pos < end:
            return start, end
    return view.sent.start, view.sent.end


def clause_view(view: View) -> ClauseView:
    """The clause questions `action_dates.pick` asks, answered from a sentence's view."""
    clauses = view.clauses
    return ClauseView(clauses.of, lambda p: clauses.of(p) in clauses.antecedent, clauses.start_of)


@dataclass(frozen=True)
class PendingEnd:
    """An ending word that named no earlier action: a lede often tells the end first
    ("... paid to close the case") and the action after."""

    sentence: int
    cls: str
    obj: EndedObject
    ended_on: PartialDate | None


def end_later(
    new: list[RelationDraft], pending: list[PendingEnd], sentence: int, table: EntityTable
) -> None:
    """End a new draft an earlier, still unmatched ending word named: by an entity of its
    phrase, or by the body that ended it a few sentences before."""
    for p in list(pending):
        keys = {table.resolve(k) for k in p.obj.keys}
        subject = table.resolve(p.obj.subject) if p.obj.subject else None
        # "A year on, the case has collapsed": a lede that tells a bare end first ends the
        # first action of its kind the article then tells
        bare = not keys and subject is None and p.sentence < _LEDE and p.obj.types != _ACTIONS
        hits = [
            d
            for d in new
            if d.type in p.obj.types
            and _may_end(d, p.cls)
            and (
                bare
                or keys & {table.resolve(d.source), table.resolve(d.target)}
                or (
                    subject == table.resolve(d.source)
                    and p.cls != OVERTURN
                    and sentence - p.sentence <= _RECENT
                )
            )
        ]
        for d in hits:
            set_status(d, _by_court(ended_how(p.cls, d.type), d, subject, table), p.ended_on)
        if hits:
            pending.remove(p)


def mark_endings(
    view: View,
    table: EntityTable,
    drafts: list[tuple[int, RelationDraft]],
    dates: list[DateMention],
    consumed: set[int],
    pending: list[PendingEnd],
) -> None:
    """End the earlier actions this sentence's free ending words name ("the ban was
    lifted", "the court quashed the central bank's circular"); keep the others pending
    for an action a later sentence states (`end_later`)."""
    text, sent = view.doc_text, view.sent
    if ENDING.search(text, sent.start, sent.end) is None:
        return
    taken = [(t.start, t.end) for t in view.triggers if t.ended_how is None]
    for ending in endings_in(text, sent.start, sent.end, lambda p: clause_bounds(view, p)[0]):
        if ending.start in consumed or (
            ending.cls != SETTLE and any(s < ending.end and ending.start < e for s, e in taken)
        ):
            # a trigger's own word ("suspended the business") is read as that; a settlement
            # both pays (FINED) and ends the case against the one who settles
            continue
        at = Span(ending.start, ending.end)
        if planned(dates, at, clause_view(view)):
            continue  # "the ban ends in 2026"
        obj = ended_object(ending, view, table)
        if not obj.types:
            continue  # "ended the quarter", "an abandoned plan": no action's noun
        ended_on = pick(dates, at, clause_view(view), text)
        consumed.add(ending.start)
        if not end_earlier(drafts, ending.cls, obj, sent.index, ended_on, table):
            if (
                not obj.keys
                and obj.subject is None
                and _COUNTED_ACTIONS.search(text, max(sent.start, ending.start - 60), ending.start)
            ):
                continue  # "four cases are closed": some of many, no one action told later
            pending.append(PendingEnd(sent.index, ending.cls, obj, ended_on))


# a count of actions before a bare ending: "four cases are closed", "two of the probes ended"
_COUNTED_ACTIONS = re.compile(
    r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|some|most)"
    r" (?:of (?:the|these|those) )?(?:[a-z]+ )?(?:cases|investigations|probes|suits|lawsuits"
    r"|proceedings|complaints)\b[^.;]*$",
    re.I,
)
