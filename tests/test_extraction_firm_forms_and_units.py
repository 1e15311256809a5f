"""Firms by their legal forms and shapes, departments' units, working parties of a body,
warning lists updated, and founders who set a firm up."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract, triples, types_by_name

OFAC = "Office of Foreign Assets Control"
TREASURY = "U.S. Department of the Treasury"


def test_a_legal_form_after_a_comma_is_part_of_the_firm_s_name() -> None:
    out = extract("The regulator in Hungary fined Kripto Piac Kft. and Moneta Markets, B.V. today.")
    types = types_by_name(out)
    assert types.get("Kripto Piac Kft.") == "Company", types
    assert types.get("Moneta Markets, B.V.") == "Company", types


def test_a_description_after_a_legal_form_and_a_short_name_types_the_firm() -> None:
    out = extract(
        'The U.S. Treasury imposed sanctions on Tarvik OTC, S.R.O. ("Tarvik"), a virtual '
        "currency exchange, in September 2021."
    )
    assert types_by_name(out).get("Tarvik OTC, S.R.O.") == "Exchange", types_by_name(out)
    assert aliases_of(out, "Tarvik OTC, S.R.O.") == {"Tarvik"}
    assert (TREASURY, "BANNED", "Tarvik OTC, S.R.O.") in actions(out), actions(out)


def test_an_exchange_s_short_name_in_brackets_is_its_alias() -> None:
    out = extract('The FCA fined Zolta Trade ("Zolta"), a cryptocurrency exchange, on Monday.')
    assert types_by_name(out).get("Zolta Trade") == "Exchange", types_by_name(out)
    assert "Zolta" in aliases_of(out, "Zolta Trade")


def test_a_unit_named_after_its_department_is_its_own_body() -> None:
    out = extract(
        'In 2021 the U.S. Department of the Treasury Office of Foreign Assets Control ("OFAC") '
        "imposed sanctions on Garantex, a crypto exchange."
    )
    assert (OFAC, "BANNED", "Garantex") in actions(out), actions(out)
    assert aliases_of(out, OFAC) == {"OFAC"}
    assert aliases_of(out, TREASURY).isdisjoint({"OFAC"})
    out = extract("The Ministry of Justice Bureau of Investigation raided Velmora Ltd in May.")
    names = set(types_by_name(out))
    assert {"Ministry of Justice", "Bureau of Investigation"} <= names, names


def test_a_body_s_working_party_acts_for_the_body() -> None:
    out = extract(
        "A task force from the Central Investigation Bureau arrested seven suspects in Nepal."
    )
    assert ("Central Investigation Bureau", "INVESTIGATED", "suspects") in actions(out)
    out = extract("A team from the FBI raided the offices of Zolta Ltd on Friday.")
    assert ("Federal Bureau of Investigation", "INVESTIGATED", "Zolta Ltd") in actions(out)


def test_what_a_warning_list_is_updated_with_is_warned_against() -> None:
    out = extract(
        "Belgium's Financial Services and Markets Authority updated its list of trading "
        "platforms suspected of fraud by adding 14 new sites, bringing the total to 80."
    )
    assert (
        "Financial Services and Markets Authority",
        "WARNED",
        "new sites",
    ) in actions(out), actions(out)
    out = extract("Belgium's FSMA updated its website on Monday by adding a new page.")
    assert not [t for t in actions(out) if t[1] == "WARNED"], actions(out)


def test_who_set_a_firm_up_is_its_founder() -> None:
    out = extract(
        "Police said that Tran Van Loc (born 1984) had established Ziva Group to promote "
        "fake crypto projects."
    )
    assert ("Tran Van Loc", "AFFILIATED_WITH", "Ziva Group") in triples(out), triples(out)
    assert types_by_name(out).get("Ziva Group") == "Company"
    out = extract("Ana Ruiz set up Korvel Capital in 2019.")
    assert ("Ana Ruiz", "AFFILIATED_WITH", "Korvel Capital") in triples(out), triples(out)


def test_a_grouping_of_peoples_is_no_firm() -> None:
    out = extract("The Eurasian Group met in Moscow to discuss crypto rules.")
    assert "Eurasian Group" not in types_by_name(out) or (
        types_by_name(out)["Eurasian Group"] != "Company"
    )


def test_who_joined_a_firm_is_affiliated_with_it() -> None:
    out = extract("Ana Ruiz, the former head of the SEC, joined Korvel Capital in 2022.")
    assert ("Ana Ruiz", "AFFILIATED_WITH", "Korvel Capital") in triples(out), triples(out)
    out = extract("Ana Ruiz joined Korvel Capital as chief compliance officer in 2022.")
    props = {(r.type, r.target): r.properties for r in out.relations if r.type == "AFFILIATED_WITH"}
    assert [p.get("role") for p in props.values()] == ["chief compliance officer"], props
    assert not triples(extract("Korvel Capital joined the Blockchain Association."))
