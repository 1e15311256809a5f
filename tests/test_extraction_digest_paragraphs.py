"""Digests whose paragraphs open with their place as a label ("Philippines: The SEC
ordered ..."): the label settles an ambiguous body and is no party of the sentence; a
counted group's members listed in apposition take its action; "the platforms" after a
sentence's own list means that list; "A Federal Court judge" acts for the court; a date
across a semicolon belongs to its own clause. Issue 12 point 1; sentences written for
these tests."""

from __future__ import annotations

import datetime as dt

from extraction_support import actions, extract

DIGEST = (
    "Weekly roundup\n\n"
    "Nigeria: The Securities and Exchange Commission (SEC) of Nigeria granted provisional "
    "approval to two digital asset exchanges, Busha Digital Ltd and Quidax Technologies Ltd, "
    "under its incubation programme.\n\n"
    "Philippines: The SEC ordered internet service providers to block access to the websites "
    "of OKX, KuCoin and Bybit, giving the platforms three months to exit the market.\n\n"
    "Australia: A Federal Court judge ordered Finder Wallet to pay a penalty after the "
    "regulator's case; ASIC had launched the proceedings in November 2022."
)


def test_a_labelled_paragraph_settles_an_ambiguous_body() -> None:
    blocked = {s for s, a, t in actions(extract(DIGEST)) if a == "BLOCKED"}
    assert blocked == {"Securities and Exchange Commission of the Philippines"}, blocked


def test_a_counted_groups_members_in_apposition_take_its_action() -> None:
    licensed = {t for s, a, t in actions(extract(DIGEST)) if a == "LICENSED"}
    assert licensed == {"Busha Digital Ltd", "Quidax Technologies Ltd"}, licensed


def test_the_platforms_after_a_sentences_own_list_are_no_earlier_group() -> None:
    blocked = {t for s, a, t in actions(extract(DIGEST)) if a == "BLOCKED"}
    assert blocked == {"OKX", "KuCoin", "Bybit"}, blocked


def test_a_label_is_no_party_and_a_court_judge_acts_for_the_court() -> None:
    out = extract(DIGEST)
    fined = {(s, t) for s, a, t in actions(out) if a == "FINED"}
    assert fined == {("Federal Court of Australia", "Finder Wallet")}, fined
    fine = next(r for r in out.relations if r.type == "FINED")
    assert fine.date is None  # November 2022 is when the other clause's suit began


def test_a_date_across_a_semicolon_is_the_other_clauses() -> None:
    out = extract(
        "The FCA fined Zenmo Ltd over weak controls; the firm had been warned in March 2021.",
        published=dt.date(2024, 5, 8),
    )
    fine = next(r for r in out.relations if r.type == "FINED")
    assert fine.date != "2021-03", fine.date
