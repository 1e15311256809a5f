"""The named Cypher queries of `queries/*.cypher`: loaded, checked once, and bound safely.

Each file opens with a header (aiosql style)::

    // name: entity_by_name
    // description: Entities whose name or alias matches, ignoring case.
    // params: name:str, type:entity_type=null, limit:int[1..100]=20
    // example: :param name => 'Ou Yi'

and the rest is Cypher a user can paste into Neo4j Browser after the `:param` lines.
Loading fails (`ConfigError`) when a header is malformed, the name differs from the file
name, the declared parameters differ from the `$params` of the body, or the body contains
a write clause. Binding (`NamedQuery.bind`) coerces call values by declared type and
raises `InvalidInputError` (422); graph/named/runner.py runs the body with the bound
values as driver parameters, never by formatting strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import queries
from graph.errors import ConfigError, InvalidInputError, NotFoundError
from graph.named.params import QueryParam, parse_declaration, parse_literal, split_declarations

QUERY_DIR = Path(queries.__file__).resolve().parent
_HEADER = re.compile(r"^//\s*(?P<key>name|description|params|example)\s*:\s?(?P<value>.*)$")
_EXAMPLE = re.compile(r"^:param\s+(?P<name>[A-Za-z_]\w*)\s*=>\s*(?P<value>.+?);?$")
_PARAM_USE = re.compile(r"\$([A-Za-z_]\w*)")
_STRINGS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`")
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.DOTALL)
_WRITES = re.compile(
    r"\b(CREATE|MERGE|DELETE|DETACH|SET|REMOVE|FOREACH|LOAD\s+CSV|DROP|TERMINATE)\b", re.I
)
_NAME = re.compile(r"^[a-z][a-z0-9_]{1,63}$")


@dataclass(frozen=True)
class NamedQuery:
    """A checked named query: its header, its Cypher body and its declared parameters."""

    name: str
    description: str
    params: tuple[QueryParam, ...]
    cypher: str
    examples: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def bind(self, values: dict[str, Any] | None) -> dict[str, Any]:
        """Every declared parameter, coerced, defaults filled; 422 on unknown or bad values."""
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise InvalidInputError(
                f"query {self.name!r} has no parameter {', '.join(map(repr, unknown[:5]))}; "
                f"its parameters are: {', '.join(sorted(known)) or 'none'}"
            )
        return {p.name: p.coerce(values.get(p.name)) for p in self.params}

    def describe(self) -> dict[str, Any]:
        """The JSON shape `GET /queries` and `cryptoreg query` list."""
        return {
            "name": self.name,
            "description": self.description,
            "params": [p.describe() for p in self.params],
            "example": {k: _jsonable(v) for k, v in self.examples.items()},
            "cypher": self.cypher,
        }


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def body_parameters(cypher: str) -> set[str]:
    """The `$names` a Cypher body uses, ignoring comments and string literals."""
    return set(_PARAM_USE.findall(_STRINGS.sub("''", _COMMENTS.sub("", cypher))))


def _read_header(text: str, where: str) -> tuple[dict[str, list[str]], str]:
    header: dict[str, list[str]] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("//") or not lines[i].strip()):
        m = _HEADER.match(lines[i].strip())
        if m:
            header.setdefault(m["key"], []).append(m["value"].strip())
        elif lines[i].startswith("//") and "description" in header and "params" not in header:
            header["description"][-1] += " " + lines[i].lstrip("/").strip()
        i += 1
    body = "\n".join(lines[i:]).strip()
    for key in ("name", "description", "params"):
        if len(header.get(key, [])) != 1:
            raise ConfigError(f"{where}: the header needs exactly one '// {key}:' line")
    if not body:
        raise ConfigError(f"{where}: no Cypher after the header")
    return header, body


def _examples(lines: list[str], params: dict[str, QueryParam], where: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for line in lines:
        m = _EXAMPLE.match(line)
        if m is None or m["name"] not in params:
            raise ConfigError(f"{where}: example {line!r} is not ':param <declared> => value'")
        try:
            out[m["name"]] = params[m["name"]].coerce(parse_literal(m["value"]))
        except (ValueError, InvalidInputError) as exc:
            raise ConfigError(f"{where}: bad example value for {m['name']}: {exc}") from exc
    missing = [p for p in params if p not in out]
    if missing:
        raise ConfigError(f"{where}: no '// example: :param' line for {', '.join(missing)}")
    return out


def parse_query(text: str, where: str, expected_name: str | None = None) -> NamedQuery:
    """Parse and check one query file's text; `ConfigError` naming `where` on any defect."""
    header, body = _read_header(text, where)
    name, description = header["name"][0], header["description"][0]
    if not _NAME.match(name) or (expected_name is not None and name != expected_name):
        raise ConfigError(f"{where}: query name {name!r} must be snake_case and match the file")
    if not description:
        raise ConfigError(f"{where}: empty description")
    declared = [parse_declaration(d, where) for d in split_declarations(header["params"][0])]
    by_name = {p.name: p for p in declared}
    if len(by_name) != len(declared):
        raise ConfigError(f"{where}: a parameter is declared twice")
    used = body_parameters(body)
    if used != set(by_name):
        raise ConfigError(
            f"{where}: declared params {sorted(by_name)} differ from the body's {sorted(used)}"
        )
    write = _WRITES.search(_STRINGS.sub("''", _COMMENTS.sub("", body)))
    if write:
        raise ConfigError(f"{where}: named queries are read-only, found {write.group(0)!r}")
    examples = _examples(header.get("example", []), by_name, where)
    return NamedQuery(name, description, tuple(declared), body, examples, None)


def load_query_dir(directory: Path) -> dict[str, NamedQuery]:
    """Every `*.cypher` file of a folder, by name, sorted; `ConfigError` on the first defect."""
    out: dict[str, NamedQuery] = {}
    for path in sorted(directory.glob("*.cypher")):
        query = parse_query(path.read_text(encoding="utf-8"), path.name, path.stem)
        out[query.name] = NamedQuery(
            query.name, query.description, query.params, query.cypher, query.examples, path
        )
    return out


@lru_cache(maxsize=1)
def load_queries() -> dict[str, NamedQuery]:
    """The shipped named queries (package data of `queries`), parsed and checked once."""
    return load_query_dir(QUERY_DIR)


def get_query(name: str) -> NamedQuery:
    """The named query, or `NotFoundError` listing the available names."""
    catalogue = load_queries()
    query = catalogue.get(name)
    if query is None:
        raise NotFoundError(
            f"no named query {name[:100]!r}; available: {', '.join(sorted(catalogue))}"
        )
    return query


def bind_query(name: str, params: dict[str, Any] | None) -> tuple[NamedQuery, dict[str, Any]]:
    """Look up and bind in one step: what `graph.named.runner.run_named` starts with."""
    query = get_query(name)
    return query, query.bind(params)
