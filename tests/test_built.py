"""graph/store/built.py `built` makes what `model_construct` makes (the change records of a
batch write are built with it, and the change log stores their JSON)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, PrivateAttr

from graph.store.built import built
from graph.store.changes import ChangeBody, EntityChange, FactChange
from graph.store.protocol import EntitySummary

_ACTOR: dict[str, Any] = {
    "id": "reg:sec",
    "type": "Regulator",
    "name": "SEC",
    "unnamed": False,
    "count": None,
}
_FIRM: dict[str, Any] = {
    "id": "ex:korvex",
    "type": "Exchange",
    "name": "Korvex",
    "unnamed": False,
    "count": 3,
}


def _same(a: BaseModel, b: BaseModel) -> None:
    assert type(a) is type(b)
    assert a == b
    assert a.model_fields_set == b.model_fields_set
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_dump(exclude_unset=True) == b.model_dump(exclude_unset=True)


def test_built_is_model_construct_for_the_change_records() -> None:
    actor = built(EntitySummary, **_ACTOR)
    firm = built(EntitySummary, **_FIRM)
    _same(actor, EntitySummary.model_construct(**_ACTOR))
    fact: dict[str, Any] = {
        "event_id": "ev-1",
        "type": "FINED",
        "source": actor,
        "target": firm,
        "change": "added",
    }
    _same(built(FactChange, **fact), FactChange.model_construct(**fact))
    _same(
        built(EntityChange, entity=firm, change="changed"),
        EntityChange.model_construct(entity=firm, change="changed"),
    )
    body: dict[str, Any] = {
        "kind": "article_upserted",
        "article_id": "a1",
        "title": None,
        "entities": [built(EntityChange, entity=firm, change="added")],
        "facts": [built(FactChange, **fact)],
        "refused": [],
    }
    _same(built(ChangeBody, **body), ChangeBody.model_construct(**body))


def test_a_call_missing_a_field_gets_the_defaults_of_model_construct() -> None:
    short = built(EntitySummary, id="reg:sec", type="Regulator", name="SEC")
    assert short.unnamed is False and short.count is None
    _same(short, EntitySummary.model_construct(id="reg:sec", type="Regulator", name="SEC"))
    assert short.model_fields_set == {"id", "type", "name"}


class _WithPrivate(BaseModel):
    x: int
    _seen: int = PrivateAttr(default=7)


class _KeepsExtra(BaseModel):
    model_config = ConfigDict(extra="allow")
    x: int


def test_models_that_are_not_plain_go_through_model_construct() -> None:
    private = built(_WithPrivate, x=1)
    assert private._seen == 7
    extra = built(_KeepsExtra, x=1)
    _same(extra, _KeepsExtra.model_construct(x=1))
