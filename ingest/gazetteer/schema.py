"""The shape of one gazetteer entry as written in `ingest/gazetteer/*.yaml`, checked by pydantic.

The extractor matches every surface form of every entry, so the rules that keep
false hits out live here, next to the data they judge:

- an alias whose letters are all capitals and number at most five ("SEC", "U.S.",
  "CBN") is case-sensitive: "us" or "sec" in prose never fires it;
- `case_sensitive: true` on an alias or an entry makes the same promise explicitly
  ("BoE", "Fed", "The Block");
- `needs_context: true` on an entry says its name is also an ordinary word or a
  personal name ("Gemini", "Chad"): take it only near crypto words or when it is
  capitalised mid-sentence;
- a Person's alias must name the person safely on its own: several words, a
  hyphenated surname, a nickname or abbreviation ("CZ"), or a non-Latin script.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.errors import OntologyError
from graph.ontology import TYPE, get_ontology

MAX_CASE_SENSITIVE_LETTERS = 5
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_ALIAS_KINDS = frozenset(get_ontology().alias_kinds)


class GazetteerError(OntologyError):
    """The shipped gazetteer data is malformed or inconsistent; the message names file and entry."""

    title = "Gazetteer data error"


def is_all_caps_abbreviation(text: str) -> bool:
    """The case-sensitivity rule: 1-5 letters, all capitals ("SEC", "U.S.", "3AC")."""
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= MAX_CASE_SENSITIVE_LETTERS and all(c.isupper() for c in letters)


def _clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _is_latin_letter(ch: str) -> bool:
    return ch.isalpha() and "LATIN" in unicodedata.name(ch, "")


class AliasSpec(BaseModel):
    """Another name of an entry; `kind` is an ontology alias kind, `lang` a BCP 47 tag."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=300)
    kind: str = "other"
    lang: str | None = None
    case_sensitive: bool = False
    # On an ambiguous alias: the reading to take when the article names no place that
    # decides ("SEC" alone is the U.S. SEC); at most one entry may claim a name.
    default: bool = False

    @field_validator("name")
    @classmethod
    def _tidy(cls, v: str) -> str:
        return _clean(v)

    @field_validator("kind")
    @classmethod
    def _known_kind(cls, v: str) -> str:
        if v not in _ALIAS_KINDS:
            raise ValueError(f"alias kind {v!r} is not one of {sorted(_ALIAS_KINDS)}")
        return v

    @field_validator("lang")
    @classmethod
    def _bcp47(cls, v: str | None) -> str | None:
        if v is not None and not _LANG.match(v):
            raise ValueError(f"lang {v!r} is not a BCP 47 tag such as 'zh' or 'zh-Latn'")
        return v


def _as_alias(value: Any, default_kind: str) -> Any:
    """Plain strings in YAML become aliases; an acronym-like string is an abbreviation."""
    if isinstance(value, str):
        kind = "abbreviation" if is_all_caps_abbreviation(value) else default_kind
        return {"name": value, "kind": kind}
    return value


class Affiliation(BaseModel):
    """A person's role at an organisation or jurisdiction, named by its canonical name."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    org: str = Field(min_length=1)
    role: str = Field(min_length=1)


class EntrySpec(BaseModel):
    """One entry as written in YAML; cross-entry checks happen in the loader."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1, max_length=300)
    type: str
    qid: str | None = Field(default=None, pattern=r"^Q[1-9]\d*$")
    jurisdiction: str | None = None
    parent: str | None = None
    aliases: tuple[AliasSpec, ...] = ()
    ambiguous_aliases: tuple[AliasSpec, ...] = ()
    needs_context: bool = False
    case_sensitive: bool = False
    # Jurisdictions only: ISO 3166-1 alpha-2 code that ties the entry to pycountry's record,
    # and the adjectives ("Chinese") that point at the country without naming it.
    iso: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")
    adjectives: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    note: str | None = None
    # Where this entry's facts come from (a register, a membership list, an official
    # site), when it is narrower than the file's `source`.
    source: str | None = Field(default=None, min_length=3, max_length=500)

    @field_validator("name")
    @classmethod
    def _tidy(cls, v: str) -> str:
        return _clean(v)

    @field_validator("type")
    @classmethod
    def _ontology_type(cls, v: str) -> str:
        """The files name a type by its stable key (`id_prefix`), so renaming a type in the
        ontology needs no edit here; the entry then carries the type's current name."""
        by_key = get_ontology().types_by_key
        if v not in by_key:
            raise ValueError(f"type {v!r} is not the key of an ontology type ({sorted(by_key)})")
        return by_key[v]

    @field_validator("aliases", mode="before")
    @classmethod
    def _alias_strings(cls, v: Any) -> Any:
        return [_as_alias(a, "other") for a in v] if isinstance(v, list) else v

    @field_validator("ambiguous_aliases", mode="before")
    @classmethod
    def _ambiguous_strings(cls, v: Any) -> Any:
        return [_as_alias(a, "other") for a in v] if isinstance(v, list) else v

    @model_validator(mode="after")
    def _type_specific_rules(self) -> EntrySpec:
        if (self.iso or self.adjectives) and self.type != TYPE.jurisdiction:
            raise ValueError(f"only a {TYPE.jurisdiction} may carry 'iso' or 'adjectives'")
        if self.affiliations and self.type != TYPE.person:
            raise ValueError(f"only a {TYPE.person} may carry 'affiliations'")
        if self.type == TYPE.person:
            for alias in self.aliases:
                _check_person_alias(alias)
        return self


def _check_person_alias(alias: AliasSpec) -> None:
    """Refuse a bare first name or common surname as a person's unambiguous alias."""
    if alias.kind in ("nickname", "abbreviation"):
        return
    if " " in alias.name or "-" in alias.name:
        return
    if not any(_is_latin_letter(c) for c in alias.name):
        return
    raise ValueError(
        f"person alias {alias.name!r} is a single word: list it under ambiguous_aliases, "
        "or give the full name"
    )


class FileSpec(BaseModel):
    """One YAML file: where its facts come from and its entries."""

    model_config = ConfigDict(extra="forbid")

    source: str = Field(min_length=10)
    entries: list[dict[str, Any]] = Field(min_length=1)
