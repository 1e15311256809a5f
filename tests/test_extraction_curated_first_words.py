"""A curated firm's first word alone is that firm ("Galaxy Digital ... Galaxy's founder"),
as it is for a firm the text alone names; and a person pronoun stays the person the
pronoun stage found when an action falls on it. Issue 12 point 1 (name variants merged
within an article; coreference); sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract, triples


def test_a_curated_firms_first_word_is_the_firm() -> None:
    out = extract(
        "Galaxy Digital was fined by the SEC in March. Ann Corlo, Galaxy's other co-founder,"
        " said the firm would appeal."
    )
    assert "Galaxy" in aliases_of(out, "Galaxy Digital")
    assert ("Ann Corlo", "AFFILIATED_WITH", "Galaxy Digital") in triples(out), triples(out)


def test_a_first_word_two_firms_begin_with_is_neither() -> None:
    out = extract(
        "Voyager Digital and Voyager Pay Ltd were fined by the SEC. Voyager's founder spoke."
    )
    assert "Voyager" not in aliases_of(out, "Voyager Digital")


def test_him_after_a_titled_person_is_that_person() -> None:
    found = actions(
        extract(
            "Galaxy Digital was sued by the SEC. Ann Corlo, Galaxy Digital's other co-founder,"
            " has been in custody in Spain since May 2, when Spanish police detained him at"
            " the airport."
        )
    )
    assert any(t == "Ann Corlo" for _, _, t in found), found
    assert not any(k == "INVESTIGATED" and t == "Galaxy Digital" for _, k, t in found), found
