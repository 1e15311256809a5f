"""A firm that is part of a group is its subsidiary, and the group is no party of what
the firm's sentence tells; an agentless passive retelling an action on a party already
told (sentences later) is the same body's."""

from __future__ import annotations

from extraction_support import actions, extract, triples


def test_a_firm_part_of_a_group_is_its_subsidiary() -> None:
    out = extract(
        "Velmora Europe Ltd, part of the Velmora Group, was fined by the FCA. Zolta Ltd, "
        "which is a member of the Zolta Holdings Group, was warned by the FCA."
    )
    found = triples(out)
    assert ("Velmora Europe Ltd", "SUBSIDIARY_OF", "Velmora Group") in found
    assert ("Zolta Ltd", "SUBSIDIARY_OF", "Zolta Holdings Group") in found
    assert not {
        t
        for t in actions(out)
        if t[1] in ("FINED", "WARNED") and t[2] in ("Velmora Group", "Zolta Holdings Group")
    }
    # a trend is no group
    out = extract("Kestrel Ltd, which is part of a wider trend, was sued by the SEC.")
    assert not {t for t in triples(out) if t[1] == "SUBSIDIARY_OF"}


def test_an_agentless_passive_retelling_an_earlier_action_keeps_its_body() -> None:
    found = actions(
        extract(
            "The Central Bank of Ireland has fined Velmora Europe Ltd EUR 2 million. "
            "Velmora Europe Ltd provides crypto services across Europe. "
            "It must file reports with the Financial Intelligence Unit and the Revenue "
            "Commissioners. Its systems failed to monitor 30 million transactions. "
            "Velmora Europe Ltd has been fined due to faults in its monitoring system."
        )
    )
    assert ("Central Bank of Ireland", "FINED", "Velmora Europe Ltd") in found
    assert not {t for t in found if t[1] == "FINED" and t[0] != "Central Bank of Ireland"}
