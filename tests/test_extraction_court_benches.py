"""'The bench' (or 'the two-judge bench') is the court the story named: its orders are the
court's. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract


def test_the_bench_acts_for_its_court() -> None:
    out = extract(
        "The Sindh High Court heard the petition on Monday. The two-judge bench issued a "
        "show-cause notice to Velmora Ltd over its absence."
    )
    assert ("Sindh High Court", "WARNED", "Velmora Ltd") in actions(out), actions(out)
    assert "The two-judge bench" in aliases_of(out, "Sindh High Court"), out.entities
