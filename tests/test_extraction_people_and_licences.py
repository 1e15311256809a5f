"""People and licences as regional regulators' releases and wires write them: a counted
group's members named in apposition whatever their given names ("accused the three,
Somchai Rattanakul, Pimchanok Srisuk and Anan Wongsa, of ..."), a firm's counted people
("three former executives of Zipvane Co., Ltd."), the short form of a "Co., Ltd." name,
and a possessive licence ended in the passive ("Zipvane's licence was revoked by Y").
Issue 12 point 1; sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract, types_by_name


def test_people_a_counted_group_names_in_apposition() -> None:
    out = extract(
        "The regulator accused the three, Somchai Rattanakul, Pimchanok Srisuk and Anan "
        "Wongsa, of misappropriating customer assets."
    )
    people = {n for n, t in types_by_name(out).items() if t == "Person"}
    assert {"Somchai Rattanakul", "Pimchanok Srisuk", "Anan Wongsa"} <= people


def test_a_firms_counted_people_are_a_group_and_not_the_firm() -> None:
    out = extract(
        "The SEC has filed a criminal complaint against three former executives of Zipvane "
        "Co., Ltd., a digital asset exchange."
    )
    sued = {t for s, a, t in actions(out) if a == "SUED"}
    groups = [e for e in out.entities if e.type == "Person" and e.count == 3]
    assert len(groups) == 1 and sued == {groups[0].name}, actions(out)


def test_a_firms_people_named_right_after_are_no_group() -> None:
    out = extract(
        "Two former directors of Gamma Capital Pte Ltd (GCPL), Mr Olav Brekke and Ms Ines "
        "Duarte, were banned by the Monetary Authority of Singapore."
    )
    assert not [e for e in out.entities if e.type == "Person" and e.count == 2]


def test_the_short_form_of_a_co_ltd_name() -> None:
    out = extract(
        "The SEC fined Bitvana Co., Ltd. 2.5 million baht. Bitvana, which holds a broker "
        "licence, said it would comply."
    )
    assert "Bitvana" in aliases_of(out, "Bitvana Co., Ltd.")


def test_a_possessive_licence_revoked_in_the_passive_ends_the_holders_licence() -> None:
    out = extract(
        "The Thai SEC fined Zipvane Co., Ltd. in 2022. Zipvane's licence was revoked by the "
        "Ministry of Finance in November 2023."
    )
    licences = [r for r in out.relations if r.type == "LICENSED"]
    names = {e.id: e.name for e in out.entities}
    assert [names[r.target] for r in licences] == ["Zipvane Co., Ltd."]
    assert licences[0].properties.get("status") == "ended"


def test_the_founder_of_a_firm_sentenced_is_no_sentence_of_the_firm() -> None:
    out = extract(
        "The founder of Velmora, a cryptocurrency exchange based in Hong Kong, was sentenced "
        "today to 36 months in prison, the Justice Department announced."
    )
    assert "Velmora" not in {t for s, a, t in actions(out) if a == "SUED"}, actions(out)


def test_a_person_who_founded_the_firm_named_after_an_apposition() -> None:
    out = extract(
        "Velmora, an exchange based in Hong Kong, was fined. Li Wenhao, 41, a Chinese "
        "national, founded Velmora in 2018."
    )
    assert any(
        r.type == "AFFILIATED_WITH" and r.properties.get("role") == "founder" for r in out.relations
    ), [(r.type, r.properties) for r in out.relations]
