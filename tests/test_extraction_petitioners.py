"""'The petitioner' is the one party the article names as bringing the petition, told
before or after ("the FIA registered a case against the petitioner ... Tariq Aslam moved
the High Court"); with two such parties, or none, it stays unresolved. Sentences written
for these tests."""

from __future__ import annotations

from extraction_support import actions, extract


def test_the_petitioner_named_after() -> None:
    out = extract(
        "Pakistan's Federal Investigation Agency registered a case against the petitioner. "
        "Tariq Aslam moved the Lahore High Court in March."
    )
    assert {t for s, a, t in actions(out) if a == "INVESTIGATED"} == {"Tariq Aslam"}, actions(out)


def test_the_petitioner_named_before() -> None:
    out = extract(
        "A petition was filed by Korvex Ltd against the ban. On Monday Pakistan's Federal "
        "Investigation Agency registered a case against the petitioner."
    )
    assert {t for s, a, t in actions(out) if a == "INVESTIGATED"} == {"Korvex Ltd"}, actions(out)


def test_two_petitioners_leave_it_unresolved() -> None:
    out = extract(
        "Tariq Aslam moved the Lahore High Court in March. Sana Qureshi filed a petition in "
        "May. Pakistan's Federal Investigation Agency registered a case against the "
        "petitioner."
    )
    assert not {t for t in actions(out) if t[1] == "INVESTIGATED"}, actions(out)
