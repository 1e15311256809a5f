"""The members a decision's header lists under "Adjudicators:" (one a line) sit on the one
tribunal the document names, with the label's role or the one their bracket gives; with
no tribunal named, or two, nobody is tied. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties

_HEADER = (
    "Reasons and Decision\n\nAdjudicators:\nAlma Fenwick (chair of the panel)\nDorian Kesh\n"
    "Hearing:\nMay 3, 2024\n\n"
)


def test_listed_adjudicators_sit_on_the_tribunal() -> None:
    out = extract(
        _HEADER + "[1] The Capital Markets Tribunal found that Velmora Inc. breached the Act."
    )
    roles = {
        s: p.get("role")
        for (s, a, t), p in relation_properties(out).items()
        if a == "AFFILIATED_WITH" and t == "Capital Markets Tribunal"
    }
    assert roles == {"Alma Fenwick": "chair of the panel", "Dorian Kesh": "adjudicator"}, roles


def test_with_no_tribunal_named_nobody_is_tied() -> None:
    out = extract(_HEADER + "[1] Velmora Inc. breached the Act, the panel found.")
    assert not {k for k in relation_properties(out) if k[1] == "AFFILIATED_WITH"}, out.relations
