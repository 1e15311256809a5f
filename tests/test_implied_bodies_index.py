"""`entries_of` (implied_bodies) gives, for every type and jurisdiction, exactly the
entries a scan over the whole gazetteer gives, in the same order."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from ingest.extraction.entities.country_context import CountryContext
from ingest.extraction.names.gazetteer_index import get_index
from ingest.extraction.references.implied_bodies import entries_of


def test_entries_of_matches_a_scan_of_every_entry() -> None:
    index = get_index()
    ctx = cast(CountryContext, SimpleNamespace(index=index))
    seats = {e.jurisdiction for e in index.entries[::50]} | {"Atlantis", "", None}
    types = {e.type for e in index.entries} | {"NoSuchType"}
    assert len(seats) > 20 and len(types) > 5
    for etype in types:
        for seat in seats:
            want = [e for e in index.entries if e.type == etype and e.jurisdiction == seat]
            assert entries_of(ctx, etype, seat) == want


def test_a_new_index_is_indexed_anew() -> None:
    index = get_index()
    first = next(e for e in index.entries if e.jurisdiction)
    ctx = cast(CountryContext, SimpleNamespace(index=index))
    assert first in entries_of(ctx, first.type, first.jurisdiction)
    other = cast(CountryContext, SimpleNamespace(index=SimpleNamespace(entries=[])))
    assert entries_of(other, first.type, first.jurisdiction) == []
    assert first in entries_of(ctx, first.type, first.jurisdiction)
