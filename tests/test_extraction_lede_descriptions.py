"""A lede's indefinite firm ("A crypto trading platform incorporated in the Cayman Islands
has been banned ...") is the firm the next sentences name, with what the lede says of it;
not when the lede names a firm itself, nor past the lede. Issue 12 point 1 (coreference);
sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties, relations_of

BCSC = "British Columbia Securities Commission"
LEDE = (
    "A crypto trading platform incorporated in the Cayman Islands has been banned from"
    " trading in British Columbia and ordered to pay the provincial regulator $500,000.\n\n"
    "A panel of the British Columbia Securities Commission imposed the sanctions on"
    " Korvane Ltd. in a decision issued Tuesday."
)


def test_the_ledes_indefinite_firm_is_the_firm_named_next() -> None:
    got = relation_properties(extract(LEDE))
    fine = got.get((BCSC, "FINED", "Korvane Ltd."))
    assert fine is not None and fine.get("amount") == 500_000
    assert ("Korvane Ltd.", "HEADQUARTERED_IN", "Cayman Islands") in got


def test_a_lede_that_names_its_firm_keeps_it() -> None:
    got = relations_of(
        "A crypto exchange, Zentrope Ltd, was fined $5,000 by the British Columbia Securities"
        " Commission.\n\nThe commission also warned Korvane Ltd."
    )
    assert (BCSC, "FINED", "Korvane Ltd.") not in got
    assert (BCSC, "FINED", "Korvane Ltd") not in got


def test_an_indefinite_firm_past_the_lede_is_no_reference() -> None:
    got = relations_of(
        "The British Columbia Securities Commission fined Zentrope Ltd on Monday.\n\n"
        "A second platform was banned from trading in the province.\n\n"
        "Korvane Ltd said it would appeal."
    )
    assert not {r for r in got if r[2].startswith("Korvane")}
