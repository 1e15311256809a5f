"""One who conducts an inquiry is not its party ("X is conducting an investigation into a
complaint"), nor is the firm of a sentence whose common noun is under investigation ("the
owner of a wallet under investigation"); a firm facing one still is. Sentences written
for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_who_conducts_an_investigation_is_not_investigated() -> None:
    out = extract(
        "The Ninth Court of Guarantees blocked Binance in May. Teodoro Quiroga is "
        "conducting an investigation into a 2022 complaint."
    )
    assert not {t for t in actions(out) if t[1] == "INVESTIGATED"}, actions(out)


def test_a_wallet_under_investigation_puts_no_firm_under_it() -> None:
    out = extract(
        "The Ninth Court of Guarantees has ordered the blocking of access to Binance, after "
        "the company's refusal to name the owner of a wallet under investigation for fraud."
    )
    assert not {t for t in actions(out) if t[1] == "INVESTIGATED"}, actions(out)


def test_a_firm_facing_an_investigation_is_its_party() -> None:
    out = extract("The SEC fined Binance in May. Kraken is facing an investigation by the SEC.")
    assert (
        "U.S. Securities and Exchange Commission",
        "INVESTIGATED",
        "Kraken",
    ) in actions(out), actions(out)
