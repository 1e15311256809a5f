"""`gate_pass.GatePass`, one automaton pass over a document for every gated pattern a
scanner searches, gives each pattern the starts its own automaton gives in any span
(`GatedPattern._starts_in`), and a scanner finds the same matches with it as without."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import ingest
from ingest.extraction.actions.triggers import SEARCHED
from ingest.extraction.text import gate_pass
from ingest.extraction.text.document import read_document
from ingest.extraction.text.literal_gate import GatedPattern, fold
from ingest.extraction.text.scanning import Scanner

TEXTS = [
    "The SEC fined Velkor Ltd $2 million and banned its founder. The FCA lifted the ban "
    "on Zenmo on Monday; the court quashed the order, and the regulator revoked the licence.",
    "Police arrested two men and seized 13 websites. Regulators warned investors against "
    "Korvane, which was not licensed; it had been blocked and blacklisted since 2021.",
    # literals glued to words, running over a sentence's end, in other scripts' cases
    "unbanned, banning; xfined fined_ fined-out. BAN. Ban\u0130 ban\u0131 revo\u212aed. "
    "The ban. Was lifted",
    "",
]


def _gated() -> list[GatedPattern]:
    found: dict[int, GatedPattern] = {}
    for info in pkgutil.walk_packages(ingest.__path__, "ingest."):
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, GatedPattern):
                found[id(value)] = value
    for value in SEARCHED:
        if isinstance(value, GatedPattern):
            found[id(value)] = value
    return list(found.values())


def test_a_pass_gives_each_pattern_the_starts_its_own_automaton_gives() -> None:
    patterns = _gated()
    for p in patterns:
        gate_pass.note(p)
    checked = 0
    for text in TEXTS:
        doc = read_document(text)
        folded = fold(doc.text)
        gates = gate_pass.GatePass(doc.text, folded)
        spans = [(s.start, s.end) for s in doc.sentences] + [
            (a, b) for a in range(0, len(doc.text), 7) for b in (a + 1, a + 9, a + 40)
        ]
        for p in patterns:
            for start, end in spans:
                end = min(end, len(doc.text))
                want = p._starts_in(doc.text, folded, start, end)
                assert gates.starts_in(p, start, end) == want, (p.pattern.pattern[:60], start)
                checked += bool(want)
    assert checked > 100


def test_a_pattern_the_pass_does_not_hold_is_searched_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(gate_pass, "_PENDING", {})
    monkeypatch.setattr(gate_pass, "_BUILT", [(None, frozenset())])
    doc = read_document(TEXTS[0])
    row = next(p for p in SEARCHED if isinstance(p, GatedPattern) and p.search(doc.text))
    spans = [(s.start, s.end) for s in doc.sentences]
    first = [m.span() for m in Scanner(doc).finditer_in(row, spans)]  # noted, not held yet
    assert id(row) in gate_pass._PENDING
    again = [m.span() for m in Scanner(doc).finditer_in(row, spans)]  # held now
    assert id(row) in gate_pass._BUILT[0][1]
    want = [m.span() for s, e in spans for m in row.pattern.finditer(doc.text, s, e)]
    assert first == again == want and want
