"""A public body's name written a little off its curated name is the curated body.

Reporters drop or add an inflection ("the Alabama Security Commission" for the Alabama
Securities Commission, "Securities and Exchanges Commission") or slip a letter ("Comission").
The gazetteer looks names up exactly, so such a name would become a new, uncurated body
with no seat, no abbreviations and often the wrong type. A name matches a curated public
body's name (or one of its written-out aliases) when their words agree after dropping a
plural or "-y/-ies" ending, or when the two differ by one edit per 14 characters with the
same first word and as many words. Only one curated body may match; abbreviations never
take part (two letters apart, "FSA" and "FCA" are different bodies).
"""

from __future__ import annotations

from graph.ontology import GROUP
from ingest.extraction.names.gazetteer_index import GazEntry, GazIndex

MIN_LENGTH = 14  # shorter names differ in one letter too often
EDITS_PER = 14  # one edit allowed per this many characters


def _word_stem(word: str) -> str:
    w = word.lower()
    for ending in ("ies", "y", "s"):
        if len(w) > 4 and w.endswith(ending):
            return w[: -len(ending)]
    return w


def _key(name: str) -> tuple[str, ...]:
    return tuple(_word_stem(w) for w in name.replace(",", " ").split())


_Tables = tuple[dict[tuple[str, ...], set[int]], dict[tuple[str, int], list[tuple[str, int]]]]
_BUILT: dict[int, _Tables] = {}  # per index (one per process, built once)


def _tables(index: GazIndex) -> _Tables:
    """Curated public bodies by the stems of their written-out names, and those names by
    (first word, word count) for the edit-distance reading."""
    built = _BUILT.get(id(index))
    if built is not None:
        return built
    by_stems: dict[tuple[str, ...], set[int]] = {}
    by_first: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for i, entry in enumerate(index.entries):
        if entry.type not in GROUP.public_body:
            continue
        names = [entry.name] + [
            n for n, kind, _ in entry.aliases if kind != "abbreviation" and " " in n
        ]
        for name in names:
            if len(name) < MIN_LENGTH:
                continue
            by_stems.setdefault(_key(name), set()).add(i)
            words = name.lower().split()
            by_first.setdefault((words[0], len(words)), []).append((name.lower(), i))
    _BUILT[id(index)] = (by_stems, by_first)
    return by_stems, by_first


def curated_variant(name: str, index: GazIndex) -> GazEntry | None:
    """The one curated public body `name` is a light variant of, or None."""
    if len(name) < MIN_LENGTH or " " not in name:
        return None
    by_stems, by_first = _tables(index)
    found = by_stems.get(_key(name), set())
    if not found:
        words = name.lower().split()
        allowed = max(1, len(name) // EDITS_PER)
        # imported here: few names get this far, and rapidfuzz costs ~10 ms to import
        from rapidfuzz.distance import Levenshtein

        found = {
            i
            for other, i in by_first.get((words[0], len(words)), [])
            if abs(len(other) - len(name)) <= allowed
            and Levenshtein.distance(other, name.lower(), score_cutoff=allowed) <= allowed
        }
    return index.entries[next(iter(found))] if len(found) == 1 else None
