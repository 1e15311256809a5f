"""The trigger table's speed-ups change no trigger: each row's gated pattern
(`triggers.SEARCHED`, literal_gate) finds what its plain pattern finds, and every match of
a row with `trigger_patterns.ALSO` words holds one of them (so skipping the sentences
without them skips no match)."""

from __future__ import annotations

import json
import re

import pytest
from conftest import CORPUS

from ingest.extraction.actions.trigger_patterns import ALSO
from ingest.extraction.actions.triggers import GATED, SEARCHED
from ingest.extraction.text.literal_gate import GatedPattern
from ingest.extraction.text.tokens import lower_in_place

HOSTILE = [
    "The penalties are: $3.6 million on Hayvn Cayman; US$3 million on AC Limited; "
    "HK$2m fine on X; USD 5 million on Y; € 4 on Z; EUR3.2bn penalty on W; ₹5 crore on V.",
    "It was granted a licence; they had been awarded one; the SEC has been granted nothing.",
    "\u0130stanbul: the l\u0131cence was revo\u212aed; the ban was LIFTED on Monday.",
]


# sentences of our own for the rare rows `trigger_patterns._RARE_ROWS` gives second words:
# the corpora hold too few of their matches
RARE = [
    "The central bank said that crypto trading is illegal. Officials announced that Gamma "
    "and Delta are prohibited. The regulator declared that token sales were unlawful. The "
    "ministry stated that mining remains banned. Police confirmed that the scheme is illegal.",
    "The agency added Acme Pay to its list of banned apps. It placed Beta Coin on the "
    "register of prohibited firms. It included Zeta in its list of blocked sites. It entered "
    "Omega into the registry of restricted platforms. It put Kappa on its list of illegal lenders.",
    "The SEC said Acme was operating without a licence. The FCA found that Beta had been "
    "providing services without registration. The MAS stated that Gamma is offering tokens "
    "without approval. It said Delta were running an exchange without a permit. The court "
    "determined that Zeta had been conducting business without authorisation.",
    "The court ordered the closure of Acme Exchange. A judge ordered the liquidation of Beta "
    "Ltd. The regulator ordered the winding-up of Gamma Pay. It ordered the dissolution of "
    "Delta Coin. The ministry ordered the immediate shutdown of Zeta.",
    "Acme agreed to pay a civil penalty to the SEC. Beta will have to pay a total penalty to "
    "the Commission. Gamma has to pay a monetary penalty to each of the States. Delta was "
    "ordered to pay a penalty to the FCA. Zeta agreed to pay penalties to both the CFTC.",
    "The court ordered Acme Exchange shut down. A judge ordered Beta Ltd closed. The "
    "regulator ordered Gamma Pay liquidated. The minister ordered Delta dissolved. The "
    "agency ordered Zeta shuttered.",
    "The central bank directed banks to freeze accounts of Acme. It ordered lenders to block "
    "the accounts linked to Beta. It instructed payment providers to close accounts held by "
    "Gamma. The FIA told institutions to freeze the account of Delta. It required mobile "
    "money operators to shut accounts belonging to Zeta.",
]


def _texts() -> list[str]:
    texts = HOSTILE + RARE
    for corpus in ("seed", "dev", "dev2"):
        for path in sorted((CORPUS / corpus / "articles").glob("*.json")):
            texts.append(json.loads(path.read_text(encoding="utf-8"))["text"])
    return texts


def test_some_trigger_rows_are_gated() -> None:
    assert sum(isinstance(s, GatedPattern) for s in SEARCHED) > len(SEARCHED) // 2


@pytest.mark.parametrize("index", range(len(GATED)))
def test_a_gated_row_finds_what_its_pattern_finds(index: int) -> None:
    plain, searched = GATED[index][2], SEARCHED[index]
    if searched is plain:
        return
    for text in _texts():
        for pos, end in ((0, len(text)), *((p, p + 200) for p in range(0, len(text), 53))):
            want = [(m.span(), m.groupdict()) for m in plain.finditer(text, pos, end)]
            assert [(m.span(), m.groupdict()) for m in searched.finditer(text, pos, end)] == want


@pytest.mark.parametrize("pattern", list(ALSO), ids=lambda p: p.pattern[:40])
def test_every_match_holds_one_of_its_also_words(pattern: re.Pattern[str]) -> None:
    words = ALSO[pattern]
    found = 0
    for text in _texts():
        for m in pattern.finditer(text):
            found += 1
            assert any(w in lower_in_place(m.group()) for w in words), m.group()
    assert found >= 5
