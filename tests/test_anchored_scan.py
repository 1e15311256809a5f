"""`anchored_scan.finditer_from_anchors` finds what `pattern.finditer` finds, for each
pattern searched that way (odd names, lower-case firms, web domains), over sentences of our
own written to sit at the edges (runs glued to other characters, digits of other scripts,
matches side by side) and over every corpus article."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from conftest import CORPUS

from ingest.extraction.names import domain_names, odd_names
from ingest.extraction.text.anchored_scan import finditer_from_anchors

SEARCHES: dict[str, tuple[re.Pattern[str], re.Pattern[str], Callable[[str], bool]]] = {
    "lower-case firm": (odd_names._LOWER_LEGAL, odd_names._LEGAL_AFTER, odd_names._lower_or_digit),
    "odd word": (odd_names._ODD_WORD, odd_names._CAPITAL_AFTER, odd_names._lower_or_digit),
    "domain": (
        domain_names.DOMAIN,
        domain_names._TLD_AFTER,
        domain_names._LABEL_CHARS.__contains__,
    ),
}

OWN = [
    "bitcastle LLC and velkor Ltd. were fined; zenmo Pte. Ltd and qtrade Pty Ltd appealed.",
    "Xbitcastle LLC, _abc LLC, a.bcd LLC, ab LLC, abc1 LLC, 1abc LLC, a-bcd Ltd, abcd LLCs",
    "abc Pte Ltd abc Limited abc Inc. abc GmbH abc AG abc S.A. abc B.V. abc plc abc Ltd.x",
    "dYdX, bitFlyer, 1000X, 3Commas, v2X, x3Y, a1B, ab12C, aB.cD, dYdX-v4, $1B, 5G and 10X",
    "eNexa Ltd fined vTrade; the targetKaarat and Kaarat; iPhone-maker iOS; mid-2022H1",
    "\u0663X \u0661\u0662Labs abc\u0663D \u00e9A fooBar_baz fooBar1 fooBar",  # other scripts
    "garantex.org, Bitcoininfo.ru and sub.domain.co.uk; x.co.ukz, a_b.com, http://x.com",
    "mail@site.io, -dash.com, ..dots.net, 1.2.com, 1.2, U.S. e.g. v1.5.io, end.com.",
    "abc.com.def.org abc.comx abc.com- abc.com.5 a.b.c.d.e.f.money",
    "",
    "x",
    "abcLLC abc  LLC abc\u00a0LLC" + " abcD" * 40,
]


def _texts() -> list[str]:
    texts = list(OWN)
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((CORPUS / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return texts


@pytest.mark.parametrize("name", sorted(SEARCHES))
def test_an_anchored_search_finds_what_the_plain_search_finds(name: str) -> None:
    pattern, anchors, in_run = SEARCHES[name]
    found = 0
    for text in _texts():
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [
            (m.span(), m.groupdict()) for m in finditer_from_anchors(pattern, text, anchors, in_run)
        ]
        assert got == want, text[:80]
        found += len(want)
    assert found > 5, f"{name}: too few matches here to check anything"


def test_own_sentences_hold_matches_of_each_search() -> None:
    for name, (pattern, _, _) in SEARCHES.items():
        assert sum(1 for text in OWN for _ in pattern.finditer(text)) >= 3, name
