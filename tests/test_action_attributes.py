"""The v2 attributes of action relations: date, status, ended_how, ended_on, amount.

Ontology and validation first, then each extractor part on sentences written for these
tests (dates, endings, money, a fine's amount), then whole sentences end to end.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest
import yaml

from graph.errors import OntologyError
from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import ENDED, ONTOLOGY_FILE, STATUS, get_ontology, parse_ontology
from graph.partial_dates import PartialDate
from ingest.extraction import extract_article
from ingest.extraction.actions.action_dates import ClauseView, Span, find_date, pick
from ingest.extraction.actions.date_mentions import DateFrame, date_mentions
from ingest.extraction.actions.endings import governing_ending
from ingest.extraction.actions.fine_amounts import attached_money, fine_money
from ingest.extraction.actions.money import find_money
from ingest.extraction.actions.triggers import hedged

PUB = dt.date(2024, 6, 12)  # a Wednesday

# --- ontology and validation ---------------------------------------------------------


def test_every_action_relation_carries_the_v2_properties() -> None:
    ont = get_ontology()
    for name in ont.action_types:
        assert {"status", "ended_how", "ended_on"} <= set(ont.relations[name].properties)
    assert {"amount", "currency"} <= set(ont.relations["FINED"].properties)
    for name in ont.relations_of_kind("structure"):
        assert "status" not in ont.relations[name].properties
    assert ont.property_values["status"] == (STATUS.active, STATUS.ended)
    assert set(ont.property_values["ended_how"]) == {
        ENDED.lifted,
        ENDED.revoked,
        ENDED.suspended,
        ENDED.overturned,
        ENDED.settled,
        ENDED.dismissed,
        ENDED.expired,
    }


def _extraction(props: dict[str, Any]) -> Extraction:
    return Extraction(
        article=Article(id="a"),
        entities=[
            Entity(id="regulator:fca", type="Regulator", name="FCA"),
            Entity(id="exchange:x", type="Exchange", name="X"),
        ],
        relations=[
            Relation(type="BANNED", source="regulator:fca", target="exchange:x", properties=props)
        ],
    )


@pytest.mark.parametrize(
    "props",
    [
        {"status": "ended", "ended_how": "lifted", "ended_on": "2023"},
        {"status": "ended", "ended_how": "overturned", "ended_on": "2023-06"},
        {"status": "active"},
        {"status": "ended", "ended_on": "2023-06-30"},
    ],
)
def test_valid_status_values_pass(props: dict[str, Any]) -> None:
    assert _extraction(props).relations[0].properties == props


@pytest.mark.parametrize(
    ("props", "message"),
    [
        ({"status": "finished"}, "status must be one of"),
        ({"status": "ended", "ended_how": "forgotten"}, "ended_how must be one of"),
        ({"ended_on": "June 2023"}, "ended_on must match"),
        ({"ended_on": "2023-6"}, "ended_on must match"),
        ({"status": 3}, "status must be one of"),
    ],
)
def test_invalid_status_values_are_refused(props: dict[str, Any], message: str) -> None:
    with pytest.raises(OntologyError, match=message):
        _extraction(props)


@pytest.fixture
def raw() -> dict[str, Any]:
    with ONTOLOGY_FILE.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["action_properties"].update(status={"type": "enum"}), "unknown type"),
        (
            lambda d: d["action_properties"].update(status={"type": "str", "values": ["a", "a"]}),
            "distinct",
        ),
        (
            lambda d: d["action_properties"].update(ended_on={"type": "str", "pattern": "(["}),
            "bad pattern",
        ),
    ],
)
def test_malformed_action_properties_are_refused(
    raw: dict[str, Any], damage: Any, message: str
) -> None:
    data = copy.deepcopy(raw)
    damage(data)
    with pytest.raises(OntologyError, match=message):
        parse_ontology(data)


# --- partial dates and time references ----------------------------------------------


def test_partial_date_precision_text_and_first_day() -> None:
    assert PartialDate(2021).text() == "2021"
    assert PartialDate(2021, 9).text() == "2021-09"
    assert PartialDate(2021, 9, 4).text() == "2021-09-04"
    assert PartialDate(2021, 9).first_day() == dt.date(2021, 9, 1)
    assert PartialDate(2021, 1, 31).shifted("month", 1) == PartialDate(2021, 2, 28)
    assert PartialDate(2021, 12).shifted("month", 1) == PartialDate(2022, 1)
    assert PartialDate.checked(2021, 2, 30) is None
    assert PartialDate(2021, 9, 4).at("month") == PartialDate(2021, 9)


def _dates(text: str, published: dt.date | None = PUB, us: bool = False) -> list[str]:
    found, _ = date_mentions(text, DateFrame(published, day_first=not us))
    return [m.date.text() for m in found if not m.bound]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The watchdog acted on 18 January 2023.", ["2023-01-18"]),
        ("The watchdog acted on Jan. 18, 2023.", ["2023-01-18"]),
        ("The watchdog acted on 2023-01-18.", ["2023-01-18"]),
        ("The watchdog acted on 18/01/2023.", ["2023-01-18"]),
        ("The watchdog acted in September 2021.", ["2021-09"]),
        ("The watchdog acted in 2021.", ["2021"]),
        ("The watchdog acted in mid-2022.", ["2022"]),
        ("The watchdog acted in the second half of 2022.", ["2022"]),
        ("The watchdog acted in Q3 2022.", ["2022"]),
        ("The watchdog acted on Friday.", ["2024-06-07"]),
        ("The watchdog acted on Wednesday.", ["2024-06-12"]),
        ("The watchdog acted last Wednesday.", ["2024-06-05"]),
        ("The watchdog acted yesterday.", ["2024-06-11"]),
        ("The watchdog acted earlier this month.", ["2024-06"]),
        ("The watchdog acted last month.", ["2024-05"]),
        ("The watchdog acted last year.", ["2023"]),
        ("The watchdog acted last March.", ["2024-03"]),
        ("The watchdog acted last September.", ["2023-09"]),
        ("The watchdog acted in July last year.", ["2023-07"]),
        ("The watchdog acted two years ago.", ["2022"]),
        ("The watchdog acted in March.", ["2024-03"]),
        ("The watchdog acted in October.", ["2023-10"]),
        ("The watchdog acted on May 5.", ["2024-05-05"]),
        ("In May 2023, the watchdog acted.", ["2023-05"]),
        ("The watchdog may act soon.", []),
        ("The Securities Act of 1933 and the Banking Act 2001 apply.", []),
        ("Nothing happened here.", []),
    ],
)
def test_time_references(text: str, expected: list[str]) -> None:
    assert _dates(text) == expected


def test_numeric_dates_are_month_first_in_us_context() -> None:
    assert _dates("It acted on 05/04/2023.") == ["2023-04-05"]
    assert _dates("It acted on 05/04/2023.", us=True) == ["2023-05-04"]
    assert _dates("It acted on 25/04/2023.", us=True) == ["2023-04-25"]
    assert _dates("It acted on 3/14/2023.") == ["2023-03-14"]  # only 14 can be the day


@pytest.mark.parametrize(
    "text",
    [
        "The firm traded without a licence between March 2019 and May 2021.",
        "The firm traded from January 2020 to June 2021.",
        "The firm traded from Nov. 15, 2020 to at least Aug. 24, 2022.",
        "The firm has until March 2 to object.",
        "The firm must comply by 2 p.m. on Friday.",
        "The firm has traded since 2016.",
        "The firm traded from mid-2018 through 2019.",
    ],
)
def test_bounds_and_ranges_date_nothing(text: str) -> None:
    assert _dates(text) == []


def test_running_year_context_across_sentences() -> None:
    frame = DateFrame(PUB)
    out = []
    for sentence in (
        "The regulator first acted against the exchange in 2021.",
        "That September it fined the firm, and later that month it sued the founder.",
        "The following year it revoked the licence.",
    ):
        found, frame = date_mentions(sentence, frame)
        out += [m.date.text() for m in found]
    assert out == ["2021", "2021-09", "2021-09", "2022"]


def test_bare_month_uses_the_paragraphs_year_and_moves_forward() -> None:
    frame = DateFrame(PUB)
    found, frame = date_mentions("Last November the agency ordered a capital top-up.", frame)
    assert found[0].date == PartialDate(2023, 11)
    found, frame = date_mentions("In January it suspended the firm's business.", frame)
    assert found[0].date == PartialDate(2024, 1)
    # a new paragraph without a year of its own: a bare month falls back to publication
    frame = DateFrame(PUB, context=PartialDate(2017), context_paragraph=0).at_paragraph(3)
    found, _ = date_mentions("In March the agency warned the firm.", frame)
    assert found[0].date == PartialDate(2024, 3)


def test_announcement_and_attributive_flags() -> None:
    found, _ = date_mentions("The agency said on Monday it had fined the firm.", DateFrame(PUB))
    assert found[0].announced
    found, _ = date_mentions("The bank reversed its 2021 ban on trading.", DateFrame(PUB))
    assert found[0].attributive and found[0].date == PartialDate(2021)
    found, _ = date_mentions("It ended a freeze imposed in early August.", DateFrame(PUB))
    assert found[0].attributive


def _flat_clauses(boundary: int = 10**6) -> ClauseView:
    return ClauseView(lambda p: int(p >= boundary), lambda p: False, lambda p: 0)


def test_pick_takes_the_nearest_date_in_the_clause_not_the_first() -> None:
    text = "In 2019 the firm was warned; on 3 March 2021 the regulator fined it."
    found, _ = date_mentions(text, DateFrame(PUB))
    at = text.index("fined")
    assert pick(found, Span(at, at + 5), _flat_clauses(), text) == PartialDate(2021, 3, 3)
    semi = text.index(";")
    # in its own clause the nearer date of the other clause does not count
    chosen = pick(found, Span(at, at + 5), _flat_clauses(semi), text)
    assert chosen == PartialDate(2021, 3, 3)


def test_pick_dates_an_announced_action_at_month_precision() -> None:
    text = "The agency said on Monday it had fined the exchange."
    found, _ = date_mentions(text, DateFrame(PUB))
    at = text.index("fined")
    assert pick(found, Span(at, at + 5), _flat_clauses(), text) == PartialDate(2024, 6)


def test_pick_gives_no_date_without_one() -> None:
    text = "The agency fined the exchange for trading without a licence since 2019."
    found, _ = date_mentions(text, DateFrame(PUB))
    at = text.index("fined")
    assert pick(found, Span(at, at + 5), _flat_clauses(), text) is None
    assert find_date("The agency fined the exchange.", PUB) is None


def test_may_followed_by_a_date_is_no_hedge() -> None:
    assert not hedged("In May 2023, the regulator")
    assert not hedged("On May 5 the regulator")
    assert not hedged("in may, the regulator")
    assert hedged("the regulator may")


# --- ending words ----------------------------------------------------------------------


def _governing(text: str, trigger: str) -> str | None:
    start = text.index(trigger)
    found = governing_ending(text, 0, len(text), start, start + len(trigger))
    return None if found is None else found.cls


@pytest.mark.parametrize(
    ("text", "trigger", "cls"),
    [
        ("The court quashed the central bank's 2018 ban on trading.", "ban on", "overturn"),
        ("The agency later reversed the order blocking the site.", "blocking", "lift"),
        ("The licence of the firm was revoked in May.", "licence", "revoke"),
        ("A fine was imposed but waived.", "fine", "lift"),
        ("The ban on mining expired last year.", "ban on", "expire"),
        ("The agency announced the revocation of the firm's licence.", "licence", "revoke"),
        ("A judge declined to dismiss the case against the exchange.", "case against", None),
        ("The firm filed a motion to dismiss the case against it.", "case against", None),
        ("The ministry plans to lift the ban on mining.", "ban on", None),
        ("In 2022 the bank banned the exchange.", "banned", None),
    ],
)
def test_governing_ending(text: str, trigger: str, cls: str | None) -> None:
    assert _governing(text, trigger) == cls


# --- money -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country", "amount", "currency"),
    [
        ("a $4.3 billion penalty", None, 4.3e9, "USD"),
        ("a US$50m fine", "Canada", 50e6, "USD"),
        ("a fine of RM1.2 million", None, 1.2e6, "MYR"),
        ("Rs 18.82 crore", None, 188.2e6, "INR"),
        ("Rs 5 lakh", None, 5e5, "INR"),
        ("Rs 5 lakh", "Pakistan", 5e5, "PKR"),
        ("₹2.5 crore", None, 25e6, "INR"),
        ("€3.3M", None, 3.3e6, "EUR"),
        ("€3,325,000", None, 3325000.0, "EUR"),
        ("1.5bn yuan", None, 1.5e9, "CNY"),
        ("₦10 million", None, 10e6, "NGN"),
        ("N1.2bn", "Nigeria", 1.2e9, "NGN"),
        ("KRW 2.1 billion", None, 2.1e9, "KRW"),
        ("₩2.1 billion", None, 2.1e9, "KRW"),
        ("¥100 million", "Japan", 100e6, "JPY"),
        ("¥100 million", "China", 100e6, "CNY"),
        ("A$ 10 million", None, 10e6, "AUD"),
        ("C$176.96 million", None, 176.96e6, "CAD"),
        ("S$2m", None, 2e6, "SGD"),
        ("HK$ 1.6bn", None, 1.6e9, "HKD"),
        ("R$ 2 mi", None, 2e6, "BRL"),
        ("R$2 milhões", None, 2e6, "BRL"),
        ("R$ 1 thousand", None, 1e3, "BRL"),
        ("BRL 10 million", None, 10e6, "BRL"),
        ("THB 10 million", None, 10e6, "THB"),
        ("10 million baht", None, 10e6, "THB"),
        ("100 million pesos", "Mexico", 100e6, "MXN"),
        ("100 million pesos", "Argentina", 100e6, "ARS"),
        ("100 million pesos", "Philippines", 100e6, "PHP"),
        ("two million dollars", None, 2e6, "USD"),
        ("five million euros", None, 5e6, "EUR"),
        ("twenty-five million pounds", None, 25e6, "GBP"),
        ("£3.5m", None, 3.5e6, "GBP"),
        ("CHF 4 million", None, 4e6, "CHF"),
        ("AED 10 million", None, 10e6, "AED"),
        ("Dh32.5 million", None, 32.5e6, "AED"),
        ("10 million dirhams", None, 10e6, "AED"),
        ("10 million dirhams", "Morocco", 10e6, "MAD"),
        ("USD 4.5 million", None, 4.5e6, "USD"),
        ("4.5 million USD", None, 4.5e6, "USD"),
        ("$1bn", None, 1e9, "USD"),
        ("$2 million", "Australia", 2e6, "AUD"),
        ("1 billion won", None, 1e9, "KRW"),
        ("R 2 million", "South Africa", 2e6, "ZAR"),
        ("R2m", "South Africa", 2e6, "ZAR"),
        ("PLN 10 million", None, 10e6, "PLN"),
        ("a 35.2 billion-won fine", None, 35.2e9, "KRW"),
        ("a 10 million-euro fine", None, 10e6, "EUR"),
    ],
)
def test_money_notations(text: str, country: str | None, amount: float, currency: str) -> None:
    found = find_money(text, country)
    assert found, text
    assert found[0].amount == pytest.approx(amount)
    assert found[0].currency == currency


@pytest.mark.parametrize(
    "text",
    ["Coinbase won the registration.", "R2 was the second round.", "Section N3 applies."],
)
def test_no_money_where_there_is_none(text: str) -> None:
    assert find_money(text) == []


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("fines totalling $8.85 million", ["total"]),
        ("a penalty of up to A$350,000", ["cap"]),
        ("between $100 and $80,000", ["range", "range"]),
        ("the €2M base fine", ["base"]),
        ("a C$177 million ($126 million) penalty", ["plain", "converted"]),
        ("transactions worth ₹2,790.74 crore", ["value"]),
        ("a first proposal of R$ 2 million", ["base"]),
        ("agreed to pay more than $4.3 billion", ["plain"]),
        ("handled at least $96 billion in transactions", ["value"]),
        ("$1.1 million in refunds to users and $600,000 in penalties", ["repaid", "plain"]),
        ("ordered to pay $51,700 in restitution", ["repaid"]),
        ("$3 million in disgorgement and a $1 million civil penalty", ["repaid", "plain"]),
        ("$22 million in fines and refunds", ["mixed"]),
    ],
)
def test_money_roles(text: str, roles: list[str]) -> None:
    assert [m.role for m in find_money(text)] == roles


def test_a_fines_amount() -> None:
    text = "The agency raised the €2M base fine and fined the exchange €3,325,000."
    moneys = find_money(text)
    at = text.index("fined")
    chosen = fine_money(moneys, at, at + 5, 1)
    assert chosen is not None and chosen.amount == 3325000.0
    text = "It imposed fines totalling $8.85 million: $3.6 million on Alpha and $3 million on Beta."
    moneys = find_money(text)
    beta = attached_money(moneys, text, text.index("Beta"))
    assert beta is not None and beta.amount == 3e6
    at = text.index("fines")
    only_total = [m for m in moneys if m.role == "total"]
    assert fine_money(only_total, at, at + 5, 3) is None
    single = fine_money(only_total, at, at + 5, 1)
    assert single is not None and single.amount == 8.85e6


# --- end to end ---------------------------------------------------------------------------


def _actions(text: str, published: dt.date = PUB) -> dict[tuple[str, str, str], dict[str, Any]]:
    out = extract_article(Article(id="t", text=text, published=published)).model_dump(mode="json")
    names = {e["id"]: e["name"] for e in out["entities"]}
    actions = set(get_ontology().action_types)
    return {
        (names[r["source"]], r["type"], names[r["target"]]): {
            **r["properties"],
            "date": r["date"],
        }
        for r in out["relations"]
        if r["type"] in actions
    }


def test_lifted_ban_is_an_ended_ban() -> None:
    rels = _actions("The Financial Conduct Authority lifted its 2019 ban on Binance in March 2024.")
    got = rels[("Financial Conduct Authority", "BANNED", "Binance")]
    assert got["status"] == "ended" and got["ended_how"] == "lifted"
    assert got["ended_on"] == "2024-03" and got["date"] == "2019"


def test_a_later_sentence_lifts_an_earlier_ban() -> None:
    rels = _actions(
        "The Financial Conduct Authority banned Binance in 2021. The ban was lifted in 2023."
    )
    got = rels[("Financial Conduct Authority", "BANNED", "Binance")]
    assert (got["status"], got["ended_how"], got["ended_on"]) == ("ended", "lifted", "2023")
    assert got["date"] == "2021"


def test_a_court_quashing_a_circular_ends_the_banks_ban_without_an_edge_of_its_own() -> None:
    rels = _actions(
        "The Reserve Bank of India banned Bitbns in 2018. "
        "The Supreme Court of India quashed the central bank's circular in March 2020."
    )
    got = rels[("Reserve Bank of India", "BANNED", "Bitbns")]
    assert (got["ended_how"], got["ended_on"]) == ("overturned", "2020-03")
    assert not [k for k in rels if k[0] == "Supreme Court of India"]


def test_dropped_lawsuit_is_a_dismissed_suit() -> None:
    rels = _actions(
        "The U.S. Securities and Exchange Commission dropped its lawsuit against Kraken on Friday."
    )
    got = rels[("U.S. Securities and Exchange Commission", "SUED", "Kraken")]
    assert (got["ended_how"], got["ended_on"]) == ("dismissed", "2024-06-07")


def test_revoked_licence_is_an_ended_licence_not_a_ban() -> None:
    rels = _actions("The licence of Coinfield Ltd was revoked by the Ministry of Finance in 2023.")
    assert not [k for k in rels if k[1] == "BANNED"]
    got = rels.get(("Ministry of Finance", "LICENSED", "Coinfield Ltd"))
    assert got is not None and got["ended_how"] == "revoked" and got["ended_on"] == "2023"


def test_suspended_licence_and_suspension_then_revocation() -> None:
    rels = _actions("The Monetary Authority of Singapore suspended Zipmex's licence in May 2023.")
    got = rels[("Monetary Authority of Singapore", "LICENSED", "Zipmex")]
    assert (got["ended_how"], got["ended_on"]) == ("suspended", "2023-05")
    rels = _actions(
        "The Monetary Authority of Singapore suspended Zipmex's licence in May 2023. "
        "In August 2023 it revoked the licence of Zipmex."
    )
    got = rels[("Monetary Authority of Singapore", "LICENSED", "Zipmex")]
    assert got["ended_how"] == "revoked"


def test_settled_charges_are_a_settled_suit_and_the_money_a_fine() -> None:
    rels = _actions(
        "Bybit settled charges with the Ontario Securities Commission for $2.5 million in 2023."
    )
    assert rels[("Ontario Securities Commission", "SUED", "Bybit")]["ended_how"] == "settled"
    fine = rels[("Ontario Securities Commission", "FINED", "Bybit")]
    assert fine["amount"] == 2.5e6 and fine.get("status") is None


def test_unblocked_and_unfroze_are_lifted_blocks() -> None:
    rels = _actions("Kazakhstan unblocked Coinbase in 2023.")
    assert rels[("Kazakhstan", "BLOCKED", "Coinbase")]["ended_how"] == "lifted"
    rels = _actions("The Enforcement Directorate unfroze the accounts of WazirX.")
    assert rels[("Enforcement Directorate", "BLOCKED", "WazirX")]["ended_how"] == "lifted"


def test_hedged_endings_leave_the_action_standing() -> None:
    rels = _actions(
        "The Financial Conduct Authority banned Binance in 2021. "
        "The regulator plans to lift the ban next year."
    )
    assert rels[("Financial Conduct Authority", "BANNED", "Binance")].get("status") is None


def test_may_with_a_date_does_not_hedge_the_action() -> None:
    rels = _actions("In May 2023, the Financial Conduct Authority warned Binance.")
    assert rels[("Financial Conduct Authority", "WARNED", "Binance")]["date"] == "2023-05"


def test_action_date_from_year_context_of_an_earlier_sentence() -> None:
    rels = _actions(
        "The Financial Conduct Authority first looked at Binance in 2021. "
        "That September it fined Bybit £3.5m."
    )
    got = rels[("Financial Conduct Authority", "FINED", "Bybit")]
    assert got["date"] == "2021-09" and (got["amount"], got["currency"]) == (3.5e6, "GBP")


def test_no_date_in_the_sentence_no_date() -> None:
    rels = _actions("The Financial Conduct Authority fined Bybit £3.5m.")
    assert rels[("Financial Conduct Authority", "FINED", "Bybit")]["date"] is None


def test_an_appeal_dismissed_leaves_the_fine_standing() -> None:
    for second in (
        "The High Court dismissed Binance's appeal against the fine in 2022.",
        "Binance's appeal against the fine was dismissed in 2022.",
    ):
        rels = _actions(f"The Financial Conduct Authority fined Binance £3m in 2021. {second}")
        assert rels[("Financial Conduct Authority", "FINED", "Binance")].get("status") is None


def test_an_end_after_publication_is_no_end_yet() -> None:
    rels = _actions(
        "The Financial Conduct Authority banned Binance in 2021. The ban will end in 2026."
    )
    assert rels[("Financial Conduct Authority", "BANNED", "Binance")].get("status") is None
    rels = _actions("The Financial Conduct Authority lifts its ban on Binance from March 2026.")
    assert rels[("Financial Conduct Authority", "BANNED", "Binance")].get("status") is None


def test_probe_closed_without_charges_is_dismissed() -> None:
    rels = _actions(
        "The Financial Conduct Authority investigated Bybit in 2022 but closed the probe "
        "without charges in 2023."
    )
    got = rels[("Financial Conduct Authority", "INVESTIGATED", "Bybit")]
    assert (got["ended_how"], got["ended_on"], got["date"]) == ("dismissed", "2023", "2022")


def test_settling_with_no_object_settles_the_case_against_the_settler() -> None:
    rels = _actions(
        "In March 2023 the Securities and Exchange Commission charged Nexo, and the company "
        "settled the same day."
    )
    got = rels[("U.S. Securities and Exchange Commission", "SUED", "Nexo")]
    assert (got["ended_how"], got["ended_on"]) == ("settled", "2023-03")


def test_an_end_told_before_the_action_reaches_it() -> None:
    rels = _actions(
        "The Comissão de Valores Mobiliários approved a deal under which Binance will pay "
        "R$ 9.6 million to close the sanctioning process. The Comissão de Valores Mobiliários "
        "opened an administrative sanctioning process against Binance in December 2022."
    )
    got = rels[("Comissão de Valores Mobiliários", "SUED", "Binance")]
    assert got["ended_how"] == "settled" and got["date"] == "2022-12"


def test_licence_nouns_of_ending() -> None:
    rels = _actions(
        "The Monetary Authority of Singapore announced the suspension of Zipmex's licence "
        "in May 2023."
    )
    assert not [k for k in rels if k[1] == "BANNED"]
    got = rels[("Monetary Authority of Singapore", "LICENSED", "Zipmex")]
    assert (got["ended_how"], got["ended_on"]) == ("suspended", "2023-05")


def test_a_later_sentence_dates_an_undated_fine() -> None:
    rels = _actions(
        "De Nederlandsche Bank has fined Coinbase Europe Limited €3,325,000. "
        "The penalty was imposed on 18 January 2024."
    )
    got = rels[("De Nederlandsche Bank", "FINED", "Coinbase Europe Limited")]
    assert got["date"] == "2024-01-18" and got["amount"] == 3325000.0
