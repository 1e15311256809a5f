"""Firms named as regulators' releases name them (issue 12, organisations from their
shape): "Co., Ltd." is one legal form, a parenthesised short name after "Ltd." belongs to
the firm (no sentence ends there), and a release that defines a brand's word as its local
company ('Huobi (Thailand) Co., Ltd. (Huobi)') means that company by the word.
Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

from ingest.extraction.text.document import split_sentences


def test_co_ltd_is_one_legal_form() -> None:
    out = extract(
        "The regulator in Bangkok fined Sakura Trade Co., Ltd. and Bitmint (Thailand) Co., "
        "Ltd. on Monday. Siam Digital Company, Limited said it would appeal."
    )
    names = {e.name for e in out.entities}
    assert {"Sakura Trade Co., Ltd.", "Bitmint (Thailand) Co., Ltd."} <= names, names
    assert "Ltd." not in names and "Sakura Trade Co." not in names, names


def test_a_short_name_in_parentheses_after_a_legal_form_ends_no_sentence() -> None:
    assert split_sentences("The board fined Siam Coin Co., Ltd. (SCC) on Friday. SCC paid.") == [
        "The board fined Siam Coin Co., Ltd. (SCC) on Friday.",
        "SCC paid.",
    ]
    out = extract("The Thai SEC fined Siam Coin Co., Ltd. (SCC) on Friday. SCC paid at once.")
    firm = next(e for e in out.entities if e.name.startswith("Siam Coin"))
    assert "SCC" in {a.name for a in firm.aliases}, out.entities


def test_a_brand_word_defined_as_the_local_company_means_the_local_company() -> None:
    out = extract(
        "The Securities and Exchange Commission of Thailand suspended Binance (Thailand) "
        "Co., Ltd. (Binance) on Monday. Binance must return all assets to clients. The "
        "commission later revoked the licence of Binance."
    )
    names = {e.name for e in out.entities}
    assert "Binance" not in names, names  # the global exchange is not named here
    local = "Binance (Thailand) Co., Ltd."
    assert any(t[2] == local for t in actions(out)), actions(out)


def test_a_brand_with_a_non_place_in_parentheses_stays_the_brand() -> None:
    out = extract(
        "The regulator fined Binance (Holdings) Co., Ltd. (Binance) on Monday. Binance "
        "said it would appeal."
    )
    assert "Binance" in {e.name for e in out.entities}, out.entities


def test_the_holder_of_a_licence_an_action_names_is_a_party() -> None:
    facts = actions(
        extract(
            "The Australian Securities and Investments Commission cancelled the licence of "
            "Korvane Markets on Tuesday. It also revoked the registration of Tessaly Pay."
        )
    )
    holders = {t[2] for t in facts if t[1] == "LICENSED"}
    assert {"Korvane Markets", "Tessaly Pay"} <= holders, facts
