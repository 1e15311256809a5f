"""A proposed name span (`Candidate`), and how overlapping proposals are settled.

Every source in `names` (the gazetteer, capitalised runs, people, cues, lists)
proposes candidates; `select` keeps the longest of overlapping ones (on a tie the
source with the higher `PRIORITY`: a gazetteer hit wins), so "Binance Holdings
Limited" beats "Binance" and "People's Bank of China" beats "China".
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

PRIORITY = {"gaz": 6, "law": 5, "company": 5, "chunk": 4, "person": 5, "cue": 4, "brand": 5}


@dataclass
class Candidate:
    """A proposed entity span. `entries` are gazetteer entry indices (several if ambiguous)."""

    start: int
    end: int
    surface: str
    type: str | None
    source: str
    entries: tuple[int, ...] = ()
    kind: str | None = None
    ambiguous: bool = False
    brand: str | None = None
    places: list[str] = field(default_factory=list)

    @property
    def length(self) -> int:
        return self.end - self.start


def overlap(a: Candidate, b: Candidate) -> bool:
    """Whether the two spans share a character."""
    return a.start < b.end and b.start < a.end


class SpanIndex:
    """Candidates by start offset, to find those overlapping a span without scanning them
    all (a long article has thousands): names are short, so only candidates starting
    within the longest one's length before the span can reach into it."""

    def __init__(self, cands: list[Candidate]) -> None:
        self._cands = sorted(cands, key=lambda c: c.start)
        self._starts = [c.start for c in self._cands]
        self._longest = max((c.length for c in cands), default=0)

    def overlapping(self, start: int, end: int) -> list[Candidate]:
        """The candidates sharing a character with [start, end)."""
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        return [c for c in self._cands[lo:hi] if c.end > start]


def select(cands: list[Candidate]) -> list[Candidate]:
    """The typed candidates that survive overlaps: longest first, then by source priority."""
    order = sorted(cands, key=lambda c: (-c.length, -PRIORITY.get(c.source, 0), c.start))
    size = max((c.end for c in cands), default=0)
    used = bytearray(size + 1)
    taken: list[Candidate] = []
    for c in order:
        if c.type and used.find(1, c.start, c.end) < 0:  # no taken offset in the span
            taken.append(c)
            used[c.start : c.end] = b"\x01" * c.length
    return taken


def free(cands: list[Candidate], accepted: list[Candidate]) -> list[Candidate]:
    """The candidates that overlap none of `accepted`."""
    size = max((c.end for c in cands + accepted), default=0)
    used = bytearray(size + 1)
    for a in accepted:
        used[a.start : a.end] = b"\x01" * a.length
    return [c for c in cands if used.find(1, c.start, c.end) < 0]
