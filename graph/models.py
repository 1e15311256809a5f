"""The data cryptoreg moves around: `Article`, `Entity`, `Relation`, `Extraction`.

Types and relation names are `Literal`s built from the ontology, and an
`Extraction` checks every edge against the ontology's endpoint rules, so a
forbidden edge is refused here, before any store sees it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graph.errors import OntologyError
from graph.ontology import LABEL, get_ontology
from graph.partial_dates import normalise

_ONT = get_ontology()
if TYPE_CHECKING:  # the checker sees plain strings; at run time the names come from the YAML
    EntityTypeName = str
    RelationTypeName = str
    AliasKind = str
    ActionTypeName = str
else:
    EntityTypeName = Literal[tuple(_ONT.entity_types)]
    RelationTypeName = Literal[tuple(_ONT.relations)]
    AliasKind = Literal[tuple(_ONT.alias_kinds)]
    ActionTypeName = Literal[_ONT.action_types]


# what may not be in an article id (compiled once: ids are checked for every article)
_UNSAFE_IN_ID = re.compile(
    "[/\\\\\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


class Article(BaseModel):
    """A news article as read from any input format.

    Its id is one URL path segment (`GET /articles/{id}`), so any id accepted here can be
    fetched and retracted over HTTP: at most 200 characters, no `/` or `\\` (a browser
    turns `\\` into `/`), not `.` or `..` (clients resolve those away), no control,
    line-separator or bidirectional-override characters, no surrounding white space.
    Spaces, `:`, `%` and any script are fine (clients percent-encode them).
    """

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=200)
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    text: str = ""
    source_path: str | None = None

    @field_validator("id")
    @classmethod
    def _id_is_one_path_segment(cls, v: str) -> str:
        unsafe = _UNSAFE_IN_ID.search(v)
        if unsafe:
            raise ValueError(
                f"an article id may not contain {unsafe.group()!r} (at {unsafe.start()}): "
                "it must fit in one URL path segment"
            )
        if v in (".", ".."):
            raise ValueError(f"{v!r} is a relative path segment, not an article id")
        if v != v.strip():
            raise ValueError("an article id may not start or end with white space")
        return v

    @field_validator("published", mode="before")
    @classmethod
    def _date_only(cls, v: Any) -> Any:
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, str) and len(v) > 10 and v[4] == "-":
            return v[:10]
        return v or None


class Alias(BaseModel):
    """Another name of an entity; `kind` says how it relates, `lang` is a BCP 47 tag where known."""

    name: str = Field(min_length=1, max_length=300)
    kind: AliasKind = "other"
    lang: str | None = None


class Entity(BaseModel):
    """A node: named body, person, place, asset, or an unnamed group ("13 apps")."""

    model_config = ConfigDict(extra="ignore")

    id: str = Field(min_length=1, max_length=300)
    type: EntityTypeName
    name: str = Field(min_length=1, max_length=500)
    aliases: list[Alias] = Field(default_factory=list)
    unnamed: bool = False
    count: int | None = Field(None, ge=0)
    description: str | None = None
    qid: str | None = Field(None, pattern=r"^Q\d+$")
    properties: dict[str, Any] = Field(default_factory=dict)

    @field_validator("aliases", mode="before")
    @classmethod
    def _strings_are_aliases(cls, v: Any) -> Any:
        if isinstance(v, list):
            return [{"name": a} if isinstance(a, str) else a for a in v]
        return v

    def alias_names(self) -> list[str]:
        return [a.name for a in self.aliases]


class Relation(BaseModel):
    """An edge between two entity ids, with the sentence that states it and its provenance."""

    model_config = ConfigDict(extra="ignore")

    type: RelationTypeName
    source: str
    target: str
    evidence: str | None = None
    confidence: float = Field(0.5, ge=0.0, le=1.0)
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD": the text's precision
    properties: dict[str, Any] = Field(default_factory=dict)
    sources: list[str] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _partial_date(cls, v: Any) -> Any:
        """A `date` (day precision) or a partial date text, checked and written canonically."""
        if v is None or v == "":
            return None
        try:
            return normalise(v)
        except (TypeError, ValueError) as exc:
            raise ValueError(str(exc)) from exc

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two statements the same fact."""
        return (self.source, self.type, self.target)


class RefusedFact(BaseModel):
    """A candidate relation the extractor did not keep, and why: the ontology forbids its
    endpoint types, or an endpoint was never recognised. `source`/`target` are the ids of
    the ends that were found (with their names); a missing end is None."""

    model_config = ConfigDict(extra="ignore")

    type: RelationTypeName
    source: str | None = None
    target: str | None = None
    source_name: str | None = None
    target_name: str | None = None
    evidence: str
    reason: str


def _check_value(rel_type: str, pname: str, value: Any) -> None:
    """Refuse a value outside a property's listed `values` or not matching its `pattern`."""
    allowed = _ONT.property_values.get(pname)
    if allowed is not None and value not in allowed:
        raise OntologyError(f"{rel_type}.{pname} must be one of {list(allowed)}, got {value!r}")
    pattern = _ONT.property_patterns.get(pname)
    if pattern is not None and not re.fullmatch(pattern, str(value)):
        raise OntologyError(f"{rel_type}.{pname} must match {pattern}, got {value!r}")


class Extraction(BaseModel):
    """One article's facts, as the extractor emits them and the stores take them.

    `refused` lists candidate relations left out, with the sentence and the reason, so
    that nothing is dropped in silence; stores keep only `entities` and `relations`.
    """

    article: Article
    entities: list[Entity] = Field(default_factory=list)
    relations: list[Relation] = Field(default_factory=list)
    refused: list[RefusedFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _check_against_ontology(self) -> Extraction:
        by_id = {e.id: e for e in self.entities}
        for rel in self.relations:
            if rel.type == LABEL.alias_of:
                continue
            src, tgt = by_id.get(rel.source), by_id.get(rel.target)
            if src is None or tgt is None:
                missing = rel.source if src is None else rel.target
                raise OntologyError(
                    f"{rel.type} refers to {missing!r}, which is not among the entities"
                )
            _ONT.check_edge(rel.type, src.type, tgt.type)
            for pname, pvalue in rel.properties.items():
                ptype = _ONT.relations[rel.type].properties.get(pname)
                if ptype is not None and pvalue is not None and not isinstance(pvalue, ptype | int):
                    raise OntologyError(
                        f"{rel.type}.{pname} must be {ptype.__name__}, got {pvalue!r}"
                    )
                if ptype is not None and pvalue is not None:
                    _check_value(rel.type, pname, pvalue)
        return self
