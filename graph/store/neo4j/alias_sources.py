"""An alias node's `sources` as one write transaction changes it, without reading it.

An alias node keeps the ids of the articles that gave it, in the order they came
(`sources`). A regulator's acronym or a country's short name is given by a good share of
all articles, so the list grows with the corpus: read whole and written back whole by
every batch that names the alias, it made each batch cost more than the one before
(at 50k articles, reading and writing these lists was the write's biggest statement).

A batch only ever removes its own articles from the list (an article upserted again, or
retracted, first drops what it gave) and appends articles that are not in it. So the
list the batch leaves is the stored list without the batch's articles it removed,
followed by what it appended, and the transaction needs to know only the stored
list's size and which of the batch's stored articles are in it; the server does the
rest (`write_queries.UPDATE_ALIASES`). The same list, element for element, as a
rewrite of the whole list would give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict


class SourcesRow(TypedDict):
    """The `sources` part of an `UPDATE_ALIASES` row."""

    reset: bool
    removed: list[str]
    tail: list[str]


@dataclass
class AliasSources:
    """`stored`: the stored list's size (1, "not empty", when no article of the batch is
    stored: working.py `_stored_size`); `present`: the batch's article ids in it (and not
    removed since); `removed`: the stored ids this transaction removed; `tail`: the ids it
    appended, in order; `reset`: the node was deleted and given again in this
    transaction, so its list is `tail` alone."""

    stored: int = 0
    present: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    reset: bool = False

    def __contains__(self, aid: object) -> bool:
        return aid in self.present or aid in self.tail

    def __bool__(self) -> bool:
        """Whether the list holds any article."""
        kept = 0 if self.reset else self.stored - len(self.removed)
        return kept > 0 or bool(self.tail)

    def add(self, aid: str) -> None:
        """Append an article, unless it is in the list already."""
        if aid not in self:
            self.tail.append(aid)

    def discard(self, aid: str) -> None:
        """Remove an article from the list, wherever it is."""
        if aid in self.present:
            self.present.remove(aid)
            self.removed.append(aid)
        elif aid in self.tail:
            self.tail.remove(aid)

    def clear(self) -> None:
        """Empty the list (its node is deleted; given again, it starts a new list)."""
        self.present.clear()
        self.tail.clear()
        self.reset = True

    @property
    def changed(self) -> bool:
        return self.reset or bool(self.removed) or bool(self.tail)

    def row(self) -> SourcesRow:
        """What `UPDATE_ALIASES` needs to rewrite the stored list on the server."""
        return {"reset": self.reset, "removed": sorted(self.removed), "tail": list(self.tail)}
