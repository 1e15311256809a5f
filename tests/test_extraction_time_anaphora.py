"""Time given by reference to the sentence before (issue 12): "at the same time" takes
the date the narrative has reached. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article


def test_at_the_same_time_takes_the_date_of_the_sentence_before() -> None:
    text = (
        "Bank Al-Maghrib said on Tuesday it had drafted a crypto law. The governor spoke at a "
        "conference in Rabat. He gave no timetable.\n\n"
        "In November 2017 the Office des Changes fined Bybit. The Central Bank of Kenya "
        "warned OKX at the same time."
    )
    out = extract_article(Article(id="t", text=text, published=dt.date(2024, 11, 26)))
    names = {e.id: e.name for e in out.entities}
    dates = {(names[r.source], r.type, names[r.target]): r.date for r in out.relations}
    assert dates[("Central Bank of Kenya", "WARNED", "OKX")] == "2017-11"
