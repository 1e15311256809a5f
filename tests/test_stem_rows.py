"""A `StemRows` table gives each row exactly the sentences `Scanner.finditer` searches for
that row's words (and `also` words), and leaves out only rows with none; `row_matches`
then yields every row's matches as the row-by-row scanner calls do. Checked on texts of
our own with the trigger and cue tables, a table of its own, and a table whose words the
automaton did not know when the document was indexed (the plain fallback)."""

from __future__ import annotations

import re

import pytest

from ingest.extraction.actions import triggers
from ingest.extraction.names import type_cues
from ingest.extraction.text.document import read_document
from ingest.extraction.text.scanning import Scanner
from ingest.extraction.text.stem_rows import StemRows, hit_rows, row_matches

OWN = [
    "The SEC fined Acme Ltd $2 million on Monday. Regulators banned two apps.\n\n"
    "The ban was lifted in May. Acme said it would appeal; the fine stands.",
    "The watchdog revoked the licence of Zeta Exchange, a Cayman firm, and ordered it to "
    "stop. Prosecutors charged its founder with fraud.\n\nThe court froze assets of firms "
    "such as Beta Pay, Gamma Coin and Delta Trade.",
    "Nothing here. Really nothing at all, just words about weather and a cat.",
    "\u0130stanbul police arrested two suspects. The BAN was LIFTED; the central bank "
    "warned consumers against exchanges including Omega and Sigma.",
]

OWN_TABLE = StemRows(
    [("ban",), ("fine", "fined", "ban"), ("police", "court"), ("zzz-absent",), ("ban",)],
    [(), (), (), (), ("lifted", "two")],
)


def _row_by_row(scanner: Scanner, table: StemRows) -> list[tuple[int, list[tuple[int, int]]]]:
    """What each row's own `finditer` call searches: its `also` sentences if any."""
    out = []
    for i, (stems, also) in enumerate(zip(table.stems, table.also, strict=True)):
        mask = scanner.mask(stems) & scanner.mask(also) if also else scanner.mask(stems)
        if mask:
            out.append((i, scanner.bounds_of(mask)))
    return out


TABLES = [
    triggers.ROWS,
    type_cues._CUE_ROWS,  # noqa: SLF001
    type_cues._LIST_ROWS,  # noqa: SLF001
    OWN_TABLE,
]


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("text", OWN)
def test_a_table_gives_each_row_the_sentences_its_own_call_searches(
    table: StemRows, text: str
) -> None:
    expected = _row_by_row(Scanner(read_document(text)), table)
    assert hit_rows(Scanner(read_document(text)), table) == expected


def test_the_tables_skip_rows_and_keep_some() -> None:
    scanner = Scanner(read_document(OWN[0]))
    rows = [i for i, _ in hit_rows(scanner, triggers.ROWS)]
    assert 0 < len(rows) < len(triggers.ROWS.stems)
    assert [i for i, _ in hit_rows(scanner, OWN_TABLE)] == [0, 1, 4]


def test_a_word_the_automaton_lacked_is_looked_up_plainly() -> None:
    scanner = Scanner(read_document(OWN[1]))
    scanner.word_masks()  # indexed before the table below registers its words
    late = StemRows([("zeta exch",), ("qqq-new", "cayman firm")], [(), ()])
    assert not late.words <= scanner.word_masks()[1]
    assert hit_rows(scanner, late) == _row_by_row(Scanner(read_document(OWN[1])), late) != []


def test_an_empty_word_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        StemRows([("",), ("ban",)], [(), ()])


@pytest.mark.parametrize("text", OWN)
def test_row_matches_match_the_row_by_row_calls(text: str) -> None:
    patterns = [
        re.compile(r"\bban\w*"),
        re.compile(r"\bfined? (?P<n>\w+)"),
        re.compile(r"(?i)police|court"),
        re.compile(r"zzz"),
        re.compile(r"\bban\b"),
    ]
    doc = read_document(text)
    scanner = Scanner(doc)
    got = [
        (i, m.span())
        for i, found in row_matches(doc.text, scanner, patterns, OWN_TABLE)
        for m in found
    ]
    plain = Scanner(doc)
    expected = [
        (i, m.span())
        for i, (p, stems, also) in enumerate(
            zip(patterns, OWN_TABLE.stems, OWN_TABLE.also, strict=True)
        )
        for m in plain.finditer(p, stems, also=also)
    ]
    assert got == expected
    assert got or text == OWN[2]  # the others give matches to compare
