"""Lists and the groups that refer back to them (issue 12): every member of a list acts or
is acted on. Sentences written for these tests; none copies a corpus sentence.
"""

from __future__ import annotations

import datetime as dt

from extraction_support import relations_of as _rels

from graph.models import Article
from ingest.extraction import extract_article

Rel = tuple[str, str, str]


def test_a_list_of_bodies_whose_second_item_opens_with_the_is_no_apposition() -> None:
    rels = _rels(
        "The Bank of Ghana, the Ministry of Finance and the Financial Intelligence Centre "
        "warned OKX in May. Norges Bank, the central bank, fined Bybit."
    )
    # (in a Ghanaian story the bare "Financial Intelligence Centre" is Ghana's)
    for body in ("Bank of Ghana", "Ministry of Finance", "Financial Intelligence Centre of Ghana"):
        assert (body, "WARNED", "OKX") in rels
    assert ("Norges Bank", "FINED", "Bybit") in rels


def test_a_counted_back_reference_names_each_firm_of_the_list() -> None:
    rels = _rels(
        "Since 2019, Velora Trade AG and Brantex Capital AG, together with the Kestrel "
        "Association, had taken deposits from the public. The three entities held no licence. "
        "Enforcement proceedings initiated by the Central Bank of Ireland found that the "
        "association and the two companies had broken the law. The three entities were "
        "liquidated in May.\n\nOrwin Markets Ltd and Tessel Labs Ltd were also active. "
        "The central bank fined the three companies."
    )
    for firm in ("Velora Trade AG", "Brantex Capital AG", "Kestrel Association"):
        assert ("Central Bank of Ireland", "INVESTIGATED", firm) in rels
        assert ("Central Bank of Ireland", "BANNED", firm) in rels
        assert ("Central Bank of Ireland", "SUED", firm) not in rels  # no suit: an inquiry
    assert not {r for r in rels if r[1] == "FINED"}  # three companies, but a list of two


def test_a_counted_group_spelled_out_in_the_next_sentence_is_its_members() -> None:
    rels = _rels(
        "The Virtual Assets Regulatory Authority licensed three Dubai-registered entities on "
        "Monday. Arlo Markets Limited will run the exchange, Arlo Custody Limited will hold "
        "client assets and Arlo Brokerage Limited will act as a broker. The authority also "
        "warned four unlicensed companies.\n\nSeparately, Dax One Ltd, Dax Two Ltd, Dax Three "
        "Ltd and Dax Four Ltd opened offices in Dubai."
    )
    for firm in ("Arlo Markets Limited", "Arlo Custody Limited", "Arlo Brokerage Limited"):
        assert ("Virtual Assets Regulatory Authority", "LICENSED", firm) in rels
    assert not {r for r in rels if "entities" in r[2] or "entities" in r[0]}
    assert not {r for r in rels if r[2].startswith("Dax")}  # no list across a paragraph


def test_a_group_named_again_at_the_next_paragraph_start_is_its_listed_members() -> None:
    rels = _rels(
        "Europol said on Monday that it had seized two web domains used by the mixer "
        "Cryptomixer.\n\nThe domains mixer-one.io and mixer-two.net were seized under a court "
        "warrant."
    )
    assert ("Europol", "BLOCKED", "mixer-one.io") in rels
    assert ("Europol", "BLOCKED", "mixer-two.net") in rels


def test_the_two_men_are_the_two_people_just_named() -> None:
    out = extract_article(
        Article(
            id="t",
            text=(
                "In March the Securities Commission Malaysia fined Orwin Markets Ltd, its "
                "director Tan Wei Ming and trader Lim Boon Kiat. According to the regulator, "
                "Tan lent money to Lim, who placed matching orders. The two men were also "
                "barred from trading digital assets for a year."
            ),
            published=dt.date(2024, 5, 2),
        )
    )
    names = {e.id: e.name for e in out.entities}
    dated = {(names[r.source], r.type, names[r.target]): r.date for r in out.relations}
    for person in ("Tan Wei Ming", "Lim Boon Kiat"):
        assert dated.get(("Securities Commission Malaysia", "BANNED", person)) == "2024-03"
    assert not {e for e in out.entities if e.type == "Activity"}  # the men are the target
