"""No control characters in the project's source: a `\\b` written through a tool that
unescaped it once became a literal backspace inside a raw regex (`_ITS_OWN`), which
matched nothing and failed silently for months."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_no_source_file_holds_a_control_character() -> None:
    found = []
    for folder in ("graph", "ingest", "api", "queries", "tests", "bench", "scripts"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if _CONTROL.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    assert not found, f"control characters in: {found}"
