"""Generic names read in their context: a generic body's name that goes on with one more
field is another body ("Ministry of Finance and Economy"); a demonym naming a currency
("Japanese yen") makes no story Japanese; a sentence's opening "Today" is no part of the
name after it; "shuttered" is shut down."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract, triples, types_by_name


def test_a_generic_body_s_name_going_on_with_a_field_is_another_body() -> None:
    out = extract(
        "The ban follows guidance from the regional government's Ministry of Finance and "
        "Economy and from Iraq's Ministry of Finance. Forex means trading the Japanese yen."
    )
    names = types_by_name(out)
    assert names.get("Ministry of Finance and Economy") == "GovernmentBody", names
    assert "Ministry of Finance of Japan" not in names
    assert ("Ministry of Finance", "LOCATED_IN", "Iraq") in triples(out)


def test_a_demonym_that_names_a_currency_makes_no_story_that_country_s() -> None:
    text = (
        "The Ministry of Finance banned crypto trading. Forex traders buy and sell the "
        "Swiss franc, the euro or the Japanese yen."
    )
    names = types_by_name(extract(text))
    assert "Ministry of Finance" in names, names
    assert not [n for n in names if "Japan" in n or "Switzerland" in n]
    # a demonym that qualifies a body still places it
    out = extract("The Japanese Ministry of Finance banned crypto trading.")
    assert "Ministry of Finance of Japan" in types_by_name(out)


def test_a_time_word_opening_the_sentence_is_no_part_of_the_name_after_it() -> None:
    out = extract("Today the Department of Justice charged Korvane Ltd with fraud.")
    assert ("Department of Justice", "SUED", "Korvane Ltd") in actions(out)
    out = extract("Yesterday the Financial Conduct Authority fined Korvane Ltd.")
    assert ("Financial Conduct Authority", "FINED", "Korvane Ltd") in actions(out)


def test_a_market_shuttered_by_authorities_is_shut_down() -> None:
    out = extract("Velmora Ltd was shuttered by German police in 2022.")
    assert ("German police", "BANNED", "Velmora Ltd") in actions(out)
    out = extract("Velmora Ltd, shuttered by U.S. authorities in 2022, ran a darknet bazaar.")
    assert ("United States", "BANNED", "Velmora Ltd") in actions(out)


def test_a_numbered_court_keeps_the_words_its_name_opens_with() -> None:
    out = extract("On Thursday, the Anatolian 9th Heavy Penal Court fined Korvane Ltd.")
    assert ("Anatolian 9th Heavy Penal Court", "FINED", "Korvane Ltd") in actions(out)
    # a place before the number stays a place of its own (the court's seat)
    out = extract("The Istanbul 4th High Criminal Court sentenced Korvane Ltd's founder.")
    names = types_by_name(out)
    assert names.get("4th High Criminal Court") == "Court" and names.get("Istanbul"), names
    out = extract("Last week the 9th Heavy Penal Court fined Korvane Ltd.")
    assert ("9th Heavy Penal Court", "FINED", "Korvane Ltd") in actions(out)


def test_a_place_named_as_the_surname_of_a_person_told_before_is_that_person() -> None:
    out = extract(
        "Deputy Attorney General Lisa Monaco spoke on Tuesday. Monaco said Korvane Ltd had "
        "moved $700 million for criminals."
    )
    assert "Monaco" not in types_by_name(out)
    out = extract("Lisa Monaco flew to Monaco. In Monaco, regulators fined Korvane Ltd.")
    assert types_by_name(out).get("Monaco") == "Jurisdiction"


def test_a_body_s_name_with_a_word_s_number_slipped_is_that_body() -> None:
    out = extract(
        "Nigeria's Security and Exchange Commission, SEC, has warned the public against "
        "Korvane Ltd."
    )
    names = types_by_name(out)
    assert "Security and Exchange Commission" not in names, names
    assert ("Securities and Exchange Commission of Nigeria", "WARNED", "Korvane Ltd") in actions(
        out
    )
    # another country's body of that name stays apart
    out = extract(
        "Ghana's Security and Exchange Commission and Nigeria's SEC both warned the public "
        "against Korvane Ltd."
    )
    assert "Securities and Exchange Commission of Nigeria" in types_by_name(out)
    assert len([n for n in types_by_name(out) if "Commission" in n]) == 2, types_by_name(out)


def test_trade_names_in_brackets_and_lists_are_aliases() -> None:
    out = extract("Korvane Ltd (doing business as Korvex) was fined by the FCA.")
    assert aliases_of(out, "Korvane Ltd") >= {"Korvex"}
    out = extract("Korvane Ltd, doing business as Korvex and Velmo, was fined by the FCA.")
    assert aliases_of(out, "Korvane Ltd") >= {"Korvex", "Velmo"}
    out = extract(
        "The Tribunal fined Velmora Markets (also doing business as Velmo Exchange and "
        "Velmo.io) and BZ Limited."
    )
    assert aliases_of(out, "Velmora Markets") >= {"Velmo Exchange", "Velmo.io"}
    assert "Velmo Exchange" not in types_by_name(out)


def test_a_numbered_court_s_place_stays_its_seat() -> None:
    out = extract("Turkey's 9th High Criminal Court fined Korvane Ltd.")
    assert ("9th High Criminal Court", "LOCATED_IN", "Turkey") in triples(out)
    names = types_by_name(extract("The Seoul Southern District Court fined Korvane Ltd."))
    assert names.get("Seoul Southern District Court") == "Court", names


def test_coordinated_national_authorities_are_their_countries() -> None:
    out = extract("Velmora Ltd was shut down by U.S. and German authorities in 2022.")
    found = {t[0] for t in actions(out) if t[1] == "BANNED"}
    assert found == {"United States", "Germany"}, found
    out = extract("Velmora Ltd was shut down by Dutch and German authorities in 2022.")
    found = {t[0] for t in actions(out) if t[1] == "BANNED"}
    assert found == {"Netherlands", "Germany"}, found
    out = extract("Police and German authorities raided Velmora Ltd in 2022.")
    assert {t[0] for t in actions(out)} == {"German authorities"}, actions(out)
