"""The loaded gazetteer: entries, their surface forms, and lookups by name, id and adjective.

`Gazetteer.surface_forms()` is what the extractor builds its Aho-Corasick automaton
from; each form says whether it is ambiguous (resolve only with context, such as
the article's country), case-sensitive, or needs crypto context nearby.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from graph.ids import entity_id
from graph.ids import normalize_name as _normalize_name
from graph.ontology import TYPE
from ingest.gazetteer.schema import EntrySpec, is_all_caps_abbreviation

# Spelling variants the loader adds to every surface form, so the data lists only one.
_VARIANTS = (
    (re.compile(r"\bU\.S\.(?=\s|$)"), "US"),
    (re.compile(r"\bUS(?=\s)"), "U.S."),
    (re.compile(r"\bU\.K\.(?=\s|$)"), "UK"),
)


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """`graph.ids.normalize_name`, memoised: the loader normalises the same strings many times."""
    return _normalize_name(name)


class GazetteerEntry(EntrySpec):
    """A validated entry plus the file it came from; `id` is its stable graph id."""

    file: str

    @cached_property
    def id(self) -> str:
        return entity_id(self.type, self.name)

    @cached_property
    def key(self) -> str:
        """The normalised canonical name (the `by_name` key)."""
        return normalize_name(self.name)

    def alias_names(self) -> list[str]:
        """Every other name, unambiguous first: what an entity's alias property lists."""
        return [a.name for a in self.aliases] + [a.name for a in self.ambiguous_aliases]

    def label(self) -> str:
        """How errors and reports name the entry: `file: Type 'Name'`."""
        return f"{self.file}: {self.type} {self.name!r}"

    def __hash__(self) -> int:
        return hash((self.type, self.name))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GazetteerEntry):
            return NotImplemented
        return (self.type, self.name) == (other.type, other.name)


@dataclass(frozen=True, slots=True)
class SurfaceForm:
    """One string to match. Unpacks as `(text, entry, kind, ambiguous)`.

    `kind` is None for the canonical name, else the alias kind.
    """

    text: str
    entry: GazetteerEntry
    kind: str | None
    ambiguous: bool
    case_sensitive: bool
    needs_context: bool
    lang: str | None = None

    def __iter__(self) -> Iterator[object]:
        return iter((self.text, self.entry, self.kind, self.ambiguous))


def variants(text: str) -> list[str]:
    """`text` and its U.S./US and U.K./UK spellings, in that order."""
    out = [text]
    for pattern, repl in _VARIANTS:
        alt = pattern.sub(repl, text)
        if alt not in out:
            out.append(alt)
    return out


def entry_surface_forms(entry: GazetteerEntry) -> list[SurfaceForm]:
    """All strings naming `entry`: canonical name, aliases, ambiguous aliases, spelling variants."""
    ambiguous_keys = {normalize_name(a.name) for a in entry.ambiguous_aliases}
    candidates: list[tuple[str, str | None, bool, bool, str | None]] = [
        (entry.name, None, entry.key in ambiguous_keys, False, None)
    ]
    candidates += [(a.name, a.kind, False, a.case_sensitive, a.lang) for a in entry.aliases]
    candidates += [
        (a.name, a.kind, True, a.case_sensitive, a.lang) for a in entry.ambiguous_aliases
    ]
    seen: set[str] = set()
    forms = []
    for text, kind, ambiguous, cs, lang in candidates:
        for alt in variants(text):
            if alt in seen:
                continue
            seen.add(alt)
            sensitive = cs or entry.case_sensitive or is_all_caps_abbreviation(alt)
            forms.append(
                SurfaceForm(alt, entry, kind, ambiguous, sensitive, entry.needs_context, lang)
            )
    return forms


class Gazetteer:
    """Every curated entry, indexed for the extractor and the resolver."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self._forms = [form for entry in entries for form in entry_surface_forms(entry)]
        self._by_key: dict[str, list[GazetteerEntry]] = {}
        for form in self._forms:
            bucket = self._by_key.setdefault(normalize_name(form.text), [])
            if form.entry not in bucket:
                bucket.append(form.entry)
        self._by_canonical = {(e.type, e.key): e for e in entries}
        self._canonical_keys: dict[str, list[GazetteerEntry]] = {}
        for e in entries:
            self._canonical_keys.setdefault(e.key, []).append(e)
        self.adjectives = {e.name: e.adjectives for e in entries if e.adjectives}
        self._by_adjective: dict[str, list[GazetteerEntry]] = {}
        for e in entries:
            for adj in e.adjectives:
                self._by_adjective.setdefault(normalize_name(adj), []).append(e)

    def __len__(self) -> int:
        return len(self.entries)

    def surface_forms(self) -> Iterator[SurfaceForm]:
        """Every (text, entry, kind, ambiguous) the automaton should hold."""
        return iter(self._forms)

    def by_name(self, name: str) -> list[GazetteerEntry]:
        """Entries any of whose names normalises to `name` (canonical, alias or ambiguous)."""
        return list(self._by_key.get(normalize_name(name), ()))

    @cached_property
    def _by_id(self) -> dict[str, GazetteerEntry]:
        return {e.id: e for e in self.entries}

    def by_id(self, entity_id_: str) -> GazetteerEntry | None:
        """The entry whose graph id (`regulator:...`) this is."""
        return self._by_id.get(entity_id_)

    def canonical(self, entity_type: str, name: str) -> GazetteerEntry | None:
        """The entry of this type whose canonical name normalises like `name`."""
        return self._by_canonical.get((entity_type, normalize_name(name)))

    def by_adjective(self, word: str) -> list[GazetteerEntry]:
        """Countries an adjective or demonym points at ("Chinese" -> China); not aliases."""
        return list(self._by_adjective.get(normalize_name(word), ()))

    def jurisdiction_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """The Jurisdiction entry an entry's `jurisdiction` field names."""
        if entry.jurisdiction is None:
            return None
        return self.canonical(TYPE.jurisdiction, entry.jurisdiction)

    def parent_of(self, entry: GazetteerEntry) -> GazetteerEntry | None:
        """The enclosing Jurisdiction (PART_OF) or parent organisation (SUBSIDIARY_OF)."""
        if entry.parent is None:
            return None
        candidates = self._canonical_keys.get(normalize_name(entry.parent), ())
        return next((e for e in candidates if _same_family(e.type, entry.type)), None)

    def ancestors(self, entry: GazetteerEntry) -> list[GazetteerEntry]:
        """The parent chain, nearest first: Chaoyang District -> [Beijing, China]."""
        chain: list[GazetteerEntry] = []
        current = self.parent_of(entry)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent_of(current)
        return chain


def _same_family(parent_type: str, child_type: str) -> bool:
    return (parent_type == TYPE.jurisdiction) == (child_type == TYPE.jurisdiction)
