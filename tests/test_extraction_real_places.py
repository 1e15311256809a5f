"""One public body named with its place put different ways (issue 12, real reporting):
"the Financial Intelligence Unit of India" and "India's Financial Intelligence Unit",
a demonym in front of a curated body's bare name. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import types_and_relations as _extract


def _bodies(text: str, etype: str) -> list[str]:
    ents, _ = _extract(text)
    return sorted(n for n, t in ents.items() if t == etype)


def test_of_place_and_bare_place_forms_are_one_body() -> None:
    bodies = _bodies(
        "India's Financial Intelligence Unit fined a payments start-up last week. "
        "The Financial Intelligence Unit of India (FIU-IND) said the firm, Trivana Pay, "
        "had ignored its reporting duties for a year.",
        "Regulator",
    )
    assert len(bodies) == 1, bodies


def test_a_demonym_before_a_curated_bodys_bare_name_is_that_body() -> None:
    ents, rels = _extract(
        "The Nigerian Securities and Exchange Commission warned Corvane Markets on Monday. "
        "A day later the SEC Nigeria listed two more unregistered platforms."
    )
    assert "Nigerian Securities and Exchange Commission" not in ents
    assert ("Securities and Exchange Commission of Nigeria", "WARNED", "Corvane Markets") in rels


def test_a_demonym_form_and_an_abbreviation_do_not_split_the_body() -> None:
    bodies = _bodies(
        "The Thai Securities and Exchange Commission (SEC) said it would take action. "
        "The SEC added that investors should withdraw their funds by the end of June.",
        "Regulator",
    )
    assert bodies == ["Securities and Exchange Commission of Thailand"], bodies


def test_bodies_of_two_countries_stay_apart() -> None:
    bodies = _bodies(
        "The Financial Intelligence Unit of India compared notes with the Nigerian Financial "
        "Intelligence Unit on a fraud ring that used two local exchanges.",
        "Regulator",
    )
    assert len(bodies) == 2, bodies


def test_a_firm_named_with_a_place_is_not_folded_into_the_brand() -> None:
    ents, _ = _extract(
        "Zelbrook Exchange of Kenya opened in March. Zelbrook Exchange, its Dubai parent, "
        "said the Kenyan arm would list ten tokens."
    )
    assert "Zelbrook Exchange of Kenya" in ents or "Zelbrook Exchange" in ents


def _places(text: str) -> set[tuple[str, str, str]]:
    _, rels = _extract(text)
    return {r for r in rels if r[1] in ("OPERATES_IN", "HEADQUARTERED_IN", "ORIGINATED_IN")}


def test_the_reason_an_action_gives_places_its_objects() -> None:
    rels = _places(
        "The Capital Markets Authority of Kenya blocked Quorvex, Talmabit and OKX for "
        "allegedly offering services in Kenya without a licence."
    )
    for firm in ("Quorvex", "Talmabit", "OKX"):
        assert (firm, "OPERATES_IN", "Kenya") in rels, rels
    assert not any(r[0].startswith("Capital Markets") for r in rels)


def test_operations_conducted_from_two_cities() -> None:
    rels = _places(
        "Set up in 2020, Bitrova Ltd conducts most of its operations from Lagos and Accra."
    )
    assert ("Bitrova Ltd", "OPERATES_IN", "Lagos") in rels, rels
    assert ("Bitrova Ltd", "OPERATES_IN", "Accra") in rels, rels


def test_a_city_and_its_country_are_not_a_list_of_places() -> None:
    rels = _places("Nexo AG, a subsidiary based in Zug, Switzerland, appealed the ruling.")
    assert ("Nexo AG", "HEADQUARTERED_IN", "Zug") in rels, rels
    assert not any(r[1] == "OPERATES_IN" for r in rels)


def test_a_place_before_domiciled_seats_the_firm() -> None:
    rels = _places("Quorvex Ltd, which is Cayman Islands domiciled, runs a derivatives venue.")
    assert ("Quorvex Ltd", "HEADQUARTERED_IN", "Cayman Islands") in rels, rels


def test_a_hyphen_incorporated_place_seats_the_firm_it_qualifies() -> None:
    rels = _places(
        "Talmabit Markets Limited, a UK entity that is part of the Cayman-incorporated "
        "Talmabit Group, lost its permission."
    )
    assert ("Talmabit Group", "HEADQUARTERED_IN", "Cayman Islands") in rels, rels
    assert ("Talmabit Markets Limited", "HEADQUARTERED_IN", "Cayman Islands") not in rels
