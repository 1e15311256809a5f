"""Country and territory Jurisdiction entries generated from pycountry (pinned in pyproject).

pycountry gives every ISO 3166-1 country, but in registry form ("Korea, Republic
of", "Viet Nam"). An entry in `countries.yaml` carrying `iso: KR` sets the
canonical name English news uses ("South Korea") and adds aliases, adjectives and
a parent; pycountry's own names are then added as aliases where they read like
prose (inverted "X, Y of" forms and bracketed notes are dropped). The alpha-2 and
alpha-3 codes are never aliases: "IN", "CAN" or "ARE" would fire on ordinary
words. Countries without an override get pycountry's common or plain name.
"""

from __future__ import annotations

import pycountry

from graph.ontology import TYPE, get_ontology
from ingest.gazetteer.model import normalize_name
from ingest.gazetteer.schema import AliasSpec, EntrySpec, GazetteerError

PYCOUNTRY_SOURCE = f"pycountry {getattr(pycountry, '__version__', '')}".strip()


def _prose_like(name: str) -> bool:
    """Whether a registry name could appear in a sentence as written."""
    return ", " not in name and "(" not in name


def _registry_aliases(country: object) -> list[AliasSpec]:
    names = [
        (getattr(country, "name", None), "other"),
        (getattr(country, "common_name", None), "other"),
        (getattr(country, "official_name", None), "legal_name"),
    ]
    out = []
    for text, kind in names:
        if text and _prose_like(text):
            clean = text[4:] if text.startswith("the ") else text
            out.append(AliasSpec(name=clean, kind=kind, lang="en"))
    return out


def _merge(spec: EntrySpec, extra: list[AliasSpec]) -> EntrySpec:
    """Add pycountry's names that the curated entry does not already carry."""
    known = {normalize_name(spec.name)}
    known |= {normalize_name(a.name) for a in spec.aliases + spec.ambiguous_aliases}
    added = []
    for alias in extra:
        key = normalize_name(alias.name)
        if key not in known:
            known.add(key)
            added.append(alias)
    return spec.model_copy(update={"aliases": spec.aliases + tuple(added)})


def country_entries(curated: list[tuple[str, EntrySpec]]) -> list[tuple[str, EntrySpec]]:
    """One Jurisdiction per pycountry country, curated entries (with `iso`) taking precedence.

    `curated` holds (file, entry) pairs whose entry has an `iso` code; the result
    holds (file label, entry) pairs for every country.
    """
    by_iso: dict[str, tuple[str, EntrySpec]] = {}
    for file, spec in curated:
        assert spec.iso is not None
        if spec.iso in by_iso:
            raise GazetteerError(f"{file}: {spec.name!r}: iso {spec.iso} is used twice")
        if pycountry.countries.get(alpha_2=spec.iso) is None:
            raise GazetteerError(f"{file}: {spec.name!r}: iso {spec.iso} is not an ISO 3166-1 code")
        by_iso[spec.iso] = (file, spec)
    out = []
    for country in pycountry.countries:
        extra = _registry_aliases(country)
        if country.alpha_2 in by_iso:
            file, spec = by_iso[country.alpha_2]
            out.append((f"{file}+pycountry", _with_demonym(_merge(spec, extra))))
            continue
        name = getattr(country, "common_name", None) or country.name
        key = get_ontology().entity_types[TYPE.jurisdiction].id_prefix
        spec = EntrySpec(name=name, type=key, iso=country.alpha_2)
        out.append((PYCOUNTRY_SOURCE, _with_demonym(_merge(spec, extra))))
    return out


def _with_demonym(spec: EntrySpec) -> EntrySpec:
    """A country without a curated adjective whose one-word name ends in '-ia' gets the
    regular '-ian' demonym ("Albania" -> "Albanian", "Zambia" -> "Zambian"): the rule
    holds for every such country name, so "Albanian police" finds its country."""
    if spec.adjectives or " " in spec.name or not spec.name.endswith("ia"):
        return spec
    return spec.model_copy(update={"adjectives": (spec.name + "n",)})
