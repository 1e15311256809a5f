"""A counted back-reference may open with "All" or "Those" and hold a name as a modifier
("All four Velmora entities were ordered to stop"): it still names the firms just listed."""

from __future__ import annotations

from extraction_support import actions, extract


def test_all_four_named_entities_are_the_listed_firms() -> None:
    found = actions(
        extract(
            "The Securities Commission took action against Velmora Ltd and three other "
            "entities, namely Zolta Ltd, Kestrel Ltd and Brantex Ltd. All four Velmora "
            "entities were ordered to stop their operations in Ruritania."
        )
    )
    for firm in ("Velmora Ltd", "Zolta Ltd", "Kestrel Ltd", "Brantex Ltd"):
        assert ("Securities Commission", "BANNED", firm) in found, found
