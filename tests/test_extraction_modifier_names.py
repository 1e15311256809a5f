"""A firm's name used as a common noun's modifier ("a Velmora payment processor, Zolta
GmbH") does not make that firm the one a later "the company" means: the firm the
apposition names is."""

from __future__ import annotations

from extraction_support import actions, extract


def test_the_company_is_the_firm_named_not_the_one_used_as_a_modifier() -> None:
    found = actions(
        extract(
            "The FCA fined Velmora Ltd in March. Velmora Ltd appealed. The actions follow "
            "the regulator's orders against a Velmora payment processor, Zolta Services GmbH. "
            "In February, the FCA froze the company's bank accounts."
        )
    )
    assert ("Financial Conduct Authority", "BLOCKED", "Zolta Services GmbH") in found
    assert ("Financial Conduct Authority", "BLOCKED", "Velmora Ltd") not in found
