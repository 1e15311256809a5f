"""Which money of a sentence is a fine's amount.

An amount attached to the party ("$3.6 million on Hayvn Cayman, $3 million on AC
Limited") is that party's; otherwise the amount nearest the trigger that plays no other
part: not a cap ("up to A$350,000"), a range end, a base ("the €2M base fine"), an offer,
a bracketed conversion ("C$177m ($126m)") or a value that is no penalty ("transactions
worth ..."). A total ("fines totalling $8.85 million") is a fine's amount only when the
fine has one party.
"""

from __future__ import annotations

import re

from ingest.extraction.actions.money import Money

_ON_PARTY = re.compile(r"\s+(?:(?:imposed|levied) )?(?:on|against|upon)\s+(?:the\s+)?")


def attached_money(moneys: list[Money], text: str, party_start: int) -> Money | None:
    """The amount written just before a party as "<amount> on <party>"."""
    for money in moneys:
        if money.end <= party_start and _ON_PARTY.fullmatch(text, money.end, party_start):
            return money
    return None


def fine_money(moneys: list[Money], trig_start: int, trig_end: int, parties: int) -> Money | None:
    """The amount of a fine whose trigger sits at `trig_start`-`trig_end`."""
    paid = next(
        (m for m in moneys if m.role in ("plain", "total") and 0 <= m.start - trig_end <= 2), None
    )
    if paid is not None:
        return paid  # "X and Y will pay $24 million in aggregate": what the verb says they pay
    plain = [m for m in moneys if m.role == "plain"]
    if not plain and parties <= 1:
        plain = [m for m in moneys if m.role == "total"]
    if not plain:
        return None
    return min(plain, key=lambda m: _distance(m, trig_start, trig_end))


def _distance(m: Money, start: int, end: int) -> int:
    if m.end <= start:
        return start - m.end
    if m.start >= end:
        return m.start - end
    return 0
