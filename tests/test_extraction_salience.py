"""Which body a pronoun or a description means when several were named (issue 12,
"coreference across sentences"): a chain of 'it's keeps to the firm it started from, and
"the agency" is the agency named last, not the one that took the description first.
Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract, triples

AUSTRAC = "Australian Transaction Reports and Analysis Centre"
FINTRAC = "Financial Transactions and Reports Analysis Centre of Canada"


def test_a_chain_of_it_keeps_to_its_firm_past_a_firm_named_in_passing() -> None:
    out = extract(
        "Korvel was an unlicensed exchange based in Latvia. Analysts tied it to funds "
        "stolen in the Mt. Gox breach. The U.S. shut it down in 2019. Its founder, Arvid "
        "Lemberg, was detained in Spain."
    )
    facts = triples(out)
    assert ("Arvid Lemberg", "AFFILIATED_WITH", "Korvel") in facts, facts
    assert ("Arvid Lemberg", "AFFILIATED_WITH", "Mt. Gox") not in facts, facts
    assert not any(t[2] == "Mt. Gox" for t in actions(out)), actions(out)


def test_the_agency_is_the_agency_named_last_not_the_one_named_most() -> None:
    out = extract(
        "FINTRAC, Canada's financial intelligence unit, fined Zorvex Pay in March. Weeks "
        "later the agency fined Calnex Markets as well. Regulators elsewhere were busy too. "
        "In Sydney, AUSTRAC fined Brightwell Remit A$90,000. The agency also ordered an "
        "audit of Brightwell Remit's controls."
    )
    facts = actions(out)
    assert (FINTRAC, "FINED", "Calnex Markets") in facts, facts
    assert (AUSTRAC, "FINED", "Brightwell Remit") in facts, facts
    assert "The agency" in aliases_of(out, AUSTRAC) or "the agency" in aliases_of(out, AUSTRAC)
    assert not any(t[0] == FINTRAC and t[2] == "Brightwell Remit" for t in facts), facts


def test_a_name_said_to_be_an_exchange_or_a_firm_is_one() -> None:
    out = extract(
        "Tavrin was an unlicensed crypto exchange run from Riga. Oskamo is a payments firm "
        "that handled its transfers. Regulators fined Tavrin and Oskamo in 2021."
    )
    types = {e.name: e.type for e in out.entities}
    assert types.get("Tavrin") == "Exchange", types
    assert types.get("Oskamo") == "Company", types


def test_a_pronoun_or_a_person_said_to_be_something_is_not_made_a_firm() -> None:
    out = extract(
        "It was one of the largest exchanges in Asia. Marta Vell was a founder of the "
        "exchange. This is a company town."
    )
    assert {e.name for e in out.entities if e.type in ("Exchange", "Company")} == set()


def test_the_company_he_founded_is_the_firm_the_story_ties_him_to() -> None:
    out = extract(
        "Velmora Labs co-founder Arvid Lemberg was charged by prosecutors in March, weeks "
        "after the collapse of the Korvel exchange. Lemberg and the company he founded "
        "have also been sued by the Securities and Exchange Commission."
    )
    sued = {t[2] for t in actions(out) if t[1] == "SUED"}
    assert "Velmora Labs" in sued and "Korvel" not in sued, sued


def test_the_firm_she_ran_follows_an_apposition_too() -> None:
    out = extract(
        "Marta Vell, the former chief executive of payments firm Tarlo Pay, was arrested on "
        "Monday. The crypto exchange Brimsby had frozen her accounts. The Securities and "
        "Exchange Commission later fined the firm she ran."
    )
    fined = {t[2] for t in actions(out) if t[1] == "FINED"}
    assert "Brimsby" not in fined, fined
    assert "Tarlo Pay" in fined, fined
