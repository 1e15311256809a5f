"""Document styles news-trained rules handle badly (issue 12, probe set digprobe8): digests
whose items are told by their headline line alone, trackers and timelines that put an
item's date on a line of its own, regulators' own releases, numbered lists of firms under
one announcement. Sentences written for these tests (other names, places and wording)."""

from __future__ import annotations

import datetime as dt

from extraction_support import actions, extract, triples

from graph.models import Article, Relation
from ingest.extraction import extract_article


def _action(
    out_relations: list[Relation], names: dict[str, str], rtype: str, target: str
) -> Relation:
    return next(r for r in out_relations if r.type == rtype and names[r.target] == target)


# --- a digest item told by its headline alone -------------------------------------------


def test_a_headline_item_with_only_a_source_line_under_it_is_read() -> None:
    out = extract(
        "Here is what happened in crypto enforcement this fortnight.\n"
        "Norvale Exchange settles with the SEC for $2.4 million\n"
        '- "Norvale Reaches Settlement Over Unregistered Lending", press release [archive]\n'
        "Portugal blocks 12 crypto websites\n"
        '- "Lisbon orders a block on crypto sites", Lusa\n'
    )
    acts = actions(out)
    assert ("U.S. Securities and Exchange Commission", "FINED", "Norvale Exchange") in acts, acts
    names = {e.id: e.name for e in out.entities}
    fine = _action(out.relations, names, "FINED", "Norvale Exchange")
    assert fine.properties.get("amount") == 2.4e6, fine.properties


def test_a_headline_whose_body_tells_the_story_is_left_to_the_body() -> None:
    out = extract(
        "Your Tuesday briefing on crypto rules.\n"
        "3. CFTC sues Quillon Markets over its swaps desk\n"
        "The Commodity Futures Trading Commission sued Quillon Markets Ltd. in federal court "
        "in Chicago on Monday, saying its swaps desk was never registered.\n"
        "4. Pelmark settles with 14 state regulators\n"
        "Pelmark Inc. has reached a settlement with securities regulators from 14 states over "
        "its unlicensed lending product, the states said.\n"
    )
    acts = actions(out)
    assert ("Commodity Futures Trading Commission", "SUED", "Quillon Markets Ltd.") in acts, acts
    assert not any(t == "swaps desk" for _, _, t in acts), acts  # "over X" is the matter
    headings = ("3. CFTC sues", "4. Pelmark settles")
    told = {r.evidence for r in out.relations}
    assert not any((e or "").startswith(headings) for e in told), told  # the bodies tell them


def test_a_question_heading_states_nothing() -> None:
    out = extract(
        "Crypto explained.\nWhy did Estonia fine Kelder Exchange?\nThe answer is long and "
        "it begins with the licensing rules of 2020."
    )
    assert not actions(out), actions(out)


# --- a heading's date dates the undated actions under it ---------------------------------


def test_a_date_line_above_a_tracker_row_dates_its_action() -> None:
    out = extract(
        "Enforcement tracker\n"
        "Quorvane Pay penalty\n"
        "Amount\n"
        "March 3, 2024\n"
        "The Central Bank of Ireland fined Quorvane Pay Ltd EUR 1.2 million for weak "
        "transaction monitoring.\n"
        "Text Link\n"
        "Lattice Coin warning\n"
        "January 19, 2024\n"
        "The Financial Conduct Authority warned consumers about Lattice Coin Ltd, which is "
        "not authorised.\n",
        published=dt.date(2024, 4, 1),
    )
    names = {e.id: e.name for e in out.entities}
    fine = _action(out.relations, names, "FINED", "Quorvane Pay Ltd")
    warning = _action(out.relations, names, "WARNED", "Lattice Coin Ltd")
    assert fine.date == "2024-03-03", fine
    assert warning.date == "2024-01-19", warning


def test_a_year_heading_dates_the_paragraphs_of_its_year_only() -> None:
    out = extract(
        "A short history of Kenya's crypto rules.\n"
        "2015: A First Caution\n"
        "The Central Bank of Kenya warned banks against dealing with Bitpesa Ltd, a local "
        "remittance start-up.\n"
        "Later Steps\n"
        "The Capital Markets Authority fined Zarafu Ltd for running an unlicensed fund.\n",
        published=dt.date(2024, 4, 1),
    )
    names = {e.id: e.name for e in out.entities}
    warning = _action(out.relations, names, "WARNED", "Bitpesa Ltd")
    fine = _action(out.relations, names, "FINED", "Zarafu Ltd")
    assert warning.date == "2015", warning
    assert fine.date is None, fine  # no date heading above it


def test_a_period_heading_dates_nothing() -> None:
    out = extract(
        "2016 2019: Early warnings\n"
        "The Central Bank of Kenya warned banks against dealing with Bitpesa Ltd.\n",
        published=dt.date(2024, 4, 1),
    )
    names = {e.id: e.name for e in out.entities}
    warning = _action(out.relations, names, "WARNED", "Bitpesa Ltd")
    assert warning.date is None, warning
    assert triples(out)


# --- firms listed one per item under the announcement that acted on them ------------------


def test_numbered_items_under_a_release_share_its_warning() -> None:
    out = extract(
        "The Securities Commission Malaysia (SC) on Tuesday warned investors about several "
        "unlicensed operators.\n"
        "The operators named in the alert are:\n"
        "1. Varnox Global: it offers crypto trading to Malaysians without a licence.\n"
        "2. Kestrel Prime Exchange: its website falsely claims approval by the SC.\n"
        "3. Brightmoor Assets: investors could not withdraw their deposits.\n",
        published=dt.date(2024, 4, 2),
    )
    acts = actions(out)
    for firm in ("Varnox Global", "Kestrel Prime Exchange", "Brightmoor Assets"):
        assert ("Securities Commission Malaysia", "WARNED", firm) in acts, acts
    names = {e.id: e.name for e in out.entities}
    warning = _action(out.relations, names, "WARNED", "Varnox Global")
    assert warning.date is not None and warning.date.startswith("2024-04"), warning
    assert not out.refused or all(r.type != "WARNED" for r in out.refused), out.refused


def test_bulleted_respondents_under_a_summary_line_share_the_orders() -> None:
    out = extract(
        "The Texas State Securities Board has issued emergency cease and desist orders to "
        "two promoters of crypto mining schemes.\n"
        "The orders are summarised below:\n"
        "• Halcyon Mining Group (HMG) claimed returns of 3 percent a day.\n"
        "• Ordway Ventures LLC (OV) promised investors a share of its hashing fees.\n"
    )
    acts = actions(out)
    assert ("Texas State Securities Board", "WARNED", "Halcyon Mining Group") in acts, acts
    assert ("Texas State Securities Board", "WARNED", "Ordway Ventures LLC") in acts, acts


def test_a_list_of_places_or_one_item_is_no_list_of_targets() -> None:
    states = extract(
        "The Securities Commission Malaysia warned investors about Varnox Global on Monday.\n"
        "Regulators in these places joined the sweep:\n"
        "• Selangor: three cases.\n"
        "• Penang: two cases.\n"
    )
    assert not any(t in ("Selangor", "Penang") for _, _, t in actions(states)), actions(states)
    one = extract(
        "The Securities Commission Malaysia warned investors on Monday.\n"
        "The operator named is:\n"
        "1. Varnox Global: it offers crypto trading without a licence.\n"
    )
    assert ("Securities Commission Malaysia", "WARNED", "Varnox Global") not in actions(one)


def test_a_list_number_is_no_sentence_of_its_own() -> None:
    from ingest.extraction.text.document import split_sentences

    assert split_sentences("1. Varnox Global: it offers trading. It is new.") == [
        "1. Varnox Global: it offers trading.",
        "It is new.",
    ]
    assert split_sentences("2020. It was a year.") == ["2020.", "It was a year."]


# --- a digest's ambiguous name belongs to its own story's country --------------------------


def test_an_ambiguous_body_in_a_digest_section_takes_that_sections_country() -> None:
    out = extract(
        "This week in crypto rules.\n"
        "In the US, the SEC fined Orlan Markets $3 million for selling unregistered tokens to "
        "American investors.\n"
        "Thailand bans meme tokens\n"
        "Thailand's SEC banned exchanges in Thailand from listing meme tokens. Thai officials "
        "said Thai investors had lost money. Bangkok exchanges must comply by June.\n"
        "Thai lawmakers welcomed the rule.\n"
    )
    acts = actions(out)
    assert ("U.S. Securities and Exchange Commission", "FINED", "Orlan Markets") in acts, acts


def test_an_article_without_headings_keeps_its_main_country() -> None:
    out = extract(
        "Thailand's SEC said on Monday it had fined Orlan Markets 2 million baht. Thai "
        "investors had complained. In the US, regulators have been quieter. The SEC said "
        "Orlan Markets must also pay back its Thai customers.\n"
    )
    sources = {s for s, _, _ in actions(out)}
    assert "U.S. Securities and Exchange Commission" not in sources, actions(out)


# --- the formal instruments of releases and client alerts ---------------------------------


def test_a_statement_of_allegations_is_a_case_brought() -> None:
    out = extract(
        "The British Columbia Securities Commission (BCSC) today issued a statement of "
        "allegations against Quenby Digital Inc. for trading without registration."
    )
    assert ("British Columbia Securities Commission", "SUED", "Quenby Digital Inc.") in actions(
        out
    ), actions(out)


def test_a_final_stop_order_against_a_firm_stops_its_offer() -> None:
    out = extract(
        "Earlier this month ASIC issued a final stop order against Larkfield Capital Limited "
        "over its crypto fund's disclosure document."
    )
    acts = actions(out)
    assert (
        "Australian Securities and Investments Commission",
        "BANNED",
        "Larkfield Capital Limited",
    ) in acts, acts


def test_a_penalty_paid_to_two_bodies_is_a_fine_by_each() -> None:
    out = extract(
        "The parties resolved the claims in a settlement requiring Tarrow Derivatives Ltd to "
        "pay a civil penalty of $12 million to both FinCEN and the CFTC."
    )
    acts = actions(out)
    assert ("Financial Crimes Enforcement Network", "FINED", "Tarrow Derivatives Ltd") in acts
    assert ("Commodity Futures Trading Commission", "FINED", "Tarrow Derivatives Ltd") in acts


def test_the_head_named_under_a_body_is_not_the_subject() -> None:
    out = extract(
        "Oxtail Exchange said the US regulator had dropped its case against the firm.\n"
        "In 2022 the SEC under then-chair Gary Gensler had opened the case against Oxtail "
        'Exchange over "an unregistered staking product," according to the firm.'
    )
    acts = actions(out)
    assert ("U.S. Securities and Exchange Commission", "SUED", "Oxtail Exchange") in acts, acts


def test_a_legal_form_after_a_role_word_is_a_firm_not_a_person() -> None:
    out = extract(
        "The regulator suspended local fund manager Brookvale Partners Limited on Monday, the "
        "Financial Markets Authority said."
    )
    typed = {(e.name, e.type) for e in out.entities}
    assert ("Brookvale Partners Limited", "Person") not in typed, typed


def test_a_year_heading_is_the_year_of_a_month_named_under_it() -> None:
    out = extract(
        "2018: Tighter Rules\n"
        "The Bank of Uganda warned banks against Pelican Coin Ltd in March.\n"
        "Other Notes\n"
        "The Capital Markets Authority fined Zarafu Ltd in March.\n",
        published=dt.date(2024, 6, 1),
    )
    names = {e.id: e.name for e in out.entities}
    assert _action(out.relations, names, "WARNED", "Pelican Coin Ltd").date == "2018-03"
    assert _action(out.relations, names, "FINED", "Zarafu Ltd").date == "2024-03"


def test_a_case_told_in_a_relative_clause_of_its_claims() -> None:
    out = extract(
        "The settlement resolves claims that the CFTC previously filed against Kraken in "
        "September 2021 for offering margin trading to retail customers.",
        published=dt.date(2023, 1, 5),
    )
    names = {e.id: e.name for e in out.entities}
    suit = _action(out.relations, names, "SUED", "Kraken")
    assert names[suit.source] == "Commodity Futures Trading Commission", suit
    assert suit.date == "2021-09", suit


# --- a place naming whose regulator is meant; a step still pending ------------------------


def test_the_countrys_regulator_dropping_a_case_ends_the_named_bodys_case() -> None:
    out = extract(
        "Oxtail Exchange said the US regulator has dropped its enforcement case against the "
        "firm, pending approval from the regulator.\n"
        "In 2022 the SEC had opened the case against Oxtail Exchange over its staking product.",
        published=dt.date(2025, 3, 1),
    )
    acts = actions(out)
    assert not any(s == "United States" for s, _, _ in acts), acts  # the place never acts
    assert not any(r == "LICENSED" for _, r, _ in acts), acts  # the approval is pending
    names = {e.id: e.name for e in out.entities}
    suit = _action(out.relations, names, "SUED", "Oxtail Exchange")
    assert names[suit.source] == "U.S. Securities and Exchange Commission", suit
    assert suit.properties.get("status") == "ended", suit


def test_a_place_before_its_regulators_is_no_actor() -> None:
    out = extract(
        "Ohio state financial regulators have been investigating Quillbit Exchange's "
        "anti-money laundering controls."
    )
    assert not any(s == "Ohio" for s, _, _ in actions(out)), actions(out)


# --- a licence cancelled in a law firm's long noun phrase ---------------------------------


def test_a_licence_with_its_abbreviation_cancelled_of_a_described_firm() -> None:
    out = extract(
        "On 12 June 2023, ASIC cancelled the Australian financial services licence (AFSL) of "
        "the country's second-largest derivatives broker, Marrick Trading Pty Ltd.",
        published=dt.date(2023, 7, 1),
    )
    names = {e.id: e.name for e in out.entities}
    licence = _action(out.relations, names, "LICENSED", "Marrick Trading Pty Ltd")
    assert licence.properties.get("ended_how") == "revoked", licence
    assert licence.properties.get("ended_on") == "2023-06-12", licence


# --- a body's own release speaks as "we" ------------------------------------------------


def _release(text: str, publisher: str) -> set[tuple[str, str, str]]:
    out = extract_article(
        Article(id="t", text=text, publisher=publisher, published=dt.date(2024, 4, 2))
    )
    return actions(out)


def test_we_in_a_regulators_own_release_is_the_regulator() -> None:
    acts = _release(
        "We have today banned Quarrel Markets Ltd from carrying out any regulated activity.\n"
        "The firm misled its customers about the safety of their deposits.",
        "Financial Conduct Authority (press release)",
    )
    assert ("Financial Conduct Authority", "BANNED", "Quarrel Markets Ltd") in acts, acts


def test_the_commission_in_a_reprinted_release_is_its_issuer() -> None:
    acts = _release(
        "The Commission today announced that it has banned Torvel Exchange from offering "
        "derivatives to retail investors.",
        "Mondo Visione (Securities and Futures Commission press release)",
    )
    assert ("Securities and Futures Commission", "BANNED", "Torvel Exchange") in acts, acts


def test_an_outlets_own_we_names_no_body() -> None:
    acts = _release(
        "We reported last week that Quarrel Markets Ltd was banned from trading.", "Coin Ledger"
    )
    assert not acts, acts


# --- a digest's next story has actors of its own ------------------------------------------


def test_an_agentless_action_under_the_next_heading_takes_no_earlier_storys_body() -> None:
    out = extract(
        "Weekly roundup of crypto rules.\n"
        "Malta fines Alpha\n"
        "The Malta Financial Services Authority fined Alpha Markets Ltd EUR 200,000 on Monday.\n"
        "Beta under pressure\n"
        "Beta Exchange was banned from onboarding new users last week after a review.\n"
    )
    acts = actions(out)
    assert ("Malta Financial Services Authority", "FINED", "Alpha Markets Ltd") in acts, acts
    assert not any(t == "Beta Exchange" for _, _, t in acts), acts


def test_within_one_story_the_body_before_still_acts() -> None:
    out = extract(
        "The Malta Financial Services Authority fined Alpha Markets Ltd EUR 200,000 on Monday. "
        "The firm was also banned from onboarding new users."
    )
    acts = actions(out)
    assert ("Malta Financial Services Authority", "BANNED", "Alpha Markets Ltd") in acts, acts


def test_a_countrys_regulators_suing_borrow_no_body_from_the_story_before() -> None:
    out = extract(
        "The U.S. Department of Justice on Tuesday charged Ravel Kade with wire fraud.\n"
        "U.S. regulators are suing Quarrel Markets Ltd for what they call evasion of the law."
    )
    acts = actions(out)
    assert not any(t == "Quarrel Markets Ltd" for _, _, t in acts), acts
