"""Outlets named by how a story cites them, and passives with a quantifier: "told The
Harbour Ledger" and "In May, Harbour Ledger reported that" name media outlets, and the
outlet an attribution names is no party of the action; "A and B were each fined" is a
passive like "were also fined". Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_the_outlet_an_official_told_is_an_outlet_and_no_party() -> None:
    out = extract(
        "Seoul prosecutors charged two executives of Quillmark Trade Ltd with fraud, an "
        "official from the prosecutors' office told The Harbour Ledger."
    )
    types = types_by_name(out)
    assert types.get("Harbour Ledger") == "MediaOutlet", types
    assert not any(t[2] == "Harbour Ledger" for t in actions(out)), actions(out)


def test_a_firm_that_reported_after_a_sentence_adverb_is_no_outlet() -> None:
    types = types_by_name(
        extract(
            "The Financial Conduct Authority fined Quillmark Trade Ltd. However, Quillmark "
            "Trade Ltd reported that its profits rose. In May, Harbour Ledger reported that "
            "the fine was paid."
        )
    )
    assert types.get("Quillmark Trade Ltd") == "Company", types
    assert types.get("Harbour Ledger") == "MediaOutlet", types


def test_parties_each_fined_are_the_passive_subjects() -> None:
    found = actions(
        extract(
            "Alder Digital Ltd and Brisk Ledger Ltd were each fined $1.5 million by the "
            "Financial Supervisory Commission on Monday."
        )
    )
    fsc = "Financial Supervisory Commission"
    assert (fsc, "FINED", "Alder Digital Ltd") in found, found
    assert (fsc, "FINED", "Brisk Ledger Ltd") in found, found
