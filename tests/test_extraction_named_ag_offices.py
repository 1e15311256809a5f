"""An attorney general titled by a place acts for the office the article names for that
place ("the Office of the Attorney General for the District of Columbia"), and a dotted
place below the country titles one too ("D.C. Attorney General"), not a country's
("U.S. Attorney General" heads a ministry). Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name


def test_a_dotted_district_titles_its_attorney_general() -> None:
    out = extract("D.C. Attorney General Maria Okafor sued Kestrel Coin LLC on Monday.")
    sued = {(s, t) for s, a, t in actions(out) if a == "SUED"}
    assert sued == {("Washington, D.C. Attorney General", "Kestrel Coin LLC")}, actions(out)


def test_the_office_the_article_names_is_the_attorney_general() -> None:
    out = extract(
        "D.C. Attorney General Maria Okafor sued Kestrel Coin LLC on Monday. The Office of "
        "the Attorney General for the District of Columbia (OAG) said Kestrel hid its fees."
    )
    office = "Office of the Attorney General for the District of Columbia"
    assert (office, "SUED", "Kestrel Coin LLC") in actions(out), actions(out)
    assert (
        "Maria Okafor",
        "AFFILIATED_WITH",
        office,
    ) in actions(out), actions(out)
    bodies = {n for n, t in types_by_name(out).items() if t == "GovernmentBody"}
    assert bodies == {office}, bodies


def test_a_state_office_named_of_the_state() -> None:
    out = extract(
        "The Office of the Attorney General of Texas opened an inquiry. Texas Attorney "
        "General Dana Whitfield sued Kestrel Coin LLC on Friday."
    )
    sued = {s for s, a, t in actions(out) if a == "SUED"}
    assert sued == {"Office of the Attorney General of Texas"}, actions(out)


def test_a_countrys_dotted_attorney_general_is_no_body_of_its_own() -> None:
    out = extract("U.S. Attorney General Dana Whitfield announced charges against Ivo Brandt.")
    assert "United States Attorney General" not in types_by_name(out), types_by_name(out)
