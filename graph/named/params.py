"""Typed parameters of the named queries: header syntax, defaults, and call-time coercion.

A header declares `name:type[=default]`, e.g. `limit:int[1..100]=20` or `since:date=null`.
Types: str, int (optionally `int[lo..hi]`), float, date, bool, list[str], and the ontology
enums entity_type, relation_type, action_type and action_status (an action's `status`).
Values arrive as JSON values (API) or strings (CLI); both are coerced here, and every bad
value is an `InvalidInputError` (422), so no store ever sees an unchecked parameter.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from graph.errors import ConfigError, InvalidInputError
from graph.ontology import get_ontology

MAX_STR = 500
MAX_LIST = 100
INT_RANGE = (0, 100_000)
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2200, 12, 31)
BASE_TYPES = ("str", "int", "float", "date", "bool", "list[str]")
ENUM_TYPES = ("entity_type", "relation_type", "action_type", "action_status")
_MISSING: Any = object()
_DECL = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*:\s*(?P<type>list\[str\]|\w+)"
    r"(?:\[(?P<lo>-?\d+)\.\.(?P<hi>-?\d+)\])?\s*(?:=\s*(?P<default>.+))?$"
)


def enum_choices(type_name: str) -> tuple[str, ...]:
    """The allowed values of an ontology enum type."""
    ont = get_ontology()
    if type_name == "entity_type":
        return tuple(ont.entity_types)
    if type_name == "relation_type":
        return tuple(ont.relations)
    if type_name == "action_status":
        return ont.property_values["status"]
    return ont.action_types


@dataclass(frozen=True)
class QueryParam:
    """One declared parameter; `default` is `_MISSING` when the caller must give it."""

    name: str
    type: str
    default: Any = _MISSING
    low: int | None = None
    high: int | None = None

    @property
    def required(self) -> bool:
        return self.default is _MISSING

    def describe(self) -> dict[str, Any]:
        """The JSON shape `GET /queries` shows for this parameter."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "required": self.required}
        if not self.required:
            out["default"] = _jsonable(self.default)
        if self.type == "int":
            out["minimum"], out["maximum"] = self.bounds
        if self.type in ENUM_TYPES:
            out["enum"] = list(enum_choices(self.type))
        return out

    @property
    def bounds(self) -> tuple[int, int]:
        lo, hi = INT_RANGE
        return (lo if self.low is None else self.low, hi if self.high is None else self.high)

    def coerce(self, value: Any) -> Any:
        """The value in this parameter's type, or `InvalidInputError` saying why not."""
        if value is None:
            if self.required:
                raise InvalidInputError(f"parameter {self.name!r} is required")
            return self.default
        try:
            return _COERCERS[_base(self.type)](self, value)
        except (ValueError, TypeError, OverflowError) as exc:
            raise InvalidInputError(f"parameter {self.name!r}: {exc}") from exc


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _base(type_name: str) -> str:
    return "enum" if type_name in ENUM_TYPES else type_name


def _to_str(p: QueryParam, v: Any) -> str:
    if not isinstance(v, str):
        raise TypeError(f"expected a string, got {type(v).__name__}")
    if len(v) > MAX_STR:
        raise ValueError(f"at most {MAX_STR} characters")
    if "\x00" in v:
        raise ValueError("NUL characters are not allowed")
    return v


def _to_int(p: QueryParam, v: Any) -> int:
    if isinstance(v, bool):
        raise TypeError("expected an integer, got a boolean")
    if isinstance(v, float):
        if not v.is_integer():
            raise ValueError(f"expected an integer, got {v}")
        v = int(v)
    if isinstance(v, str):
        v = int(v.strip()) if len(v) <= 20 else _fail("integer text too long")
    if not isinstance(v, int):
        raise TypeError(f"expected an integer, got {type(v).__name__}")
    lo, hi = p.bounds
    if not lo <= v <= hi:
        raise ValueError(f"must be between {lo} and {hi}, got {v}")
    return v


def _to_float(p: QueryParam, v: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float | str):
        raise TypeError(f"expected a number, got {type(v).__name__}")
    out = float(v[:50] if isinstance(v, str) else v)
    if not math.isfinite(out):
        raise ValueError("must be a finite number")
    return out


def _to_date(p: QueryParam, v: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, str):
        if len(v) != 10:
            raise ValueError(f"expected an ISO date YYYY-MM-DD, got {v[:40]!r}")
        v = dt.date.fromisoformat(v)
    if not isinstance(v, dt.date):
        raise TypeError(f"expected an ISO date string, got {type(v).__name__}")
    if not MIN_DATE <= v <= MAX_DATE:
        raise ValueError(f"date out of range {MIN_DATE}..{MAX_DATE}")
    return v


def _to_bool(p: QueryParam, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in ("true", "1", "yes", "false", "0", "no"):
        return v.strip().lower() in ("true", "1", "yes")
    raise TypeError(f"expected true or false, got {str(v)[:40]!r}")


def _to_list(p: QueryParam, v: Any) -> list[str]:
    if isinstance(v, str):
        v = json.loads(v) if v.strip().startswith("[") else [s.strip() for s in v.split(",")]
    if not isinstance(v, list | tuple):
        raise TypeError(f"expected a list of strings, got {type(v).__name__}")
    if len(v) > MAX_LIST:
        raise ValueError(f"at most {MAX_LIST} items")
    return [_to_str(p, item) for item in v]


def _to_enum(p: QueryParam, v: Any) -> str:
    choices = enum_choices(p.type)
    if v not in choices:
        raise ValueError(f"must be one of {', '.join(choices)}; got {str(v)[:60]!r}")
    return str(v)


def _fail(message: str) -> Any:
    raise ValueError(message)


_COERCERS = {
    "str": _to_str,
    "int": _to_int,
    "float": _to_float,
    "date": _to_date,
    "bool": _to_bool,
    "list[str]": _to_list,
    "enum": _to_enum,
}


def parse_literal(text: str) -> Any:
    """A header default or `:param` example value: 'quoted', number, true/false, null, [..]."""
    text = text.strip()
    if text == "null":
        return None
    if text[:1] in "'\"" and text[-1:] == text[:1] and len(text) >= 2:
        return text[1:-1]
    if text.startswith("["):
        return json.loads(text.replace("'", '"'))
    if text in ("true", "false"):
        return text == "true"
    return json.loads(text)


def parse_declaration(decl: str, where: str) -> QueryParam:
    """One `name:type[=default]` item of a `// params:` header line; `ConfigError` if malformed."""
    m = _DECL.match(decl.strip())
    if m is None:
        raise ConfigError(f"{where}: cannot read parameter declaration {decl!r}")
    ptype = m["type"]
    if ptype not in BASE_TYPES + ENUM_TYPES:
        raise ConfigError(f"{where}: parameter {m['name']} has unknown type {ptype!r}")
    if m["lo"] is not None and ptype != "int":
        raise ConfigError(f"{where}: only int parameters take a range")
    low = None if m["lo"] is None else int(m["lo"])
    high = None if m["hi"] is None else int(m["hi"])
    param = QueryParam(m["name"], ptype, low=low, high=high)
    if m["default"] is None:
        return param
    try:
        raw = parse_literal(m["default"])
        default = None if raw is None else param.coerce(raw)
    except (ValueError, InvalidInputError) as exc:
        raise ConfigError(f"{where}: bad default for {m['name']}: {exc}") from exc
    return QueryParam(m["name"], ptype, default, low, high)


def split_declarations(line: str) -> list[str]:
    """Split a params line on commas that are outside quotes and brackets."""
    items: list[str] = []
    cur: list[str] = []
    depth, quote = 0, ""
    for ch in line:
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append("".join(cur))
            cur = []
            continue
        cur.append(ch)
    items.append("".join(cur))
    return [i.strip() for i in items if i.strip()]
