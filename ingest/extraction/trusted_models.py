"""`trusted(Model, **values)`: what `Model.model_construct(**values)` builds, faster.

The output stage builds every entity, alias and relation of an article with
`model_construct` (its values are checked already), and pydantic's generic version, which
looks up aliases and defaults field by field, cost about a twentieth of the extractor's
time. Given a value for every field, of a model with no field aliases, no
`model_post_init` and no extra fields kept, `model_construct` sets exactly the
`__dict__` (in field order), the fields set (all of them) and no extras or private
values; `trusted` sets the same four attributes directly (tests/test_trusted_models.py
compares the two).
"""

from __future__ import annotations

from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["trusted"]

M = TypeVar("M", bound=BaseModel)
_set = object.__setattr__


def trusted(cls: type[M], **values: Any) -> M:
    """`cls.model_construct(**values)`; `ValueError` unless `values` names every field."""
    names = _field_names(cls)
    if values.keys() != names.keys():
        raise ValueError(f"{cls.__name__}: give every field, exactly: {sorted(names)}")
    model = cls.__new__(cls)
    _set(model, "__dict__", {name: values[name] for name in names})
    _set(model, "__pydantic_fields_set__", set(names))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


@cache
def _field_names(cls: type[BaseModel]) -> dict[str, None]:
    """The model's fields in order (a dict, for its set-like keys); `TypeError` for a
    model `trusted` cannot build as `model_construct` does."""
    fields = cls.model_fields
    if (
        any(f.alias is not None or f.validation_alias is not None for f in fields.values())
        or cls.__pydantic_post_init__
        or cls.__pydantic_root_model__
        or cls.model_config.get("extra") == "allow"
    ):
        raise TypeError(f"{cls.__name__} needs pydantic's own model_construct")
    return dict.fromkeys(fields)
