"""Who speaks of an action is not its target (issue 12, precision guards: "no target
inside an attribution"): '..., Aquino said', '..." the company added'. Sentences written
for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract

LEDE = "The Securities Commission Malaysia said on Monday it had acted against Quorvane.\n\n"


@pytest.mark.parametrize(
    "sentence",
    [
        'Removing and blocking Quorvane will "protect investors," Tan Boon Kiat said.',
        "Blocking Quorvane protects investors, Tan Boon Kiat said.",
        'Suspending Quorvane was "the only choice left," the minister, Tan Boon Kiat, said.',
    ],
)
def test_the_speaker_of_a_closing_attribution_is_not_a_target(sentence: str) -> None:
    facts = actions(extract(LEDE + "Tan Boon Kiat chairs the commission. " + sentence))
    assert not any(t[2] == "Tan Boon Kiat" for t in facts), facts


def test_a_person_the_action_names_is_still_a_target() -> None:
    facts = actions(
        extract(LEDE + "The commission fined Quorvane and its director Tan Boon Kiat, it said.")
    )
    assert any(t[1] == "FINED" and t[2] == "Tan Boon Kiat" for t in facts), facts
