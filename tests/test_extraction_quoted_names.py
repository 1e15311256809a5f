"""A name may open with a single quote mark (the run of its capitals starts after it,
unlike an elision such as O'Brien), and a coin named by "called"/"named" keeps all its
words, quoted or not, with the sentence's full stop inside the quotes."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_a_coin_named_in_single_quotes_with_the_stop_inside() -> None:
    out = extract(
        "The Bank of Ghana has warned the public against an unauthorized cryptocurrency "
        "named \u2018Zentro Coin.\u2019"
    )
    assert types_by_name(out).get("Zentro Coin") == "CryptoAsset"
    assert ("Bank of Ghana", "WARNED", "Zentro Coin") in actions(out)


def test_a_coin_called_by_a_name_of_several_words() -> None:
    out = extract("The regulator warned investors about a token called Velmora Gold Coin.")
    assert types_by_name(out).get("Velmora Gold Coin") == "CryptoAsset"


def test_an_elided_name_is_still_one_name() -> None:
    out = extract("The SEC charged Zolta O'Brien, a trader, with fraud.")
    assert "Zolta O'Brien" in types_by_name(out)
