"""A fronted request or complaint the action answered hedges nothing ("Through a request
from the prosecutor's office, the court has ordered ..."); a request itself is still no
action. Sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract


@pytest.mark.parametrize(
    "opening",
    [
        "Through a request from the Rosario cybercrime prosecutor's office, ",
        "At the request of prosecutors, ",
        "Following a complaint from the central bank, ",
    ],
)
def test_a_fronted_request_hedges_nothing(opening: str) -> None:
    out = extract(
        f"{opening}the Ninth Court of Guarantees has ordered the blocking of access to Binance."
    )
    assert ("Ninth Court of Guarantees", "BLOCKED", "Binance") in actions(out), actions(out)


def test_a_request_itself_is_still_no_action() -> None:
    out = extract("Prosecutors requested that the Ninth Court of Guarantees block Binance.")
    assert not {t for t in actions(out) if t[1] == "BLOCKED"}, actions(out)
