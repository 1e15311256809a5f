"""A firm the gazetteer does not know is a party by where it stands (issue 12,
organisations found from their shape): the subject of an enforcement passive ("Orbitex
has been barred"), the payer of a settlement ("Velkor agreed to pay"), the firm added to
a warning list, the firm titling its founder. At a sentence's opening a capital says
nothing, so there the word must be written as a name elsewhere too ("Customers were
barred" names no firm). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, triples, types_by_name


def test_the_subject_of_an_enforcement_passive_is_a_party() -> None:
    out = extract(
        "Regulators are tightening rules. Earlier, Orbitex was barred from offering services "
        "to UK customers, the FCA said."
    )
    assert ("Financial Conduct Authority", "BANNED", "Orbitex") in actions(out), actions(out)


def test_the_payer_of_a_settlement_is_a_party() -> None:
    out = extract(
        "Velkor agreed to pay $4.3 billion to settle charges brought by the Department of "
        "Justice. Velkor said it had cooperated."
    )
    assert types_by_name(out).get("Velkor") == "Company", types_by_name(out)
    assert any(a[1] == "FINED" and a[2] == "Velkor" for a in actions(out)), actions(out)


def test_a_firm_added_to_a_warning_list_is_warned() -> None:
    out = extract("The Monetary Authority of Singapore added Korvane to its Investor Alert List.")
    assert ("Monetary Authority of Singapore", "WARNED", "Korvane") in actions(out), actions(out)


def test_the_firm_titling_its_founder_is_his_firm() -> None:
    out = extract("A federal judge in Manhattan sentenced Talmabit founder John Mercer on Friday.")
    assert types_by_name(out).get("Talmabit") == "Company", types_by_name(out)
    assert ("John Mercer", "AFFILIATED_WITH", "Talmabit") in triples(out), triples(out)


def test_ordinary_words_opening_a_sentence_are_no_parties() -> None:
    out = extract(
        "Customers were barred from withdrawing funds after the Securities and Exchange "
        "Commission acted. Banks were ordered to stop processing payments. Users agreed to "
        "pay higher fees. Former chief executive John Mercer resigned."
    )
    names = set(types_by_name(out))
    assert not names & {"Customers", "Banks", "Users", "Former"}, names


def test_the_names_a_warning_is_against_are_parties() -> None:
    out = extract(
        "The Securities Commission warned investors against Zorblax, Quillfin and Velmora on "
        "Monday."
    )
    warned = {t for s, r, t in actions(out) if r == "WARNED"}
    assert warned == {"Zorblax", "Quillfin", "Velmora"}, actions(out)


def test_a_warning_against_dealing_with_a_firm_that_ends_the_sentence_names_it() -> None:
    for sentence in (
        "The Capital Markets Authority of Kenya warned the public against Tradex Global.",
        "The Capital Markets Authority of Kenya cautioned the public against dealing with "
        "Tradex Global.",
    ):
        out = extract(sentence)
        assert {t for _, r, t in actions(out) if r == "WARNED"} == {"Tradex Global"}, actions(out)


def test_an_unnamed_judge_of_a_named_court_acts_for_the_court() -> None:
    out = extract(
        "A federal judge at the U.S. District Court in Seattle ordered Zenmo Exchange to pay "
        "$2 million on Monday."
    )
    assert any(s == "U.S. District Court" and t == "Zenmo Exchange" for s, _, t in actions(out)), (
        actions(out)
    )


def test_a_sum_after_a_legal_forms_dot_is_the_fine_not_a_new_sentence() -> None:
    out = extract("The Financial Supervisory Commission fined Hsinbit Co., Ltd. NT$1.2 million.")
    fines = [r for r in out.relations if r.type == "FINED"]
    assert [(r.properties.get("amount"), r.properties.get("currency")) for r in fines] == [
        (1.2e6, "TWD")
    ], fines


def test_a_curated_firms_bare_name_as_payer_is_that_firm() -> None:
    out = extract(
        "The New York State Department of Financial Services issued a consent order against "
        "Block, Inc., citing compliance failures. Block agreed to pay a $40 million penalty."
    )
    names = set(types_by_name(out))
    assert "Block" not in names and "Block, Inc." in names, names
    assert any(t == "Block, Inc." for _, r, t in actions(out) if r == "FINED"), actions(out)


def test_a_list_of_firms_takes_no_action_of_another_story_told_before_it() -> None:
    out = extract(
        "The Department of Justice announced criminal charges against John Mercer, a resident "
        "accused of running servers used by Zorblax.\n\n"
        "The Treasury also published its annual report. The report lists two platforms:\n\n"
        "1. Zorblax: a darknet market.\n\n"
        "2. Quillfin: an exchange."
    )
    sued = {t for s, r, t in actions(out) if r == "SUED"}
    assert sued <= {"John Mercer"}, actions(out)


def test_a_countrys_people_are_no_party() -> None:
    out = extract(
        "The Bank of Ghana warned Ghanaians against trading in cryptocurrencies on Monday. "
        "Nigerians were barred from trading on Zenmo Exchange."
    )
    names = set(types_by_name(out))
    assert not names & {"Ghanaians", "Nigerians"}, names


def test_a_firms_department_speaking_is_no_person() -> None:
    out = extract(
        "The Securities and Exchange Commission fined Zenmo Exchange. Investor Relations said "
        "the company would appeal."
    )
    assert types_by_name(out).get("Investor Relations") != "Person", types_by_name(out)


def test_a_given_name_sharing_the_next_persons_surname_is_no_firm() -> None:
    out = extract("The New York Attorney General sued Cameron and Tyler Winklevoss on Friday.")
    types = types_by_name(out)
    assert types.get("Cameron") != "Company" and types.get("Tyler Winklevoss") == "Person", types


def test_a_legal_name_needs_no_context_its_brand_needs() -> None:
    out = extract(
        "Gemini Trust Company said it would fight the suit brought by the New York Attorney "
        "General."
    )
    assert types_by_name(out).get("Gemini") == "Exchange", types_by_name(out)


def test_an_opening_adverb_before_a_comma_is_no_name() -> None:
    out = extract(
        "The Securities and Exchange Commission fined Zenmo Exchange in May. Previously, the "
        "exchange had been warned by the commission."
    )
    assert "Previously" not in types_by_name(out), types_by_name(out)
