"""An order told as a state of the target and attributed at the end of the sentence ("X is
not permitted to offer services in Ontario, the OSC said"), and warning lists named in
title case or kept by the actor ("the SFC added X to its Alert List") (issue 12).
Sentences written for these tests, with invented firms."""

from __future__ import annotations

import pytest
from extraction_support import relations_of as _rels


@pytest.mark.parametrize(
    "text",
    [
        "Korvex Ltd is not permitted to offer services in Ontario, the OSC said.",
        "Korvex Ltd must stop offering services in Ontario, the OSC said.",
        "Korvex Ltd is no longer allowed to serve clients in Toronto, the OSC said on Friday.",
    ],
)
def test_an_order_attributed_after_a_place_names_the_attributed_body(text: str) -> None:
    rels = _rels(text)
    assert ("Ontario Securities Commission", "BANNED", "Korvex Ltd") in rels
    assert not {r for r in rels if r[1] == "BANNED" and r[0] != "Ontario Securities Commission"}


@pytest.mark.parametrize(
    "text",
    [
        "Hong Kong's Securities and Futures Commission added Korvex Ltd to its Alert List.",
        "Hong Kong's Securities and Futures Commission placed Korvex Ltd on its warning list.",
        "Korvex Ltd was included on the SFC's Alert List in March.",
    ],
)
def test_a_warning_list_in_any_case_and_kept_by_the_actor_warns(text: str) -> None:
    assert ("Securities and Futures Commission", "WARNED", "Korvex Ltd") in _rels(text)


def test_adding_something_to_a_list_that_warns_nobody_is_no_warning() -> None:
    rels = _rels("Korvex Ltd added Solana to its list of tokens on Tuesday.")
    assert not {r for r in rels if r[1] == "WARNED"}
