"""`trusted` (ingest/extraction/trusted_models.py) builds exactly what pydantic's
`model_construct` builds, for every model the output stage builds with it."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import BaseModel, Field

from graph.models import Alias, Entity, RefusedFact, Relation
from ingest.extraction.trusted_models import trusted

CASES: list[tuple[type[BaseModel], dict[str, Any]]] = [
    (Alias, {"name": "PBOC", "kind": "acronym", "lang": None}),
    (Alias, {"lang": "zh", "name": "中国人民银行", "kind": "other"}),
    (
        Entity,
        {
            "properties": {},
            "id": "regulator:sec",
            "type": "Regulator",
            "name": "Securities and Exchange Commission",
            "aliases": [Alias.model_construct(name="SEC", kind="acronym", lang=None)],
            "unnamed": False,
            "count": None,
            "description": None,
            "qid": "Q953944",
        },
    ),
    (
        Relation,
        {
            "type": "FINED",
            "source": "a",
            "target": "b",
            "evidence": "The SEC fined B.",
            "confidence": 0.85,
            "date": "2023-05",
            "properties": {"amount": 5.0},
            "sources": [],
        },
    ),
    (
        RefusedFact,
        {
            "type": "FINED",
            "source": None,
            "target": "b",
            "source_name": None,
            "target_name": "B",
            "evidence": "x",
            "reason": "y",
        },
    ),
]


@pytest.mark.parametrize(("cls", "values"), CASES)
def test_trusted_builds_what_model_construct_builds(
    cls: type[BaseModel], values: dict[str, Any]
) -> None:
    want, got = cls.model_construct(**values), trusted(cls, **values)
    assert type(got) is cls
    assert list(got.__dict__.items()) == list(want.__dict__.items())  # same order too
    assert got.model_fields_set == want.model_fields_set
    assert got.__pydantic_extra__ == want.__pydantic_extra__
    assert got.__pydantic_private__ == want.__pydantic_private__
    assert got == want
    assert got.model_dump_json() == want.model_dump_json()
    assert got.model_dump_json(exclude_unset=True) == want.model_dump_json(exclude_unset=True)


def test_a_missing_or_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="every field"):
        trusted(Alias, name="SEC", kind="acronym")
    with pytest.raises(ValueError, match="every field"):
        trusted(Alias, name="SEC", kind="acronym", lang=None, extra=1)


class _Aliased(BaseModel):
    value: int = Field(alias="v")


def test_a_model_with_field_aliases_is_refused() -> None:
    with pytest.raises(TypeError, match="model_construct"):
        trusted(_Aliased, value=1)
