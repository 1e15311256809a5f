"""Groups that are a list of named firms (or people): counted back-references, complete lists.

"Velora AG, Brantex AG and the Kestrel Association sold tokens ... The three entities
were liquidated": "the three entities" names the three firms just listed, so each
becomes a mention there ("the association and the two companies" too: the member the
head noun names, then the rest; "the two men" names the last two people listed). And
"the regulator licensed three entities. Alpha Ltd will run the venue, Beta Ltd the
custody and Gamma Ltd the brokerage": a counted group whose members are listed, all of
them, right after it is those members; the group itself is then no node of its own
(`complete`).

A count that does not match the list resolves nothing: a guess between lists is worse
than no mention.
"""

from __future__ import annotations

import re
from dataclasses import replace

from graph.ontology import TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention, RelationDraft
from ingest.extraction.references.unnamed_groups import number_value
from ingest.extraction.text.document import Document
from ingest.extraction.text.scanning import scanner_of

_FIRM_TYPES = frozenset((TYPE.company, TYPE.exchange))
_PERSON = frozenset((TYPE.person,))
_LISTED_TYPES = _FIRM_TYPES | {TYPE.website, TYPE.app, TYPE.person}
_NOUNS = ("companies", "firms", "entities", "exchanges", "platforms", "providers", "operators")
_PEOPLE = ("men", "women", "individuals", "executives", "founders", "co-founders", "directors")
_COUNT = r"two|three|four|five|six|seven|eight|nine|ten|\d"
BACK_REFERENCE = re.compile(
    r"\b(?:(?P<head>[Tt]he (?P<noun1>[a-z]+)) and )?"
    rf"(?:(?:[Tt]he|[Aa]ll(?: the)?|[Tt]hose|[Tt]hese) (?P<num>{_COUNT}) "
    r"|(?P<both>[Bb]oth)(?: the| these)? )"
    rf"(?:[\w-]+ )?(?P<noun>{'|'.join(_NOUNS + _PEOPLE)})\b"
)  # ("All four Binance entities were ordered to ...", "these two companies", "both firms")
# a name that only modifies a plural noun of the list ("three other Binance entities,
# namely A, B and C") is the brand the members share, no member itself
_MODIFIES_PLURAL = re.compile(rf"(?:'s?)? (?:{'|'.join(_NOUNS)})\b")
_LOOK_BACK = 5  # sentences (the count must match the list exactly)


def listed_firm_mentions(
    state: ArticleState, named: list[Mention], used: bytearray
) -> list[Mention]:
    """A mention of each listed firm at every counted back-reference to the list."""
    doc, table = state.doc, state.table
    out: list[Mention] = []
    for m in scanner_of(doc).finditer(BACK_REFERENCE, _NOUNS + _PEOPLE):
        quantifier = "both" if m.group("both") else "num"
        if (
            used.find(1, m.start(), m.end(quantifier)) >= 0
            or used.find(1, m.start("noun"), m.end()) >= 0
        ):
            continue  # (a name may modify the noun: "All four Velmora entities")
        count = 2 if m.group("both") else number_value(m.group("num"))
        sent = doc.sentence_at(m.start())
        if count is None or count < 2 or sent is None:
            continue
        if _counted_group_before(table, count, m.group("noun"), m.start()):
            continue  # "two platforms suspected of fraud ... the two platforms": that group
        kinds = _PERSON if m.group("noun") in _PEOPLE else _FIRM_TYPES
        listed = _latest_list(named + out, doc, table, sent.index, m.start(), kinds)
        head = m.group("head")
        if head is not None and len(listed) == count + 1:
            noun = m.group("noun1").lower()
            by_head = [k for k in listed if table.get(k).name.lower().endswith(f" {noun}")]
            if len(by_head) == 1:  # "the association and the two companies"
                key = by_head[0]
                out.append(_mention(m.start("head"), m.end("head"), head, table.get(key)))
                listed = [k for k in listed if k != key]
        if len(listed) != count:
            continue
        start = m.start("both") if m.group("both") else m.start("num") - 4
        for key in listed:
            out.append(_mention(start, m.end(), m.group()[start - m.start() :], table.get(key)))
    return out


def _counted_group_before(table: EntityTable, count: int, noun: str, pos: int) -> bool:
    """Whether an unnamed group of `count` counted with the same noun stands before `pos`
    (the back-reference names that group again, not a list of names)."""
    return any(
        d.unnamed
        and d.count == count
        and d.first < pos
        and noun in (d.description or d.name).lower().split()
        for d in table.all()
    )


def complete_groups(state: ArticleState, named: list[Mention]) -> None:
    """Record as members the named entities listed right after a counted group, when the
    list is the whole group: "three entities. A will ..., B ... and C ..." in one
    paragraph, or "three domains ... \n\nThe domains a.org, a.io and a.net were ..."."""
    doc, table = state.doc, state.table
    for group in table.all():
        if not group.unnamed or group.members or group.count is None or group.count < 2:
            continue
        kinds = _FIRM_TYPES if group.type in _FIRM_TYPES else frozenset((group.type,))
        if group.type not in _LISTED_TYPES:
            continue
        after_group = group.first + len(group.description or "")
        apposed = _apposed_list(named, table, doc.text, after_group, kinds)
        if len(apposed) == group.count:  # "two exchanges, A and B, under ...": its members
            group.members.extend(apposed)
            continue
        sent = doc.sentence_at(group.first)
        if sent is None or sent.index + 1 >= len(doc.sentences):
            continue
        if _named_in(named, table, after_group, sent.end, kinds):
            continue  # the sentence names members of its own: its list is collectives' job
        nxt = doc.sentences[sent.index + 1]
        near = doc.text[group.first : min(sent.end, group.first + 60)]
        if nxt.paragraph != sent.paragraph and not _names_back(nxt.text, near):
            found = _enumeration_ahead(state, named, sent.index, group, kinds)
        else:  # a list that spells a group out follows it in its paragraph
            found = _named_in(named, table, nxt.start, nxt.end, kinds, doc.text)
            if len(found) != group.count:
                found = _enumeration_ahead(state, named, sent.index, group, kinds)
        if len(found) == group.count:
            group.members.extend(found)


# "The list includes A, B and C", "The exchanges are A, B ...", "These are A, B ...",
# "... platforms such as A, B": a sentence that enumerates what a group was
_ENUMERATES = re.compile(
    r"^(?:The (?:full )?list|The (?:[\w-]+ )?(?:companies|firms|entities|exchanges|platforms"
    r"|providers|operators|apps|websites|domains)|These|They|Those)\b"
    r"|\b(?:includes?|including|included|namely|such as|are|were)\b"
)
_ENUMERATION_LOOK_AHEAD = 3  # sentences; none between may name a firm of the group's kind


def _enumeration_ahead(
    state: ArticleState,
    named: list[Mention],
    here: int,
    group: EntityDraft,
    kinds: frozenset[str],
) -> list[str]:
    """The named entities of the first of the next few sentences that enumerates exactly
    `count` of `kinds`, when no sentence between names any of them (a list elsewhere is
    another list) but the one firm the story is about, named before the group ("four
    Binance entities ... According to the SC, Binance continued ... The four entities
    are A, B, C and D"), or whose name the group's words hold."""
    doc, table = state.doc, state.table
    group_at, count = doc.sentences[here].start, group.count
    words = (group.description or group.name).lower().split()
    for index in range(here + 1, min(len(doc.sentences), here + 1 + _ENUMERATION_LOOK_AHEAD)):
        sent = doc.sentences[index]
        found = _named_in(named, table, sent.start, sent.end, kinds, doc.text)
        if not found:
            continue
        if len(found) == count and (
            _ENUMERATES.search(sent.text)
            or (  # "Police arrested two men. ... charged A and B": the people named next
                group.type == TYPE.person
                and index == here + 1
                and not any(_named_before(named, table, k, group_at) for k in found)
            )
        ):
            return found
        brand = table.get(found[0]).name.lower() if len(found) == 1 else ""
        if brand and (brand in words or _named_before(named, table, found[0], group_at)):
            continue  # the firm the group belongs to ("three Bybit entities"), told again
        return []
    return []


def _named_before(named: list[Mention], table: EntityTable, key: str, offset: int) -> bool:
    """Whether the entity `key` is mentioned before `offset`."""
    return any(x.start < offset and x.key in table and table.resolve(x.key) == key for x in named)


def _names_back(text: str, near: str) -> bool:
    """Whether a sentence opens by naming the group again ("The domains ..." after "three
    website domains"; `near`: the words where the group is counted)."""
    words = text.split(" ", 2)
    if len(words) < 2 or words[0] != "The" or len(words[1]) < 4:
        return False
    return words[1].lower() in near.lower().split()


def complete(group: EntityDraft) -> bool:
    """Whether a group is exactly the named members it lists (then only they are acted on)."""
    return group.unnamed and group.count is not None and len(group.members) == group.count


def spread_to_members(relations: list[RelationDraft], table: EntityTable) -> list[RelationDraft]:
    """Each relation of a complete group, as the same relation of each of its members."""
    out: list[RelationDraft] = []
    for r in relations:
        src = table.drafts.get(r.source)
        dst = table.drafts.get(r.target)
        if src is not None and complete(src):
            out += [replace(r, source=k) for k in src.members if k != r.target]
        elif dst is not None and complete(dst):
            out += [replace(r, target=k) for k in dst.members if k != r.source]
        else:
            out.append(r)
    return out


def _latest_list(
    named: list[Mention],
    doc: Document,
    table: EntityTable,
    here: int,
    pos: int,
    kinds: frozenset[str],
) -> list[str]:
    """The entities of `kinds` of the latest sentence (this one before `pos`, or one of
    the few before it) that names two or more."""
    for index in range(here, max(-1, here - _LOOK_BACK - 1), -1):
        sent = doc.sentences[index]
        firms = _named_in(named, table, sent.start, min(sent.end, pos), kinds, modifiers=doc.text)
        if len(firms) >= 2:
            return firms
    return []


# "A, a subsidiary of London-based B, C ...": B owns a listed member, it is none itself
_OWNER_BEFORE = re.compile(
    r", (?:a|an|the) (?:[\w-]+ ){0,2}?(?:subsidiary|unit|arm|affiliate|division) of "
    r"[^,;()]{0,60}$"
)


# (a member's short name in brackets may follow it: "A Co., Ltd. (Alder) and B Co., Ltd.")
_APPOSED_GAP = re.compile(r"\)?(?: \([^()]{1,40}\))?(?:,? and |, )")


def _apposed_list(
    named: list[Mention], table: EntityTable, text: str, after: int, kinds: frozenset[str]
) -> list[str]:
    """The named entities of `kinds` listed in apposition right after a group's words
    ("two exchanges, A and B,", "two platforms: A and B"), in order; empty when no list
    follows at once."""
    if not text.startswith((", ", ": ", " - "), after):
        return []
    out: list[str] = []
    end = after
    for x in named:
        if x.start < after:
            continue
        if x.start - end not in (2, 3) and not (out and _APPOSED_GAP.fullmatch(text, end, x.start)):
            break
        if x.key not in table:
            break
        key = table.resolve(x.key)
        d = table.get(key)
        if d.type not in kinds or d.unnamed:
            break
        if key not in out:
            out.append(key)
        end = x.end
    return out


def _named_in(
    named: list[Mention],
    table: EntityTable,
    lo: int,
    hi: int,
    kinds: frozenset[str],
    text: str | None = None,
    modifiers: str | None = None,
) -> list[str]:
    """The distinct named entities of `kinds` mentioned in [lo, hi), in order (with `text`,
    not the owners that appositions of listed members name; with `modifiers`, the text,
    not a name that only modifies a plural noun: "three other Binance entities")."""
    out: list[str] = []
    for x in named:
        if not lo <= x.start < hi or x.key not in table:
            continue
        if text is not None and _OWNER_BEFORE.search(text, max(lo, x.start - 90), x.start):
            continue
        if modifiers is not None and _MODIFIES_PLURAL.match(modifiers, x.end):
            continue
        key = table.resolve(x.key)
        d = table.get(key)
        if d.type in kinds and not d.unnamed and key not in out:
            out.append(key)
    return out


def _mention(start: int, end: int, surface: str, draft: EntityDraft) -> Mention:
    return Mention(start, end, surface, draft.key, draft.type, "descriptive")
