"""A firm no gazetteer knows, found as the holder of a licence ("Bitvana secured a VASP
licence", "granted Qorvex a full licence", "Nexfolio has been registered with the Bank of
Lithuania"), and a person's relations or trade before their name that do not make the firm
or person named with it a party ("Do Kwon's associate, Daniel Shin", "Mango Markets
exploiter Avraham Eisenberg"). Issue 12 point 1;
sentences written for these tests."""

from __future__ import annotations

import pytest
from extraction_support import actions, extract, triples, types_by_name


@pytest.mark.parametrize(
    ("sentence", "fact"),
    [
        (
            "Dubai's Virtual Assets Regulatory Authority granted Qorvex a full operating licence.",
            ("Virtual Assets Regulatory Authority", "LICENSED", "Qorvex"),
        ),
        (
            "Nexfolio has been registered with the Bank of Lithuania as an exchange operator.",
            ("Bank of Lithuania", "LICENSED", "Nexfolio"),
        ),
        (
            "Zorbit has received in-principle approval from the Monetary Authority of Singapore.",
            ("Monetary Authority of Singapore", "LICENSED", "Zorbit"),
        ),
    ],
)
def test_the_holder_of_a_licence_is_a_firm(sentence: str, fact: tuple[str, str, str]) -> None:
    out = extract(sentence)
    assert fact in actions(out), actions(out)


def test_a_firm_that_secured_a_licence_in_a_place_operates_there() -> None:
    out = extract("Bitvana secured a virtual asset service provider licence in Dubai last year.")
    assert types_by_name(out).get("Bitvana") == "Company"
    assert ("Bitvana", "OPERATES_IN", "Dubai") in triples(out)


@pytest.mark.parametrize(
    ("sentence", "party", "not_party"),
    [
        (
            "Prosecutors in Seoul indicted Do Kwon's associate, Daniel Shin, on charges of fraud.",
            "Daniel Shin",
            "Do Kwon",
        ),
        (
            "The Justice Department unsealed an indictment charging Mango Markets exploiter "
            "Avraham Eisenberg.",
            "Avraham Eisenberg",
            "Mango Markets",
        ),
    ],
)
def test_who_a_person_is_to_another_names_no_second_party(
    sentence: str, party: str, not_party: str
) -> None:
    sued = {t for s, a, t in actions(extract(sentence)) if a == "SUED"}
    assert party in sued and not_party not in sued, sued
