"""'Y's local unit' is local to the public bodies its sentence names, not to the country
the article mostly tells of (issue 12, presence cues). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, triples


def test_a_local_unit_is_local_to_the_bodies_of_its_sentence() -> None:
    out = extract(
        "The U.S. Treasury and the U.S. Justice Department fined Korvane Capital Ltd. in "
        "Washington. "
        "The U.S. case is the largest of the year for the U.S. authorities.\n\n"
        "Separately, Dubai's Virtual Assets Regulatory Authority granted a licence to "
        "Zenmo Exchange's local unit."
    )
    places = {t for t in triples(out) if t[0] == "Zenmo Exchange" and t[1] == "OPERATES_IN"}
    assert ("Zenmo Exchange", "OPERATES_IN", "United Arab Emirates") in places, places
    assert ("Zenmo Exchange", "OPERATES_IN", "United States") not in places, places
