"""Costly searches tried only where their opening words stand (`literal_gate`): the role,
title, marked-dollar, currency, ownership and 'again' patterns (searched in the words
before a name or in a sentence) and whole-document ones (issuing body, object pronouns,
numbered executive orders, units). Each finds, in sentences of our own and in every window
ending inside them, what its plain pattern finds. tests/test_literal_gate.py runs them
over the corpora too."""

from __future__ import annotations

import re

import pytest

from ingest.extraction.actions import action_status, date_restatements, money, roles
from ingest.extraction.entities import country_context, name_variants
from ingest.extraction.names import odd_names, person_names
from ingest.extraction.references import issuing_body, pronouns, unit_descriptions
from ingest.extraction.structure import affiliations
from ingest.extraction.text.literal_gate import GatedPattern

GATED = {
    "roles._ROLE_OF": roles._ROLE_OF,
    "affiliations._ROLE": affiliations._ROLE,
    "affiliations._TITLE_BEFORE": affiliations._TITLE_BEFORE,
    "affiliations._ROLE_OF_BEFORE": affiliations._ROLE_OF_BEFORE,
    "affiliations._TITLE_OF_BODY": affiliations._TITLE_OF_BODY,
    "person_names._TITLE_END": person_names._TITLE_END,
    "money._MARKED_DOLLAR": money._MARKED_DOLLAR,
    "name_variants._OWNERSHIP": name_variants._OWNERSHIP,
    "country_context._CURRENCY_SEARCH": country_context._CURRENCY_SEARCH,
    "action_status._AGAIN": action_status._AGAIN,
    "issuing_body._WE": issuing_body._WE,
    "issuing_body._HEAD": issuing_body._HEAD,
    "odd_names._NUMBERED_ORDER": odd_names._NUMBERED_ORDER,
    "pronouns._OBJECT_PERSON_SEARCH": pronouns._OBJECT_PERSON_SEARCH,
    "pronouns._OBJECT_THEM_SEARCH": pronouns._OBJECT_THEM_SEARCH,
    "unit_descriptions._UNIT": unit_descriptions._UNIT,
    "date_restatements._ALSO": date_restatements._ALSO,
    "money._WORDED": money._WORDED,
}

SENTENCES = [
    "Its chief executive and co-founder, Mr Dana Velk, resigned.",
    "The exchange's former Chief Compliance Officer Ana Roth was fined; its CEO Li Wen was not.",
    "their chairmen and vice-presidents, Dr. Oto Pell, were heard",
    "two former directors of Korvane Capital Pte Ltd (KCPL), Mr Bo Lin and Ms Ute Rahn",
    "Deputy Governor of the Central Bank of Xandria Philip Orrell said on Monday",
    "Under Secretary of the Treasury for Terrorism and Financial Intelligence Jo Hale",
    "the head of enforcement at the parent company Velmora, acting Superintendent Ray Moss,",
    "said regional manager for Asia Kim Ode and special agent in charge Lu Park",
    "The firm paid A$ 3 million, C$4m, HK$ 20 and NT$5; the US$ figure and SA$ 9 stand apart.",
    "HKA$1 CA$2 Can$3 S$4 SG$5 NZ$6 AU$7 xAU$8 A $9",
    "It was fined 5 million yen, 2 billion won and 300 rupees; a rupee and Francs did not count.",
    "Velmora's unit, a subsidiary and an arm of the group, is part of Korvane and owned by it.",
    "The regulator renewed its warning, reiterated its ban and once again repeated it.",
    "RENEWED, Reiterating, unit-holders, armies, branches, parental, subsidiaryship",
    "We said our rules bind us; we, Us, trust, user, Wes, the Commission and The Bank's Office.",
    "Executive Order 14024, EO 13694, E.O. (EO) No. 12345, XEO 123, Executive Order 12.",
    "Police detained him and charged her with fraud; they barred them from trading. Tell him.",
    "The financial intelligence unit of South Korea's watchdog, the cyber arm of the Police.",
    "It also fined X; in addition, additionally and at the same time it was Also banned.",
    "fined five million dollars, Twenty-Three Billion Naira, two hundred thousand euros, "
    "ten million and one thousand pounds; seventy-seven million yen; ninety-nine trillion",
    "\u0130ts CEO, the \u0130nterim director, a chai\u0212an",  # non-ASCII near the words
    "",
]


@pytest.mark.parametrize("name", sorted(GATED))
def test_the_pattern_is_gated(name: str) -> None:
    assert isinstance(GATED[name], GatedPattern)


@pytest.mark.parametrize("name", sorted(GATED))
def test_a_gated_search_finds_what_the_plain_search_finds(name: str) -> None:
    gated = GATED[name]
    plain: re.Pattern[str] = gated.pattern
    found = 0
    for text in SENTENCES:
        for end in range(len(text) + 1):  # every window the callers' `$` searches can see
            for start in (0, max(0, end - 60), max(0, end - 80)):
                want = plain.search(text, start, end)
                got = gated.search(text, start, end)
                assert (got and (got.span(), got.groupdict())) == (
                    want and (want.span(), want.groupdict())
                ), (text, start, end)
                found += want is not None
        whole = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in gated.finditer(text)] == whole
    assert found, f"{name}: no sentence here matches it, so this test checks nothing"
