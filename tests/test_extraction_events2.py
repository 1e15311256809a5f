"""Actions are events (ONTOLOGY v2): the same actor, type and target with conflicting
dates or amounts are separate events in the extractor's JSON, not one (the output kept
the first draft of each triple). Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article, Relation
from ingest.extraction import extract_article
from ingest.extraction.output import same_event


def _fines(text: str) -> list[Relation]:
    out = extract_article(Article(id="t", text=text, published=dt.date(2025, 11, 20)))
    return [r for r in out.relations if r.type == "FINED"]


def test_two_fines_years_apart_are_two_events() -> None:
    fines = _fines(
        "The Financial Conduct Authority fined Zenmo Exchange £2 million in 2021. In 2024 the "
        "Financial Conduct Authority fined Zenmo Exchange £5 million for new breaches."
    )
    assert sorted((r.date, r.properties.get("amount")) for r in fines) == [
        ("2021", 2e6),
        ("2024", 5e6),
    ], fines


def test_one_fine_told_twice_is_one_event() -> None:
    fines = _fines(
        "The Financial Conduct Authority fined Zenmo Exchange £2 million in March 2021. The fine "
        "imposed on Zenmo Exchange was the regulator's largest that year."
    )
    assert len(fines) == 1, fines


def test_event_identity_follows_the_ontology() -> None:
    assert same_event(("2023", None, None), ("2023-05", 5e6, "USD"))
    assert not same_event(("2023", None, None), ("2025", None, None))
    assert not same_event(("2023-05", 1e6, "USD"), ("2023-05", 2e6, "USD"))
    assert same_event(("2023-05", 1e6, "USD"), ("2023-05", 1.005e6, "USD"))
    assert same_event((None, None, None), ("2025-01-02", 3e6, "EUR"))
    assert same_event(("2023-01-04", 5e7, "USD"), ("2023-01-04", 1e8, "USD"))  # total and part
