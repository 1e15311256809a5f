"""A firm told first by a description and identified by the next sentence ("... blocking
of access to a cryptocurrency exchange. This is the Korvane exchange, ...") is the party
of the action told on the description. Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, types_by_name


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "A Brazilian court has ordered the blocking of access to a cryptocurrency "
            "exchange for the first time. This is the Korvane exchange, a venue based in "
            "Panama.",
            "Korvane",
        ),
        (
            "A Brazilian court has ordered the blocking of access to a cryptocurrency "
            "exchange. This is the Binance exchange, which operates globally.",
            "Binance",
        ),
        (
            "The Central Bank of Malta fined a crypto firm on Monday. It is Velmora Markets "
            "Ltd, a broker founded in 2019.",
            "Velmora Markets Ltd",
        ),
        (
            "The Central Bank of Malta fined a crypto firm on Monday. The company in question "
            "is Velmora Markets Ltd.",
            "Velmora Markets Ltd",
        ),
    ],
)
def test_the_next_sentence_names_the_described_party(text: str, firm: str) -> None:
    out = extract(text)
    assert firm in {t for s, a, t in actions(out) if a in ("BLOCKED", "FINED")}, actions(out)


def test_a_cue_types_the_identified_venue() -> None:
    out = extract("This is the Korvane exchange, a venue based in Panama.")
    assert types_by_name(out).get("Korvane") == "Exchange", types_by_name(out)


def test_a_sentence_that_does_not_identify_names_no_party() -> None:
    out = extract(
        "The Central Bank of Malta fined a crypto firm on Monday. Velmora Markets Ltd "
        "said it would appeal a separate order."
    )
    # (the unnamed firm stays a group of one, `unnamed_groups`; Velmora is not it)
    assert not {t for t in actions(out) if t[2] == "Velmora Markets Ltd"}, actions(out)
