"""Parties the text lists or describes rather than names once: a list "among the platforms
blocked by Y", a counted group's names in apposition ("The two exchanges, A and B, were
fined"), the holder of a licence an action ends ("suspended Trevalon's licence"), the
addressee of a notice ("issued a restriction notice to Moonpexa"), and a country's
financial regulator the gazetteer cannot settle ("South Korea's financial regulator",
which may be the FSC or the FSS). Issue 12 point 1; sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name

from ingest.extraction.names.type_cues import cue_spans
from ingest.extraction.text.document import read_document

LEDE = "The FCA said on Monday it was acting.\n\n"


def test_a_list_among_the_platforms_a_body_blocked() -> None:
    out = extract(
        "Kelvora, Trastix and Omnibit were among the platforms blocked by Indonesia's "
        "Commodity Futures Trading Regulatory Agency."
    )
    blocked = {t for s, a, t in actions(out) if a == "BLOCKED"}
    assert blocked == {"Kelvora", "Trastix", "Omnibit"}, actions(out)
    assert {types_by_name(out)[n] for n in blocked} == {"Exchange"}


def test_a_counted_groups_names_in_apposition() -> None:
    out = extract(
        LEDE + "The two exchanges, Kelvora and Trastix, were fined 1.2 million euros by the "
        "Bank of Spain."
    )
    assert {t for s, a, t in actions(out) if a == "FINED"} == {"Kelvora", "Trastix"}


def test_the_holder_of_a_suspended_licence() -> None:
    out = extract(LEDE + "The regulator also suspended Trevalon's licence for six months.")
    assert ("Financial Conduct Authority", "LICENSED", "Trevalon") in actions(out)
    licence = next(r for r in out.relations if r.type == "LICENSED")
    assert licence.properties.get("status") == "ended"


def test_the_addressee_of_a_notice_is_a_firm_but_a_plural_acronym_is_no_name() -> None:
    text = "The SFC issued a restriction notice to Moonpexa. It sent a warning to CTPs."
    typed = {text[s:e] for s, e, _ in cue_spans(read_document(text).text)}
    assert "Moonpexa" in typed and "CTPs" not in typed


def test_a_countrys_financial_regulator_the_gazetteer_cannot_settle_is_kept() -> None:
    out = extract("South Korea's financial regulator fined Dunamu 35.2 billion won.")
    fined = {s for s, a, t in actions(out) if a == "FINED" and t == "Dunamu"}
    assert fined == {"South Korea's financial regulator"}, actions(out)
    assert types_by_name(out)["South Korea's financial regulator"] == "Regulator"


def test_the_one_regulator_the_article_names_in_that_country_is_meant() -> None:
    out = extract(
        "South Korea's financial watchdog fined Dunamu. The Financial Supervisory Service "
        "said Dunamu could appeal."
    )
    assert ("Financial Supervisory Service", "FINED", "Dunamu") in actions(out), actions(out)
