"""How real reporting says an action ended (issue 12, ONTOLOGY v2 `status`/`ended_how`):
closed investigations and proceedings, restored access, unblocked sites and unfrozen
accounts, cases thrown out or tossed, removed sanctions and restrictions, pulled
licences, settlements reached, probes ended, and the "and" inside a body's name that
must not cut the ended noun phrase. Sentences written for these tests (firm names are
invented)."""

from __future__ import annotations

import datetime as dt

from graph.models import Article, Extraction
from ingest.extraction import extract_article

SEC = "U.S. Securities and Exchange Commission"


def _extract(text: str) -> Extraction:
    return extract_article(Article(id="t", text=text, published=dt.date(2025, 11, 20)))


def _ends(text: str) -> dict[tuple[str, str, str], tuple[object, object, object]]:
    """(actor, type, target) -> (status, ended_how, ended_on) of every action."""
    out = _extract(text)
    names = {e.id: e.name for e in out.entities}
    return {
        (names[r.source], r.type, names[r.target]): (
            r.properties.get("status"),
            r.properties.get("ended_how"),
            r.properties.get("ended_on"),
        )
        for r in out.relations
    }


def test_an_investigation_closed_by_the_body_that_opened_it_is_dismissed() -> None:
    for text in (
        "The SEC opened an investigation into Quillfin Labs in 2023. In March 2025 the agency "
        "closed its investigation into Quillfin Labs.",
        "The SEC opened an investigation into Quillfin Labs in 2023. The probe into Quillfin "
        "Labs was closed in March 2025.",
        "The SEC opened an investigation into Quillfin Labs in 2023. The agency ended its probe "
        "into Quillfin Labs in March 2025.",
    ):
        status, how, on = _ends(text)[(SEC, "INVESTIGATED", "Quillfin Labs")]
        assert (status, how) == ("ended", "dismissed"), text
        assert on in ("2025-03", None), text


def test_proceedings_closed_or_terminated_end_the_probe_they_name() -> None:
    for text in (
        "The Sofia City Prosecutor's Office opened an investigation into Drevo Capital in "
        "January 2023. The prosecutors terminated the pre-trial proceedings in December.",
        "The Sofia City Prosecutor's Office opened an investigation into Drevo Capital in "
        "January 2023. In December the prosecutor's office closed the case.",
    ):
        ends = _ends(text)
        key = ("Sofia City Prosecutor's Office", "INVESTIGATED", "Drevo Capital")
        assert ends[key][:2] == ("ended", "dismissed"), (text, ends)


def test_closing_an_office_or_an_exchange_is_no_ending() -> None:
    ends = _ends(
        "The SEC opened an investigation into Quillfin Labs in 2023. In May Quillfin Labs "
        "closed its office in Denver."
    )
    assert ends[(SEC, "INVESTIGATED", "Quillfin Labs")][0] is None


def test_restored_access_lifts_a_block() -> None:
    for text in (
        "Kazakhstan's Ministry of Culture and Information blocked Coinbase in 2023. Access to "
        "Coinbase was restored in December.",
        "Kazakhstan's Ministry of Culture and Information blocked Coinbase in 2023, but access "
        "was later restored.",
        "Kazakhstan's Ministry of Culture and Information blocked Coinbase in 2023. The ministry "
        "restored access to Coinbase in December.",
        "Kazakhstan's Ministry of Culture and Information blocked Coinbase in 2023. The ministry "
        "later unblocked the site.",
    ):
        ends = _ends(text)
        key = ("Ministry of Culture and Information", "BLOCKED", "Coinbase")
        assert key in ends, (text, ends)
        assert ends[key][:2] == ("ended", "lifted"), (text, ends)


def test_a_restored_licence_is_not_a_licence_ended() -> None:
    ends = _ends(
        "The Financial Services Agency registered Quillfin Labs in 2021. The agency reinstated "
        "the registration of Quillfin Labs in 2024."
    )
    assert all(v[0] is None for k, v in ends.items() if k[1] == "LICENSED"), ends


def test_unfrozen_accounts_lift_the_freeze() -> None:
    ends = _ends(
        "The Enforcement Directorate froze the bank accounts of Zenmo Exchange in August 2024. "
        "The agency unfroze the accounts in September 2024."
    )
    key = ("Enforcement Directorate", "BLOCKED", "Zenmo Exchange")
    assert ends[key] == ("ended", "lifted", "2024-09"), ends


def test_a_case_thrown_out_or_tossed_is_dismissed_not_overturned() -> None:
    for text in (
        "The SEC sued Quillfin Labs in 2021. The case was thrown out in 2023.",
        "The SEC sued Quillfin Labs in 2021. A federal judge tossed the lawsuit in 2023.",
        "The SEC sued Quillfin Labs in 2021. In 2023 a judge threw out the case against "
        "Quillfin Labs.",
    ):
        ends = _ends(text)
        assert ends[(SEC, "SUED", "Quillfin Labs")] == ("ended", "dismissed", "2023"), (text, ends)


def test_an_order_thrown_out_on_appeal_is_overturned() -> None:
    ends = _ends(
        "The Securities and Exchange Commission of Thailand blocked Zenmo Exchange in 2022. An "
        "appeals court threw out the blocking order in 2023."
    )
    key = ("Securities and Exchange Commission of Thailand", "BLOCKED", "Zenmo Exchange")
    assert ends[key][:2] == ("ended", "overturned"), ends


def test_a_court_that_overturns_the_ruling_ends_the_lower_courts_action() -> None:
    ends = _ends(
        "The Mirny City Court blocked Binance's website in 2020. On appeal, the Arkhangelsk "
        "Regional Court overturned the ruling in January 2021."
    )
    assert ends[("Mirny City Court", "BLOCKED", "Binance")] == ("ended", "overturned", "2021-01")


def test_a_judge_dismissing_the_agencys_case_ends_it_despite_the_and_in_its_name() -> None:
    ends = _ends(
        "The Securities and Exchange Commission sued Quillfin Labs in June 2023. A federal judge "
        "dismissed the Securities and Exchange Commission's case against Quillfin Labs in 2025."
    )
    assert ends[(SEC, "SUED", "Quillfin Labs")][:2] == ("ended", "dismissed"), ends


def test_removed_sanctions_and_restrictions_are_lifted() -> None:
    ends = _ends(
        "OFAC sanctioned Tornado Cash in August 2022. The Treasury removed the sanctions in "
        "March 2025."
    )
    key = ("Office of Foreign Assets Control", "BANNED", "Tornado Cash")
    assert ends[key] == ("ended", "lifted", "2025-03"), ends
    ends = _ends(
        "The Central Bank of Nigeria barred banks from serving crypto exchanges in 2021. The bank "
        "removed the restriction in December 2023."
    )
    banned = [v for k, v in ends.items() if k[0] == "Central Bank of Nigeria" and k[1] == "BANNED"]
    assert banned and banned[0] == ("ended", "lifted", "2023-12"), ends


def test_removing_a_firm_is_still_a_ban() -> None:
    ends = _ends("The Ministry of Electronics removed the Quillfin app from app stores in 2024.")
    assert not any(v[0] == "ended" for v in ends.values()), ends


def test_a_pulled_licence_is_revoked() -> None:
    for text in (
        "The Monetary Authority of Singapore pulled the licence of Zenmo Exchange in 2024.",
        "The Monetary Authority of Singapore pulled Zenmo Exchange's licence in 2024.",
    ):
        ends = _ends(text)
        key = ("Monetary Authority of Singapore", "LICENSED", "Zenmo Exchange")
        assert ends.get(key) == ("ended", "revoked", "2024"), (text, ends)


def test_a_settlement_reached_with_the_agency_settles_its_case() -> None:
    for text in (
        "The SEC sued Quillfin Labs in April 2023. Quillfin Labs reached a settlement with the "
        "SEC in August 2023.",
        "The SEC sued Quillfin Labs in April 2023. In August 2023 Quillfin Labs entered into a "
        "settlement with the regulator.",
    ):
        ends = _ends(text)
        assert ends[(SEC, "SUED", "Quillfin Labs")] == ("ended", "settled", "2023-08"), (
            text,
            ends,
        )


def test_paying_to_end_a_probe_settles_it() -> None:
    ends = _ends(
        "Zenmo Exchange agreed to pay $40 million in 2024, ending the Department of Justice's "
        "investigation into the exchange."
    )
    key = ("U.S. Department of Justice", "INVESTIGATED", "Zenmo Exchange")
    hits = [v for k, v in ends.items() if k[1:] == key[1:] and "Justice" in k[0]]
    assert hits and hits[0][:2] == ("ended", "settled"), ends


def test_a_refused_dismissal_ends_nothing() -> None:
    ends = _ends(
        "The SEC sued Quillfin Labs in 2022. In 2024 a judge declined to dismiss the case."
    )
    assert ends[(SEC, "SUED", "Quillfin Labs")][0] is None, ends


def test_the_date_after_an_ending_verb_dates_the_ending_not_the_action() -> None:
    out = _extract(
        "The Financial Conduct Authority investigated Quillfin Labs in 2022 but closed the probe "
        "in 2023."
    )
    rels = [r for r in out.relations if r.type == "INVESTIGATED"]
    assert rels and all(r.date == "2022" for r in rels), rels
    assert all(r.properties.get("ended_on") == "2023" for r in rels), rels


def test_a_revoked_licence_with_no_agent_is_ended_for_whoever_granted_it() -> None:
    ends = _ends(
        "The Financial Services Agency registered Zenmo Exchange in 2019. Under rules the "
        "Ministry of Finance set, Zenmo Exchange's registration was cancelled in 2024."
    )
    key = ("Financial Services Agency", "LICENSED", "Zenmo Exchange")
    assert ends[key] == ("ended", "revoked", "2024"), ends
    assert ("Ministry of Finance", "LICENSED", "Zenmo Exchange") not in ends, ends


def test_a_negation_in_the_first_conjunct_does_not_hedge_the_second() -> None:
    ends = _ends(
        "The Securities and Exchange Commission of Brazil opened an administrative sanctioning "
        "process against Zenmo Exchange in 2022. In 2024 Zenmo Exchange paid R$ 9 million, does "
        "not admit guilt and the process is closed."
    )
    key = ("Comissão de Valores Mobiliários", "SUED", "Zenmo Exchange")  # Brazil's SEC is the CVM
    assert ends[key][:2] == ("ended", "settled"), ends


def test_a_case_that_collapses_or_falls_apart_is_dismissed() -> None:
    for text, key in (
        (
            "The Sofia City Prosecutor's Office raided Zenmo Exchange in January 2023. A year on, "
            "the case has collapsed.",
            ("Sofia City Prosecutor's Office", "INVESTIGATED", "Zenmo Exchange"),
        ),
        (
            "The SEC sued Zenmo Exchange in 2021. The lawsuit fell apart in 2023.",
            (SEC, "SUED", "Zenmo Exchange"),
        ),
    ):
        ends = _ends(text)
        assert ends[key][:2] == ("ended", "dismissed"), (text, ends)


def test_a_firm_that_collapsed_ends_no_action() -> None:
    ends = _ends("The SEC sued Zenmo Exchange in 2021. Quillfin Labs collapsed in 2022.")
    assert ends[(SEC, "SUED", "Zenmo Exchange")][0] is None, ends


def test_a_passive_unblocking_names_its_own_kind() -> None:
    ends = _ends(
        "The Ministry of Culture and Information blocked Zenmo Exchange in 2023. Why Zenmo "
        "Exchange was unblocked is not explained."
    )
    key = ("Ministry of Culture and Information", "BLOCKED", "Zenmo Exchange")
    assert ends[key][:2] == ("ended", "lifted"), ends


def test_a_case_caption_does_not_date_the_suit_with_the_judgment() -> None:
    out = _extract(
        "In ASIC v Zenmo Exchange Pty Ltd, decided on 22 April 2025, the court found for the "
        "company. ASIC had commenced proceedings against Zenmo Exchange Pty Ltd in November 2022."
    )
    sued = [r for r in out.relations if r.type == "SUED"]
    assert sued and all(r.date == "2022-11" for r in sued), sued


def test_a_date_closing_one_verb_phrase_does_not_date_the_next() -> None:
    out = _extract(
        "The Financial Services Agency registered Zenmo Exchange in 2019 and fined Quillfin "
        "Labs in 2020."
    )
    dates = {r.type: r.date for r in out.relations}
    assert dates.get("LICENSED") == "2019" and dates.get("FINED") == "2020", dates
    out = _extract(
        "In 2019 the Financial Services Agency registered Zenmo Exchange and fined Quillfin Labs."
    )
    dates = {r.type: r.date for r in out.relations}
    assert dates.get("LICENSED") == "2019" and dates.get("FINED") == "2019", dates


def test_a_proceeding_that_failed_is_dismissed_but_a_failure_to_comply_ends_nothing() -> None:
    asic = "Australian Securities and Investments Commission"
    ends = _ends(
        "ASIC sued Zenmo Exchange Pty Ltd in 2022. The consequence is that ASIC's proceeding "
        "against Zenmo Exchange Pty Ltd has failed in its entirety."
    )
    assert ends[(asic, "SUED", "Zenmo Exchange Pty Ltd")][:2] == ("ended", "dismissed"), ends
    for second in (
        "Zenmo Exchange Pty Ltd failed to comply with the order.",
        "ASIC's appeal against the ruling failed in 2024.",
    ):
        ends = _ends(f"ASIC sued Zenmo Exchange Pty Ltd in 2022. {second}")
        assert ends[(asic, "SUED", "Zenmo Exchange Pty Ltd")][0] is None, (second, ends)


def test_a_party_defined_alone_as_the_company_is_the_party_later() -> None:
    """Law-firm alerts: 'X Pty Ltd (the "Company")' and then "proceedings against the
    Company" (a small fix in entities/aliases: a lone party term is an alias too)."""
    out = _extract(
        "On 22 April 2025 the court ruled in ASIC v Zenmo Exchange Pty Ltd. Zenmo Exchange Pty "
        'Ltd (the "Company") offered a yield product. ASIC commenced civil penalty proceedings '
        "against the Company in November 2022."
    )
    sued = [r for r in out.relations if r.type == "SUED"]
    assert sued and all(r.date == "2022-11" for r in sued), sued


def test_a_lede_that_tells_the_end_first_ends_the_action_told_after() -> None:
    ends = _ends(
        "When police searched offices across Sofia in January 2023, officials hailed a strike "
        "against crime. A year on, the case has collapsed. Prosecutors had long watched the "
        "lender. The Sofia City Prosecutor's Office opened an investigation into Zenmo Exchange "
        "that month."
    )
    key = ("Sofia City Prosecutor's Office", "INVESTIGATED", "Zenmo Exchange")
    assert ends[key][:2] == ("ended", "dismissed"), ends


def test_a_bare_end_told_late_ends_no_action_told_after_it() -> None:
    ends = _ends(
        "The SEC fined Quillfin Labs in 2021. Analysts watched the market. Traders worried. "
        "Volumes fell. Later the case collapsed. The SEC then sued Zenmo Exchange in 2023."
    )
    assert ends[(SEC, "SUED", "Zenmo Exchange")][0] is None, ends


def test_a_court_stay_suspends_the_action_it_names() -> None:
    cbn = ("Central Bank of Nigeria", "BANNED", "Zenmo Exchange")
    for second in ("A court stayed the ban in 2022.", "The ban was stayed by a court in 2022."):
        ends = _ends(f"The Central Bank of Nigeria banned Zenmo Exchange in 2021. {second}")
        assert ends[cbn] == ("ended", "suspended", "2022"), (second, ends)
    ends = _ends(
        "The Central Bank of Nigeria banned Zenmo Exchange in 2021. Zenmo Exchange stayed in "
        "business in 2022."
    )
    assert ends[cbn][0] is None, ends


def test_part_of_a_case_dismissed_leaves_the_case_standing() -> None:
    for second in (
        "A judge dismissed most of the claims in 2023.",
        "The SEC dropped two of the charges in 2023.",
    ):
        ends = _ends(f"The SEC sued Zenmo Exchange in 2021. {second}")
        assert ends[(SEC, "SUED", "Zenmo Exchange")][0] is None, (second, ends)
    ends = _ends("The SEC sued Zenmo Exchange in 2021. A judge dismissed the claims in 2023.")
    assert ends[(SEC, "SUED", "Zenmo Exchange")][:2] == ("ended", "dismissed"), ends
