"""Entities and aliases on real reporting (issue 12, second probe): the shapes a probe of
real articles from outlets not seen before showed missed, mistyped or invented. A word
that opens a sentence before a comma is no list's member, a body's short name in
parentheses before a titled person is no part of its name, "the government agency" is the
agency, a foreign name and its abbreviation in one pair of parentheses are both aliases,
and a city's police or prosecutor's office is that city's body.
Sentences written for these tests."""

from __future__ import annotations

from extraction_support import aliases_of, extract, triples
from extraction_support import types_of as _types


def test_a_word_opening_a_sentence_before_a_comma_is_no_name() -> None:
    types = _types(
        "The regulator fined crypto exchange Poloniex in May. Thus, Poloniex fell under "
        "the rules, the regulator said. Sure, Poloniex could have applied for a licence."
    )
    assert "Thus" not in types and "Sure" not in types, types
    # a list that goes on after its second member is still a list
    types = _types("Quorvex, Binance and OKX were fined by the regulator.")
    assert types.get("Quorvex") == "Exchange", types


def test_a_short_name_in_parentheses_before_a_titled_person_is_no_part_of_the_body() -> None:
    out = extract(
        "The Governor of the Bank of Central African States (BEAC) Abbas Mahamat Tolli "
        "told savers not to buy crypto assets."
    )
    names = {e.name for e in out.entities}
    assert not any("(" in n for n in names), names
    assert "Bank of Central African States" in names, names


def test_the_government_agency_is_the_agency_not_a_government() -> None:
    out = extract(
        "New York Attorney General Letitia James said Velmora Exchange was penalized by "
        "the government agency for operating without registration in the state."
    )
    names = {e.name for e in out.entities}
    assert not any(n.startswith("Government of") for n in names), names


def test_a_foreign_name_and_its_abbreviation_in_one_pair_of_parentheses_are_aliases() -> None:
    out = extract(
        "The central bank and the National Markets Commission (Comisión Nacional de "
        "Mercados, CNM) warned savers about Velmora Exchange. The CNM said it would act."
    )
    names = {e.name for e in out.entities}
    assert "Comisión Nacional de Mercados" not in names, names
    assert {"CNM", "Comisión Nacional de Mercados"} <= aliases_of(
        out, "National Markets Commission"
    ), names
    out = extract("The Kestrian Markets Authority (Kestriske Tilsynet, KMT) fined Velmora Ltd.")
    assert {"KMT", "Kestriske Tilsynet"} <= aliases_of(out, "Kestrian Markets Authority")


def test_a_citys_police_and_prosecutors_office_are_that_citys_bodies() -> None:
    out = extract(
        "Turkish police detained 40 people on Friday. Ankara police said the founder had "
        "fled. An Ankara prosecutor's office said it opened an investigation into Velmora "
        "Exchange on Thursday."
    )
    types = {e.name: e.type for e in out.entities}
    assert types.get("Ankara police") == "GovernmentBody", types
    assert types.get("Ankara prosecutor's office") == "GovernmentBody", types
    assert ("Ankara prosecutor's office", "INVESTIGATED", "Velmora Exchange") in triples(out)


def test_a_place_after_a_firm_is_the_firms_place_not_the_firm() -> None:
    # the apposition after the place describes the firm before it
    types = _types(
        "The agency searched premises of a director of Velmora Lab in Hyderabad, the company "
        "that runs popular cryptocurrency exchange Kestrix."
    )
    assert types.get("Hyderabad") == "Jurisdiction", types
    assert types.get("Velmora Lab") == "Company", types
    # an address after a firm's name: the town before the country
    types = _types(
        "The regulator ordered Tarvo Trade Capital Ltd., Alicante, Spain, which ran an "
        "unauthorised trading platform, to stop its business."
    )
    assert types.get("Alicante") == "Jurisdiction", types
    # a market region after a firm is no place of its own
    types = _types("The approval follows a difficult year for Binance in Europe.")
    assert "Europe" not in types, types


def test_social_media_platforms_listed_are_no_exchanges() -> None:
    types = _types(
        "The regulator said Velmora promoted its trading services across social media "
        "platforms, including Telegram, X (formerly Twitter), and Discord."
    )
    assert types.get("X") == "Company", types
    assert "Twitter" in aliases_of(
        extract("Users found it on Telegram, X (formerly Twitter)."), "X"
    )


def test_a_division_of_financial_regulation_is_a_regulator() -> None:
    types = _types(
        "The Kestria Division of Financial Regulation revoked the licence of Velmora on "
        "April 3. The agency's Market and Intermediary Relations Superintendence flagged it."
    )
    assert types.get("Kestria Division of Financial Regulation") == "Regulator", types
    assert types.get("Market and Intermediary Relations Superintendence") == "Regulator", types


def test_people_named_after_a_role_set_off_by_commas_or_with_an_elided_particle() -> None:
    out = extract(
        "The regulator banned Velmora and its founder, Chenmin Gao, from attracting "
        "customers. It is a warning to others, says Special Agent in Charge of the USSS "
        "Cyber Division Michael D'Ambrosio."
    )
    types = {e.name: e.type for e in out.entities}
    assert types.get("Chenmin Gao") == "Person", types
    assert types.get("Michael D'Ambrosio") == "Person", types
    assert ("Chenmin Gao", "AFFILIATED_WITH", "Velmora") in triples(out)


def test_laws_named_by_their_kind_and_number() -> None:
    out = extract(
        "The regulator issued Declaratory Act 20.123 under Article 15 of Law 6.385, and "
        "later Declaratory Act No. 21,928 against Velmora Ltd."
    )
    laws = {e.name for e in out.entities if e.type == "Law"}
    assert {"Declaratory Act 20.123", "Law 6.385", "Declaratory Act No. 21,928"} <= laws, laws


def test_a_law_named_in_full_then_by_the_words_its_title_opens_with_is_one_law() -> None:
    out = extract(
        "The regulator cited the Payment Tokens Decree on Digital Asset Businesses of 2019. "
        "Velmora Ltd. breached Section 26 of the Payment Tokens Decree, the regulator said."
    )
    laws = [e.name for e in out.entities if e.type == "Law"]
    assert len(laws) == 1, laws


def test_a_brand_and_a_country_the_text_calls_its_local_unit_are_that_unit() -> None:
    out = extract(
        "The regulator revoked the licence of Binance's Malaysian subsidiary on Monday. "
        "Binance Malaysia may still close its clients' positions, the regulator said."
    )
    assert ("Binance Malaysia", "SUBSIDIARY_OF", "Binance") in triples(out)


def test_a_ticker_set_off_after_the_word_token_is_a_token() -> None:
    types = _types(
        "Regulators charged Velmora Ltd with manipulating the price of the exchange's native "
        "token, VLMX, which it considers a commodity."
    )
    assert types.get("VLMX") == "CryptoAsset", types


def test_the_quote_side_of_a_trading_pair_is_no_name() -> None:
    out = extract(
        "The licence covered trading in Bitcoin BTC/USD, Ethereum ETH/USD and other coins "
        "on the Velmora Exchange."
    )
    names = {e.name for e in out.entities}
    assert "USD" not in names, names


def test_former_names_in_the_other_shapes_news_writes_them() -> None:
    for text, old in (
        ("Velmora Exchange (previously known as Kestrix) was fined by the regulator.", "Kestrix"),
        ("The regulator fined Velmora Exchange, previously Kestrix, in May.", "Kestrix"),
        ("Kestrix Markets (now Velmora Exchange) was fined by the regulator.", "Kestrix Markets"),
        ("Kestrix Markets, now called Velmora Exchange, was fined in May.", "Kestrix Markets"),
    ):
        out = extract(text)
        kinds = {
            a.name: a.kind for e in out.entities if e.name == "Velmora Exchange" for a in e.aliases
        }
        assert kinds.get(old) == "former_name", (text, kinds)


def test_a_person_named_after_their_trade() -> None:
    types = _types("Police arrested crypto trader Arjun Vemuri in Pune on Monday.")
    assert types.get("Arjun Vemuri") == "Person", types


def test_newspapers_named_as_sources_are_outlets_not_people_or_firms() -> None:
    for text, outlet in (
        (
            "The regulator warned Velmora Exchange, local newspaper Kestria Times said.",
            "Kestria Times",
        ),
        (
            "The regulator warned Velmora Exchange, according to Kestria Chronicle.",
            "Kestria Chronicle",
        ),
        ("The regulator warned Velmora Exchange on Monday, Daily Ledger reported.", "Daily Ledger"),
    ):
        types = _types(text)
        assert types.get(outlet) == "MediaOutlet", (text, types)


def test_people_named_by_initials_or_with_the_family_name_first() -> None:
    out = extract(
        "Police questioned A. K. Sharma and J. Oduya over the scheme. Vietnamese police "
        "arrested Nguyen Thi Lan in Hanoi. The exchange's chief executive, Pham Van Duc, "
        "resigned."
    )
    types = {e.name: e.type for e in out.entities}
    for person in ("A. K. Sharma", "J. Oduya", "Nguyen Thi Lan", "Pham Van Duc"):
        assert types.get(person) == "Person", (person, types)
    assert "Van Duc" not in types, types


def test_a_german_statute_and_its_translation_and_defined_short_name_are_one_law() -> None:
    out = extract(
        "Such trading falls within the Kreditwesengesetz (Banking Act; hereinafter referred "
        'to as "KWG"). Under the KWG, a licence is needed for it.'
    )
    laws = [e.name for e in out.entities if e.type == "Law"]
    assert laws == ["Kreditwesengesetz"], laws
    assert {"Banking Act", "KWG"} <= aliases_of(out, "Kreditwesengesetz")
