"""The gazetteer as the extractor needs it: one Aho-Corasick automaton over every surface form.

`ingest.gazetteer.load_gazetteer()` (the curated lists) is read through a thin adapter
so this module depends only on its documented API: `.entries`, `.surface_forms()`
yielding `(surface, entry, alias kind or None, ambiguous)`, and `.adjectives`.
Matching is case-insensitive and accent-blind, except that short all-caps aliases
must match exactly, and every hit must sit on word boundaries. Overlaps are resolved
by the caller (longest match wins). The built index is pickled under
~/.cache/cryptoreg, keyed on its inputs and this module's bytes (so moving or editing
this module, whose classes the pickle names, rebuilds it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

import ahocorasick

from graph.ontology import ontology_file
from ingest.extraction.built_cache import content_key, load_or_build
from ingest.extraction.text.normalize import normalize_name
from ingest.extraction.text.tokens import lower_in_place
from ingest.gazetteer import DATA_DIR as GAZETTEER_DIR
from ingest.gazetteer import load_gazetteer


@dataclass(frozen=True)
class GazEntry:
    """One curated entity: canonical name, type and the facts the extractor uses."""

    name: str
    type: str
    qid: str | None = None
    jurisdiction: str | None = None
    parent: str | None = None
    needs_context: bool = False
    # Normalised ambiguous aliases this entry is the default reading of (gazetteer `default`).
    default_for: frozenset[str] = frozenset()
    # The entry's own (unambiguous) aliases as (name, kind, BCP 47 tag or None): an entity
    # the extractor finds carries them all, so it is searchable by each in the store.
    aliases: tuple[tuple[str, str, str | None], ...] = ()


@dataclass(frozen=True)
class Surface:
    """One way of writing an entry: the string, how it relates, and matching rules."""

    text: str
    entry: int
    kind: str | None
    ambiguous: bool
    case_sensitive: bool


@dataclass(frozen=True)
class GazHit:
    """An automaton hit on the document text, on word boundaries."""

    start: int
    end: int
    surfaces: tuple[Surface, ...]


@dataclass
class GazIndex:
    """Entries, their surfaces in an automaton, and name/adjective lookups."""

    entries: list[GazEntry] = field(default_factory=list)
    by_norm: dict[str, list[int]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)  # "chinese" -> "China"
    automaton: Any = None

    def lookup_ids(self, name: str) -> list[int]:
        """Indices of the entries `lookup` returns."""
        return self.by_norm.get(normalize_name(name), [])

    def lookup(self, name: str) -> list[GazEntry]:
        """Entries whose canonical name or unambiguous alias normalises like `name`."""
        return [self.entries[i] for i in self.by_norm.get(normalize_name(name), [])]

    def country_of_adjective(self, word: str) -> str | None:
        """'Thai' -> 'Thailand'; None when the word is no known demonym."""
        return self.adjectives.get(word.casefold())

    def find(self, text: str, any_case: bool = False) -> list[GazHit]:
        """All word-bounded hits of any surface in `text`, overlapping ones included.

        `any_case` lets case-sensitive surfaces match in any case too (for text that lost
        its case: all capitals or all lower case).
        """
        if self.automaton is None or not text:
            return []
        folded = fold(text)
        hits: list[GazHit] = []
        size = len(text)
        for end_idx, surfaces in self.automaton.iter(folded):
            end = end_idx + 1
            start = end - len(surfaces[0].text)
            # word boundaries on both sides (and no ".US" after: "Binance.US" is one name);
            # most automaton hits fail here, inside words ("ED" in "banned")
            if start > 0:
                c = text[start - 1]
                if c.isalnum() or c in "_-@":
                    continue
            if end < size:
                c = text[end]
                if (
                    c.isalnum()
                    or c == "_"
                    or (c == "." and end + 1 < size and text[end + 1].isalnum())
                ):
                    continue
            ok = surfaces  # short all-caps aliases must match the text's case exactly
            for surface in () if any_case else surfaces:
                if surface.case_sensitive:
                    exact = text[start:end]
                    ok = tuple(s for s in surfaces if not s.case_sensitive or s.text == exact)
                    break
            if ok:
                hits.append(GazHit(start, end, ok))
        return hits


def fold(text: str) -> str:
    """Lower-case and strip accents without changing the string's length (offsets stay valid)."""
    low = lower_in_place(text)
    if low.isascii():
        return low
    # only the non-ASCII characters need a look-up (a Python call per character of the
    # whole text cost more than the automaton pass it prepares)
    return _NON_ASCII.sub(lambda m: _base_char(m.group()), low)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=4096)
def _base_char(c: str) -> str:
    if c.isascii():
        return c
    base = unicodedata.normalize("NFKD", c)[0].lower()
    return base if len(base) == 1 else c


def _case_sensitive(surface: str, flag: Any) -> bool:
    if flag is not None:
        return bool(flag)
    letters = surface.replace(".", "").replace("-", "").replace(" ", "")
    return len(letters) <= 5 and letters.isupper()


def _attr(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _alias_flags(entry: Any) -> dict[str, Any]:
    flags: dict[str, Any] = {}
    for alias in _attr(entry, "aliases", None) or []:
        if isinstance(alias, str):
            continue
        flags[str(_attr(alias, "name"))] = _attr(alias, "case_sensitive", None)
    return flags


def _surfaces_of(gaz: Any) -> Iterator[tuple[str, Any, str | None, bool]]:
    forms = getattr(gaz, "surface_forms", None)
    if callable(forms):
        yield from forms()
        return
    for entry in _attr(gaz, "entries", []) or []:
        yield str(_attr(entry, "name")), entry, None, False
        for alias in _attr(entry, "aliases", None) or []:
            name = alias if isinstance(alias, str) else _attr(alias, "name")
            kind = None if isinstance(alias, str) else _attr(alias, "kind")
            yield str(name), entry, kind, False
        for amb in _attr(entry, "ambiguous_aliases", None) or []:
            yield str(amb), entry, "abbreviation", True


_BARE_ACRONYM = re.compile(r"[A-Z]{2,5}")


# a curated name's closing legal word and the short form papers write it in
# (legal words, not the ontology's types: written as one string of word:short pairs)
_SHORT_FORMS = dict(
    pair.split(":") for pair in "Corporation:Corp Company:Co Incorporated:Inc Limited:Ltd".split()
)
_SHORT_FORM = re.compile(r"\b(Corporation|Company|Incorporated|Limited)$")


def _short_form(m: re.Match[str]) -> str:
    return _SHORT_FORMS[m.group(1)]


def build_index(gaz: Any, adjectives: dict[str, Iterable[str]] | None = None) -> GazIndex:
    """Build the automaton and lookups from any object with the gazetteer loader's API."""
    index = GazIndex()
    ids: dict[int, int] = {}
    flags_cache: dict[int, dict[str, Any]] = {}
    table: dict[str, list[Surface]] = {}
    shorts: list[tuple[str, int, bool]] = []
    for surface, entry, kind, ambiguous in _surfaces_of(gaz):
        if not surface or len(surface) < 2:
            continue
        key = id(entry)
        if key not in ids:
            ids[key] = len(index.entries)
            flags_cache[key] = _alias_flags(entry)
            index.entries.append(_entry_of(entry))
        idx = ids[key]
        sens = _case_sensitive(surface, flags_cache[key].get(surface))
        table.setdefault(fold(surface), []).append(Surface(surface, idx, kind, ambiguous, sens))
        if _BARE_ACRONYM.fullmatch(surface):  # "F.T.C.", "S.E.C.": the house style of
            dotted = "".join(f"{c}." for c in surface)  # some papers for "FTC", "SEC"
            table.setdefault(fold(dotted), []).append(Surface(dotted, idx, kind, ambiguous, True))
        if " of the " in surface and not ambiguous:  # "U.S. Department of Treasury",
            bare = surface.replace(" of the ", " of ", 1)  # "Ministry of Interior"
            table.setdefault(fold(bare), []).append(Surface(bare, idx, "other", False, sens))
        short = _SHORT_FORM.sub(_short_form, surface) if not ambiguous else surface
        if short != surface:  # "Federal Deposit Insurance Corp": the curated name's legal
            # word written short, as papers do (unless curated as a name of its own)
            shorts += [(form, idx, sens) for form in (short, short + ".")]
        if not ambiguous:
            bucket = index.by_norm.setdefault(normalize_name(surface), [])
            if idx not in bucket:
                bucket.append(idx)
    for form, idx, sens in shorts:
        if fold(form) not in table:
            table[fold(form)] = [Surface(form, idx, "other", False, sens)]
    automaton = ahocorasick.Automaton()
    for folded, surfaces in table.items():
        automaton.add_word(folded, tuple(surfaces))
    if table:
        automaton.make_automaton()
        index.automaton = automaton
    for country, words in (adjectives or _attr(gaz, "adjectives", None) or {}).items():
        for word in words:
            index.adjectives.setdefault(str(word).casefold(), str(country))
    return index


def _entry_of(entry: Any) -> GazEntry:
    return GazEntry(
        name=str(_attr(entry, "name")),
        type=str(_attr(entry, "type")),
        qid=_attr(entry, "qid"),
        jurisdiction=_attr(entry, "jurisdiction"),
        parent=_attr(entry, "parent"),
        needs_context=bool(_attr(entry, "needs_context", False)),
        default_for=frozenset(
            normalize_name(a.name)
            for a in _attr(entry, "ambiguous_aliases", ())
            if getattr(a, "default", False)
        ),
        aliases=tuple(
            (str(_attr(a, "name")), str(_attr(a, "kind") or "other"), _attr(a, "lang"))
            for a in _attr(entry, "aliases", None) or ()
            if not isinstance(a, str)
        ),
    )


@lru_cache(maxsize=1)
def get_index() -> GazIndex:
    """The process-wide index over the curated gazetteer.

    A fresh `cryptoreg extract` process would spend most of its time loading and
    validating the YAML; the built index is therefore kept on disk, keyed on the
    gazetteer's files, the ontology, pycountry's version and this module, and rebuilt on
    any change.
    """
    return load_or_build("extract-index", _content_key(), _build, GazIndex)


def _build() -> GazIndex:
    return build_index(load_gazetteer())


def _content_key() -> str | None:
    """SHA-256 over the gazetteer's files, the ontology, pycountry's version and this module."""
    folder = GAZETTEER_DIR
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.py"))
    try:
        pycountry_version = version("pycountry")
    except PackageNotFoundError:
        return None
    return content_key("gazindex-1", [*files, Path(__file__), ontology_file()], [pycountry_version])
