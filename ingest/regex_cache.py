"""Compiled regular expressions kept on disk between runs of a one-shot command.

Importing the extractor compiles some 760 patterns, and CPython's `re` parses each one
in pure Python: about 0.2 s of the ~0.7 s that `cryptoreg extract FILE` takes, paid
again by every process (the scorer runs one per article). The parsing is the costly
part; the opcode list it produces is plain data. So `cached_patterns()` remembers, per
(pattern, flags), what `re._compiler.compile` hands to `_sre.compile`, and on the next
run builds each pattern from that directly. The resulting `re.Pattern` is the one `re`
itself would build (`_sre.compile` validates the opcodes; a pattern it refuses is
compiled the ordinary way).

This leans on CPython internals (`re._compiler.compile`, `_sre.compile`) that have kept
their shape from 3.11 to 3.13, so it is switched on only there, only inside the `with`
block of a command-line entry point (never in the library or the API server), and the
cache file is named by the interpreter's tag and the engine's version (`_sre.MAGIC`).
Any failure to read or write the file only costs the time it would have saved.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found,unused-ignore]  # private too
import hashlib
import marshal
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]  # private: see the docstring
from typing import Any, TypeVar

from ingest.gazetteer.cache import CACHE_DIR

_SUPPORTED = ((3, 11), (3, 12), (3, 13))
# A file past this many entries holds mostly patterns that edited code no longer uses:
# it is rewritten with this run's patterns only.
MAX_ENTRIES = 5_000

# What `_sre.compile` takes after the pattern: flags, code, groups - 1, groupindex,
# indexgroup; the code as the bytes of an `array("I")` (`marshal` reads a list of ints
# one int at a time: the ~1,300 patterns' million opcodes took ~13 ms a run, the bytes
# ~2, and only the patterns a run compiles are turned back into lists).
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_CODE = "I"  # (an opcode that does not fit one leaves its pattern uncached)


def cache_file(cache_dir: Path = CACHE_DIR) -> Path:
    """The cache for this interpreter and regex engine."""
    tag = sys.implementation.cache_tag or "python"
    return cache_dir / f"patterns-{tag}-{_sre.MAGIC}-{_CODE}{sys.byteorder[0]}.marshal"


def supported() -> bool:
    """Whether this interpreter's `re` has the internals the cache relies on."""
    return (
        sys.implementation.name == "cpython"
        and sys.version_info[:2] in _SUPPORTED
        and callable(getattr(_compiler, "compile", None))
        and callable(getattr(_compiler, "_code", None))
        and callable(getattr(_parser, "parse", None))
        and callable(getattr(_sre, "compile", None))
    )


GateKey = tuple[str, int]
GateLiterals = tuple[frozenset[str], bool]
# What text/literal_gate.py and text/class_lead.py read from a pattern's parse tree (the
# other pure-Python parse a process pays per pattern): inside `cached_patterns()` kept in a
# file of its own, named by those modules' code; outside the block (None) computed every
# time. A value is anything `marshal` stores; None (a pattern that cannot be gated, one
# with no opening class) is kept too, or such a pattern would be parsed by every run.
_gates: dict[GateKey, Any] | None = None
_gates_new = False
_PARSE_READERS = ("literal_gate.py", "class_lead.py")

T = TypeVar("T")


def parsed_fact(key: GateKey, compute: Callable[[], T]) -> T:
    """What `compute()` reads from the pattern `key` ((pattern, flags), or a key its
    caller derives from them): cached, or computed. `T` must be a value `marshal` stores."""
    global _gates_new
    if _gates is None:
        return compute()
    if key in _gates:
        return _gates[key]  # type: ignore[no-any-return]
    found = _gates[key] = compute()
    _gates_new = True
    return found


def gate_literals(key: GateKey, compute: Callable[[], GateLiterals | None]) -> GateLiterals | None:
    """The gate literals of the pattern `key` (pattern, flags), None for a pattern that
    cannot be gated: cached, or `compute()`."""
    return parsed_fact(key, compute)


def gates_file(patterns: Path) -> Path:
    """The parse facts' cache beside `patterns`, named by the code of the modules that read
    them (text/literal_gate.py, text/class_lead.py)."""
    digest = hashlib.sha256()
    try:
        for name in _PARSE_READERS:
            digest.update((Path(__file__).parent / "extraction" / "text" / name).read_bytes())
        tag = digest.hexdigest()[:16]
    except OSError:
        tag = "unknown"
    return patterns.with_name(f"gate-literals-{tag}.marshal")


@contextmanager
def cached_patterns(path: Path | None = None) -> Iterator[None]:
    """Within the block, `re.compile` builds known patterns from the cache file (and
    `parsed_fact` answers from its own); on leaving, a file is rewritten if the block had
    to parse any pattern (one it did not hold, or whose opcodes the engine refused)."""
    global _gates, _gates_new
    if not supported():
        yield
        return
    path = path or cache_file()
    gates_path = gates_file(path)
    _gates, _gates_new = _read(gates_path), False
    try:
        with _compiled_from(path):
            yield
    finally:
        if _gates_new:
            for old in path.parent.glob("gate-literals-*.marshal"):
                if old != gates_path:
                    old.unlink(missing_ok=True)
            _write(gates_path, _gates)
        _gates, _gates_new = None, False


@contextmanager
def _compiled_from(path: Path) -> Iterator[None]:
    """`re.compile` from the cache file at `path` within the block (see the module doc)."""
    known = _read(path)
    used: dict[tuple[str, int], Entry] = {}
    original = _compiler.compile

    def compile_cached(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if not isinstance(pattern, str) or flags & re.DEBUG:
            return original(pattern, flags)  # type: ignore[no-any-return]
        key = (pattern, flags)
        entry = known.get(key)
        if entry is not None:
            compiled = _build(pattern, entry)
            if compiled is not None:
                used[key] = entry
                return compiled
            rewrite.append(True)  # refused by the engine: kept anew
        entry = _parse(pattern, flags)
        if entry is None:
            return original(pattern, flags)  # type: ignore[no-any-return]
        used[key] = new[key] = entry
        if not rewrite and (not known or _compiled_by_project()):
            rewrite.append(True)
        return _build(pattern, entry) or original(pattern, flags)

    new: dict[tuple[str, int], Entry] = {}
    # Whether the file is rewritten on leaving: for a damaged entry, a first file, or a new
    # pattern of the project's own code. Another new pattern alone does not rewrite it:
    # the standard library's tokenize (which pydantic reaches through inspect.signature)
    # builds its pattern from a set of prefixes, a different string in every process, and
    # the whole file was rewritten by every run for it (a run that writes stores it too).
    rewrite: list[bool] = []
    _compiler.compile = compile_cached
    try:
        yield
    finally:
        _compiler.compile = original
        if rewrite:
            merged = used if len(known) + len(new) > MAX_ENTRIES else {**known, **used}
            _write(path, merged)


_PROJECT = ("ingest.", "graph.", "api.")


def _compiled_by_project() -> bool:
    """Whether the `re.compile` being served was called from the project's own modules."""
    frame = sys._getframe(2)
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module != "re" and not module.startswith("re.") and module != __name__:
            return bool(module.startswith(_PROJECT))
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _parse(pattern: str, flags: int) -> Entry | None:
    """What `re._compiler.compile` computes before calling `_sre.compile` (None if the
    code does not fit the file's array type)."""
    parsed = _parser.parse(pattern, flags)
    try:
        code = array(_CODE, _compiler._code(parsed, flags)).tobytes()
    except OverflowError:
        return None
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    groups = parsed.state.groups - 1
    return (flags | parsed.state.flags, code, groups, groupindex, tuple(indexgroup))


def _build(pattern: str, entry: Entry) -> re.Pattern[str] | None:
    """The pattern from its cached opcodes, or None if the engine refuses them."""
    try:
        flags, code, groups, groupindex, indexgroup = entry
        opcodes = array(_CODE, code).tolist()
        return _sre.compile(  # type: ignore[no-any-return]
            pattern, flags, opcodes, groups, groupindex, indexgroup
        )
    except (RuntimeError, TypeError, ValueError, OverflowError):
        return None


def _read(path: Path) -> dict[Any, Any]:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, entries: dict[Any, Any]) -> None:
    """Store atomically; a failure (read-only home, full disk) only costs time next run."""
    try:
        data = marshal.dumps(entries)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".patterns-", suffix=".tmp")
    except (OSError, ValueError):
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
