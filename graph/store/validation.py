"""The check every store runs before writing: an `Extraction` re-validated from scratch.

Callers can build models with `model_construct`, which skips pydantic and the
ontology's endpoint rules, so a store never trusts an incoming object: it dumps and
re-validates it. A wrong entity type or an unknown relation type raises `OntologyError`;
any other invalid field raises `InvalidInputError`. Nothing has been written when either
is raised.

One relation the ontology refuses (endpoint types it forbids, an attribute of the wrong
kind, an end that is not among the entities: a plug-in extractor's wrong-typed edge, say)
does not cost the article: it is moved to the extraction's `refused` list with the
ontology's reason, and the rest is written. The
store's change log keeps that list with the article's change (graph/store/change_diff.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from graph.errors import InvalidInputError, OntologyError
from graph.models import Extraction
from graph.ontology import get_ontology

_ONTOLOGY_FIELDS = {"type"}


def checked(extraction: Extraction) -> Extraction:
    """A freshly validated copy of `extraction`, its ontology-refused relations moved to
    `refused`; raises instead of returning a bad one."""
    try:
        data = extraction.model_dump(warnings=False)
    except (AttributeError, TypeError) as exc:
        raise InvalidInputError(f"not an extraction: {exc}") from exc
    try:
        return _validated(data)
    except OntologyError:
        kept, refused = _sorted_relations(data)
        if not refused:
            raise
        return _validated({**data, "relations": kept, "refused": [*data["refused"], *refused]})


def _sorted_relations(data: dict[str, Any]) -> tuple[list[Any], list[dict[str, Any]]]:
    """The relations the ontology takes one by one, and the others as refused facts. A
    relation of an unknown type cannot be a refused fact (its type is not a name the
    ontology has), so that one still refuses the article."""
    bare = {**data, "relations": [], "refused": []}
    _validated(bare)  # the article and entities alone must be valid
    names = {e["id"]: e.get("name") for e in data["entities"]}
    kept: list[Any] = []
    refused: list[dict[str, Any]] = []
    for rel in data["relations"]:
        try:
            _validated({**bare, "relations": [rel]})
        except OntologyError as exc:
            if rel.get("type") not in get_ontology().relations:
                raise
            refused.append(
                {
                    "type": rel["type"],
                    "source": rel.get("source"),
                    "target": rel.get("target"),
                    "source_name": names.get(rel.get("source")),
                    "target_name": names.get(rel.get("target")),
                    "evidence": rel.get("evidence") or "",
                    "reason": exc.detail,
                }
            )
            continue
        kept.append(rel)
    return kept, refused


def _validated(data: dict[str, Any]) -> Extraction:
    try:
        return Extraction.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        if any(err["loc"] and err["loc"][-1] in _ONTOLOGY_FIELDS for err in exc.errors()):
            raise OntologyError(f"not in the ontology: {problems}") from exc
        raise InvalidInputError(f"invalid extraction: {problems}") from exc
