"""`opening_class` gives a pattern that matches wherever the whole pattern can begin a
match, for patterns that open with lookaheads; the scanner, trying a pattern only there,
finds exactly what the plain pattern finds. Checked on patterns and sentences of our own
and on the name cues that use it."""

from __future__ import annotations

import re

import pytest

from ingest.extraction.names import type_cues
from ingest.extraction.text.class_lead import opening_class
from ingest.extraction.text.document import read_document
from ingest.extraction.text.scanning import Scanner

OWN = [
    "Zeta Exchange is a crypto exchange based in Tallinn. It is the largest one. "
    "The Big Trade Co was a payments processor until This Year Ltd bought it.",
    "Acme Bank has been fined by the FCA, and Omega Pay Ltd was registered with the "
    "Monetary Authority. Sigma Coin has secured a licence; Beta Labs had received approval.",
    "On Monday, Delta Markets were barred. Kappa, a broker, is a firm; Lambda Group remains "
    "one of the firms. \u0130stanbul Borsa is an exchange. MAS-licensed Nu is a lender.",
    "nothing capitalised here but words, and a 3rd line: 42 things is a number.",
]

OWN_PATTERNS = [
    r"(?!(?:It|This|The)\b)(?P<n>[A-Z](?<![\w.-].)\w*(?: [A-Z]\w*)*) (?:is|was) (?:a|an|the) \w+",
    r"(?!On\b)(?=[A-Z])(?:[A-Z]\w+ )+(?:were|was) \w+",
    r"(?<!\d)(?!4)\d+(?:rd|th)?",
    r"(?!x)(?i:[a-z])\w+ is",  # a group with its own flags: left as it is
    r"(?!x)(?:Kappa|Sigma) \w+",  # no class opens it: left as it is
    r"(?!(?:Monday)\b)[A-Z\u0130][\w-]*(?<=[a-z]) (?:is|has)",
]


def test_patterns_without_an_opening_lookahead_are_left_alone() -> None:
    assert opening_class(re.compile(r"[A-Z]\w+ is")) is None
    assert opening_class(re.compile(r"(?!x)(?:Kappa|Sigma) \w+")) is None
    assert opening_class(re.compile(r"(?!x)(?i:[a-z])\w+ is")) is None
    found = opening_class(re.compile(r"(?!(?:It)\b)(?P<n>[A-Z](?<![\w.-].)\w*) is"))
    assert found is not None and found.pattern == r"[A-Z](?<![\w.\-].)"


@pytest.mark.parametrize("source", OWN_PATTERNS)
@pytest.mark.parametrize("text", OWN)
def test_a_pattern_can_begin_only_where_its_opening_matches(source: str, text: str) -> None:
    pattern = re.compile(source)
    starts = opening_class(pattern)
    if starts is None:
        return
    can_begin = {m.start() for m in starts.finditer(text)}
    every_start = {i for i in range(len(text)) if pattern.match(text, i)}
    assert every_start <= can_begin


@pytest.mark.parametrize("source", OWN_PATTERNS)
def test_the_scanner_finds_the_same_matches_with_the_opening(source: str) -> None:
    pattern = re.compile(source)
    starts = opening_class(pattern)
    for text in OWN:
        scanner = Scanner(read_document(text))
        spans = scanner.bounds_of(scanner.mask(("a", "e", "i", "o", "u")))
        plain = [m.span() for m in scanner.finditer_in(pattern, spans)]
        assert [m.span() for m in scanner.finditer_in(pattern, spans, starts)] == plain


def test_the_cues_with_an_opening_find_what_their_patterns_find() -> None:
    rows = [i for i, s in enumerate(type_cues._CUE_STARTS) if s is not None]  # noqa: SLF001
    assert len(rows) >= 5
    found = 0
    for text in OWN:
        scanner = Scanner(read_document(text))
        for i in rows:
            pattern = type_cues._CUE_PATTERNS[i]  # noqa: SLF001
            spans = scanner.bounds_of(scanner.mask((" ",)))
            plain = [m.span() for m in pattern.finditer(scanner.text)]
            starts = type_cues._CUE_STARTS[i]  # noqa: SLF001
            assert [m.span() for m in scanner.finditer_in(pattern, spans, starts)] == plain
            found += len(plain)
    assert found >= 4
