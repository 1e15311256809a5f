"""The body a sentence attributes itself to, however the attribution is written, took
the action the sentence tells when no agent is named: "..., the FBI (FBI) said",
"..., said regulator FCA", "..., according to financial regulator MAS"; a possessive
"its" is never an agent, and a body's owner is not the body that acted."""

from __future__ import annotations

from extraction_support import actions, extract

EARLIER = "The Securities Commission fined Alpha Corp last year. "


def test_a_listed_span_takes_the_body_its_sentence_is_attributed_to() -> None:
    found = actions(
        extract(
            EARLIER + "Among those charged on Monday were Bravo Ltd and Charlie Inc, the "
            "Federal Bureau of Investigation (FBI) said."
        )
    )
    assert ("Federal Bureau of Investigation", "SUED", "Bravo Ltd") in found
    assert ("Federal Bureau of Investigation", "SUED", "Charlie Inc") in found
    assert not {t for t in found if t[2] == "Bravo Ltd" and t[0] == "U.S. Securities Commission"}


def test_its_is_no_agent_of_a_directive() -> None:
    found = actions(
        extract(
            EARLIER + "Delta Ltd must stop offering its tokens in Japan, the Financial Services "
            "Agency (FSA) said."
        )
    )
    assert ("Financial Services Agency", "BANNED", "Delta Ltd") in found
    assert not {t for t in found if t[2] == "Delta Ltd" and t[0] != "Financial Services Agency"}


def test_an_inverted_attribution_with_a_descriptive_word_names_the_body() -> None:
    found = actions(
        extract(
            EARLIER + "Echo Ltd was warned over its marketing, according to financial "
            "regulator Monetary Authority of Singapore."
        )
    )
    assert ("Monetary Authority of Singapore", "WARNED", "Echo Ltd") in found
    found = actions(
        extract(
            EARLIER + "Foxtrot Ltd was also warned over its marketing, announced the "
            "Financial Conduct Authority."
        )
    )
    assert ("Financial Conduct Authority", "WARNED", "Foxtrot Ltd") in found


def test_the_owner_of_the_body_that_announced_a_settlement_did_not_act() -> None:
    found = actions(
        extract(
            "On March 3, 2024, the Treasury Department's Office of Foreign Assets Control "
            '("OFAC") announced that Zolta Ltd had agreed to pay $2 million to settle its '
            "potential civil liability for apparent violations of sanctions programs."
        )
    )
    assert ("Office of Foreign Assets Control", "FINED", "Zolta Ltd") in found
    assert not {t for t in found if t[0] == "U.S. Department of the Treasury"}
