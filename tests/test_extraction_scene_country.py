"""A sentence that opens on its place ("In Thailand, the SEC ...") settles an ambiguous
body name there, whatever country the rest of the article tells of (issue 12, name
variants guarded by jurisdiction). Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract

GHANA_FIRST = (
    "Ghana's central bank warned the public against Zenmo Exchange. The Bank of Ghana "
    "said Ghanaian banks must not serve it.\n\n"
)


@pytest.mark.parametrize(
    "opening",
    ["In Thailand, the SEC", "Meanwhile, in Thailand, the Securities and Exchange Commission"],
)
def test_a_sentence_opening_on_its_country_settles_an_ambiguous_body(opening: str) -> None:
    out = extract(GHANA_FIRST + f"{opening} pressed charges against Korvane Capital Ltd.")
    sued = {s for s, a, t in actions(out) if a == "SUED"}
    assert sued == {"Securities and Exchange Commission of Thailand"}, actions(out)


def test_without_a_scene_the_articles_country_settles_it() -> None:
    out = extract(GHANA_FIRST + "The SEC pressed charges against Korvane Capital Ltd.")
    sued = {s for s, a, t in actions(out) if a == "SUED"}
    assert sued == {"Securities and Exchange Commission of Ghana"}, actions(out)
