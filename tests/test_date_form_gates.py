"""`date_mentions` runs a date form only in sentences holding what its matches need
(`_FORM_NEEDS`: a digit, a month name, the word "year", ...); with every form run in
every sentence it finds the same mentions, over every corpus sentence and hostile ones."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from conftest import require_corpus

from ingest.extraction.actions import date_mentions as dm
from ingest.extraction.text.document import read_document

HOSTILE = [
    "In June last year the SEC sued X; in March that same year it fined Y.",
    "It was fined in JUNE LAST YEAR and in April of this year.",
    "During September of that year, and in May next year, the ban held.",
    "Earlier that month, on 3 March 2021, and from 4 to 9 May, it acted.",
    "The 2021 ban, H1 2022, the second half of 2020, two weeks ago, the following day.",
    # each branch of the relative and context forms, alone in its sentence
    "It acted Yesterday.",
    "It acted early today.",
    "Tonight it acted.",
    "This week it acted.",
    "It acted this month and this year.",
    "Last week it acted.",
    "It acted last month.",
    "It acted last year.",
    "It acted 3 days ago.",
    # (a context form needs a time told before it, in the same sentence here)
    "On 3 March 2021 it acted; That day it moved.",
    "On 3 March 2021 it acted; that week it moved.",
    "On 3 March 2021 it acted; that month it moved.",
    "On 3 March 2021 it acted; that year it moved.",
    "On 3 March 2021 it acted; the same week it moved.",
    "On 3 March 2021 it acted; the next day it moved.",
    "On 3 March 2021 it acted; the previous year it moved.",
    "On 3 March 2021 it acted; the preceding month it moved.",
    "On 3 March 2021 it acted; two weeks later it moved.",
    "On 3 March 2021 it acted; five days earlier it moved.",
    "On 3 March 2021 it acted; one year afterwards it moved.",
    "On 3 March 2021 it acted; at that time it moved.",
    "On 3 March 2021 it acted; at about the same time it moved.",
]


def _sentences() -> list[str]:
    texts = list(HOSTILE)
    corpus_dir = require_corpus("seed", "dev", "dev2")  # (the test's figures count on them)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((corpus_dir / corpus / "articles").glob("*.json")):
            doc = read_document(json.loads(path.read_text(encoding="utf-8"))["text"])
            texts += [s.text for s in doc.sentences]
    return texts


def test_gated_forms_find_what_every_form_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = dm.DateFrame(dt.date(2024, 5, 17))
    sentences = _sentences()
    gated = [dm.date_mentions(s, frame) for s in sentences]
    ungated = [(form, pattern, ()) for form, pattern in dm._FORMS]  # plain patterns too
    monkeypatch.setattr(dm, "_FORMS_AND_NEEDS", ungated)
    assert [dm.date_mentions(s, frame) for s in sentences] == gated
    assert sum(len(found) for found, _ in gated) > 50
