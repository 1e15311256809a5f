"""A fined firm's name ends where the sum begins (issue 12, `amount`/`currency`): a
currency code or marker before a number ("KRW 2.1 billion", "Rs 18.82 crore", "RM1.2
million", "A$1.5m", "GBP 4 million") is no part of the firm's name, and the firm is
still found as the fine's target. Sentences written for these tests (a small fix in
names/name_runs and names/type_cues)."""

from __future__ import annotations

import datetime as dt

from graph.models import Article
from ingest.extraction import extract_article


def test_the_name_of_a_fined_firm_stops_before_the_currency() -> None:
    for actor, text, amount, currency in (
        (
            "Financial Services Commission",
            "The Financial Services Commission fined Kestrel Markets KRW 2.1 billion.",
            2.1e9,
            "KRW",
        ),
        (
            "Financial Intelligence Unit",
            "The Financial Intelligence Unit fined Kestrel Markets Rs 18.82 crore.",
            18.82e7,
            "INR",
        ),
        (
            "Securities Commission Malaysia",
            "The Securities Commission Malaysia fined Kestrel Markets RM1.2 million.",
            1.2e6,
            "MYR",
        ),
        (
            "Australian Securities and Investments Commission",
            "ASIC fined Kestrel Markets A$1.5m.",
            1.5e6,
            "AUD",
        ),
        (
            "Financial Conduct Authority",
            "The Financial Conduct Authority fined Kestrel Markets GBP 4 million.",
            4e6,
            "GBP",
        ),
    ):
        out = extract_article(Article(id="t", text=text, published=dt.date(2025, 11, 20)))
        names = {e.id: e.name for e in out.entities}
        fines = {
            (names[r.source], names[r.target]): (
                r.properties.get("amount"),
                r.properties.get("currency"),
            )
            for r in out.relations
            if r.type == "FINED"
        }
        # (the actor's name may carry the country its currency settled: "... of South Korea")
        got = next(
            (v for (a, t), v in fines.items() if a.startswith(actor) and t == "Kestrel Markets"),
            None,
        )
        assert got is not None and got[1] == currency, (text, fines)
        assert abs(float(str(got[0])) - amount) < 1e-6 * amount, (text, fines)
