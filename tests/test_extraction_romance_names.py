"""Bodies named in Spanish, Portuguese, French or Italian open with their head word
("Fondo de ...", "Ministerio de ... y ...", "Asociación Nacional de ...") and join their
words with "de los", "y", "do"; a person a relative clause gives an office ("X, who served
as president of Y") is a person whatever the given name."""

from __future__ import annotations

from extraction_support import extract, triples, types_by_name


def test_romance_body_names_are_whole_and_typed_by_their_opening_head() -> None:
    types = types_by_name(
        extract(
            "The Fondo de Garantía de los Depósitos Bancarios (FOGADEX) took over the bank. "
            "The Ministerio de Hacienda y Finanzas fined Velmora Ltd. The Asociación Nacional "
            "de Criptomonedas de Ruritania protested."
        )
    )
    assert types.get("Fondo de Garantía de los Depósitos Bancarios") == "GovernmentBody"
    assert types.get("Ministerio de Hacienda y Finanzas") == "GovernmentBody"
    assert types.get("Asociación Nacional de Criptomonedas de Ruritania") == "Company"


def test_a_person_given_an_office_by_a_relative_clause() -> None:
    out = extract(
        "The regulator is now led by Zorinda Quespel Arvález, who served as president of "
        "the Fondo de Garantía de los Depósitos Bancarios."
    )
    assert types_by_name(out).get("Zorinda Quespel Arvález") == "Person"
    assert (
        "Zorinda Quespel Arvález",
        "AFFILIATED_WITH",
        "Fondo de Garantía de los Depósitos Bancarios",
    ) in triples(out)
    # a firm's name with an organisation word stays a firm
    out = extract("Velmora Holdings, who was chairman of nothing, said so.")
    assert types_by_name(out).get("Velmora Holdings") != "Person"


def test_a_body_named_by_its_plural_commissioners_is_no_person() -> None:
    types = types_by_name(
        extract("Velmora Ltd must report to the tax unit and the Revenue Commissioners.")
    )
    assert types.get("Revenue Commissioners") == "GovernmentBody", types
