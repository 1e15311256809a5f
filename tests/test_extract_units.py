"""Unit tests of the extractor's parts: clean-up, sentences, money, dates, matching, aliases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.models import Article, Extraction
from ingest.extraction import extract_article
from ingest.extraction.actions.action_dates import find_date
from ingest.extraction.actions.money import find_money
from ingest.extraction.actions.triggers import find_triggers, hedged
from ingest.extraction.names.gazetteer_index import build_index
from ingest.extraction.references.unnamed_groups import number_value
from ingest.extraction.text.document import build_document, split_sentences, strip_dateline
from ingest.extraction.text.normalize import normalize_text

FIXTURE = Path(__file__).parent / "data" / "extract" / "gazetteer_fixture.yaml"


def test_normalize_quotes_dashes_spaces() -> None:
    text = (
        "People\u2019s Bank\u00a0of China \u2014 the \u201ccentral\u201d bank\u2026 2018\u20132019"
    )
    assert normalize_text(text) == 'People\'s Bank of China - the "central" bank... 2018-2019'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Securities and Exchange Commission sued Coinbase. It says more.", 2),
        ("Binance Markets Ltd. was told to stop. The FCA said so.", 2),
        ("It was registered under Republic Act No. 8799 on Sept. 13 by Adrienne A. Harris.", 1),
        ("The complaint names Coinbase Global, Inc. It says the firm broke rules.", 2),
        ("Bitcoin rose. Ether fell! Why? Nobody knows.", 4),
    ],
)
def test_sentence_splitting_respects_abbreviations(text: str, expected: int) -> None:
    assert len(split_sentences(text)) == expected


def test_datelines_and_furniture_are_dropped() -> None:
    rest, place, agency = strip_dateline("LAGOS, March 28 (AFP) - Nigeria's agency acted.")
    assert (rest, place, agency) == ("Nigeria's agency acted.", "Lagos", "AFP")
    rest, place, _ = strip_dateline("LONDON (Reuters) - Britain's FCA said.")
    assert (rest, place) == ("Britain's FCA said.", "London")
    doc = build_document(
        "MANILA - The NTC acted.\n\nRead more: Binance banned again\n\n"
        "See related article: China bans mining\n\nRelated: more news\n\n"
        "(Reporting by Jane Doe; Editing by John Roe)\n\nThe SEC agreed."
    )
    assert [s.text for s in doc.sentences] == ["The NTC acted.", "The SEC agreed."]
    assert doc.dateline_place == "Manila"


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("a $50 million penalty", 50e6, "USD"),
        ("fined $5.1M", 5.1e6, "USD"),
        ("\u20ac3.3m fine", 3.3e6, "EUR"),
        ("an A$8m penalty", 8e6, "AUD"),
        ("C$2 million", 2e6, "CAD"),
        ("Rs 18.82 crore", 188.2e6, "INR"),
        ("KRW 35.2bn", 35.2e9, "KRW"),
        ("\u00a5100 million", 100e6, "JPY"),
        ("\u20a610 billion", 10e9, "NGN"),
        ("US$2,468,910", 2468910.0, "USD"),
        ("\u00a34m", 4e6, "GBP"),
        ("a fine of 500,000 baht", 500000.0, "THB"),
    ],
)
def test_money_notations(text: str, amount: float, currency: str) -> None:
    found = find_money(text)
    assert found, text
    assert found[0].amount == pytest.approx(amount)
    assert found[0].currency == currency


def test_bare_dollar_follows_article_country() -> None:
    assert find_money("a $2-million penalty", "Canada")[0].currency == "CAD"
    assert find_money("a $2-million penalty", "Hong Kong")[0].currency == "HKD"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in March", "2022-03"),
        ("in September 2021", "2021-09"),
        ("last September", "2021-09"),
        ("on Tuesday", "2022-09-06"),
        ("an advisory dated Nov. 28, 2023", "2023-11-28"),
        ("due on 30 April", "2022-04-30"),
        ("no date here", None),
    ],
)
def test_dates_relative_to_publication(text: str, expected: str | None) -> None:
    assert find_date(text, dt.date(2022, 9, 8)) == expected


def test_number_words() -> None:
    assert [number_value(w) for w in ("13", "2,086", "Thirty-one", "nine", "a single")] == [
        13,
        2086,
        31,
        9,
        1,
    ]


def test_fixture_automaton_rules() -> None:
    data = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    index = build_index(type("G", (), {"entries": data["entries"]})(), data["adjectives"])
    text = "The SEC met OKEx and the sec. OKXtra is no hit; Istanbul Court sat."
    hits = {text[h.start : h.end] for h in index.find(text)}
    assert "SEC" in hits and "OKEx" in hits
    assert "sec" not in hits  # all-caps short aliases are case-sensitive
    assert "OKX" not in hits  # word boundaries
    assert "Istanbul Court" in hits  # accent-blind
    assert index.country_of_adjective("Filipino") == "Philippines"


def _extract(text: str, published: str = "2024-03-26") -> dict[str, Any]:
    art = Article(id="t", text=text, published=dt.date.fromisoformat(published))
    return extract_article(art).model_dump(mode="json")


def _rels(out: dict[str, Any]) -> set[tuple[str, str, str]]:
    names = {e["id"]: e["name"] for e in out["entities"]}
    return {(names[r["source"]], r["type"], names[r["target"]]) for r in out["relations"]}


def test_negation_and_hedges_yield_no_action() -> None:
    assert hedged("the ministry said it plans to")
    assert hedged("the regulator did not")
    assert not hedged("the regulator")
    out = _extract(
        "The Financial Conduct Authority (FCA) did not fine Binance. The FCA plans to ban "
        "Bybit. The FCA asked the ministry to block KuCoin."
    )
    assert not [r for r in _rels(out) if r[1] in ("FINED", "BANNED", "BLOCKED")]


def test_fine_with_money_and_passive_agent() -> None:
    out = _extract("Kraken was fined $30 million by the Financial Conduct Authority (FCA).")
    rels = extract_article(
        Article(
            id="t", text="Kraken was fined $30 million by the Financial Conduct Authority (FCA)."
        )
    ).relations
    fined = [r for r in rels if r.type == "FINED"]
    assert ("Financial Conduct Authority", "FINED", "Kraken") in _rels(out)
    assert fined[0].properties == {"amount": 30e6, "currency": "USD"}


def test_aliases_from_text() -> None:
    out = _extract(
        "Ou Yi is the Chinese name of crypto exchange OKX. Binance Markets Limited (BML), "
        "previously known as EddieUK, is a unit of Binance. Regulators charged Changpeng Zhao, "
        "widely known as CZ."
    )
    aliases = {e["name"]: {a["name"]: a["kind"] for a in e["aliases"]} for e in out["entities"]}
    assert aliases["OKX"]["Ou Yi"] == "translation"
    assert aliases["Binance Markets Limited"]["BML"] == "abbreviation"
    assert aliases["Binance Markets Limited"]["EddieUK"] == "former_name"
    assert aliases["Changpeng Zhao"]["CZ"] == "nickname"


def test_unnamed_groups_carry_counts_and_types() -> None:
    out = _extract(
        "Regulators in Beijing have removed 13 apps involved in cryptocurrency trading. The "
        "Beijing Local Financial Supervision and Administration said it had also shut down "
        "23 crypto media websites and online accounts belonging to 440 people, as well as "
        "banned two bank accounts."
    )
    groups = {(e["type"], e["count"]) for e in out["entities"] if e["unnamed"]}
    assert groups == {("App", 13), ("Website", 23), ("Account", 440), ("Account", 2)}
    assert all(
        r[0] == "Beijing Local Financial Supervision and Administration"
        for r in _rels(out)
        if r[1] == "BANNED"
    )


def test_triggers_read_voice() -> None:
    text = "KuCoin has been barred. The SEC sued Coinbase. Bybit settled with the OSC."
    voices = {(t.type, t.voice) for t in find_triggers(text)}
    assert {("BANNED", "passive"), ("SUED", "active"), ("FINED", "receiver")} <= voices


def test_an_article_past_its_time_budget_is_refused_with_a_reason() -> None:
    from ingest.extraction.time_budget import ExtractionTimeoutError

    text = "The Financial Conduct Authority fined Quorvex Markets Ltd. " * 2000
    article = Article(id="slow", title="t", text=text)
    with pytest.raises(ExtractionTimeoutError, match="budget of 1e-06 s"):
        extract_article(article, time_budget=1e-6)
    assert extract_article(article, time_budget=0).relations  # no budget: it finishes


def test_a_timed_out_article_is_that_articles_failure_and_the_batch_goes_on() -> None:
    from ingest.outcome import extract_or_fail
    from ingest.readers.records import ReadFailure

    slow = Article(id="slow", title="t", text="The SEC fined Kraken $30 million. " * 3000)
    quick = Article(id="quick", title="t", text="The SEC fined Kraken $30 million.")

    def tight(article: Article) -> Extraction:
        return extract_article(article, time_budget=1e-6 if article.id == "slow" else 0)

    failed, done = extract_or_fail(slow, tight), extract_or_fail(quick, tight)
    assert isinstance(failed, ReadFailure) and "budget" in str(failed)
    assert not isinstance(done, ReadFailure) and done.relations


def test_the_time_budget_comes_from_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    from ingest.extraction.time_budget import ExtractionTimeoutError, configured_seconds

    monkeypatch.setenv("CRYPTOREG_EXTRACT_TIME_BUDGET", "0.000001")
    configured_seconds.cache_clear()
    try:
        article = Article(id="slow", title="t", text="The SEC fined Kraken $30 million. " * 500)
        with pytest.raises(ExtractionTimeoutError):
            extract_article(article)
    finally:
        monkeypatch.delenv("CRYPTOREG_EXTRACT_TIME_BUDGET")
        configured_seconds.cache_clear()
    assert configured_seconds() == 60.0


def test_an_acronym_ends_its_sentence_where_an_abbreviation_would_not() -> None:
    """ "SEC" is no "sec." (section): a sentence ending on the regulator's acronym ends."""
    assert split_sentences("The fine came from the SEC. In October, the SEC sued X.") == [
        "The fine came from the SEC.",
        "In October, the SEC sued X.",
    ]
    assert split_sentences("Fined by the FCA. On Monday it sued.") == [
        "Fined by the FCA.",
        "On Monday it sued.",
    ]
    assert split_sentences("See Sec. 5 of the Act. It applies.") == [
        "See Sec. 5 of the Act.",
        "It applies.",
    ]
