"""Checks that span entries: references resolve, ids are unique, no alias is silently shared.

A surface string that names two entries must be declared under `ambiguous_aliases`
by every entry that carries it; otherwise the automaton would pick one of them at
random. Case-sensitive forms only clash with forms that could match the same text:
"tether" (the coin, lower case) and "Tether" (the company) may coexist.
"""

from __future__ import annotations

from collections import defaultdict

from graph.ontology import REL, TYPE, get_ontology
from ingest.gazetteer.model import GazetteerEntry, SurfaceForm, normalize_name
from ingest.gazetteer.schema import GazetteerError


def check_entries(entries: list[GazetteerEntry], forms: list[SurfaceForm]) -> None:
    """Raise `GazetteerError` on the first cross-entry inconsistency found."""
    canonical = _unique_canonical_names(entries)
    for entry in entries:
        _check_references(entry, canonical)
    _check_cycles(entries, canonical)
    _check_shared_surfaces(forms)
    _check_single_defaults(entries)


def _check_single_defaults(entries: list[GazetteerEntry]) -> None:
    """An ambiguous alias has at most one default reading, and only an ambiguous alias
    has one (a plain alias names a single entry already)."""
    claimed: dict[str, GazetteerEntry] = {}
    for entry in entries:
        for alias in entry.aliases:
            if alias.default:
                raise GazetteerError(
                    f"{entry.label()}: alias {alias.name!r} is marked default but is not "
                    "ambiguous; move it to ambiguous_aliases or drop `default`"
                )
        for alias in entry.ambiguous_aliases:
            if not alias.default:
                continue
            key = normalize_name(alias.name)
            other = claimed.setdefault(key, entry)
            if other is not entry:
                raise GazetteerError(
                    f"{entry.label()}: {alias.name!r} is already the default of {other.label()}"
                )


def _unique_canonical_names(
    entries: list[GazetteerEntry],
) -> dict[str, list[GazetteerEntry]]:
    by_key: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in entries:
        for other in by_key[entry.key]:
            if other.type == entry.type:
                raise GazetteerError(
                    f"{entry.label()}: same canonical name as {other.label()} (ids would clash)"
                )
        by_key[entry.key].append(entry)
    return by_key


def _resolve(
    name: str, allowed: frozenset[str], canonical: dict[str, list[GazetteerEntry]]
) -> GazetteerEntry | None:
    return next((e for e in canonical.get(normalize_name(name), ()) if e.type in allowed), None)


def _check_references(entry: GazetteerEntry, canonical: dict[str, list[GazetteerEntry]]) -> None:
    ont = get_ontology()
    jurisdiction = frozenset({TYPE.jurisdiction})
    if entry.jurisdiction is not None:
        if entry.type == TYPE.jurisdiction:
            raise GazetteerError(
                f"{entry.label()}: a {TYPE.jurisdiction} names its parent, not a jurisdiction"
            )
        if _resolve(entry.jurisdiction, jurisdiction, canonical) is None:
            raise GazetteerError(
                f"{entry.label()}: jurisdiction {entry.jurisdiction!r} is not a "
                f"{TYPE.jurisdiction} entry"
            )
    if entry.parent is not None:
        relation = REL.part_of if entry.type == TYPE.jurisdiction else REL.subsidiary_of
        rel = ont.relations[relation]
        if entry.type not in rel.sources:
            raise GazetteerError(f"{entry.label()}: a {entry.type} cannot have a parent")
        if _resolve(entry.parent, rel.targets, canonical) is None:
            raise GazetteerError(
                f"{entry.label()}: parent {entry.parent!r} is not an entry of type "
                f"{sorted(rel.targets)} ({relation})"
            )
    targets = ont.relations[REL.affiliated_with].targets
    for aff in entry.affiliations:
        if _resolve(aff.org, targets, canonical) is None:
            raise GazetteerError(f"{entry.label()}: affiliation {aff.org!r} is not an entry")


def _check_cycles(
    entries: list[GazetteerEntry], canonical: dict[str, list[GazetteerEntry]]
) -> None:
    for entry in entries:
        seen = [entry]
        current = entry
        while current.parent is not None:
            family = current.type == TYPE.jurisdiction
            candidates = canonical.get(normalize_name(current.parent), ())
            nxt = next((e for e in candidates if (e.type == TYPE.jurisdiction) == family), None)
            if nxt is None:
                break
            if nxt in seen:
                chain = " -> ".join(e.name for e in seen + [nxt])
                raise GazetteerError(f"{entry.label()}: parent cycle {chain}")
            seen.append(nxt)
            current = nxt


def _clash(a: SurfaceForm, b: SurfaceForm) -> bool:
    """Whether two forms of different entries could match the same text."""
    if a.case_sensitive and b.case_sensitive:
        return a.text == b.text
    return True  # same normalised key and at least one matches regardless of case


def _check_shared_surfaces(forms: list[SurfaceForm]) -> None:
    by_key: dict[str, list[SurfaceForm]] = defaultdict(list)
    for form in forms:
        by_key[normalize_name(form.text)].append(form)
    for forms in by_key.values():
        if len({f.entry for f in forms}) < 2:
            continue
        for i, a in enumerate(forms):
            for b in forms[i + 1 :]:
                if a.entry != b.entry and _clash(a, b) and not (a.ambiguous and b.ambiguous):
                    loose = a if not a.ambiguous else b
                    raise GazetteerError(
                        f"{loose.entry.label()}: {loose.text!r} also names "
                        f"{(b if loose is a else a).entry.label()}; list it under "
                        "ambiguous_aliases in both entries, or drop it"
                    )
