"""A body named only by its kind acted (issue 12, "no actor carried past a subject that
was not recognised"): "the court ordered X to pay", "prosecutors charged X", "X was
fined by the court" when no court or prosecutor is named are not the regulator's
actions; the candidate is refused with its sentence. A kind the fallback body is ("the
regulator", a named court) still takes it. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.models import Article, Extraction
from ingest.extraction import extract_article

LEDE = "Malaysia's Securities Commission met on Tuesday.\n\n"
SC = "Securities Commission Malaysia"


def _extract(text: str) -> Extraction:
    return extract_article(Article(id="t", text=LEDE + text, published=dt.date(2024, 5, 2)))


def _actions(out: Extraction) -> set[tuple[str, str, str]]:
    names = {e.id: e.name for e in out.entities}
    return {
        (names[r.source], r.type, names[r.target])
        for r in out.relations
        if r.type not in ("LOCATED_IN", "OPERATES_IN", "PART_OF")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "The court ordered Brevane Holdings to pay damages.",
        "The judge ordered Brevane Holdings to stop trading.",
        "Prosecutors charged Brevane Holdings with fraud.",
        "The ministry banned Brevane Holdings.",
        "The district court has also fined Brevane Holdings.",
        "Brevane Holdings was fined by the court.",
        "Brevane Holdings was raided by police last week.",
    ],
)
def test_an_unnamed_body_of_another_kind_does_not_act_as_the_regulator(sentence: str) -> None:
    out = _extract(sentence)
    assert not any(source == SC for source, _, _ in _actions(out))
    refused = [r for r in out.refused if r.evidence == sentence]
    assert refused and refused[0].target_name == "Brevane Holdings"


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator banned Brevane Holdings.",
        "Brevane Holdings was fined by the regulator.",
        "It later fined Brevane Holdings.",
    ],
)
def test_the_regulator_named_by_its_kind_still_acts(sentence: str) -> None:
    assert any(
        source == SC and target == "Brevane Holdings"
        for source, _, target in _actions(_extract(sentence))
    )


def test_a_named_court_is_the_court_that_acted() -> None:
    out = extract_article(
        Article(
            id="t",
            text="The Kuala Lumpur High Court heard the case on Monday.\n\n"
            "The court ordered Brevane Holdings to pay damages.",
            published=dt.date(2024, 5, 2),
        )
    )
    assert ("Kuala Lumpur High Court", "FINED", "Brevane Holdings") in _actions(out)


@pytest.mark.parametrize(
    "sentence",
    [
        "A court's order later barred Brevane Holdings from trading.",
        "The judge's ruling froze the assets of Brevane Holdings.",
        "The ministry's decree banned Brevane Holdings.",
    ],
)
def test_a_kind_s_decision_as_subject_is_not_the_regulator_s_action(sentence: str) -> None:
    out = _extract(sentence)
    assert not any(a[0] == SC and a[2] == "Brevane Holdings" for a in _actions(out)), out
