"""Actions and their attributes as real reporting from Asia, Africa, Latin America and the
Middle East writes them (issue 12, probe set actprobe8): money in local notations, dates
written with their weekday or a comma, bans a court lifts, conduct named after "against",
"not to" or "are illegal", the outlet that tells of an action, claimed approvals, and the
body a pronoun names. Sentences written for these tests (other names, places, amounts)."""

from __future__ import annotations

import datetime as dt

import pytest
from extraction_support import actions, extract

from ingest.extraction.actions.action_dates import find_date
from ingest.extraction.actions.money import find_money

# --- money in local notations ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "amount", "currency"),
    [
        ("a penalty of Rs. 4,37,50,000 was imposed", None, 43_750_000.0, "INR"),
        ("a penalty of Rs 2.2 lakh crore", None, 2.2e12, "INR"),
        ("fined 7 million Egyptian pounds", None, 7e6, "EGP"),
        ("fined LE4 million", None, 4e6, "EGP"),
        ("fined 3 million pounds", "Egypt", 3e6, "EGP"),
        ("fined 250,000 dinars", "Kuwait", 250_000.0, "KWD"),
        ("fined 40 million Ugandan shillings", None, 40e6, "UGX"),
        ("fined 900,000 Thai baht", None, 900_000.0, "THB"),
        ("fined Rp2.5 miliar", None, 2.5e9, "IDR"),
        ("fined GH¢1.5 million", None, 1.5e6, "GHS"),
        ("fined TL 12 million", None, 12e6, "TRY"),
        ("fined 75 million soums", None, 75e6, "UZS"),
        ("fined 4 million riyals", "Qatar", 4e6, "QAR"),
        ("fined Sh12 million", "Kenya", 12e6, "KES"),
    ],
)
def test_local_money_notations(
    text: str, country: str | None, amount: float, currency: str
) -> None:
    found = find_money(text, country)
    assert [(m.amount, m.currency) for m in found] == [(amount, currency)], found


def test_a_dinar_without_its_country_is_no_amount() -> None:
    assert find_money("fined 250,000 dinars") == []


def test_a_fine_in_indian_digit_grouping_reaches_the_relation() -> None:
    # "Rs." before a number ends no sentence
    out = extract(
        "Korvex Exchange was fined Rs. 5,60,00,000 by the Financial Intelligence Unit-India."
    )
    fine = next(r for r in out.relations if r.type == "FINED")
    assert fine.properties.get("amount") == 56_000_000.0, fine.properties
    assert fine.properties.get("currency") == "INR", fine.properties


# --- dates written with their weekday, a comma or dashes -------------------------------

PUB = dt.date(2024, 6, 21)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The regulator banned the exchange on Tuesday, March 12, 2019.", "2019-03-12"),
        ("The regulator banned the exchange on Wednesday 14 November 2018.", "2018-11-14"),
        ("The regulator banned the exchange in August, 2020.", "2020-08"),
        ("The regulator banned the exchange on 17-02-2019.", "2019-02-17"),
        ("The regulator banned the exchange on Tuesday.", "2024-06-18"),
    ],
)
def test_dates_with_weekdays_commas_and_dashes(text: str, date: str) -> None:
    assert find_date(text, PUB) == date


# --- a ban a court lifts ---------------------------------------------------------------


def _banned(text: str) -> list[tuple[str, str, dict[str, object]]]:
    out = extract(text)
    names = {e.id: e.name for e in out.entities}
    return [
        (names[r.source], names[r.target], r.properties)
        for r in out.relations
        if r.type == "BANNED"
    ]


def test_a_central_bank_ban_a_court_lifts_is_overturned() -> None:
    found = _banned(
        "In April 2020 the Reserve Bank of Velmora banned cryptocurrency trading. In July 2020 "
        "the High Court of Velmora lifted the ban on cryptocurrency trading."
    )
    assert found == [
        (
            "Reserve Bank of Velmora",
            "cryptocurrency trading",
            {"status": "ended", "ended_how": "overturned", "ended_on": "2020-07"},
        )
    ], found


def test_a_lede_telling_a_court_lifting_first_ends_the_ban_told_after() -> None:
    found = _banned(
        "The High Court of Velmora has lifted the ban on cryptos. Earlier in April 2020, the "
        "Reserve Bank of Velmora banned lenders from handling cryptocurrency transactions."
    )
    assert len(found) == 1 and found[0][0] == "Reserve Bank of Velmora", found
    assert found[0][2].get("ended_how") == "overturned", found


def test_a_body_lifting_its_own_ban_lifts_it() -> None:
    found = _banned(
        "In April 2020 the Reserve Bank of Velmora banned cryptocurrency trading. In July 2020 "
        "the Reserve Bank of Velmora lifted the ban."
    )
    assert found[0][2].get("ended_how") == "lifted", found


# --- conduct named after "against", "not to" or "are illegal" --------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Central Bank of Velmora repeated its warning against dealing in any kind of "
            "cryptocurrency on foreign platforms.",
            ("Central Bank of Velmora", "WARNED", "dealing in cryptocurrencies"),
        ),
        (
            "The Central Bank of Velmora warned against buying or selling cryptocurrencies "
            "through messaging groups.",
            ("Central Bank of Velmora", "WARNED", "buying or selling cryptocurrencies"),
        ),
        (
            "The Central Bank of Velmora cautioned savers against the use of Bitcoin.",
            ("Central Bank of Velmora", "WARNED", "use of Bitcoin"),
        ),
        (
            "The National Bank of Velmora warned residents not to use any form of virtual "
            "currency.",
            ("National Bank of Velmora", "WARNED", "use of virtual currencies"),
        ),
        (
            "The National Bank of Velmora announced on Friday that cryptocurrency and all other "
            "digital tokens are illegal in the country.",
            ("National Bank of Velmora", "BANNED", "cryptocurrencies"),
        ),
    ],
)
def test_conduct_a_warning_or_declaration_falls_on(
    text: str, expected: tuple[str, str, str]
) -> None:
    found = actions(extract(text))
    assert expected in found, found


def test_a_crypto_word_modifying_another_noun_names_no_conduct() -> None:
    out = extract("The Central Bank of Velmora warned consumers against crypto scams on Monday.")
    assert not [e for e in out.entities if e.type == "Activity"], out.entities


def test_the_warned_conduct_keeps_its_words_as_written() -> None:
    out = extract(
        "The Central Bank of Velmora repeated its warning against dealing in any kind of "
        "cryptocurrency on foreign platforms."
    )
    act = next(e for e in out.entities if e.type == "Activity")
    assert "dealing in any kind of cryptocurrency" in {a.name for a in act.aliases}, act


# --- who tells of an action, who claims approval, whom "it" names -----------------------


def test_the_outlet_reporting_a_warning_is_not_warned() -> None:
    found = actions(
        extract(
            "The Central Bank of Velmora has warned the public against the use of Bitcoin, "
            "the Velmora Gazette has reported."
        )
    )
    assert found == {("Central Bank of Velmora", "WARNED", "use of Bitcoin")}, found


def test_a_ban_announced_by_a_president_and_reported_by_an_outlet_bans_neither() -> None:
    found = actions(
        extract(
            "The Ministry of Energy of Velmora enforced the temporary ban on cryptocurrency "
            "mining, announced by President Arko Tamm on May 26 and reported by Coinvista News."
        )
    )
    assert found == {("Ministry of Energy of Velmora", "BANNED", "cryptocurrency mining")}, found


def test_a_firm_claiming_approval_is_not_licensed() -> None:
    found = actions(
        extract(
            "The Bank of Velmora cautioned the public against dealing with Quickcash Currency "
            "Exchange, which claims to have approval from the central bank."
        )
    )
    assert ("Bank of Velmora", "WARNED", "Quickcash Currency Exchange") in found, found
    assert not any(t == "LICENSED" for _, t, _ in found), found


def test_it_names_the_body_in_subject_position_not_the_one_it_sits_under() -> None:
    out = extract(
        "The Korea Financial Intelligence Unit, under the Financial Services Commission, said on "
        "Tuesday that it had decided to impose a fine of 1.9 billion won on Korvex Exchange."
    )
    names = {e.id: e.name for e in out.entities}
    fines = [(names[r.source], r.properties) for r in out.relations if r.type == "FINED"]
    assert fines == [("Korea Financial Intelligence Unit", {"amount": 1.9e9, "currency": "KRW"})], (
        fines
    )


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The regulator inspected the exchange from October 16 to 29 last year.", "2023-10"),
        ("The regulator inspected the exchange between 3 and 14 March 2022.", "2022-03"),
        ("The regulator inspected the exchange from October 16 to 29, 2021.", "2021-10"),
    ],
)
def test_a_span_of_days_dates_the_action_at_its_month(text: str, date: str) -> None:
    assert find_date(text, PUB) == date


# --- a licence reinstated, a warning joined to a fine, a warning renewed -------------


def _licences(text: str) -> list[dict[str, object]]:
    out = extract(text, dt.date(2022, 9, 1))
    return [r.properties for r in out.relations if r.type == "LICENSED"]


def test_a_licence_reinstated_after_its_suspension_stands_again() -> None:
    found = _licences(
        "In March 2021 the Securities Commission of Velmora granted Korvex Exchange a licence. "
        "In May 2022 the commission suspended the licence. In August 2022 it reinstated the "
        "licence."
    )
    assert found == [{}], found


def test_a_suspended_licence_not_reinstated_stays_suspended() -> None:
    found = _licences(
        "In March 2021 the Securities Commission of Velmora granted Korvex Exchange a licence. "
        "In May 2022 the commission suspended the licence."
    )
    assert found and found[0].get("ended_how") == "suspended", found


def test_a_warning_issued_with_a_fine_falls_on_the_fined_firm() -> None:
    found = actions(
        extract(
            "The Korea Financial Intelligence Unit said on Tuesday that it had decided to impose "
            "a fine of 1.2 billion won on Korvex Exchange for breaching due diligence rules, and "
            "issued an institutional warning."
        )
    )
    assert ("Korea Financial Intelligence Unit", "WARNED", "Korvex Exchange") in found, found


def test_a_renewed_warning_is_dated_by_the_news_not_by_the_warnings_since() -> None:
    out = extract(
        "The Central Bank of Velmora (CBV) has renewed its warning against dealing in any type "
        "of cryptocurrency through foreign platforms.\n\nIn a statement on Tuesday, the CBV said "
        "that virtual currencies are not legal tender.\n\nSince 2017, the CBV has been warning "
        "against dealing in all types of cryptocurrencies.",
        dt.date(2022, 9, 13),
    )
    dates = sorted(str(r.date) for r in out.relations if r.type == "WARNED")
    assert dates == ["2017", "2022-09-13"], dates


# --- directives to supervised institutions, account closures, app-store removals -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Central Bank of Velmora directed banks to stop processing crypto payments.",
            {("Central Bank of Velmora", "BANNED", "crypto payments")},
        ),
        (
            "The Central Bank of Velmora issued a circular instructing all banks to close the "
            "accounts of Korvex Exchange.",
            {("Central Bank of Velmora", "BLOCKED", "Korvex Exchange")},
        ),
        (
            "The Ministry of Digital Affairs of Velmora ordered Apple and Google to remove the "
            "apps of Korvex Exchange from their stores.",
            {("Ministry of Digital Affairs of Velmora", "BANNED", "Korvex Exchange")},
        ),
        (
            "The Ministry of Digital Affairs of Velmora ordered Google to take down the Korvex "
            "Exchange app.",
            {("Ministry of Digital Affairs of Velmora", "BANNED", "Korvex Exchange")},
        ),
    ],
)
def test_the_institutions_and_stores_carrying_out_an_order_are_not_its_targets(
    text: str, expected: set[tuple[str, str, str]]
) -> None:
    found = actions(extract(text))
    assert found == expected, found


def test_the_stores_an_app_is_removed_from_are_not_banned() -> None:
    found = actions(
        extract(
            "The Securities Commission of Velmora had Korvex Exchange's apps removed from the "
            "Apple App Store and Google Play."
        )
    )
    assert not any(t in ("App Store", "Apple App Store", "Google Play") for _, _, t in found), found


# --- lifting told as "unbanned" or in a second conjunct; a name ends before local money -


def test_unbanned_ends_a_ban() -> None:
    found = _banned("The Central Bank of Velmora unbanned cryptocurrency trading in June.")
    assert found and found[0][2].get("ended_how") == "lifted", found


def test_a_ban_lifted_in_a_second_conjunct_ends_on_its_own_date() -> None:
    out = extract(
        "The Central Bank of Velmora banned crypto payments in 2021 and lifted the ban in 2023.",
        dt.date(2024, 9, 1),
    )
    ban = next(r for r in out.relations if r.type == "BANNED")
    assert (ban.date, ban.properties.get("ended_on")) == ("2021", "2023"), ban


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        (
            "The Securities and Exchange Commission of Nigeria fined Korvex Exchange N10 million.",
            "NGN",
        ),
        ("The Capital Markets Authority of Kenya fined Korvex Exchange Sh5 million.", "KES"),
    ],
)
def test_a_firms_name_ends_before_a_local_currency_sign(text: str, currency: str) -> None:
    out = extract(text)
    names = {e.id: e.name for e in out.entities}
    fines = [
        (names[r.target], r.properties.get("currency")) for r in out.relations if r.type == "FINED"
    ]
    assert fines == [("Korvex Exchange", currency)], fines


def test_a_crypto_word_joined_to_another_by_a_hyphen_names_no_conduct() -> None:
    out = extract(
        "The Central Bank of Velmora warned the public against cryptocurrency-linked pyramid "
        "schemes."
    )
    assert not [e for e in out.entities if e.type == "Activity"], out.entities
