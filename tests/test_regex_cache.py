"""The on-disk cache of compiled patterns (ingest/regex_cache.py) builds the same patterns
as `re`, survives a damaged file, and spares the parse on the second run."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
from array import array
from pathlib import Path
from typing import Any

import pytest

from ingest import regex_cache
from ingest.regex_cache import cached_patterns

pytestmark = pytest.mark.skipif(not regex_cache.supported(), reason="not CPython 3.11-3.13")

_PARSER: Any = importlib.import_module("re._parser")

# Varied shapes: named groups, flags inline and passed, lookbehind, classes, Unicode,
# backreferences, bounded repeats. A `{n}` suffix makes each run's patterns new to
# `re`'s in-process cache, so they reach the compiler.
SHAPES: list[tuple[str, int]] = [
    (r"\b(?P<actor>[A-Z][a-z]+) (?:banned|fined) (?P<target>\w+)", 0),
    (r"(?i)cease[- ]and[- ]desist", 0),
    (r"(?<![\w.])₩\s?\d+(?:[.,]\d+)*\s*(?:bn|billion)\b", 0),
    (r"^(\w+)\s+\1$", re.MULTILINE),
    (r"[À-ÿ]{2,5}(?=\s)", re.IGNORECASE),
    (r"a{2,4}?b*(?:c|d)+", re.VERBOSE),
]
TEXTS = [
    "Regulator banned Korvex yesterday",
    "A CEASE-and-desist order",
    "fined ₩ 3.5 bn on Monday",
    "word word\nother thing",
    "Émile Zoë went",
    "aaabbbcdcd",
]


def _compile_all(suffix: str) -> list[re.Pattern[str]]:
    return [re.compile(p + f"(?:{suffix})?", f) for p, f in SHAPES]


def _behaviour(patterns: list[re.Pattern[str]]) -> list[Any]:
    return [
        (p.flags, p.groups, dict(p.groupindex), [m.span() for t in TEXTS for m in p.finditer(t)])
        for p in patterns
    ]


def test_the_second_run_builds_the_same_patterns_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "patterns.marshal"
    expected = _behaviour(_compile_all("zz0"))  # `re` on its own

    re.purge()
    with cached_patterns(path):
        first = _behaviour(_compile_all("zz0"))
    assert path.exists()
    assert first == expected

    parses: list[str] = []
    real_parse = _PARSER.parse

    def counted_parse(pattern: str, flags: int = 0, *rest: Any) -> Any:
        parses.append(pattern)
        return real_parse(pattern, flags, *rest)

    monkeypatch.setattr(_PARSER, "parse", counted_parse)
    re.purge()
    with cached_patterns(path):
        second = _behaviour(_compile_all("zz0"))
    assert second == expected
    assert parses == []  # every pattern came from the file


def test_outside_the_block_re_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    with cached_patterns(path):
        pass
    re.purge()
    re.compile(r"never(?:seen)?zz1")
    assert not path.exists()  # nothing compiled inside the block: nothing written


@pytest.mark.parametrize(
    "damage",
    [b"", b"not marshal at all", b"\x00" * 64],
    ids=["empty", "garbage", "zeros"],
)
def test_a_damaged_file_costs_only_time(tmp_path: Path, damage: bytes) -> None:
    path = tmp_path / "patterns.marshal"
    path.write_bytes(damage)
    re.purge()
    with cached_patterns(path):
        got = _behaviour(_compile_all("zz2"))
    assert got == _behaviour(_compile_all("zz2"))
    assert regex_cache._read(path)  # rewritten whole


def test_opcodes_the_engine_refuses_are_compiled_again(tmp_path: Path) -> None:
    path = tmp_path / "patterns.marshal"
    pattern = r"(?P<x>ab)+cd(?:zz3)?"
    regex_cache._write(path, {(pattern, 0): (32, [1, 2, 3, 999], 1, {"x": 1}, (None, "x"))})
    re.purge()
    with cached_patterns(path):
        compiled = re.compile(pattern)
    assert compiled.fullmatch("ababcd") and not compiled.fullmatch("abcd!")
    assert regex_cache._read(path)[(pattern, 0)][1] != [1, 2, 3, 999]


@pytest.mark.parametrize(
    "code",
    [b"\x01\x02\x03", array("I", [1, 2, 3, 999]).tobytes(), "not bytes"],
    ids=["cut-short", "refused", "foreign"],
)
def test_a_damaged_entry_is_compiled_again_and_stored_as_opcode_bytes(
    tmp_path: Path, code: object
) -> None:
    path = tmp_path / "patterns.marshal"
    pattern = r"(?P<x>ab)+cd(?:zz6)?"
    regex_cache._write(path, {(pattern, 0): (32, code, 1, {"x": 1}, (None, "x"))})
    re.purge()
    with cached_patterns(path):
        compiled = re.compile(pattern)
    assert compiled.fullmatch("ababcd") and not compiled.fullmatch("abcd!")
    stored = regex_cache._read(path)[(pattern, 0)][1]
    assert isinstance(stored, bytes) and stored != code
    assert array("I", stored).tolist() == [int(op) for op in _code_of(pattern)]


def _code_of(pattern: str) -> list[int]:
    compiler: Any = importlib.import_module("re._compiler")
    return list(compiler._code(_PARSER.parse(pattern, 0), 0))


def test_only_a_new_pattern_of_the_projects_code_rewrites_the_file(tmp_path: Path) -> None:
    """A pattern another library builds anew in every process (tokenize's, from a set)
    must not make every run rewrite the whole file; the project's own new ones do."""
    from ingest.extraction.text.regex_lead import compile_lead

    path = tmp_path / "patterns.marshal"
    with cached_patterns(path):
        re.compile(r"first(?:zz7)?")  # a first file is written, whoever compiles
    written = path.read_bytes()
    re.purge()
    with cached_patterns(path):
        re.compile(rf"not the project's {os.getpid()}(?:zz8)?")  # (this test module's)
    assert path.read_bytes() == written
    with cached_patterns(path):
        compile_lead(rf"\b(?:own|ours) {os.getpid()}(?:zz9)?")
    stored = {pattern for pattern, _ in regex_cache._read(path)}
    assert any(f"{os.getpid()}(?:zz9)?" in p for p in stored)


def test_a_folder_that_cannot_be_made_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"  # the cache folder would have to be made inside a file
    blocker.write_text("x")
    re.purge()
    with cached_patterns(blocker / "sub" / "patterns.marshal"):
        assert re.compile(r"x+(?:zz4)?").match("xx")
    assert blocker.read_text() == "x"


def test_a_pattern_that_does_not_parse_raises_as_re_does(tmp_path: Path) -> None:
    with cached_patterns(tmp_path / "p.marshal"), pytest.raises(re.error):
        re.compile(r"(unclosed zz5")


def test_the_cli_prints_the_same_json_with_a_warm_cache(tmp_path: Path) -> None:
    """`cryptoreg extract` once cold (writes the cache), once warm: the same output."""
    article = Path(__file__).resolve().parent.parent / "examples" / "japan-fsa-warns-binance.txt"
    env = {**os.environ, "HOME": str(tmp_path)}
    command = [sys.executable, "-m", "api.cli", "extract", str(article)]
    cold = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    files = list((tmp_path / ".cache" / "cryptoreg").glob("patterns-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 10_000
    warm = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout == cold.stdout and '"relations"' in cold.stdout


def test_gate_literals_are_kept_between_runs_and_computed_outside_the_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest.extraction.text import literal_gate

    pattern = re.compile(rf"(?P<g{os.getpid()}>\b(?:lift|rescind|revok(?:e|ed)))\b", re.I)
    expected = (frozenset({"lift", "rescind", "revoke"}), True)
    cache = tmp_path / "patterns.marshal"
    with cached_patterns(cache):
        assert literal_gate.required_literals(pattern) == expected
    assert list(tmp_path.glob("gate-literals-*.marshal")), "the literals were not written"

    def refuse(*_: object) -> tuple[frozenset[str], bool]:
        raise AssertionError("parsed again")

    monkeypatch.setattr(literal_gate, "_read_literals", refuse)
    with cached_patterns(cache):  # the second run reads them from the file
        assert literal_gate.required_literals(pattern) == expected
    with pytest.raises(AssertionError, match="parsed again"):  # outside: always computed
        literal_gate.required_literals(pattern)


def test_a_literal_extending_another_is_dropped() -> None:
    from ingest.extraction.text.literal_gate import required_literals

    literals, _ = required_literals(re.compile(r"\b(?:ban|banned|banning|bar|barred)\b"))
    assert literals == frozenset({"ban", "bar"})
