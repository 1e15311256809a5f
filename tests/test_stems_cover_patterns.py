"""Every stem list the scanner gates a pattern with lets all the pattern's matches through.

`Scanner.finditer(pattern, stems, also=...)` runs `pattern` only in the sentences holding
one of `stems` (and one of `also`): a word of the pattern no stem is part of loses its
matches silently ("Trevalon, a subsidiary of Binance, was fined" once typed Binance,
not Trevalon, as fined). `required_words` reads, from the parse tree, strings one of
which every match contains; the stems are a safe gate when each such string contains a
stem. The pairs checked are the stem tables (cues, list cues, triggers, renames,
activities, firm places) and every other `finditer` call the extractor makes on the
texts below (recorded at run time, so a new call site is checked without listing it).

Skipped: patterns no string is required of (`SKIPPED`; none at the time of writing: all
the 255 pairs checked have required strings), and the two gaps kept on purpose
(`ACCEPTED`, with their reasons).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import pytest
from extraction_support import extract

from graph.ontology import REL
from ingest.extraction.actions.trigger_patterns import ALSO, AMOUNT_ON
from ingest.extraction.actions.triggers import GATED, find_triggers
from ingest.extraction.entities.aliases import _RENAME_STEMS, RENAMES
from ingest.extraction.names.type_cues import (
    _CUE_ALSO,
    _CUE_STEMS,
    _LIST_STEMS,
    CUES,
    LIST_CUES,
    cue_spans,
)
from ingest.extraction.references.activities import _ACTIVITY_STEMS, ACTIVITY_PATTERNS
from ingest.extraction.references.activity_objects import GERUND_OBJECT, GERUND_STEMS
from ingest.extraction.structure.firm_places import _IN_PHRASE, _IN_STEMS
from ingest.extraction.text.document import read_document
from ingest.extraction.text.literal_gate import GatedPattern
from ingest.extraction.text.regex_lead import lead
from ingest.extraction.text.required_words import (
    required_word_sets,
    required_words,
    stems_cover,
    uncovered_words,
)
from ingest.extraction.text.scanning import Scanner, scanner_of

# (label, pattern, stems, also)
_Pair = tuple[str, re.Pattern[str], tuple[str, ...], tuple[str, ...]]


def _tables() -> Iterator[_Pair]:
    for i, ((pattern, _), stems) in enumerate(zip(CUES, _CUE_STEMS, strict=True)):
        yield f"CUES[{i}]", pattern, stems, _CUE_ALSO.get(i, ())
    for i, ((pattern, _), stems) in enumerate(zip(LIST_CUES, _LIST_STEMS, strict=True)):
        yield f"LIST_CUES[{i}]", pattern, stems, ()
    for i, row in enumerate(GATED):
        yield f"triggers.GATED[{i}] ({row[0]})", row[2], row[4], ALSO.get(row[2], ())
    for i, ((pattern, _), stems) in enumerate(zip(RENAMES, _RENAME_STEMS, strict=True)):
        yield f"RENAMES[{i}]", pattern, stems, ()
    for i, ((pattern, _), stems) in enumerate(zip(ACTIVITY_PATTERNS, _ACTIVITY_STEMS, strict=True)):
        yield f"ACTIVITY_PATTERNS[{i}]", pattern, stems, ()
    for rtype, pattern in _IN_PHRASE.items():
        yield f"firm_places._IN_PHRASE[{rtype}]", pattern, _IN_STEMS[rtype], ()


# sentences of our own that reach the extractor's scanned searches
_TEXTS = [
    "Trevalon, a subsidiary of Binance, was fined by the FCA on Monday. "
    "The SEC charged three men from Lagos and two exchanges belonging to the group. "
    "Among the platforms blocked by the regulator were Bitzen and Coinova. "
    "Police in Seoul arrested a man; the Dubai police said the Korean government would act. "
    "The court in Paris barred Coinova from offering crypto trading, declared illegal in "
    "France. The firm was told not to serve customers. Bitzen, formerly known as Bitz, is "
    "headquartered in Malta and operates in Spain. The Bitzen group, the exchanges, firms "
    "such as Dexa, and companies including Velto were named.",
]


def _recorded(texts: Iterable[str]) -> Iterator[_Pair]:
    """Every (pattern, stems, also) `Scanner.finditer` is called with while extracting."""
    seen: list[_Pair] = []
    original = Scanner.finditer

    def recording(
        self: Scanner,
        pattern: re.Pattern[str] | GatedPattern,
        stems: Iterable[str],
        starts: re.Pattern[str] | None = None,
        also: tuple[str, ...] = (),
    ) -> Iterator[re.Match[str]]:
        stems = tuple(stems)
        plain = pattern.pattern if isinstance(pattern, GatedPattern) else pattern
        seen.append((f"finditer {plain.pattern[:60]!r}", plain, stems, also))
        return original(self, pattern, stems, starts, also)

    Scanner.finditer = recording  # type: ignore[method-assign]
    try:
        for text in texts:
            extract(text)
    finally:
        Scanner.finditer = original  # type: ignore[method-assign]
    yield from seen


def _pairs() -> list[_Pair]:
    out: dict[tuple[str, int, tuple[str, ...], tuple[str, ...]], _Pair] = {}
    for pair in [*_tables(), *_recorded(_TEXTS)]:
        _, pattern, stems, also = pair
        out.setdefault((pattern.pattern, pattern.flags, stems, also), pair)
    return list(out.values())


PAIRS = _pairs()
# gaps kept on purpose: pattern source -> why the stems may be narrower than the pattern
ACCEPTED = {
    # "$5 million on" ends with `on\b`; the stem " on " leaves out "$5 million on-chain", which
    # the plain search would wrongly read as a fine "on" a party
    lead(AMOUNT_ON.pattern): "stem ' on ' is narrower than 'on\\b' on purpose",
    # "(?<=indictment )charging": the lookbehind's "indictment " holds the stem "indict"
    # (a lookbehind can see before the sentence, so `required_words` does not count it)
    next(row[2].pattern for row in GATED if "(?<=indictment )charging" in row[2].pattern): (
        "lookbehind 'indictment ' holds the stem 'indict'"
    ),
}
# patterns no string is required of: their stems cannot be checked (see the module's doc)
SKIPPED = [label for label, pattern, _, _ in PAIRS if not required_word_sets(pattern)]


def test_the_pairs_include_every_kind_of_call() -> None:
    labels = " ".join(label for label, _, _, _ in PAIRS)
    for kind in ("CUES[", "LIST_CUES[", "GATED[", "RENAMES[", "ACTIVITY_PATTERNS[", "finditer"):
        assert kind in labels
    assert len(PAIRS) > 200


@pytest.mark.parametrize(("label", "pattern", "stems", "also"), PAIRS, ids=[p[0] for p in PAIRS])
def test_stems_let_every_match_through(
    label: str, pattern: re.Pattern[str], stems: tuple[str, ...], also: tuple[str, ...]
) -> None:
    if label in SKIPPED:
        pytest.skip("no string is required of every match")
    if pattern.pattern in ACCEPTED:
        pytest.skip(ACCEPTED[pattern.pattern])
    missing = uncovered_words(pattern, stems)
    assert missing is None, f"{label}: no stem in {sorted(missing or ())}"
    if also:
        missing = uncovered_words(pattern, also)
        assert missing is None, f"{label}: no `also` word in {sorted(missing or ())}"


# --- the required-strings reading itself, on small patterns


def _sets(pattern: str, flags: int = 0) -> list[set[str]]:
    return [set(s) for s in required_word_sets(re.compile(pattern, flags))]


def test_an_alternation_requires_one_string_of_its_branches() -> None:
    assert required_words(re.compile(r"\b(?:fined|penali[sz]ed)\b")) == {
        "fined",
        "penalised",
        "penalized",
    }


def test_a_sequence_gives_each_mandatory_part_and_prefers_the_most_specific() -> None:
    pattern = re.compile(r"(?P<n>[A-Z]\w+), an? (?:\w+ )?(?:subsidiary|unit|arm) of\b")
    # the optional word before the noun ends with a space, as ", an? " does
    assert required_words(pattern) == {" subsidiary of", " unit of", " arm of"}
    assert {", a ", ", an "} in _sets(pattern.pattern)


def test_an_optional_part_joins_a_run_but_requires_nothing() -> None:
    assert required_words(re.compile(r"(?:was )?granted")) == {"granted"}
    assert _sets(r"(?:not )?\w+") == []


def test_a_repeat_requires_its_part_only_when_it_must_occur() -> None:
    assert _sets(r"x*y{0,3}") == []
    assert required_words(re.compile(r"(?:ab)+\w")) == {"ab"}
    assert required_words(re.compile(r"\d+ firms")) == {f"{d} firms" for d in range(10)}
    assert required_words(re.compile(r"(?:ab){2}c")) == {"ababc"}


def test_case_flags_and_inline_flags_lower_case_the_strings() -> None:
    assert required_words(re.compile(r"Bank of ENGLAND", re.I)) == {"bank of england"}
    assert required_words(re.compile(r"(?i:SEC) (?-i:Charges)")) == {"sec charges"}
    assert required_words(re.compile(r"[Bb]an(?:ned)?")) == {"ban"}


def test_lookarounds_and_a_moved_word_boundary_do_not_break_a_run() -> None:
    # `regex_lead` writes "\bfined" as "f(?<!\w.)ined"
    assert required_words(re.compile(r"f(?<!\w.)ined by")) == {"fined by"}
    # a lookahead's text lies inside the searched sentence: it joins the run
    assert required_words(re.compile(r"(?:is|are) on(?= the (?:SDN|OFAC) list)")) == {
        f"{verb} on the {name} list" for verb in ("is", "are") for name in ("sdn", "ofac")
    }
    assert required_words(re.compile(r"(?<=indictment )charging")) == {"charging"}


def test_nothing_mandatory_gives_no_strings() -> None:
    for pattern in (r"\w+", r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", r"(?:foo|\w+)"):
        assert _sets(pattern) == []
        with pytest.raises(ValueError):
            required_words(re.compile(pattern))


def test_stems_cover_only_when_every_required_string_holds_a_stem() -> None:
    cue = re.compile(r"\b[A-Z]\w+, a (?:firm|subsidiary|broker(?:age)?)\b")
    assert stems_cover(cue, ("firm", "subsidiar", "broker"))
    assert not stems_cover(cue, ("firm", "broker"))
    assert uncovered_words(cue, ("firm", "broker")) == frozenset({", a subsidiary"})
    assert stems_cover(cue, (", a ",))  # a mandatory part of its own
    assert stems_cover(re.compile(r"\w+ed"), ("ed",))
    assert not stems_cover(re.compile(r"\w+(?:ed)?"), ("ed",))  # nothing provable


# --- the gaps this test found, each checked with a sentence of our own: the scanned
# search finds what the plain one does (both failed before the stems were added)


@pytest.mark.parametrize(
    "sentence",
    [
        "Trevalon, a subsidiary of Binance, was fined.",
        "The SEC said it was settling with Trevalon over the listings.",
    ],
)
def test_scanned_cues_match_plain_cues(sentence: str) -> None:
    doc = read_document(sentence)
    plain = set(cue_spans(doc.text))
    assert plain
    assert set(cue_spans(doc.text, scanner_of(doc))) == plain


@pytest.mark.parametrize(
    "sentence",
    [
        "The Treasury is taking Velmora Mixer off its sanctions list.",
        "The FCA is taking Trevalon off its warning list after a review.",
        "The high court is striking down the ban on crypto trading.",
        "The regulator said it was fining Trevalon for weak controls.",
        "Trevalon (paid $4 million to settle the case) was fined.",
        "Trevalon received a penalty of $2 million from the regulator.",
        "Velmora Mixer is still on their SDN list, officials said.",
        "Velmora Mixer remains on its Specially Designated Nationals list.",
        "Trevalon, an FCA-authorised broker, was fined.",
        "The registration from the central bank came in May for Trevalon.",
    ],
)
def test_scanned_triggers_match_plain_triggers(sentence: str) -> None:
    doc = read_document(sentence)
    plain = find_triggers(doc.text)
    assert plain
    assert find_triggers(doc.text, 0, scanner_of(doc)) == plain


@pytest.mark.parametrize(
    ("pattern", "stems", "sentence"),
    [
        (RENAMES[14][0], _RENAME_STEMS[14], "Trevalon, now rebranded as Velto, was fined."),
        (
            _IN_PHRASE[REL.operates_in],
            _IN_STEMS[REL.operates_in],
            "Trevalon has a presence in Spain and Italy.",
        ),
        (GERUND_OBJECT, GERUND_STEMS, "The central bank warned against virtual currencies."),
    ],
    ids=["RENAMES[14]", "_IN_PHRASE[operates_in]", "GERUND_OBJECT"],
)
def test_scanned_search_matches_plain_search(
    pattern: re.Pattern[str], stems: tuple[str, ...], sentence: str
) -> None:
    doc = read_document(sentence)
    plain = [m.span() for m in pattern.finditer(doc.text)]
    assert plain
    assert [m.span() for m in Scanner(doc).finditer(pattern, stems)] == plain
