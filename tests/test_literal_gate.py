"""A gated pattern (ingest/extraction/text/literal_gate.py) finds exactly what its plain
pattern finds: every gated pattern of ingest/ is run both ways over every corpus article,
hostile strings and windows of each; the literals come from the pattern's parse tree, and
a pattern no literal starts cannot be gated."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest
from conftest import CORPUS

import ingest
from ingest.extraction.text.literal_gate import GatedPattern, fold, gate, required_literals

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = [
    "The ban was LIFTED; the licence was Revoked and the case DISMISSED.",
    # characters re.IGNORECASE equates with ASCII letters that str.lower() does not give
    "the ban was l\u0131fted, the case \u017fettled, the licence revo\u212aed",
    "\u0130\u0130 the ban was l\u0130fted \u0130 lifted; the case was \u017fettled",
    "xlift _lift 1lift lift_ lift1 relift uplifting lifts-lifted",
    "lift" * 30,
    "a" * 200 + " lifted",
    "",
    "l",
    "end. end, end; END! ended ending endorse trend",
    "Ünïcödé téxt wïth ‘quotes’ — then: the order was quashed by the court.",
    # a final sigma lowers by its context: a window and the whole text fold it apart
    "ΟΔΟΣ lift ΣΑΣ lifted ΣLIFT liftΣ \u0130lift",
]


def _gated_patterns() -> list[tuple[str, GatedPattern]]:
    found = []
    for info in pkgutil.walk_packages(ingest.__path__, "ingest."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, GatedPattern):
                found.append((f"{info.name}.{name}", value))
    return found


def _texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "data" / "extract" / "articles").glob("*.json"))
    for corpus in ("seed", "dev", "dev2"):
        paths += sorted((CORPUS / corpus / "articles").glob("*.json"))
    return [json.loads(p.read_text(encoding="utf-8"))["text"] for p in paths] + HOSTILE


def _same(plain: re.Pattern[str], gated: GatedPattern, text: str, pos: int, end: int) -> None:
    want = [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, end)]
    assert [(m.span(), m.groupdict()) for m in gated.finditer(text, pos, end)] == want
    folded = [(m.span(), m.groupdict()) for m in gated.finditer_folded(text, fold(text), pos, end)]
    assert folded == want  # the whole text folded once (text/scanning.py), not the window
    first = plain.search(text, pos, end)
    found = gated.search(text, pos, end)
    assert (found and found.span()) == (first and first.span())


def test_ingest_gates_some_pattern() -> None:
    assert _gated_patterns(), "no GatedPattern found: this test would check nothing"


@pytest.mark.parametrize(("label", "gated"), _gated_patterns(), ids=lambda x: str(x)[:60])
def test_a_gated_pattern_finds_what_the_plain_one_finds(label: str, gated: GatedPattern) -> None:
    plain = gated.pattern
    for text in _texts():
        _same(plain, gated, text, 0, len(text))
        for pos in range(0, len(text), 37):
            _same(plain, gated, text, pos, pos + 160)  # windows see the text before them
        _same(plain, gated, text, -5, len(text) + 5)
        _same(plain, gated, text, 10, 3)


def test_literals_come_from_the_parse_tree() -> None:
    literals, bounded = required_literals(
        re.compile(r"\b(?:(?<=\bto )(?:close|end)|f(?:ell|alls?) apart|lift(?:s|ed)?)\b", re.I)
    )
    assert literals == {"close", "end", "fell apart", "fall apart", "falls apart", "lift"}
    assert bounded
    literals, bounded = required_literals(re.compile(r"(?:o(?<!\w.)rder|[Dd]irect)ed"))
    assert literals == {"ordered", "directed"}
    assert not bounded  # no `\b` before them


def test_an_optional_part_gives_literals_with_it_and_without_it() -> None:
    literals, bounded = required_literals(
        re.compile(r"\b(?:(?:has|had) been |was )?(?:granted|award(?:ed)??)\b")
    )
    assert literals == {"has been gra", "has been awa", "had been gra", "had been awa",
                        "was granted", "was award", "granted", "award"}  # fmt: skip
    assert bounded
    pattern = re.compile(r"\b(?:(?:has|had) been |was )?(?:granted|awarded)\b")
    text = "It was granted; they had been awarded, then regranted and granted it."
    assert [m.span() for m in gate(pattern).finditer(text)] == [
        m.span() for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        r"\d+ fines?",
        r"(?:fined|\w+ed)",
        r"(?:the )*ban",
        r"(?:\d )?ban",
        r"[A-Z]\w+ Ltd",
        r"(?:x|\w)lift",
        r"",
    ],
)
def test_a_pattern_some_match_of_which_starts_with_no_literal_cannot_be_gated(
    pattern: str,
) -> None:
    with pytest.raises(ValueError, match="no literal"):
        gate(re.compile(pattern))


def test_an_ascii_pattern_is_gated_without_the_word_start_check() -> None:
    """With re.ASCII, `\\b` after a non-ASCII letter is a boundary; Unicode's is not."""
    pattern = re.compile(r"\blift", re.ASCII)
    gated = gate(pattern)
    assert not gated.bounded
    assert [m.span() for m in gated.finditer("élift lift")] == [
        m.span() for m in pattern.finditer("élift lift")
    ]
