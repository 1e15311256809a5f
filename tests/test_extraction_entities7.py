"""Entities on real reporting (issue 12), the kinds a probe of real articles showed missed or
mistyped: a short name the text defines beats the gazetteer's reading of the same letters,
a central bank under a second usual name, a firm's first word used alone, outlets a story
cites ("As X reports"), frauds named as such, people told by kin or age, places set beside
the place they are the capital of or named with their kind, courts numbered in figures,
the plural of an acronym, and an office named by its rank alone. Sentences written for
these tests."""

from __future__ import annotations

from extraction_support import aliases_of, extract, triples
from extraction_support import types_of as _types


def test_an_abbreviation_the_text_defines_beats_the_gazetteers_reading() -> None:
    out = extract(
        "The Bank of Tanzania (BoT) cautioned the public on Tuesday. Kessy Mrema, the BoT's "
        "head of payments, said traders risk losing their capital."
    )
    names = {e.name for e in out.entities}
    assert "Bank of Thailand" not in names, names
    assert ("Kessy Mrema", "AFFILIATED_WITH", "Bank of Tanzania") in triples(out)


def test_a_central_bank_under_a_second_usual_name_is_one_bank() -> None:
    out = extract(
        "Traders should take care, the Central Bank of Tanzania said. The Bank of Tanzania "
        "added that virtual currencies are not legal tender in Tanzania."
    )
    banks = [e.name for e in out.entities if e.type == "CentralBank"]
    assert banks == ["Bank of Tanzania"], banks


def test_a_firms_first_word_alone_is_the_firm_named_in_full_before() -> None:
    out = extract(
        "Globe Telecom and its broadband arm Velmar Networks cut access to the sites. "
        "Globe Telecom and Velmar said the blocked pages could no longer be reached."
    )
    names = {e.name for e in out.entities}
    assert "Velmar" not in names, names
    assert "Velmar" in aliases_of(out, "Velmar Networks")


def test_an_outlet_a_story_cites_as_reporting_is_an_outlet() -> None:
    types = _types("As Lagos Ledger reports, the central bank warned Tirin Pay in May.")
    assert types.get("Lagos Ledger") == "MediaOutlet", types


def test_frauds_named_as_schemes_and_scams_are_entities() -> None:
    types = _types(
        "Savers lost money to a pyramid scheme dubbed Golden Harvest Circle last year. "
        "Police said the Coinvora scam took $3 million. Trivex, which was widely believed "
        "to be a Ponzi scheme, closed in June."
    )
    assert types.get("Golden Harvest Circle") == "Company", types
    assert types.get("Coinvora") == "Company", types
    assert types.get("Trivex") == "Company", types


def test_a_demonym_opens_no_persons_name() -> None:
    types = _types(
        "Regulators warned about a Ponzi scheme. Investors recalled a Serbian Ponzi operation "
        "that collapsed in 2019."
    )
    assert "Serbian Ponzi" not in types, types


def test_people_told_by_kin_or_age_are_people() -> None:
    types = _types(
        "Agents froze accounts belonging to Ravindra Kolhe, his family members and two "
        "firms. Officers also detained Drelan Okafor, 41, at his home."
    )
    assert types.get("Ravindra Kolhe") == "Person", types
    assert types.get("Drelan Okafor") == "Person", types


def test_a_place_beside_the_place_it_is_capital_of_is_a_place() -> None:
    types = _types("Officers served warrants in Varzelia, capital of Tocantins, on Tuesday.")
    assert types.get("Varzelia") == "Jurisdiction", types


def test_a_ward_or_commune_is_a_place() -> None:
    types = _types("The victim lived in Phuoc Long Ward and reported the fraud to the police.")
    assert types.get("Phuoc Long Ward") == "Jurisdiction", types


def test_a_court_numbered_in_figures_keeps_its_number() -> None:
    types = _types(
        "The orders were issued by the 3rd Federal Court of the State of Goias on Monday."
    )
    assert types.get("3rd Federal Court of the State of Goias") == "Court", types


def test_the_plural_of_an_acronym_is_no_gazetteer_body() -> None:
    types = _types(
        "The raids followed First Information Reports (FIRs) filed by the Delhi Police "
        "against the operators."
    )
    assert "Federal Inland Revenue Service" not in types, types


def test_an_office_named_by_its_rank_alone_is_no_body() -> None:
    types = _types(
        "ED, Zonal Office, Mumbai has attached assets worth Rs 12 crore belonging to the "
        "operators of the scheme."
    )
    assert "Zonal Office" not in types, types


def test_the_largest_technology_groups_are_firms() -> None:
    types = _types(
        "The callers posed as Microsoft and Amazon support staff to take the victims' coins."
    )
    assert types.get("Microsoft") == "Company", types
    assert types.get("Amazon") == "Company", types


def test_an_unknown_name_listed_among_places_is_a_place() -> None:
    types = _types(
        "Agents searched 9 premises in Mumbai, Vardhana, Kelnagar and Pune under the "
        "money-laundering law."
    )
    assert types.get("Vardhana") == "Jurisdiction", types
    assert types.get("Kelnagar") == "Jurisdiction", types
    # ... but not a demonym or a continent listed with them
    types = _types(
        "The exchange serves users in Kenya, Russian-occupied territories and Ghana, and in "
        "Brazil, Latin American markets and Peru. It also plans offices in Nigeria, Africa "
        "and Togo, and in Oslo, Trondheim and Bergen."
    )
    assert types.get("Trondheim") == "Jurisdiction", types
    assert "Russian-occupied" not in types, types
    assert "Latin American" not in types, types
    assert "Africa" not in types, types


def test_a_site_or_coin_named_as_one_is_typed() -> None:
    types = _types(
        "The gang ran a fake mining website called HashOrchard and sold a token called the "
        "Sovereign Ledger Note to savers."
    )
    assert types.get("HashOrchard") == "Website", types
    assert types.get("Sovereign Ledger Note") == "CryptoAsset", types


def test_a_quoted_name_after_a_located_firms_description_is_a_firm() -> None:
    types = _types(
        "The funds were moved through the Dubai-based payment app \u201cZELQO\u201d, the "
        "agency said."
    )
    assert types.get("ZELQO") == "Company", types


def test_a_police_wing_or_cell_is_a_public_body() -> None:
    types = _types(
        "The complaint was filed by the Economic Offences Wing and the Cyber Cell of the "
        "city police in March."
    )
    assert types.get("Economic Offences Wing") == "GovernmentBody", types


def test_an_app_store_is_an_app_not_its_owner() -> None:
    types = _types(
        "The regulator told the exchange to remove its app from Google Play and the Apple "
        "App Store within a week."
    )
    assert types.get("Google Play") == "App", types
    assert "Google" not in types, types
