"""A place's attorney general however named, its holder no party, a state's own court, and
fines paid to settle a case: the fine of the body that brought it."""

from __future__ import annotations

import datetime as dt

from extraction_support import actions, extract, triples, types_by_name


def test_a_place_s_attorney_general_is_a_body_of_that_place() -> None:
    out = extract("Texas Attorney General Ken Paxton sued Korvane Ltd in March.")
    assert ("Texas Attorney General", "SUED", "Korvane Ltd") in actions(out)
    assert ("Texas Attorney General", "LOCATED_IN", "Texas") in triples(out)
    assert ("Ken Paxton", "AFFILIATED_WITH", "Texas Attorney General") in triples(out)
    out = extract("California's attorney general sued Korvane Ltd in March.")
    assert ("California Attorney General", "SUED", "Korvane Ltd") in actions(out)


def test_the_state_s_attorney_general_is_the_state_s_curated_office() -> None:
    out = extract(
        "Korvane Ltd will stop serving customers in New York to settle a lawsuit brought by "
        "the state's Attorney General Letitia James."
    )
    office = "New York State Attorney General"
    assert (office, "SUED", "Korvane Ltd") in actions(out)
    assert (office, "SUED", "Letitia James") not in actions(out), "the holder is no party"
    out = extract("In October, the NYAG filed suit against Korvane Ltd and Velmora Ltd.")
    assert {(office, "SUED", "Korvane Ltd"), (office, "SUED", "Velmora Ltd")} <= actions(out)


def test_an_officeholder_named_after_the_body_that_acted_is_no_party() -> None:
    out = extract(
        "Korvane Ltd paid $2 million to settle a lawsuit brought by SEC Chair Gary Gensler."
    )
    sec = "U.S. Securities and Exchange Commission"
    assert (sec, "SUED", "Korvane Ltd") in actions(out)
    assert not [t for t in actions(out) if t[2] == "Gary Gensler"]
    out = extract("The SEC sued Korvane Ltd and its founder Lena Varga.")
    assert (sec, "SUED", "Lena Varga") in actions(out), "a firm's founder still is"


def test_a_state_s_supreme_court_is_not_the_nation_s() -> None:
    names = types_by_name(extract("The agreement was filed in the New York Supreme Court."))
    assert names.get("New York Supreme Court") == "Court", names
    assert "Supreme Court of the United States" not in names
    names = types_by_name(extract("The U.S. Supreme Court declined to hear Korvane's appeal."))
    assert "Supreme Court of the United States" in names


def test_a_fine_paid_to_settle_a_case_is_the_fine_of_the_body_that_brought_it() -> None:
    sec = "U.S. Securities and Exchange Commission"
    for text in (
        "Korvane Ltd paid a $3 million penalty to settle charges brought by the SEC.",
        "Korvane Ltd paid a $3 million penalty to settle charges from the SEC.",
        "Korvane Ltd agreed to pay a $3 million penalty to settle the SEC's charges.",
        "Korvane Ltd will pay a $3 million penalty to settle charges brought by the SEC.",
    ):
        found = actions(extract(text))
        assert {(sec, "FINED", "Korvane Ltd"), (sec, "SUED", "Korvane Ltd")} <= found, text
    assert not actions(extract("If found guilty, Korvane Ltd will pay a fine."))


def test_money_shared_by_a_fine_and_refunds_is_not_the_fine_s_amount() -> None:
    out = extract("Korvane Ltd agreed to pay $3 million in fines and restitution to the SEC.")
    fines = [r for r in out.relations if r.type == "FINED"]
    assert fines and all(r.properties.get("amount") is None for r in fines)
    out = extract("Korvane Ltd agreed to pay $3 million in fines to the SEC.")
    assert [r.properties.get("amount") for r in out.relations if r.type == "FINED"] == [3e6]


def test_a_unit_of_a_place_s_watchdog_is_that_place_s_body_its_words_name() -> None:
    fiu = "Korea Financial Intelligence Unit"
    out = extract("A fine was imposed on Upbit by the financial intelligence unit of South Korea.")
    assert (fiu, "FINED", "Upbit") in actions(out)
    out = extract(
        "Dunamu said it may appeal a 35.2 billion-won fine imposed on Upbit by the "
        "intelligence unit of South Korea's financial watchdog."
    )
    assert (fiu, "FINED", "Upbit") in actions(out), "an appeal hedges no fine"
    assert not actions(extract("The FCA may impose a ban on Korvane Ltd.")), "still a hedge"


def test_the_party_a_penalty_is_imposed_on_is_named_by_it() -> None:
    out = extract("South Korea's FIU imposed a 2 billion-won fine on Hanbitco last year.")
    assert ("Korea Financial Intelligence Unit", "FINED", "Hanbitco") in actions(out)
    out = extract("The FSA slapped a ban on Zentrix in May.")
    assert ("Financial Services Agency", "BANNED", "Zentrix") in actions(out)


def test_a_later_lede_sentence_s_old_date_is_no_date_of_the_news() -> None:
    out = extract(
        "Korvane Ltd will pay $22 million to settle a lawsuit brought by the SEC. In "
        "October, the SEC filed suit against Velmora Ltd.",
        published=dt.date(2023, 12, 12),
    )
    dates = {(r.type, r.target): r.date for r in out.relations}
    names = {e.id: e.name for e in out.entities}
    by_name = {(t, names[k]): d for (t, k), d in dates.items()}
    assert by_name[("FINED", "Korvane Ltd")] is None
    assert by_name[("SUED", "Velmora Ltd")] == "2023-10"
    assert ("SUED", "Korvane Ltd") in by_name, "the sentences are two: the SEC. In October"


def test_a_body_s_action_contested_by_a_firm_is_the_firm_s() -> None:
    fca = "Financial Conduct Authority"
    out = extract("Korvane Ltd challenged the FCA's ban in court.")
    assert (fca, "BANNED", "Korvane Ltd") in actions(out)
    out = extract(
        "Korvane Ltd won its appeal against the FCA's ban in March.",
        published=dt.date(2024, 6, 10),
    )
    bans = [r for r in out.relations if r.type == "BANNED"]
    assert [
        (r.properties.get("ended_how"), r.properties.get("ended_on"), r.date) for r in bans
    ] == [("overturned", "2024-03", None)]


def test_a_body_s_fine_named_by_its_possessive_is_a_fine_its_challenger_pays() -> None:
    fca = "Financial Conduct Authority"
    found = actions(extract("Korvane Ltd challenged the FCA's fine."))
    assert (fca, "FINED", "Korvane Ltd") in found, found
    out = extract(
        "Korvane Ltd won its appeal against the FCA's fine in March.",
        published=dt.date(2024, 6, 10),
    )
    fines = [r for r in out.relations if r.type == "FINED"]
    assert [(r.properties.get("ended_how"), r.properties.get("ended_on")) for r in fines] == [
        ("overturned", "2024-03")
    ]
    assert not actions(extract("The FCA's fine was the largest this year."))
    found = actions(extract("Korvane Ltd is appealing the FCA's £2 million fine."))
    assert (fca, "FINED", "Korvane Ltd") in found, found  # "appeal" with no "against"


def test_a_ban_its_relative_clause_says_a_body_imposed_is_that_body_s() -> None:
    out = extract(
        "The ban that the FCA imposed on Korvane Ltd in 2022 was lifted on Monday.",
        published=dt.date(2024, 5, 2),
    )
    bans = [r for r in out.relations if r.type == "BANNED"]
    assert [(r.date, r.properties.get("status")) for r in bans] == [("2022", "ended")]
