"""Dates a later sentence gives an action an earlier one stated without a date.

"The Dutch central bank has fined Coinbase ... Penalty imposed Jan. 18." and "The
2021 ban was lifted in 2023." name the action by its noun with the date it was taken
(a year before the noun, or "imposed/issued/filed ... <date>" after it): that date goes
to the latest undated action of the kind the noun names, a few sentences back at most.
An action added with "also" on the parties of one dated just before shares its date.
"""

from __future__ import annotations

import re

from ingest.extraction.actions.action_status import last_noun_types, noun_types
from ingest.extraction.actions.date_mentions import DateMention
from ingest.extraction.entities.drafts import RelationDraft
from ingest.extraction.text.literal_gate import gate

_RECENT = 3
_SPECIFIC = 2  # a noun naming more kinds than this ("order", "decision") names none
_NOUN_AFTER = 30  # characters after an attributive year where its noun must start


def restate_dates(
    text: str,
    sentence: int,
    sentence_start: int,
    drafts: list[tuple[int, RelationDraft]],
    dates: list[DateMention],
) -> None:
    """Give this sentence's "imposed on <date>" dates to the undated actions they name."""
    for m in dates:
        if not m.attributive or m.bound:
            continue
        types = noun_types(text[m.end : m.end + _NOUN_AFTER])
        if not types:
            types = last_noun_types(text[max(sentence_start, m.start - 60) : m.start])
        if not types or len(types) > _SPECIFIC:
            continue  # "the order": of no telling which kind
        target = next(
            (
                d
                for i, d in reversed(drafts)
                if d.type in types and d.date is None and 0 < sentence - i <= _RECENT
            ),
            None,
        )
        if target is not None:
            target.date = m.date.text()


# (tried only at its opening words: `literal_gate`)
_ALSO = gate(re.compile(r"\b(?:also|in addition|additionally|at the same time)\b", re.I))


def date_added_measures(sentences: list[str], drafts: list[tuple[int, RelationDraft]]) -> None:
    """An undated action a sentence adds with "also" ("The two men were also barred ...")
    on the same parties as an action dated a few sentences before took place with it."""
    for index, rel in drafts:
        if rel.date is not None or not _ALSO.search(sentences[index]):
            continue
        earlier = [
            other
            for at, other in drafts
            if index - _RECENT <= at < index
            and other.date is not None
            and other.source == rel.source
            and other.target == rel.target
        ]
        if earlier:
            rel.date = earlier[-1].date
