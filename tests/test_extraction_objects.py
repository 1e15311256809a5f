"""What actions fall on, beyond named parties (issue 12): conduct named by a gerund,
groups that refer back to a list of named firms, legal names with a comma before the
legal form. Sentences written for these tests; none copies a corpus sentence.
"""

from __future__ import annotations

import datetime as dt

from extraction_support import typed_names_and_relations as _extract

from graph.models import Article
from ingest.extraction import extract_article


def test_conduct_named_by_a_gerund_is_what_a_warning_or_ban_falls_on() -> None:
    ents, rels = _extract(
        "The Central Bank of Nigeria warned consumers against buying digital currencies in "
        "March. The Bank of Ghana had barred lenders and payment firms from selling crypto "
        "assets a year earlier. Police in Accra arrested four men accused of using "
        "cryptocurrencies to hide the proceeds of fraud. The ban has not stopped traders "
        "from buying bitcoin."
    )
    assert ("Activity", "buying digital currencies") in ents
    assert ("Central Bank of Nigeria", "WARNED", "buying digital currencies") in rels
    assert ("Bank of Ghana", "BANNED", "selling crypto assets") in rels
    assert ("Activity", "using cryptocurrencies") not in ents  # "accused of": no rule's object
    assert ("Activity", "buying bitcoin") not in ents  # "has not stopped X from"


def test_an_amount_of_crypto_transactions_is_no_activity() -> None:
    ents, _ = _extract(
        "The Enforcement Directorate served a notice on Zanmai Labs Pvt Ltd over crypto "
        "transactions worth Rs 120 crore."
    )
    assert not {e for e in ents if e[0] == "Activity"}


def test_who_holds_a_licence_and_a_description_named_by_its_apposition() -> None:
    art = Article(
        id="t",
        text=(
            "The Agency for Financial Monitoring has blocked 300 sites. Residents may "
            "trade only on exchanges licensed by its regulator, the Astana Financial Services "
            "Authority. For today such licence have Bybit, Upbit and Kraken."
        ),
        published=dt.date(2024, 5, 2),
    )
    out = extract_article(art)
    names = {e.id: e.name for e in out.entities}
    rels = {(names[r.source], r.type, names[r.target]): r.date for r in out.relations}
    for firm in ("Bybit", "Upbit", "Kraken"):
        assert ("Astana Financial Services Authority", "LICENSED", firm) in rels
        assert (
            rels[("Astana Financial Services Authority", "LICENSED", firm)] is None
        )  # "for today"
    assert not {r for r in rels if r[0] == "Agency for Financial Monitoring" and r[1] == "LICENSED"}
