"""Names and types on real reporting (issue 12, entity side): person names with particles
and hyphens, legal forms of many countries, a legal suffix's dot at a sentence's end,
titles closed by "General", local-language names beside English ones. Sentences written
for these tests; every firm and person in them is invented."""

from __future__ import annotations

import pytest
from extraction_support import extract as _extract


def _typed(text: str) -> dict[str, str]:
    return {e.name: e.type for e in _extract(text).entities}


# 1. people whose names carry particles, hyphens or a glued Arabic article


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Prosecutors charged Pieter van der Berg on Friday.", "Pieter van der Berg"),
        ("Jan van der Berg, the founder of Korvex, was arrested.", "Jan van der Berg"),
        (
            "Police arrested Khalid al-Mansouri, the chief executive of Dunmore Ltd.",
            "Khalid al-Mansouri",
        ),
        (
            "The court sentenced Mohd Faizal bin Ahmad, a director of Brava Ltd, to six years.",
            "Mohd Faizal bin Ahmad",
        ),
        ("Luis de la Cruz, a director of Velmora Labs, denied wrongdoing.", "Luis de la Cruz"),
        (
            "Anne-Marie Dupont, chief executive of Tallmark, said the firm would comply.",
            "Anne-Marie Dupont",
        ),
        ("Ahmed el-Sayed, a spokesman for the ministry, declined to comment.", "Ahmed el-Sayed"),
    ],
)
def test_person_names_with_particles_and_hyphens_are_people(text: str, person: str) -> None:
    assert _typed(text).get(person) == "Person"


def test_a_month_is_still_no_name_before_a_capital() -> None:
    typed = _typed("In Jan the regulator fined Korvex Ltd on its custody rules.")
    assert not any(name.startswith("Jan") for name in typed)


# 2. a legal suffix's dot at a sentence's end, and legal forms of many countries


@pytest.mark.parametrize(
    "text",
    [
        "The watchdog fined Quillmark Ltd. Officials said more cases would follow.",
        "The watchdog fined Quillmark Ltd on Monday.",
        "Quillmark Ltd said it would appeal. The watchdog had fined Quillmark Ltd.",
    ],
)
def test_a_legal_suffix_dot_that_ends_the_sentence_is_the_full_stop(text: str) -> None:
    companies = {n for n, t in _typed(text).items() if t == "Company"}
    assert companies == {"Quillmark Ltd"}


@pytest.mark.parametrize(
    "text",
    [
        "The watchdog fined Quillmark Ltd. Quillmark Ltd. said it would appeal.",
        "Quillmark Ltd. said it would appeal. The watchdog had fined Quillmark Ltd.",
    ],
)
def test_a_legal_suffix_dot_written_inside_a_sentence_is_kept_whatever_the_order(
    text: str,
) -> None:
    companies = {n for n, t in _typed(text).items() if t == "Company"}
    assert companies == {"Quillmark Ltd."}


@pytest.mark.parametrize(
    ("text", "firms"),
    [
        (
            "The authority warned Hoshino K.K. and Brava Ltda about unlicensed trading.",
            {"Hoshino K.K.", "Brava Ltda"},
        ),
        (
            "The regulator fined Morano S.p.A., Duisen B.V. and Kestrel Sdn Bhd over lapses.",
            {"Morano S.p.A.", "Duisen B.V.", "Kestrel Sdn Bhd"},
        ),
        ("Regulators fined Kallio Oyj and Zoltan Kft. last year.", {"Kallio Oyj", "Zoltan Kft."}),
    ],
)
def test_legal_forms_of_many_countries_make_a_company(text: str, firms: set[str]) -> None:
    typed = _typed(text)
    assert {f: typed.get(f) for f in firms} == dict.fromkeys(firms, "Company")


# 3. "General": a rank opening a firm's name, and the word closing a title


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("General Motors said it would accept bitcoin for its cars.", "General Motors"),
        ("General Dynamics said on Monday it would not hold crypto.", "General Dynamics"),
        ("The SEC fined Eastern Electric on Monday.", "Eastern Electric"),
    ],
)
def test_a_firm_whose_first_word_is_a_rank_is_no_person(text: str, firm: str) -> None:
    assert _typed(text).get(firm) == "Company"


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Solicitor General Amara Osei said the state would appeal.", "Amara Osei"),
        ("Auditor General Teodor Brask said the agency lost track of coins.", "Teodor Brask"),
        ("General Ilse Varga said the army would not hold crypto.", "Ilse Varga"),
    ],
)
def test_a_title_closed_by_general_or_a_rank_is_no_part_of_the_name(text: str, person: str) -> None:
    people = {n for n, t in _typed(text).items() if t == "Person"}
    assert people == {person}


# 4. a body's local-language name beside its English one: one entity, the other an alias


def _bodies(text: str) -> dict[str, set[str]]:
    public = ("Regulator", "CentralBank", "GovernmentBody", "Court")
    return {
        e.name: {a.name for a in e.aliases} for e in _extract(text).entities if e.type in public
    }


def test_a_curated_local_name_in_parentheses_is_the_same_body() -> None:
    bodies = _bodies(
        "Sweden's Financial Supervisory Authority (Finansinspektionen) warned Korvex Ltd."
    )
    assert list(bodies) == ["Finansinspektionen"]
    assert "Financial Supervisory Authority" in bodies["Finansinspektionen"]


@pytest.mark.parametrize(
    ("text", "body", "alias"),
    [
        (
            "The Monetary Authority of Ruritania (Banca Centrale di Ruritania) warned Korvex.",
            "Monetary Authority of Ruritania",
            "Banca Centrale di Ruritania",
        ),
        (
            "The Zemblan Markets Board (Zemblanske Verdipapirtilsyn) fined Korvex Ltd. The "
            "Zemblanske Verdipapirtilsyn said it would publish the decision.",
            "Zemblan Markets Board",
            "Zemblanske Verdipapirtilsyn",
        ),
    ],
)
def test_an_unknown_local_name_in_parentheses_is_an_alias_of_the_body(
    text: str, body: str, alias: str
) -> None:
    out = _extract(text)
    assert {e.name for e in out.entities if e.type != "Company"} == {body}
    assert alias in {a.name for e in out.entities if e.name == body for a in e.aliases}


@pytest.mark.parametrize(
    "text",
    [
        "The Securities Commission (Malaysia) fined Korvex Sdn Bhd.",
        "The Zemblan Markets Board (ZMB) fined Korvex Ltd.",
    ],
)
def test_a_place_or_an_abbreviation_in_parentheses_is_no_local_name(text: str) -> None:
    for aliases in _bodies(text).values():
        assert "Malaysia" not in aliases
        assert not any(a.startswith("Zemblan") for a in aliases)


# 5. company names with lower-case connectors


def test_a_bank_of_the_region_is_a_lender_not_a_central_bank() -> None:
    typed = _typed("Bank of the North closed the accounts of Korvex Ltd last week.")
    assert typed.get("Bank of the North") == "Company"
    assert _typed("The Bank of Zembla warned Korvex Ltd.").get("Bank of Zembla") == "CentralBank"
    typed = _typed("The Bank of the Republic of Zembla warned Korvex Ltd.")
    assert typed.get("Bank of the Republic of Zembla") == "CentralBank"


@pytest.mark.parametrize(
    ("text", "firms"),
    [
        ("The regulator fined vTrade and iNexa on Monday.", {"vTrade", "iNexa"}),
        ("The watchdog sued bQuant Labs and qVault Markets.", {"bQuant Labs", "qVault Markets"}),
        ("The regulator fined eNexa Ltd. on Monday.", {"eNexa Ltd."}),
    ],
)
def test_a_name_with_an_inner_capital_is_a_firm_by_its_tail_or_its_verb(
    text: str, firms: set[str]
) -> None:
    typed = _typed(text)
    assert {f: typed.get(f) for f in firms} == dict.fromkeys(firms, "Company")
    assert "Labs" not in typed and "Markets" not in typed


# 6. a body the gazetteer does not know, named with its place in the possessive


def test_a_possessive_place_before_an_unknown_body_is_kept_as_its_other_name() -> None:
    out = _extract(
        "Zembla's Department of Financial Institutions fined Korvex Ltd. The Department "
        "of Financial Institutions said it would publish the order."
    )
    bodies = [e for e in out.entities if e.type in ("Regulator", "GovernmentBody")]
    assert [(e.name, e.type) for e in bodies] == [
        ("Department of Financial Institutions", "Regulator")
    ]
    assert "Zembla's Department of Financial Institutions" in {a.name for a in bodies[0].aliases}


# 7. law titles with a parenthesised part


@pytest.mark.parametrize(
    ("text", "law"),
    [
        (
            "The firm breached the Proceeds of Fraud (Asset Recovery) and Sanctions Act.",
            "Proceeds of Fraud (Asset Recovery) and Sanctions Act",
        ),
        (
            "Parliament passed the Crimes (Digital Assets) Amendment Act last year.",
            "Crimes (Digital Assets) Amendment Act",
        ),
    ],
)
def test_a_law_title_runs_over_its_parenthesised_part(text: str, law: str) -> None:
    laws = {n for n, t in _typed(text).items() if t == "Law"}
    assert laws == {law}


def test_an_abbreviation_in_parentheses_does_not_join_a_body_to_a_law() -> None:
    typed = _typed("The Zemblan Markets Board (ZMB) and Payment Services Act were cited.")
    assert {n for n, t in typed.items() if t == "Law"} == {"Payment Services Act"}


# 8. a firm's name with its token's ticker in parentheses names the token


def test_a_firm_name_with_a_ticker_in_parentheses_is_the_token() -> None:
    typed = _typed("The gang turned the loot into Tether (USDT) and moved it to Binance.")
    assert typed.get("Tether") == "CryptoAsset"
    assert _typed("Tether said on Friday it had frozen the addresses.").get("Tether") == "Company"
    assert _typed("Ripple Labs (XRP) was sued by the regulator.").get("Ripple") == "Company"


# 9. a family name first, an English given name last: "Mr <family name>" is that person


def test_a_family_name_alone_is_the_person_named_family_name_first() -> None:
    people = {
        n
        for n, t in _typed(
            "The regulator banned Mr Lim Kah Wee Jonathan, a director of Korvex Pte Ltd. "
            "Mr Lim did not respond."
        ).items()
        if t == "Person"
    }
    assert people == {"Lim Kah Wee Jonathan"}


# 10. an office named by its title and a state-wide portfolio acts as a body


@pytest.mark.parametrize(
    ("text", "office", "etype"),
    [
        (
            "The Director of Public Prosecutions declined to charge Korvex Ltd.",
            "Director of Public Prosecutions",
            "GovernmentBody",
        ),
        ("The Registrar of Companies struck off Korvex Ltd.", "Registrar of Companies", None),
        (
            "The Superintendent of Financial Services fined Korvex Ltd.",
            "Superintendent of Financial Services",
            "Regulator",
        ),
    ],
)
def test_an_office_title_with_a_state_portfolio_is_a_body(
    text: str, office: str, etype: str | None
) -> None:
    typed = _typed(text)
    assert typed.get(office) == (etype or "GovernmentBody")


def test_a_post_in_a_firm_or_division_stays_a_persons_title() -> None:
    typed = _typed("Director of Enforcement Maria Olsen said the firm was fined.")
    assert typed == {"Maria Olsen": "Person"}
    assert _typed("Korvex named a new Director of Compliance last year.") == {}


# 11. a U.S. federal district named alone is its district court


def test_a_federal_district_named_alone_is_its_court() -> None:
    out = _extract("A judge in the Middle District of Florida froze the assets of Korvex Ltd.")
    courts = {e.name: {a.name for a in e.aliases} for e in out.entities if e.type == "Court"}
    assert courts == {
        "U.S. District Court for the Middle District of Florida": {"Middle District of Florida"}
    }


@pytest.mark.parametrize(
    "text",
    [
        "Prosecutors in the Northern District of Texas charged Korvex Ltd on Friday.",
        "The Eastern District of Zembla is a province of Ruritania.",
    ],
)
def test_prosecutors_in_a_district_or_a_foreign_district_are_no_court(text: str) -> None:
    assert not any(e.type == "Court" for e in _extract(text).entities)


# 12. a domain-style name after a word for a news source is that outlet


def test_a_domain_named_as_a_news_channel_is_a_media_outlet() -> None:
    typed = _typed("The outage was first reported by Telegram channel Korvio.kz on Monday.")
    assert typed.get("Korvio.kz") == "MediaOutlet"
    assert _typed("Authorities blocked korvio.com on Monday.").get("korvio.com") == "Website"


# 13. a defined group term ('(together, the "X Group")') names the party it follows


def test_a_defined_group_term_is_the_party_not_the_brand_inside_it() -> None:
    out = _extract(
        'CB Zeta Limited ("CBZ"), the UK arm of the group headed by Binance Global, Inc. '
        '(together, the "Binance Group"), was fined. Other members of the Binance Group '
        "were not involved."
    )
    firms = {e.name: {a.name for a in e.aliases} for e in out.entities if e.type != "Jurisdiction"}
    assert "Binance" not in firms
    assert "Binance Group" in firms["Binance Global, Inc."]


def test_a_term_defined_for_a_common_noun_is_no_entity() -> None:
    typed = _typed(
        'In October the firm agreed to a voluntary restriction (the "VRES") under which it '
        "undertook not to onboard new clients. Notwithstanding the VRES, Korvex Ltd onboarded "
        "13,000 clients."
    )
    assert typed == {"Korvex Ltd": "Company"}


# 14. "the country's central bank", "the government" in a story that moves between countries


def test_the_country_and_the_government_follow_the_country_just_named() -> None:
    out = _extract(
        "Zembla's securities regulator banned meme tokens on Friday. Exchanges in Zembla must "
        "comply within 30 days. Thailand's SEC also warned Korvex Ltd. In Morocco, the "
        "country's central bank drafted a crypto law, and the government of Prime Minister "
        "Aziz Akhannouch backed the bill."
    )
    named = {e.name: {a.name for a in e.aliases} for e in out.entities}
    assert "the country's central bank" in named.get("Bank Al-Maghrib", set())
    assert "Government of Morocco" in named
    assert not any(n.startswith("Government of") and n != "Government of Morocco" for n in named)


def test_the_country_stays_the_main_country_when_it_was_just_named() -> None:
    out = _extract(
        "Kenya's capital markets regulator warned Korvex Ltd. The firm, which uses the U.S. "
        "dollar for settlement, serves Kenyans. The government said the country would act."
    )
    governments = {e.name for e in out.entities if e.name.startswith("Government of")}
    assert governments <= {"Government of Kenya"}


# 15. a ticker before "token(s)" or "coin(s)" names that token


def test_a_ticker_before_token_is_a_crypto_asset() -> None:
    assert _typed("Hackers stole ZEN tokens worth 5 million dollars.").get("ZEN") == "CryptoAsset"
    assert _typed("Korvex was fined over listing its own KOR token.").get("KOR") == "CryptoAsset"
    assert "NFT" not in _typed("The regulator said NFT tokens are risky for savers.")


def test_a_legal_form_written_before_the_name_makes_a_company() -> None:
    typed = _typed("The agency said OOO Vostok Trade and LLC Fair Meridian had refused to pay.")
    assert typed.get("OOO Vostok Trade") == "Company"
    assert typed.get("LLC Fair Meridian") == "Company"
    assert (
        _typed("Regulators warned PT Kripto Nusantara last year.").get("PT Kripto Nusantara")
        == "Company"
    )
