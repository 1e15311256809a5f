"""A warning told as the sentence's closing attribution warns the firms its words name:
"Quorvex Ltd is operating without a licence, the FCA warned" (the words before the
attribution are no hedge of the warning); not when those words tell another body's act.
Issue 12 point 1 (triggers; attribution); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_a_closing_warning_warns_the_firm_it_names() -> None:
    found = relations_of("Quorvex Ltd is operating without a licence, the FCA warned on Monday.")
    assert ("Financial Conduct Authority", "WARNED", "Quorvex Ltd") in found, found


def test_the_body_named_in_the_words_may_be_the_one_warning() -> None:
    found = relations_of(
        "Quorvex Ltd is not authorised by the Central Bank of Ireland, the regulator warned."
    )
    assert ("Central Bank of Ireland", "WARNED", "Quorvex Ltd") in found, found


def test_another_bodys_act_is_no_warning_of_the_speaker() -> None:
    found = relations_of("The SEC fined Zentrax Ltd last year, the FCA warned.")
    assert not any(k == "WARNED" for _, k, _ in found), found
