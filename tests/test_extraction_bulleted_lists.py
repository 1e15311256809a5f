"""Items of a list under a line ending with a colon are list items, even with no closing
punctuation (not headings that start a new story), and an item may give its name in
quotes with its web address as the gloss: a website the announcement acted on."""

from __future__ import annotations

from extraction_support import actions, extract, types_by_name

from ingest.extraction.text.document import build_document

WEBSITES = (
    "The Securities Commission has ordered the blocking of three websites that offered "
    "crypto trading without a licence. Below is the list of websites ordered to be blocked:\n"
    "- \u201cQorvix\u201d (website https://qorvix.io);\n"
    "- \u201cTrandle88\u201d (website https://trandle88.com);\n"
    "- \u201cBelmora\u201d (website https://belmora.net).\n"
    "The regulator has blocked 400 websites since 2020."
)

FIRMS = (
    "The Financial Conduct Authority has warned the following firms:\n"
    "- Alpha Capital Ltd (alphacap.com)\n"
    "- Beta Trade Ltd\n"
    "- Kappa Holdings Ltd\n"
    "The FCA said they were not authorised."
)


def test_unpunctuated_items_under_a_colon_are_no_headings() -> None:
    doc = build_document(FIRMS)
    assert [s.heading for s in doc.sentences] == [False] * 5
    # a short unpunctuated line that follows no colon is still a heading
    doc = build_document("Regulators Act On Crypto\nThe FCA fined Alpha Ltd.")
    assert doc.sentences[0].heading


def test_an_announcement_acts_on_every_unpunctuated_item() -> None:
    found = actions(extract(FIRMS))
    for firm in ("Alpha Capital Ltd", "Beta Trade Ltd", "Kappa Holdings Ltd"):
        assert ("Financial Conduct Authority", "WARNED", firm) in found


def test_quoted_items_glossed_by_a_web_address_are_websites_blocked() -> None:
    out = extract(WEBSITES)
    found = actions(out)
    types = types_by_name(out)
    for site in ("Qorvix", "Trandle88", "Belmora"):
        assert ("Securities Commission", "BLOCKED", site) in found
        assert types[site] == "Website"
