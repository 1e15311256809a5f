"""Judgements: merge two entities, split a name off one, keep two apart; undo; explain.

A judgement is stored and obeyed by every later write (graph/store/judgements.py);
recording or undoing one replays the stored articles it touches, with no re-ingest.
Writes need the `X-API-Key` header (api/deps.py), as every write does.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Body, Path
from pydantic import BaseModel, Field

from api import examples as ex
from api.deps import StoreDep, WriteKey
from api.problems import problems
from api.routers.entities import EntityId
from graph.store.judgements import Explanation, Judgement, JudgementIn

router = APIRouter(tags=["judgements"])

_ID = Field(min_length=1, max_length=300, examples=["regulator:securities-and-exchange-commission"])
_NOTE = Field(None, max_length=2000, description="Why, in the curator's words.")


class MergeIn(BaseModel):
    """`entity` is `other`: its mentions, aliases and facts move to `other`, and its id
    lands on `other` in every later ingest."""

    kind: Literal["merge"]
    entity: str = _ID
    other: str = Field(min_length=1, max_length=300, examples=["regulator:sec"])
    note: str | None = _NOTE


class SplitIn(BaseModel):
    """The name `name`, and what articles said under it, become their own entity (the id
    an entity of that type and name has), never again `entity`."""

    kind: Literal["split"]
    entity: str = _ID
    name: str = Field(min_length=1, max_length=500, examples=["Huobi"])
    note: str | None = _NOTE


class DistinctIn(BaseModel):
    """`entity` and `other` are never one: a later merge of the two is refused (409)."""

    kind: Literal["distinct"]
    entity: str = _ID
    other: str = Field(min_length=1, max_length=300, examples=["regulator:sec"])
    note: str | None = _NOTE


JudgementBody = Annotated[
    MergeIn | SplitIn | DistinctIn,
    Field(discriminator="kind"),
    Body(
        openapi_examples={
            "merge": {
                "value": {
                    "kind": "merge",
                    "entity": "regulator:securities-and-exchange-commission",
                    "other": "regulator:sec",
                    "note": "the bare name is the US SEC",
                }
            },
            "distinct": {
                "value": {
                    "kind": "distinct",
                    "entity": "regulator:sec",
                    "other": "regulator:sec-ng",
                }
            },
        }
    ),
]
JudgementId = Annotated[
    int,
    Path(
        ge=1, le=2**62, description="A judgement's number.", openapi_examples={"one": {"value": 1}}
    ),
]


@router.get(
    "/judgements",
    response_model=list[Judgement],
    summary="List judgements",
    description="Every stored judgement (merge, split, distinct), oldest first.",
    responses={**ex.ok([ex.JUDGEMENT]), **problems()},
)
def list_judgements(store: StoreDep) -> list[Judgement]:
    return store.judgements()


@router.post(
    "/judgements",
    response_model=Judgement,
    dependencies=[WriteKey],
    summary="Record a judgement",
    description="Merge `entity` into `other`, split the name `name` off `entity`, or keep "
    "`entity` and `other` distinct. Stored, applied at once to the stored articles it "
    "touches, and obeyed by every later ingest. 404 for an unknown entity, 409 when it "
    "contradicts a stored judgement. Needs `X-API-Key`.",
    responses={**ex.ok(ex.JUDGEMENT), **problems(401, 403, 404, 409)},
)
def post_judgement(store: StoreDep, body: JudgementBody) -> Judgement:
    return store.judge(JudgementIn.model_validate(body.model_dump()))


@router.delete(
    "/judgements/{judgement_id}",
    response_model=Judgement,
    dependencies=[WriteKey],
    summary="Undo a judgement",
    description="Delete a judgement; the stored articles it moved are written again as "
    "they arrived, under the judgements left (no re-ingest). Answers the judgement "
    "undone. Needs `X-API-Key`.",
    responses={**ex.ok(ex.JUDGEMENT), **problems(401, 403, 404)},
)
def delete_judgement(store: StoreDep, judgement_id: JudgementId) -> Judgement:
    return store.undo_judgement(judgement_id)


@router.get(
    "/entities/{entity_id}/explain",
    response_model=Explanation,
    summary="Why an entity is one entity",
    description="The rule that made its id, every name it has with where it came from "
    "(the text, with the sentence; the gazetteer; a judgement) and the articles that gave "
    "it, and the judgements that touch it.",
    responses={**ex.ok(ex.EXPLANATION), **problems(404)},
)
def explain_entity(store: StoreDep, entity_id: EntityId) -> Explanation:
    return store.explain(entity_id)
