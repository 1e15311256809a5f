"""What a party "had frozen by" a body is its own, cut off by that body ("X and its owner
have had $140m frozen by police"); the examples of a group an action fell on share the
action past a subheading when the text tells the group again after it ("these 16
exchanges"), but not a digest's next story. Issue 12 point 1 (passives; lists and
coreference across sentences); sentences written for these tests."""

from __future__ import annotations

from extraction_support import relations_of


def test_had_frozen_by_blocks_the_holder() -> None:
    found = relations_of(
        "Korvane Corporation and its owner Tom Reyes have had $140m frozen by New Zealand police."
    )
    police = {s for s, k, _ in found if k == "BLOCKED"}
    assert len(police) == 1, found
    for party in ("Korvane Corporation", "Tom Reyes"):
        assert any(k == "BLOCKED" and t == party for _, k, t in found), found


_STORY = (
    "South Korea's Financial Services Commission is investigating 16 exchanges for breaking"
    " a financial law. The FSC said these exchanges operate without reporting.\n{head}\n"
    "{middle} On August 18, the FIU accused {again} of breaking the law. This included some of"
    " the largest exchanges"
    " such as Quorvex, Zentrax and Korvane.\n"
)
FSC = "Financial Services Commission of South Korea"


def test_examples_past_a_subhead_that_goes_on_with_the_group() -> None:
    text = _STORY.format(
        head="Exchanges targeted in Korea",
        middle="According to officials, the exchanges advertised on their websites.",
        again="these 16 exchanges",
    )
    found = relations_of(text)
    for name in ("Quorvex", "Zentrax", "Korvane"):
        assert (FSC, "INVESTIGATED", name) in found, found


def test_no_examples_past_a_heading_that_opens_another_story() -> None:
    text = _STORY.format(head="2) Other news", middle="Bitcoin rose 3% on Monday.", again="Binance")
    found = relations_of(text)
    assert (FSC, "INVESTIGATED", "Quorvex") not in found, found
