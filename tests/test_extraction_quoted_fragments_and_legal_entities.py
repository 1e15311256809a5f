"""A quoted predicate the sentence goes on with states its action ('the watchdog "has
issued a public reprimand" against X'), quoted speech does not; a fronted clause of
reason hedges nothing after its comma; a brand's legal entity is its own company when the
article names several of them; a counted group's members may be listed a few sentences
on, past a sentence naming the brand told before. Issue 12 point 1; sentences written for
these tests."""

from __future__ import annotations

import pytest
from extraction_support import extract, relations_of, types_by_name

from ingest.extraction.actions.quoted_speech import in_quoted_speech

SC = "Securities Commission Malaysia"


@pytest.mark.parametrize(
    ("sentence", "speech"),
    [
        ('The watchdog "has issued a public reprimand" against X.', False),
        ('"We will fine X," the regulator said.', True),
        ('The regulator said: "we fined X".', True),
        ('The regulator said "it fined X".', True),
        ('- "eToro reaches a settlement with the SEC", SEC', True),
    ],
)
def test_which_quotations_are_speech(sentence: str, speech: bool) -> None:
    assert in_quoted_speech(sentence, sentence.index("X") if "X" in sentence else 12) is speech


def test_a_quoted_predicate_states_its_action() -> None:
    got = relations_of(f'The {SC} "has issued a public reprimand" against Zentrope Ltd.')
    assert (SC, "WARNED", "Zentrope Ltd") in got


def test_quoted_speech_states_nothing() -> None:
    got = relations_of(f'"We have issued a public reprimand against Zentrope Ltd," the {SC} said.')
    assert not {r for r in got if r[1] == "WARNED"}


def test_a_fronted_clause_of_reason_hedges_nothing_after_its_comma() -> None:
    got = relations_of(
        "Since Zentrope Ltd is operating in Malaysia without being registered, the"
        f" {SC} has issued a public reprimand against Zentrope Ltd."
    )
    assert (SC, "WARNED", "Zentrope Ltd") in got


def test_a_condition_still_hedges() -> None:
    got = relations_of(f"If Zentrope Ltd does not comply, the {SC} will fine Zentrope Ltd.")
    assert not {r for r in got if r[1] == "FINED"}


def test_a_brands_legal_entity_among_several_is_its_own_company() -> None:
    text = (
        "Binance was reprimanded. The entities are Binance Holdings Ltd. (registered in the"
        " Cayman Islands), Binance Digital Ltd. (registered in the U.K.), Binance UAB"
        " (registered in Lithuania) and Binance Asia Services Pte Ltd."
    )
    assert types_by_name(extract(text)).get("Binance UAB") == "Company"
    assert ("Binance UAB", "HEADQUARTERED_IN", "Lithuania") in relations_of(text)


def test_a_brands_one_legal_entity_is_the_brand() -> None:
    out = extract("Binance was reprimanded. Binance UAB is registered in Lithuania.")
    assert "Binance UAB" not in types_by_name(out)


def test_a_groups_members_listed_past_a_sentence_naming_the_brand_again() -> None:
    got = relations_of(
        f"The {SC} has issued a public reprimand against three Bybit entities. According to"
        " the SC, Bybit kept operating. The three entities are Bybit Holdings Ltd., Bybit"
        " Digital Ltd. and Bybit Asia Pte Ltd."
    )
    for member in ("Bybit Holdings Ltd.", "Bybit Digital Ltd.", "Bybit Asia Pte Ltd"):
        assert (SC, "WARNED", member) in got
