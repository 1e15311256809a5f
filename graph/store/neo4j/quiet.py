"""Write transactions whose parameters the driver does not format for a log nobody reads.

The Python driver (6.x) builds the text of its debug line for every RUN before the
logger decides to drop it: `" ".join(map(repr, (query, parameters, extra)))` in
`neo4j/_sync/io/_bolt/_bolt5.py`. A batched write sends 200 articles' texts, kept
extraction bodies and events as parameters, so that `repr` alone was ~9% of the
writer's client CPU (~0.1 ms per article, measured on the bench corpus), more than a
naive `UNWIND` writer spends in Python altogether. `QuietTransaction` hands the driver
the same values in list and dict subclasses whose `repr` is a few characters; the
packer sends them as the lists and maps they are (packstream takes subclasses), so the
server receives exactly what it did before.
"""

from __future__ import annotations

from typing import Any

from neo4j import ManagedTransaction, Result


class QuietList(list[Any]):
    """A list that the driver packs as a list and logs as its length."""

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


class QuietDict(dict[str, Any]):
    """A map that the driver packs as a map and logs as its size."""

    def __repr__(self) -> str:
        return f"<{len(self)} keys>"


def quiet(value: Any) -> Any:
    """`value` as it is, or, when it is a list or a dict, a quiet copy (shallow: the
    driver's `repr` of the parameters never reaches the items)."""
    if isinstance(value, list):
        return QuietList(value)
    if isinstance(value, dict):
        return QuietDict(value)
    return value


class QuietTransaction:
    """A managed transaction whose `run` passes its parameters quietly (module docstring).
    The store's transaction functions only ever call `run`."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx

    def run(self, query: Any, parameters: dict[str, Any] | None = None, **kw: Any) -> Result:
        params = {**(parameters or {}), **kw}
        return self.tx.run(query, {k: quiet(v) for k, v in params.items()})
