"""The per-article records every stage after `names` writes: mentions, entity and relation drafts.

A `Mention` is a span of the document that names (or describes, or points back to)
an entity; an `EntityDraft` gathers one entity's canonical name, type, aliases and
the facts later steps need (its jurisdiction from the gazetteer, whether it is
named outside other names). The `EntityTable` merges drafts whose names normalise
alike. A `RelationDraft` links two table keys; `output` turns the drafts into the
ontology's models once every stage has run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ingest.extraction.text.normalize import normalize_name


@dataclass
class Mention:
    """A span naming an entity. `how`: name, abbrev, descriptive, pronoun, group, nested."""

    start: int
    end: int
    text: str
    key: str
    type: str
    how: str = "name"
    sentence: int = -1

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass
class EntityDraft:
    """An entity as the extractor builds it, before it becomes a `graph.models.Entity`."""

    key: str
    name: str
    type: str
    aliases: dict[str, str] = field(default_factory=dict)  # surface -> alias kind
    qid: str | None = None
    jurisdiction: str | None = None
    parent: str | None = None
    unnamed: bool = False
    count: int | None = None
    description: str | None = None
    action: str = "MENTIONED"
    standalone: bool = False  # named somewhere other than inside another name
    first: int = 10**9
    mentions: int = 0
    confidence: float = 0.8
    places: list[str] = field(default_factory=list)  # jurisdictions its name carries
    members: list[str] = field(default_factory=list)  # named keys a group lists ("among them X")

    def add_alias(self, surface: str, kind: str) -> None:
        """Record another name; the stronger kind wins over 'descriptive'/'other'."""
        surface = surface.strip()
        if not surface or normalize_name(surface) == normalize_name(self.name):
            return
        old = self.aliases.get(surface)
        if old is None or old in ("other", "descriptive"):
            self.aliases[surface] = kind

    def names(self) -> set[str]:
        return {normalize_name(self.name)} | {normalize_name(a) for a in self.aliases}


class EntityTable:
    """The article's entities, addressable by key or by any normalised name."""

    def __init__(self) -> None:
        self.drafts: dict[str, EntityDraft] = {}
        self._by_name: dict[str, str] = {}
        self.redirects: dict[str, str] = {}
        # names the text defined as one entity's, over the gazetteer's ('(Huobi)'): key
        self._claims: dict[str, str] = {}
        # legal entities of a gazetteer brand that the text sets apart from the brand
        self.split_brands: set[str] = set()

    def __contains__(self, key: str) -> bool:
        return key in self.drafts

    def get(self, key: str) -> EntityDraft:
        return self.drafts[key]

    def find(self, name: str) -> EntityDraft | None:
        """The entity one of whose names normalises like `name`."""
        key = self._by_name.get(normalize_name(name))
        return self.drafts.get(key) if key else None

    def add(self, name: str, etype: str, **facts: object) -> EntityDraft:
        """Return the entity named `name` (creating it); a known name keeps its first type."""
        found = self.find(name)
        if found is not None:
            return found
        key = f"{etype}|{normalize_name(name)}"
        draft = EntityDraft(key=key, name=name, type=etype)
        for attr, value in facts.items():
            setattr(draft, attr, value)
        self.drafts[key] = draft
        self._by_name[normalize_name(name)] = key
        return draft

    def add_group(self, draft: EntityDraft) -> EntityDraft:
        """Unnamed groups are never merged by name: they are keyed by their span."""
        self.drafts[draft.key] = draft
        return draft

    def alias(self, draft: EntityDraft, surface: str, kind: str) -> None:
        """Attach an alias and make it findable (unless another entity already owns it)."""
        draft.add_alias(surface, kind)
        norm = normalize_name(surface)
        if norm and norm not in self._by_name:
            self._by_name[norm] = draft.key

    def claim(self, draft: EntityDraft, surface: str) -> None:
        """Make `surface` mean `draft` in this article, over another entity and over the
        gazetteer (a defined term: 'Huobi (Thailand) Co., Ltd. (Huobi)' is what every
        later "Huobi" means here)."""
        norm = normalize_name(surface)
        if norm:
            self._by_name[norm] = draft.key
            self._claims[norm] = draft.key

    def claimed(self, surface: str) -> EntityDraft | None:
        """The entity the text defined `surface` as, if it did."""
        key = self._claims.get(normalize_name(surface))
        return self.drafts.get(self.resolve(key)) if key is not None else None

    def merge(self, keep: EntityDraft, drop: EntityDraft, kind: str) -> None:
        """Fold `drop` into `keep`: its name becomes an alias of `kind`; lookups follow."""
        if keep.key == drop.key:
            return
        self.alias(keep, drop.name, kind)
        for surface, k in drop.aliases.items():
            self.alias(keep, surface, k)
        keep.standalone = keep.standalone or drop.standalone
        keep.first = min(keep.first, drop.first)
        keep.mentions += drop.mentions
        keep.places = keep.places or drop.places
        keep.jurisdiction = keep.jurisdiction or drop.jurisdiction
        for norm, key in list(self._by_name.items()):
            if key == drop.key:
                self._by_name[norm] = keep.key
        del self.drafts[drop.key]
        self.redirects[drop.key] = keep.key

    def resolve(self, key: str) -> str:
        """Follow merges to the surviving key."""
        seen = 0
        while key in self.redirects and seen < 10:
            key = self.redirects[key]
            seen += 1
        return key

    def rename(self, draft: EntityDraft, name: str, old_kind: str = "other") -> None:
        """Give `draft` a new canonical name, keeping the old one as an alias."""
        old = draft.name
        draft.name = name
        self._by_name[normalize_name(name)] = draft.key
        draft.add_alias(old, old_kind)
        draft.aliases.pop(name, None)

    def all(self) -> list[EntityDraft]:
        return list(self.drafts.values())


def standalone_entity(
    table: EntityTable,
    name: str,
    etype: str,
    *,
    jurisdiction: str | None = None,
    qid: str | None = None,
) -> EntityDraft:
    """The entity named `name` (added with these facts when the table has no such name),
    marked as named on its own: a body or place the extractor infers or reads whole
    stands in the output even when no relation uses it."""
    draft = table.add(name, etype, qid=qid, jurisdiction=jurisdiction)
    draft.standalone = True
    return draft


@dataclass
class Refusal:
    """A candidate relation left out: `source`/`target` are entity keys (None if missing)."""

    type: str
    source: str | None
    target: str | None
    evidence: str
    reason: str


@dataclass
class RelationDraft:
    """A relation between entity keys, with its evidence and properties."""

    type: str
    source: str
    target: str
    evidence: str
    confidence: float = 0.7
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD" (graph/partial_dates.py)
    properties: dict[str, Any] = field(default_factory=dict)
