"""Pronouns: 'it' and 'its' as mentions of an organisation the sentence names, and
'him'/'her' as objects naming a person, 'He'/'She' as a passive's subject naming the one
person the sentence before (or its own start) names.

'its' points at the nearest organisation before it in its sentence (outside a relative
clause closed before it: "X, which runs Y, and its directors" are X's); 'it' at the
first organisation of its sentence, or of the one before (where an 'it' already
resolved counts as a mention of its organisation, so a chain of 'it's keeps to its
subject); an object 'him'/'her' at the last person named in its sentence or the one before.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention
from ingest.extraction.text.literal_gate import gate

# r"\b(?P<p>[Ii]t|[Ii]ts)\b(?!')" with each branch opening on a literal (the boundary as a
# lookbehind after it): the same matches, but the search skips to "I"/"i"
_PRONOUN = re.compile(r"(?P<p>I(?<!\w.)t|i(?<!\w.)t|I(?<!\w.)ts|i(?<!\w.)ts)\b(?!')")


def resolve_pronouns(state: ArticleState) -> None:
    """Add 'it'/'its' as mentions of the sentence's (or the previous sentence's) organisation."""
    doc, table = state.doc, state.table
    ordered = sorted(state.mentions, key=lambda m: m.start)
    starts = [x.start for x in ordered]
    out = []
    for m in _PRONOUN.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        # "ordered it to shut down": the object of an action is a party, not the body acting
        wanted = (
            _FIRMS if _VERB_BEFORE.search(doc.text, max(0, m.start() - 20), m.start()) else None
        )
        if m.group() == "its":  # possessive: the nearest organisation before it
            before = _between(ordered, starts, sent.start, m.start())
            if _BARRED_WEB.search(doc.text, max(0, m.start() - 16), m.end() + 30):
                # "the government banned its URLs": a firm's, never the banning body's
                before = [x for x in before if _is_firm(x, table)]
                wanted = _FIRMS
            target = _last_org(_outside_relatives(before, doc.text, sent.start, m.start()), table)
            target = target or _last_org(before, table)
        else:
            lo = _reported_clause_start(doc.text, sent.start, m.start())
            target = _first_org(_between(ordered, starts, lo, m.start()), table, wanted)
            if target is None and lo != sent.start:
                target = _first_org(_between(ordered, starts, sent.start, lo), table, wanted)
        if target is None and sent.index > 0:
            prev = doc.sentences[sent.index - 1]
            target = _first_org(_between(ordered, starts, prev.start, prev.end), table, wanted)
        if target is not None:
            mention = Mention(m.start(), m.end(), m.group(), target.key, target.type, "pronoun")
            out.append(mention)
            # a chain: "BTC-e was ... Investigators linked it to the Mt. Gox hack. The U.S.
            # shut it down": the second 'it' finds the first (BTC-e) before Mt. Gox
            at = bisect_left(starts, mention.start)
            ordered.insert(at, mention)
            starts.insert(at, mention.start)
    out += _object_people(state, ordered, starts)
    state.mentions += out


# "police detained him and ...": an object pronoun for a person ("her" only where it
# cannot be a possessive, i.e. before punctuation, a conjunction or a preposition)
_OBJECT_PERSON = re.compile(
    r"\b(?:him|her)\b(?=[.,;:]| (?:and|or|to|for|at|in|on|from|with|over|after|before|"
    r"under|as|until|since|without)\b)"
)


def _object_people(state: ArticleState, ordered: list[Mention], starts: list[int]) -> list[Mention]:
    """'him'/'her' as mentions of the last person named in this or the previous sentence."""
    doc, table = state.doc, state.table
    out = []
    for m in _OBJECT_PERSON_SEARCH.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        lo = doc.sentences[sent.index - 1].start if sent.index > 0 else sent.start
        person = None
        for x in reversed(_between(ordered, starts, lo, m.start())):
            key = table.resolve(x.key)
            if key in table and table.get(key).type == TYPE.person:
                person = table.get(key)
                break
        if person is not None:
            out.append(Mention(m.start(), m.end(), m.group(), person.key, person.type, "pronoun"))
    for m in _PASSIVE_PERSON_SEARCH.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None or sent.index == 0:
            continue
        person = _last_person(
            ordered, starts, doc.sentences[sent.index - 1].start, m.start(), table
        )
        if person is not None:
            out.append(Mention(m.start(), m.end(), m.group(), person.key, person.type, "pronoun"))
    for m in _OBJECT_THEM_SEARCH.finditer(doc.text):
        sent = doc.sentence_at(m.start())
        if sent is None:
            continue
        lo = doc.sentences[sent.index - 1].start if sent.index > 0 else sent.start
        for draft in _last_pair(_between(ordered, starts, lo, m.start()), doc.text, table):
            out.append(Mention(m.start(), m.end(), m.group(), draft.key, draft.type, "pronoun"))
    return out


def _last_person(
    ordered: list[Mention], starts: list[int], lo: int, hi: int, table: EntityTable
) -> EntityDraft | None:
    """The last person named in [lo, hi), when no other person is named there (a "he"
    between two men is a guess)."""
    people = {
        table.resolve(x.key)
        for x in _between(ordered, starts, lo, hi)
        if table.resolve(x.key) in table and table.get(table.resolve(x.key)).type == TYPE.person
    }
    return table.get(people.pop()) if len(people) == 1 else None


# a sentence's subject "He"/"She" of a passive, the one person the sentences name: "A
# court convicted Dan Orr. He was sentenced to ten years", "She has been charged"
_PASSIVE_PERSON = re.compile(
    r"(?<![\w'])(?:He|She)(?= (?:was|has been|had been|is|will be)(?: (?:also|later|then|first"
    r"|subsequently|\w+ly))? (?:[a-z]+ed|sentenced|held|charged|fined|banned|barred|arrested)\b)"
)
_PASSIVE_PERSON_SEARCH = gate(_PASSIVE_PERSON)
# an object 'them' ("barred them from", "charged them with"), read only as a listed pair
_OBJECT_THEM = re.compile(_OBJECT_PERSON.pattern.replace("(?:him|her)", "them"))
# both searched only where "him", "her" or "them" stands (`literal_gate`): `re` would try
# them at every offset of the document
_OBJECT_PERSON_SEARCH = gate(_OBJECT_PERSON)
_OBJECT_THEM_SEARCH = gate(_OBJECT_THEM)
_PAIR_GAP = re.compile(r"(?:,? and |, )")


def _last_pair(ments: list[Mention], text: str, table: EntityTable) -> list[EntityDraft]:
    """The people or firms of the last list before an object 'them' ("The founders, A and
    B, ... barred them"): two or more of one type, joined by commas and 'and', with no
    other person or firm named after the list."""
    found: list[EntityDraft] = []
    after: Mention | None = None
    for x in reversed(ments):
        key = table.resolve(x.key)
        d = table.drafts.get(key)
        if d is None or d.unnamed or d.type not in _LISTED:
            continue
        if found and (d.type != found[0].type or after is None):
            break
        if after is not None and not _PAIR_GAP.fullmatch(text, x.end, after.start):
            break
        if all(f.key != d.key for f in found):
            found.append(d)
        after = x
    return found if len(found) >= 2 else []


_LISTED = frozenset({TYPE.person, *GROUP.firm})


def _between(ordered: list[Mention], starts: list[int], lo: int, hi: int) -> list[Mention]:
    """The mentions (sorted by start; `starts` their starts) starting in [lo, hi)."""
    return ordered[bisect_left(starts, lo) : bisect_left(starts, hi)]


# a relative clause closed before the pronoun: "X, which runs Y, and its directors" (its = X)
_CLOSED_RELATIVE = re.compile(r", (?:which|who|whose|that) [^,;]*,")


def _outside_relatives(ments: list[Mention], text: str, lo: int, hi: int) -> list[Mention]:
    """The mentions not inside a relative clause that closes between `lo` and `hi`."""
    if ", wh" not in text[lo:hi] and ", that" not in text[lo:hi]:
        return ments
    spans = [(r.start(), r.end()) for r in _CLOSED_RELATIVE.finditer(text, lo, hi)]
    return [x for x in ments if not any(a <= x.start < b for a, b in spans)]


# a verb that reports what someone else did: "The MAS said X had not told it that it ..."
_REPORTING = re.compile(
    r"\b(?:said|says|alleged|alleges|found|finds|claimed|claims|stated|states|noted|notes"
    r"|concluded|determined|argued|added|explained) (?:that )?"
)


def _reported_clause_start(text: str, lo: int, hi: int) -> int:
    """Where the clause a reporting verb opens starts, when the pronoun at `hi` stands in
    it after a name of its own ("The MAS said Zentrix did not tell it that it had hired
    X": the second 'it' is Zentrix, the reported clause's subject); else `lo`. The caller
    looks for an organisation from there first and falls back on the whole sentence."""
    if "s" not in text[lo:hi]:
        return lo
    last = None
    for r in _REPORTING.finditer(text, lo, hi):
        last = r
    return last.end() if last is not None and last.end() < hi else lo


def _last_org(ments: list[Mention], table: EntityTable) -> EntityDraft | None:
    for x in reversed(ments):
        key = table.resolve(x.key)
        if (
            key in table
            and table.get(key).type in GROUP.organisation
            and not table.get(key).unnamed
        ):
            return table.get(key)
    return None


def _first_org(
    ments: list[Mention], table: EntityTable, wanted: frozenset[str] | None = None
) -> EntityDraft | None:
    for x in ments:
        key = table.resolve(x.key)
        if key in table and table.get(key).type in (wanted or GROUP.organisation):
            if table.get(key).unnamed and table.get(key).count != 1:
                continue  # "Eight exchanges have been warned ... It has also warned": not 'it'
            return table.get(key)
    return None


_FIRMS = frozenset(GROUP.firm)
# a ban or block of someone's web addresses: "banned its URLs", "blocked its websites"
_BARRED_WEB = re.compile(
    r"\b(?:banned|blocked|blacklisted|restricted|banning|blocking) its (?:URLs|urls|websites"
    r"|web ?sites|domains|domain names|web addresses)\b"
)


def _is_firm(m: Mention, table: EntityTable) -> bool:
    key = table.resolve(m.key)
    return key in table and table.get(key).type in _FIRMS


_VERB_BEFORE = re.compile(
    r"\b(?:[a-z]+ed|told|tells|telling|ordering|orders|fines|bans|sues|warns|blocks|bars)\s$"
)
