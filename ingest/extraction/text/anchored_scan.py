"""Search a whole text with a pattern whose matches hold a rare anchor, from the anchors.

Some name patterns run over the whole document and open with a character class and a
lookbehind (a lower-case word before a legal form, "bitcastle LLC"; a web domain,
"garantex.org"): `re` tries them at every offset, about a tenth of a millisecond per
article each. Every match of such a pattern holds an anchor that is rare in text (" LLC",
a lower-case letter before a capital, ".org"), and begins where the run of its word's
characters that reaches that anchor begins, because its lookbehind refuses each of them
before its start. `finditer_from_anchors` finds the anchors (one fast search with a literal
or a class first), walks back over that run from each, and tries the pattern only
there, in order and without overlaps: the matches of `pattern.finditer(text)`.

The caller vouches for those two facts about its pattern; tests/test_anchored_scan.py
compares the two searches for each pattern that uses this.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def finditer_from_anchors(
    pattern: re.Pattern[str],
    text: str,
    anchors: re.Pattern[str],
    in_run: Callable[[str], bool],
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, where every match holds a match of `anchors` and starts
    where the run of characters `in_run` accepts that ends at that anchor's start starts
    (see the module)."""
    starts: set[int] = set()
    for anchor in anchors.finditer(text):
        pos = anchor.start()
        while pos > 0 and in_run(text[pos - 1]):
            pos -= 1
        starts.add(pos)
    done = 0
    for pos in sorted(starts):
        if pos < done:
            continue  # inside the match before: `finditer` never tries it
        m = pattern.match(text, pos)
        if m is not None:
            done = m.end()
            yield m
