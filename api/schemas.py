"""Request and response bodies of the API that are not store records themselves.

Store records (`Fact`, `Subgraph`, `SearchHit`, `Stats`, ...) go out as they are; the
models here wrap them for paging or add what a client needs on top (aliases, sources).
Enums come from the ontology, never from a list written here.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from graph.models import Alias, Article
from graph.ontology import get_ontology
from graph.store.changes import Change

T = TypeVar("T")
_ONT = get_ontology()

EntityTypeEnum = StrEnum("EntityTypeEnum", {n: n for n in _ONT.entity_types})  # type: ignore[misc]
RelationTypeEnum = StrEnum("RelationTypeEnum", {n: n for n in _ONT.relations})  # type: ignore[misc]
ActionTypeEnum = StrEnum("ActionTypeEnum", {n: n for n in _ONT.action_types})  # type: ignore[misc]
StatusEnum = StrEnum("StatusEnum", {n: n for n in _ONT.property_values["status"]})  # type: ignore[misc]


class Page(BaseModel, Generic[T]):
    """One page of a list; `next_offset` is null on the last page."""

    items: list[T]
    limit: int
    offset: int
    next_offset: int | None = None


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    store: str = Field(examples=["embedded"])
    version: str = Field(description="The store backend's version string.")
    api_version: str = Field(examples=["0.1.0"])


class EntityDetail(BaseModel):
    """An entity with its aliases, the articles that mention it and its edge counts."""

    id: str
    type: str
    name: str
    aliases: list[Alias]
    unnamed: bool = False
    count: int | None = None
    description: str | None = None
    qid: str | None = None
    properties: dict[str, Any] = Field(default_factory=dict)
    sources: list[str] = Field(
        description="Ids of the articles that mention the entity: the first 100 by id."
    )
    relation_counts: dict[str, int] = Field(default_factory=dict)
    sources_omitted: int = Field(0, description="Articles mentioning it beyond `sources`.")
    aliases_omitted: int = Field(
        0, description="Descriptive aliases beyond the first 20 (kept for search, not shown)."
    )


class ArticleSummary(BaseModel):
    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None

    @classmethod
    def of(cls, article: Article) -> ArticleSummary:
        return cls(**article.model_dump(include=set(cls.model_fields)))


class ArticleIn(BaseModel):
    """An article to ingest; the id is derived from url or text when not given."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, min_length=1, max_length=200)
    url: str | None = Field(None, max_length=2000)
    title: str | None = Field(None, max_length=1000)
    publisher: str | None = Field(None, max_length=300)
    published: str | None = Field(None, max_length=40, description="A date, ISO preferred.")
    text: str = Field(min_length=1, max_length=2_000_000)


class RetractResult(BaseModel):
    article: str
    entities_deleted: int = 0
    relations_deleted: int = 0
    relations_kept: int = 0


class QueryInfo(BaseModel):
    name: str
    description: str
    params: list[dict[str, Any]]
    example: dict[str, Any]
    cypher: str


class QueryResult(BaseModel):
    name: str
    params: dict[str, Any] = Field(description="The parameters as bound (defaults filled).")
    count: int
    rows: list[dict[str, Any]]


class ChangeList(BaseModel):
    """One page of the change feed, oldest first (graph/store/changes.py)."""

    items: list[Change]
    limit: int
    next: int = Field(
        description="The `since` to poll with next: the last change's `seq` when the page is "
        "full, else the newest `seq` there was; polling with it misses nothing and repeats "
        "nothing."
    )
