"""Web-page furniture around real stories (issue 12): section labels, ad and share slots,
breadcrumbs, tag lists, photo captions and syndication disclaimers carry no facts.
Lines written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.models import Article
from ingest.extraction import extract_article
from ingest.extraction.text.document import is_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Key Takeaways",
        "- Advertisement -",
        "Advertisement 2",
        "Story continues below",
        "Share this article",
        "Markets> Asia> Story",
        "Bitcoin, Regulation, Exchanges,",
        "![](/img/2024/05/lead.jpg) |",
        "Disclaimer: the views above belong to the author alone.",
        "Magazine: Why small exchanges leave Europe",
        "The Velmora harbour office. (Photo = Velmora Group) |",
        "(From left) Two officials leave the hearing in Harbour City on Monday.",
        "Officials at the press briefing on Monday. (DANA ROOKE / HARBOUR DAILY)",
        "Harbour Daily is not involved in this news article, it is taken from our partners.",
    ],
)
def test_page_furniture_lines_are_recognised(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "The regulator fined Quorvex Ltd on Monday.",
        "Binance, OKX and Bybit were named in the order.",
        "Regulators share concerns (from left, the SEC and the CFTC) about staking.",
        "Highlights of the ruling were read out in court on Friday.",
    ],
)
def test_content_lines_are_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_furniture_gives_no_entities() -> None:
    out = extract_article(
        Article(
            id="t",
            text=(
                "Key Takeaways\n\n"
                "The Securities and Exchange Commission of Thailand warned Quorvex Ltd on "
                "Monday.\n\n"
                "Officials of the commission at a briefing in Siam Square on Monday. "
                "(DANA ROOKE / HARBOUR DAILY)\n\n"
                "Regulation, Economy,"
            ),
            published=dt.date(2024, 5, 2),
        )
    )
    names = {e.name for e in out.entities}
    assert not names & {"Key Takeaways", "Dana Rooke", "Economy", "Siam Square"}, names
    assert "Quorvex Ltd" in names


def test_a_long_caption_with_a_photo_credit_is_furniture() -> None:
    people = ", ".join(f"Officer {n}, Deputy Head of Unit {n}" for n in range(1, 13))
    caption = f"(From left to right) {people}, at the briefing. (DANA ROOKE / HARBOUR DAILY)"
    assert len(caption) > 400
    assert is_furniture(caption)
