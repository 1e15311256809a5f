"""A list item's label that names a term of an order or a section ("- Restitution: X must
pay ...", "- Administrative Penalty: The DFPI imposed ...") is no party, and an
instrument's name ("a Consent Order against X") is no person; a firm heading an item
still is one. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name

from ingest.extraction.names.recognition import find_names
from ingest.extraction.names.truecase import restore_case
from ingest.extraction.text.document import read_document


def test_term_labels_of_an_order_are_no_parties() -> None:
    out = extract(
        "Restitution and Penalties\n"
        "- Restitution: Velmora Inc. is required to pay $20,000 in restitution to consumers.\n"
        "- Administrative Penalty: The DFPI imposed a $90,000 civil monetary penalty on "
        "Velmora Inc."
    )
    assert "Restitution" not in types_by_name(out), types_by_name(out)
    assert "Administrative Penalty" not in types_by_name(out), types_by_name(out)
    assert {t for s, a, t in actions(out) if a == "FINED"} == {"Velmora Inc."}, actions(out)


def test_firms_heading_items_are_still_firms() -> None:
    out = extract(
        "The regulator listed two firms:\n- Korvex: The platform claims to be licensed.\n"
        "- Delmar Holdings: The firm offered unregistered securities."
    )
    assert types_by_name(out).get("Delmar Holdings") == "Company", types_by_name(out)


def test_an_instrument_is_no_person() -> None:
    doc = read_document(
        "The DFPI acted on Monday.\nThis action was a Consent Order against Velmora Inc., a "
        "kiosk firm.\nSummary of Order Terms",
        recase=restore_case,
    )
    people = {c.surface for c in find_names(doc) if c.type == "Person"}
    assert "Consent Order" not in people, people
