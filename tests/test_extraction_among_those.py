""" "Among the firms fined by the FCA on Monday were A and B": the list names the parties and
the agent before it is who acted (the list row wins the participle over the word row, which
would read a passive with no party). Guards beside it: "X has been ordered to cease ... by
Y" is a ban by Y; a regulator's blacklist is its warning list. Issue 12 point 1 (triggers,
lists); sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import relations_of

FCA = "Financial Conduct Authority"


@pytest.mark.parametrize(
    "sentence",
    [
        "Among the firms fined by the FCA on Monday were Korvex Ltd and Zentrope Ltd.",
        "Among those fined by the FCA were Korvex Ltd and Zentrope Ltd.",
    ],
)
def test_the_list_after_among_those_fined_by_a_body_is_fined_by_it(sentence: str) -> None:
    got = relations_of(sentence)
    assert {(FCA, "FINED", "Korvex Ltd"), (FCA, "FINED", "Zentrope Ltd")} <= got


def test_a_plain_passive_still_reads_its_party() -> None:
    assert (FCA, "FINED", "Korvex Ltd") in relations_of("Korvex Ltd was fined by the FCA.")


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        (
            "Korvex Ltd has been ordered to cease operations in Spain by the CNMV.",
            "Comisión Nacional del Mercado de Valores",
        ),
        (
            "Korvex Ltd was ordered to stop trading by the Ontario Securities Commission.",
            "Ontario Securities Commission",
        ),
    ],
)
def test_ordered_to_cease_by_a_body_is_banned_by_it(sentence: str, body: str) -> None:
    assert (body, "BANNED", "Korvex Ltd") in relations_of(sentence)


def test_a_regulators_blacklist_is_a_warning_list() -> None:
    got = relations_of(
        "France's AMF has added Korvex Ltd to its blacklist of unauthorised platforms."
    )
    assert ("Autorité des marchés financiers (France)", "WARNED", "Korvex Ltd") in got
