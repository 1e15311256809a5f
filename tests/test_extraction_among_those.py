""" "Among the firms fined by the FCA on Monday were A and B": the list names the parties and
the agent before it is who acted (the list row wins the participle over the word row, which
would read a passive with no party). Issue 12 point 1 (triggers, lists); sentences written
for these tests."""

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
