"""A body's own statement quoted whole, naming the body as its subject in the third
person, states the body's act ('"The Commission further directs all licensed banks to
...'); a quotation of somebody's words about an act is still speech. A directive's list
of the institutions it binds may be long."""

from __future__ import annotations

from extraction_support import actions, extract

LEDE = "The Central Bank of Ruritania issued a notice on crypto on Monday. "


def test_a_quoted_statement_of_the_body_itself_is_its_act() -> None:
    found = actions(
        extract(
            LEDE + '"The Bank further directs all licensed institutions to refrain from '
            "facilitating cryptocurrency transactions via their platforms.\n"
            '"The general public is advised to take note."'
        )
    )
    assert ("Central Bank of Ruritania", "BANNED", "cryptocurrency trading") in found
    found = actions(
        extract(
            'The Securities Commission said on Friday: "Securities Commission hereby warns '
            'Zolta Ltd over its token sale."'
        )
    )
    assert ("Securities Commission", "WARNED", "Zolta Ltd") in found


def test_a_quotation_of_somebody_else_is_still_speech() -> None:
    found = actions(
        extract(LEDE + '"We think the Bank should ban Zolta Ltd," said Ann Velde, a lawyer.')
    )
    assert not {t for t in found if t[2] == "Zolta Ltd"}, found
    # a head word that names no body of the article opens no statement
    found = actions(extract('"The Firm directs all licensed institutions to stop trading."'))
    assert not found, found


def test_a_directive_may_list_many_institutions_before_its_verb() -> None:
    found = actions(
        extract(
            "The Central Bank of Ruritania directs all licensed institutions including banks, "
            "specialized deposit-taking institutions, dedicated electronic money issuers and "
            "payment service providers to refrain from facilitating cryptocurrency transactions."
        )
    )
    assert ("Central Bank of Ruritania", "BANNED", "cryptocurrency trading") in found
