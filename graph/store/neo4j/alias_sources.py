"""Which articles give an alias, as one write transaction changes it, without reading it all.

An alias node is supported by the articles that gave it: a relationship from the alias
to each (write_queries.py `ALIAS_SOURCE`), as the embedded store keeps a row per article
in `alias_sources`. A regulator's acronym or a country's short name is given by a good
share of all articles. It used to be a list property of their ids, which every batch
naming the alias rewrote whole (Neo4j has no append to a stored list): ~190 ids per alias
at 50k articles, ~1.5 MB a batch, so each batch cost more than the one before.

A batch only ever removes its own articles (an article upserted again, or retracted,
first drops what it gave) and adds articles that do not give it yet. So the transaction
needs to know only whether the alias keeps any support (the number of its articles, when
one of the batch's stored articles may take it away) and which of the batch's stored
articles give it (from their side: write_queries.py `ARTICLE_REFS_MANY`); it writes the
relationships it adds and deletes those it removes, and never reads the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypedDict


class SourcesRow(TypedDict):
    """What the transaction changes of an alias's support: whether it drops all it had
    (`reset`), the stored articles it removes, the articles it adds."""

    reset: bool
    removed: list[str]
    tail: list[str]


@dataclass
class AliasSources:
    """`stored`: how many articles give it as stored (1, "some", when no article of the
    batch is stored: working.py `_stored_size`); `present`: the batch's stored articles
    that give it (and have not dropped it since); `removed`: the stored ones this
    transaction removed; `tail`: the articles it added, in order; `reset`: the node was
    deleted and given again in this transaction, so its support is `tail` alone."""

    stored: int = 0
    present: set[str] = field(default_factory=set)
    removed: list[str] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)
    reset: bool = False

    def __contains__(self, aid: object) -> bool:
        return aid in self.present or aid in self.tail

    def __bool__(self) -> bool:
        """Whether any article gives it."""
        kept = 0 if self.reset else self.stored - len(self.removed)
        return kept > 0 or bool(self.tail)

    def add(self, aid: str) -> None:
        """Add an article, unless it gives the alias already. A stored article this
        transaction removed is kept instead (its relationship stays), unless the support
        was reset since."""
        if aid in self:
            return
        if aid in self.removed and not self.reset:
            self.removed.remove(aid)
            self.present.add(aid)
            return
        self.tail.append(aid)

    def discard(self, aid: str) -> None:
        """Remove an article, stored or added."""
        if aid in self.present:
            self.present.remove(aid)
            self.removed.append(aid)
        elif aid in self.tail:
            self.tail.remove(aid)

    def clear(self) -> None:
        """Drop all support (its node is deleted; given again, its support starts afresh)."""
        self.present.clear()
        self.tail.clear()
        self.reset = True

    @property
    def changed(self) -> bool:
        return self.reset or bool(self.removed) or bool(self.tail)

    def row(self) -> SourcesRow:
        """What the server must change (working.py `_write_aliases`)."""
        return {"reset": self.reset, "removed": sorted(self.removed), "tail": list(self.tail)}
