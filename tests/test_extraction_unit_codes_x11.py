"""A department's code in parentheses, a letter and its number ("the Criminal Police
Department (C02)"), is its abbreviation: "According to C02" is the department, not a firm
it acted on. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract


def test_a_department_s_letter_and_number_code_is_its_abbreviation() -> None:
    out = extract(
        "The Criminal Police Department (C04) of the Ministry of Public Security said the "
        "group was dismantled. According to C04, the group raised billions of dong."
    )
    assert "C04" in aliases_of(out, "Criminal Police Department"), out.entities
    assert not any(t[2] == "C04" for t in actions(out)), actions(out)
