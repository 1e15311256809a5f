"""Page text repaired before reading: sentences run together without a space after the
full stop, and names written in quote marks (speech, defined terms in brackets and
nicknames keep their quotes). With them: a clause restricting a kind named as the
object ("websites through which ...") names no party, and a lede's unnamed authorities
are the body the next sentence cites. Sentences written for these tests."""

from __future__ import annotations

from extraction_support import actions, extract

from ingest.extraction.text.document import read_document
from ingest.extraction.text.normalize import normalize_text


def test_a_full_stop_glued_to_the_next_sentence_still_ends_it() -> None:
    doc = read_document("The FCA fined Zolta Ltd on Monday.The regulator also warned Korvex Ltd.")
    assert [s.text for s in doc.sentences] == [
        "The FCA fined Zolta Ltd on Monday.",
        "The regulator also warned Korvex Ltd.",
    ]
    # an address keeps its dots
    text = normalize_text("Write to info.Desk@zolta.com or visit www.Zolta.Com today.")
    assert text == "Write to info.Desk@zolta.com or visit www.Zolta.Com today."


def test_quoted_names_are_read_as_names_and_other_quotes_stay() -> None:
    found = actions(
        extract(
            "The Securities and Futures Commission warned the public against \u201cQuillmark\u201d "
            "and \u201cHarbour Vale Markets\u201d on Friday."
        )
    )
    sfc = "Securities and Futures Commission"
    assert (sfc, "WARNED", "Quillmark") in found, found
    assert (sfc, "WARNED", "Harbour Vale Markets") in found, found
    # speech, defined terms, nicknames and scare quotes on common words keep their quotes
    text = normalize_text(
        "\u201cWe will act,\u201d it said. Zolta Holdings Limited (\u201cZolta\u201d) is run by "
        'Pavel "PK" Korin. Its "scam" list grew.'
    )
    assert '"We will act,"' in text
    assert '("Zolta")' in text
    assert 'Pavel "PK" Korin' in text
    assert '"scam"' in text
    # a located firm's name after its description, its quotes gone; a role's place is no firm
    located = extract(
        "The money moved through the Lagos-based payment app \u201cKELVO\u201d, police said. "
        "Its Accra-based manager for Africa resigned."
    )
    types = {e.name: e.type for e in located.entities}
    assert types.get("KELVO") == "Company", types
    assert types.get("Africa", "Jurisdiction") == "Jurisdiction", types


def test_a_clause_restricting_the_blocked_kind_names_no_target() -> None:
    found = actions(
        extract(
            "The Commissione Nazionale per le Società e la Borsa blocked websites through "
            "which crypto-asset services are provided to Italian investors."
        )
    )
    assert not any(t[1] == "BLOCKED" for t in found), found


def test_a_ledes_unnamed_authorities_are_the_body_cited_next() -> None:
    found = actions(
        extract(
            "Ruritania's financial authorities on Tuesday imposed a partial business "
            "suspension on Velmo Exchange, the country's largest crypto exchange. The "
            "suspension runs until June, according to the Financial Intelligence Unit "
            "(FIU), which supervises exchanges."
        )
    )
    assert ("Financial Intelligence Unit", "BANNED", "Velmo Exchange") in found, found
