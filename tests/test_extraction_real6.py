"""Real reporting nobody here tuned to (issue 12, probe set realprobe6): plain prose with
few names, unnamed groups with modifiers, actors set beside a place, money given in two
notations. Sentences written for these tests (other names, places and word order)."""

from __future__ import annotations

import datetime as dt

from extraction_support import extract as _extract
from extraction_support import triples as _relations

from graph.models import Extraction
from ingest.extraction.names.truecase import restore_case

_FEW_NAMES = (
    "Chile's central bank barred the use of cryptocurrencies and digital tokens to buy goods "
    "and services on Monday, "
    "saying that such tokens were neither supervised nor backed by any reserve that savers could "
    "rely on in a crisis. The decision, which takes effect at the end of the month, was welcomed "
    "by consumer groups but criticised by several payment firms that had started to offer the "
    "service to shops and restaurants across the country. Payment firms will not be able to offer "
    "any service built on such tokens, the bank said in a statement, adding that it would review "
    "the rule once a national law on digital assets has been passed by lawmakers."
)


def test_prose_with_few_names_keeps_its_case() -> None:
    # few capitals because few names, not because the text lost them: each sentence
    # still starts with a capital
    assert restore_case(_FEW_NAMES) == _FEW_NAMES


def test_all_lower_case_text_is_still_recased() -> None:
    text = _FEW_NAMES.lower()
    assert restore_case(text).startswith("Chile's ")


def test_descriptive_central_bank_acts_in_prose_with_few_names() -> None:
    out = _extract(_FEW_NAMES)
    acts = {(s, t) for s, t, _ in _relations(out)}
    assert ("Central Bank of Chile", "BANNED") in acts, _relations(out)


def test_a_watchdog_named_right_after_its_description_is_that_body() -> None:
    out = _extract("Bulgaria's media watchdog Glavkom has blocked 21 websites that sell tokens.")
    rels = _relations(out)
    assert any(s == "Glavkom" and t == "BLOCKED" for s, t, _ in rels), rels
    assert not any("Financial" in e.name for e in out.entities), [e.name for e in out.entities]


def test_a_watchdog_named_in_commas_after_the_description() -> None:
    out = _extract(
        "Latvia's communications watchdog has acted against crypto sites. The watchdog, "
        "Tarkom, also blocked three websites that offered tokens to residents."
    )
    rels = _relations(out)
    assert any(s == "Tarkom" and t == "BLOCKED" for s, t, _ in rels), rels


def test_a_telecom_watchdog_is_no_financial_regulator() -> None:
    out = _extract("Estonia's telecom watchdog said on Monday it had blocked 8 websites.")
    assert not any(e.type == "Regulator" for e in out.entities), [
        (e.name, e.type) for e in out.entities
    ]


def test_a_name_set_before_its_watchdog_description_is_that_body() -> None:
    out = _extract(
        "Kestrel learned of the block in May, when Tarkom, Latvia's national media watchdog, "
        "told it that 4 websites had been blocked."
    )
    assert ("Tarkom", "Regulator") in {(e.name, e.type) for e in out.entities}, [
        (e.name, e.type) for e in out.entities
    ]


def _groups(out: Extraction) -> dict[str, tuple[str, int | None]]:
    return {e.name: (e.type, e.count) for e in out.entities if e.count is not None}


def test_counted_people_the_text_does_not_name_are_a_group() -> None:
    out = _extract(
        "The Philippine SEC filed a complaint against Norvault Ltd. and seven individuals "
        "for promoting its services without a licence."
    )
    assert ("Person", 7) in _groups(out).values(), _groups(out)
    targets = {t for s, r, t in _relations(out) if r == "SUED"}
    assert any("individuals" in t for t in targets), _relations(out)


def test_two_modifiers_joined_by_or_stay_in_one_group() -> None:
    out = _extract(
        "Hungary's media watchdog Medit has blocked access to 17 token trading or "
        "information websites."
    )
    assert ("Website", 17) in _groups(out).values(), _groups(out)
    assert any(r == "BLOCKED" and "websites" in t for _, r, t in _relations(out)), _relations(out)


def test_police_named_by_a_demonym_of_an_ia_country_act() -> None:
    out = _extract(
        "Liberian police said Peter Kollie, who ran the Monrovia Coin exchange, was arrested "
        "on Tuesday at a hotel in Buchanan."
    )
    assert ("Liberian police", "INVESTIGATED", "Peter Kollie") in _relations(out), _relations(out)


def test_a_firm_that_risked_being_fined_was_not_fined() -> None:
    out = _extract(
        "Britain's financial watchdog last week barred the company, one of the largest "
        "exchanges, from regulated activities. Japan's regulator said last week Bybit was "
        "operating in the country illegally, while Germany's watchdog said in April it risked "
        "being fined for offering tokens connected to stocks."
    )
    assert not any(r == "FINED" for _, r, _ in _relations(out)), _relations(out)


def test_a_lede_description_resolves_to_the_body_named_next() -> None:
    out = _extract(
        "Malaysia's financial watchdog filed a complaint against the exchange Korbit Global on "
        "Friday for running without a licence. The Securities Commission Malaysia (SC) said "
        "it had warned the firm in April."
    )
    assert any(
        s == "Securities Commission Malaysia" and r == "SUED" for s, r, _ in _relations(out)
    ), _relations(out)


def test_a_title_s_office_is_one_body() -> None:
    out = _extract(
        "The Prosecutor General's Office of Moldova said it had opened a case. Officials at "
        "the Attorney General's Chambers declined to comment."
    )
    names = {e.name: e.type for e in out.entities}
    assert names.get("Prosecutor General's Office of Moldova") == "GovernmentBody", names
    assert not any(n.startswith("General") for n in names), names


def _fines(out: Extraction) -> dict[tuple[str, str], tuple[object, object]]:
    names = {e.id: e.name for e in out.entities}
    return {
        (names[r.source], names[r.target]): (
            r.properties.get("amount"),
            r.properties.get("currency"),
        )
        for r in out.relations
        if r.type == "FINED"
    }


def test_a_place_set_before_the_actor_does_not_act_with_it() -> None:
    out = _extract("Over in Canada, FINTRAC fined Norvault Ltd. for filing its reports late.")
    actors = {s for s, r, _ in _relations(out) if r == "FINED"}
    assert actors == {"Financial Transactions and Reports Analysis Centre of Canada"}, actors


def test_a_us_dollar_figure_with_the_local_sum_in_brackets_keeps_the_local_sum() -> None:
    out = _extract("AUSTRAC fined Norvault Ltd. $61,300 (A$93,150) for filing its reports late.")
    assert _fines(out) == {
        ("Australian Transaction Reports and Analysis Centre", "Norvault Ltd."): (93150.0, "AUD")
    }, _fines(out)


def test_a_bare_dollar_is_us_in_a_text_that_marks_local_dollars() -> None:
    out = _extract(
        "FINTRAC fined Norvault Ltd. $40.2 million for missing reports. In Sydney, AUSTRAC "
        "fined Kestrel Pay A$300,000."
    )
    fines = _fines(out)
    assert fines.get(
        ("Financial Transactions and Reports Analysis Centre of Canada", "Norvault Ltd.")
    ) == (
        40.2e6,
        "USD",
    ), fines


def test_a_dotted_acronym_is_the_body_it_abbreviates() -> None:
    out = _extract(
        "Velnor was sued by the Securities and Exchange Commission in May. Under a settlement "
        "with the F.T.C., Velnor Holdings agreed to pay $310 million to its customers."
    )
    fines = _fines(out)
    # the firm is named "Velnor" first, "Velnor Holdings" after: one entity with both names
    velnor = next(
        e for e in out.entities if "Velnor Holdings" in (e.name, *(a.name for a in e.aliases))
    )
    assert fines.get(("Federal Trade Commission", velnor.name)) == (310e6, "USD"), fines


def test_a_place_set_beside_the_place_it_lies_in() -> None:
    out = _extract("Police held the suspect in Lamia, a small city in central Greece, on Monday.")
    assert ("Lamia", "PART_OF", "Greece") in _relations(out), _relations(out)


def test_a_sentence_opening_participle_seats_its_subject() -> None:
    out = _extract(
        "Founded in 2016 and headquartered in Daegu, South Korea, Korvia Labs Inc. is a "
        "software company. It runs the Velbit exchange."
    )
    assert ("Korvia Labs Inc.", "HEADQUARTERED_IN", "Daegu") in _relations(out), _relations(out)


def test_a_counted_group_of_people_holds_no_role() -> None:
    out = _extract(
        "Prosecutors in Busan indicted Velbit co-founder Han Jiwoo and seven others on Monday."
    )
    affiliated = {s for s, r, _ in _relations(out) if r == "AFFILIATED_WITH"}
    assert affiliated == {"Han Jiwoo"}, _relations(out)


def test_a_span_of_time_is_no_part_of_a_group() -> None:
    out = _extract("Within 72 hours six people had been charged by prosecutors in Sofia.")
    assert ("Person", 6) in _groups(out).values(), _groups(out)
    assert not any("hours" in n for n in _groups(out)), _groups(out)


def test_a_place_beside_a_state_of_a_country_lies_in_the_state() -> None:
    out = _extract(
        "Police held him at a guest house in Kovalam, a beach town in the southern Indian "
        "state of Kerala, on Tuesday."
    )
    assert ("Kovalam", "PART_OF", "India") not in _relations(out), _relations(out)


def test_prosecutors_named_by_a_country_code_are_that_country_s_body() -> None:
    out = _extract(
        "UK prosecutors secured a £12 million settlement with the payments firm Korvane in 2022."
    )
    fines = _fines(out)
    assert fines.get(("UK prosecutors", "Korvane")) == (12e6, "GBP"), (fines, _relations(out))


def test_a_lede_watchdog_is_the_unseated_body_the_next_sentence_names() -> None:
    out = _extract(
        "Latvia's communications watchdog has blocked access to 9 token trading websites, citing "
        "court rulings. The watchdog, Sakarnet, also ordered two news sites to delete pages."
    )
    rels = _relations(out)
    assert ("Sakarnet", "LOCATED_IN", "Latvia") in rels, rels
    assert any(s == "Sakarnet" and r == "BLOCKED" for s, r, _ in rels), rels


def test_an_arrest_reported_in_the_past_perfect_is_dated_as_news() -> None:
    out = _extract(
        "Lisbon, 14 June - Portugal's securities regulator said on Friday it had warned three "
        "exchanges.\n\nSeparately, the Judiciary Police said officers had arrested 40 suspects "
        "in a campaign against crypto fraud rings.",
        published=dt.date(2023, 6, 14),
    )
    dated = {
        (r.type, r.date) for r in out.relations if r.type == "INVESTIGATED" and r.date is not None
    }
    assert any(d.startswith("2023-06") for _, d in dated), [(r.type, r.date) for r in out.relations]


def test_a_place_in_a_list_of_places_still_acts_with_the_others() -> None:
    out = _extract("Police in Greece and Cyprus took KuCoin offline on Tuesday.")
    rels = _relations(out)
    assert ("Greece", "BANNED", "KuCoin") in rels and ("Cyprus", "BANNED", "KuCoin") in rels, rels


def test_a_text_in_capitals_keeps_the_firms_its_legal_forms_name_and_its_dates() -> None:
    text = (
        "THE FCA FINED ZOLTA TRADE LTD £2 MILLION ON MONDAY. THE SEC SUED KORVANE INC. IN MAY 2023."
    )
    assert restore_case(text) == (
        "The FCA fined Zolta Trade Ltd £2 million on Monday. The SEC sued Korvane Inc. in May 2023."
    )
    lowered = "the sec sued binance in june 2023. it may appeal."
    assert restore_case(lowered) == "The SEC sued Binance in June 2023. It may appeal."
    out = _extract(text)
    rels = _relations(out)
    assert ("Financial Conduct Authority", "FINED", "Zolta Trade Ltd") in rels, rels
