"""'The local arm of exchange X' is X's unit the article names in its place ("X
Australia"), which is then a unit of X (not a mention of the brand); a licence
suspended "until May" is still a licence suspended, no ban of whoever is named next;
`_ITS_OWN` reads "its" as a word. Issue 12 point 1 (subsidiaries distinct from the
brand, licences); sentences written for these tests."""

from __future__ import annotations

from extraction_support import extract, relation_properties, relations_of, types_by_name

from ingest.extraction.actions.action_drafts import _ITS_OWN

ASIC = "Australian Securities and Investments Commission"
TEXT = (
    "Australia's securities regulator said on Wednesday it had cancelled the licence of"
    " the local arm of collapsed cryptocurrency exchange Bybit, effective from April 14."
    " Bybit Australia can continue to provide limited services until 2024, ASIC said."
)


def test_the_local_arm_of_a_brand_is_its_unit_named_there() -> None:
    out = extract(TEXT)
    assert "Bybit Australia" in types_by_name(out)
    got = relation_properties(out)
    licence = got.get((ASIC, "LICENSED", "Bybit Australia"))
    assert licence is not None and licence.get("status") == "ended"
    assert not {r for r in got if r[2] == "Bybit" and r[1] in ("LICENSED", "BANNED")}


def test_the_unit_is_a_subsidiary_of_the_brand() -> None:
    assert ("Bybit Australia", "SUBSIDIARY_OF", "Bybit") in relations_of(TEXT)


def test_a_licence_suspended_until_a_date_is_no_ban_of_the_next_name() -> None:
    got = relations_of(
        "ASIC had last November suspended the licence until May, taking back Bybit's permit"
        " to deal in derivatives."
    )
    assert not {r for r in got if r[1] == "BANNED"}


def test_its_own_reads_its_as_a_word() -> None:
    assert _ITS_OWN.search("the court lifted its block on X")
    assert not _ITS_OWN.search("the court lifted the block on X")
