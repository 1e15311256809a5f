"""A court's sentence that includes a fine fines the person too ("sentenced X to ten years
in jail and a $5 million fine"), and a counted group whose members a dash pair sets off
("Two exchanges - A Co., Ltd. (A) and B Co., Ltd. - were each fined ...") is those
members, with the sum. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def _fines(text: str) -> dict[str, tuple[float | None, str | None]]:
    out = extract(text)
    names = {e.id: e.name for e in out.entities}
    return {
        names[r.target]: (r.properties.get("amount"), r.properties.get("currency"))
        for r in out.relations
        if r.type == "FINED"
    }


def test_a_sentence_with_a_fine_is_a_fine() -> None:
    text = "A court in Turkey sentenced Dan Orr to ten years in jail and a $5 million fine."
    found = actions(extract(text))
    assert ("court in Turkey", "FINED", "Dan Orr") in found, found
    assert ("court in Turkey", "SUED", "Dan Orr") in found, found
    assert _fines(text)["Dan Orr"] == (5_000_000, "USD")


def test_a_sentence_without_a_fine_is_no_fine() -> None:
    found = actions(
        extract(
            "A court in Turkey sentenced Dan Orr to ten years in jail. Prosecutors had sought "
            "a $5 million fine as well."
        )
    )
    assert not any(t[1] == "FINED" for t in found), found
    assert ("court in Turkey", "SUED", "Dan Orr") in found, found


def test_members_set_off_by_dashes_are_the_group_fined_each() -> None:
    fines = _fines(
        "The Financial Supervisory Commission imposed heavy penalties on the industry on "
        "Monday. Two major exchanges - Alder Digital Co., Ltd. (Alder) and Brisk Ledger Co., "
        "Ltd. - were each fined NT$1.5 million for breaking the rules."
    )
    assert fines.get("Brisk Ledger Co., Ltd.") == (1_500_000, "TWD"), fines
    assert len(fines) == 2, fines
