"""A place glued to a firm's name by a hyphenated modifier is no part of the name a
renaming pattern reads ("Seychelles-based Velmora, which operates the Zentro platform":
Zentro is Velmora's, not the Seychelles'); a registration asked for or required is none
granted."""

from __future__ import annotations

from extraction_support import actions, aliases_of, extract


def test_a_glued_place_modifier_does_not_take_the_brand() -> None:
    out = extract(
        "Offshore crypto firm Velmora Fintech Co. Ltd. agreed to pay a fine. The tribunal "
        "approved a settlement with Seychelles-based Velmora, which operates the Zentro "
        "platform."
    )
    assert "Zentro" not in aliases_of(out, "Seychelles")
    assert "Zentro" in aliases_of(out, "Velmora Fintech Co. Ltd.")


def test_a_registration_asked_for_is_no_licence() -> None:
    found = actions(
        extract(
            "The OSC said Velmora Ltd ignored the regulator's entreaty to get registered. "
            "Zolta Ltd must be registered by June. The FCA registered Kestrel Ltd in 2021."
        )
    )
    assert not {t for t in found if t[1] == "LICENSED" and t[2] in ("Velmora Ltd", "Zolta Ltd")}
    assert ("Financial Conduct Authority", "LICENSED", "Kestrel Ltd") in found
