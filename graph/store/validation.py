"""The check every store runs before writing: an `Extraction` re-validated from scratch.

Callers can build models with `model_construct`, which skips pydantic and the
ontology's endpoint rules, so a store never trusts an incoming object: it dumps and
re-validates it. A wrong entity or relation type, an edge the ontology forbids or a
relation to an entity that is not in the extraction raises `OntologyError`; any other
invalid field raises `InvalidInputError`. Nothing has been written when either is raised.
"""

from __future__ import annotations

from pydantic import ValidationError

from graph.errors import InvalidInputError, OntologyError
from graph.models import Extraction

_ONTOLOGY_FIELDS = {"type"}


def checked(extraction: Extraction) -> Extraction:
    """A freshly validated copy of `extraction`; raises instead of returning a bad one."""
    try:
        data = extraction.model_dump(warnings=False)
        return Extraction.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        if any(err["loc"] and err["loc"][-1] in _ONTOLOGY_FIELDS for err in exc.errors()):
            raise OntologyError(f"not in the ontology: {problems}") from exc
        raise InvalidInputError(f"invalid extraction: {problems}") from exc
    except (AttributeError, TypeError) as exc:
        raise InvalidInputError(f"not an extraction: {exc}") from exc
