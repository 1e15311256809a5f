"""Reporting shapes met in real articles (issue 12), in sentences written for these tests.

Each test names one general capability of the extractor; none copies a corpus sentence.
"""

from __future__ import annotations

import datetime as dt

from extraction_support import relations_of as _rels

from graph.models import Article
from ingest.extraction import extract_article

Rel = tuple[str, str, str]


def test_bare_corporate_title_belongs_to_the_firm_the_passage_is_about() -> None:
    rels = _rels(
        "Prosecutors in Lisbon charged Velorant Ltd in March. Velorant Ltd denied wrongdoing "
        "and Velorant Ltd said it would appeal. Its lawyers had earlier worked with "
        "Kestrel Markets Ltd on a listing. The indictment also named co-founders "
        "Duarte Almeida and Rui Pestana."
    )
    assert ("Duarte Almeida", "AFFILIATED_WITH", "Velorant Ltd") in rels
    assert ("Duarte Almeida", "AFFILIATED_WITH", "Kestrel Markets Ltd") not in rels


def test_public_and_corporate_title_of_a_regulator_head() -> None:
    rels = _rels(
        "The Financial Conduct Authority fined Orbisa Ltd £2 million on Monday. According to "
        "the Financial Conduct Authority, the firm ignored repeated warnings. The Financial "
        "Conduct Authority also published its reasons. Director and "
        "Chief Executive Helen Marsh said the failings were serious."
    )
    assert ("Helen Marsh", "AFFILIATED_WITH", "Financial Conduct Authority") in rels
    assert ("Helen Marsh", "AFFILIATED_WITH", "Orbisa Ltd") not in rels


def _entities(text: str) -> set[tuple[str, str]]:
    art = Article(id="t", text=text, published=dt.date(2024, 5, 2))
    return {(e.type, e.name) for e in extract_article(art).entities}


def test_title_word_after_of_the_stays_inside_a_body_name() -> None:
    text = (
        "The Office of the Director of Public Prosecutions in Accra charged Sankofa Ltd on "
        "Monday, and the Office of the Registrar of Companies struck it off."
    )
    names = {name for _, name in _entities(text)}
    assert "Office of the Director of Public Prosecutions" in names
    assert "Office of the Registrar of Companies" in names
    assert ("Office of the Director of Public Prosecutions", "SUED", "Sankofa Ltd") in _rels(text)


def test_commissioners_office_is_a_regulator() -> None:
    ents = _entities(
        "The Office of the Privacy Commissioner opened an inquiry into Lumora Ltd, and the "
        "Information Commissioner's Office said it was assisting."
    )
    assert ("Regulator", "Office of the Privacy Commissioner") in ents
    assert ("Regulator", "Information Commissioner's Office") in ents


def test_a_penalty_a_firm_may_face_is_no_fine() -> None:
    rels = _rels(
        "The Central Bank of Nigeria has warned lenders about crypto. An official said that "
        "KuCoin may face a penalty if it does not cooperate, and Bybit could face fines too."
    )
    assert not {r for r in rels if r[1] == "FINED"}


def test_took_a_platform_offline_and_shut_it_down_are_bans() -> None:
    rels = _rels(
        "Police in Austria and Italy took KuCoin offline on Tuesday. The Monetary Authority "
        "of Singapore shut Bybit down last year."
    )
    assert ("Austria", "BANNED", "KuCoin") in rels
    assert ("Italy", "BANNED", "KuCoin") in rels
    assert ("Monetary Authority of Singapore", "BANNED", "Bybit") in rels


def _actions(text: str) -> set[Rel]:
    kinds = {"BANNED", "BLOCKED", "FINED", "SUED", "INVESTIGATED", "WARNED", "LICENSED"}
    return {r for r in _rels(text) if r[1] in kinds}


def test_wording_of_fines() -> None:
    assert ("Central Bank of Ireland", "FINED", "Kraken") in _actions(
        "The Central Bank of Ireland penalised Kraken for reporting failures."
    )
    assert ("Central Bank of Ireland", "FINED", "Kraken") in _actions(
        "The Central Bank of Ireland slapped Kraken with a €3 million penalty."
    )
    assert ("Central Bank of Ireland", "FINED", "Kraken") in _actions(
        "Kraken paid a €3 million fine to the Central Bank of Ireland in June."
    )


def test_warning_given_to_an_indirect_object() -> None:
    assert ("Central Bank of Ireland", "WARNED", "Kraken") in _actions(
        "The Central Bank of Ireland issued Kraken a formal warning on Monday."
    )
    assert ("Central Bank of Ireland", "WARNED", "Kraken") in _actions(
        "The Central Bank of Ireland served Kraken with a warning notice."
    )


def test_licence_granted_to_and_closure_ordered_and_premises_searched() -> None:
    assert ("Central Bank of Ireland", "LICENSED", "Kraken") in _actions(
        "The Central Bank of Ireland granted an e-money licence to Kraken."
    )
    assert ("Central Bank of Ireland", "BANNED", "Kraken") in _actions(
        "The Central Bank of Ireland ordered the closure of Kraken."
    )
    assert ("Central Bank of Ireland", "INVESTIGATED", "Kraken") in _actions(
        "Officers of the Central Bank of Ireland searched the offices of Kraken in Dublin."
    )


def test_officers_of_a_body_act_for_it() -> None:
    assert ("Central Bank of Ireland", "INVESTIGATED", "Kraken") in _actions(
        "Investigators from the Central Bank of Ireland raided Kraken on Monday."
    )


def test_coordinated_passives_keep_their_own_subjects_and_share_the_agent() -> None:
    rels = _actions(
        "Luno and Paxful were fined and Kraken was banned by the Central Bank of Ireland."
    )
    assert ("Central Bank of Ireland", "FINED", "Luno") in rels
    assert ("Central Bank of Ireland", "FINED", "Paxful") in rels
    assert ("Central Bank of Ireland", "BANNED", "Kraken") in rels
    assert ("Central Bank of Ireland", "BANNED", "Luno") not in rels


def test_elliptical_coordinated_passive_before_one_agent() -> None:
    rels = _actions("Luno was fined, and Kraken banned, by the Central Bank of Ireland.")
    assert rels == {
        ("Central Bank of Ireland", "FINED", "Luno"),
        ("Central Bank of Ireland", "BANNED", "Kraken"),
    }


def test_two_passives_with_two_agents() -> None:
    rels = _actions(
        "Luno was fined by the Central Bank of Ireland and Kraken was banned by the "
        "Financial Conduct Authority."
    )
    assert ("Central Bank of Ireland", "FINED", "Luno") in rels
    assert ("Financial Conduct Authority", "BANNED", "Kraken") in rels
    assert ("Financial Conduct Authority", "BANNED", "Luno") not in rels


def test_a_run_joining_an_unknown_body_and_a_known_name_is_two_names() -> None:
    names = {
        name
        for _, name in _entities(
            "Luno was fined by the Central Bank of Ireland and Binance was banned; regulators "
            "in Trinidad and Tobago said nothing."
        )
    }
    assert {"Central Bank of Ireland", "Binance", "Trinidad and Tobago"} <= names
    assert "Central Bank of Ireland and Binance" not in names


def test_a_noun_modifying_another_is_no_description_of_a_body() -> None:
    text = "Kenya's Asset Recovery Agency unfroze the bank accounts of Paxful on Monday."
    art = Article(id="t", text=text, published=dt.date(2024, 5, 2))
    out = extract_article(art)
    assert not [e for e in out.entities if e.type == "CentralBank"]
    names = {e.id: e.name for e in out.entities}
    ended = [
        r
        for r in out.relations
        if r.type == "BLOCKED"
        and names[r.target] == "Paxful"
        and (r.properties or {}).get("status") == "ended"
    ]
    assert ended and (ended[0].properties or {}).get("ended_how") == "lifted"


def test_a_nominal_trigger_opening_a_sentence_but_not_inside_a_name() -> None:
    rels = _actions(
        "The Financial Services Agency fined Luno on Monday. Warning letters went to Paxful "
        "and Kraken. Bitpanda worked with the National Bureau of Investigation of Finland."
    )
    assert ("Financial Services Agency", "WARNED", "Paxful") in rels
    assert ("Financial Services Agency", "WARNED", "Kraken") in rels
    assert not {r for r in rels if r[1] == "INVESTIGATED"}


def _dated(text: str, published: dt.date) -> dict[Rel, str | None]:
    art = Article(id="t", text=text, published=published)
    out = extract_article(art)
    names = {e.id: e.name for e in out.entities}
    return {(names[r.source], r.type, names[r.target]): r.date for r in out.relations}


def test_later_detail_of_the_news_takes_the_news_date() -> None:
    dates = _dated(
        "OSLO, May 2 - Norway's Financial Supervisory Authority on Thursday fined Luno and "
        "ordered two other firms to improve their controls.\n\n"
        "The fine follows a review that began last year.\n\n"
        "Luno said it would pay.\n\n"
        "Its shares fell 3%.\n\n"
        "The authority also sent warning letters to Paxful and Kraken.\n\n"
        "The authority previously warned Bitpanda about its marketing.",
        dt.date(2024, 5, 2),
    )
    assert dates[("Financial Supervisory Authority of Norway", "FINED", "Luno")] == "2024-05-02"
    assert dates[("Financial Supervisory Authority of Norway", "WARNED", "Paxful")] == "2024-05-02"
    assert dates[("Financial Supervisory Authority of Norway", "WARNED", "Bitpanda")] is None


def test_past_perfect_in_the_opening_is_before_the_news() -> None:
    dates = _dated(
        "LAGOS - Nigeria's Securities and Exchange Commission has lifted its suspension of "
        "Luno, the company said on Monday. The commission had fined Luno, which appealed, "
        "for unlicensed trading.",
        dt.date(2024, 5, 2),
    )
    fined = [v for k, v in dates.items() if k[1] == "FINED" and k[2] == "Luno"]
    assert fined == [None]
