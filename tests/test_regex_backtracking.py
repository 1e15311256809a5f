"""No extraction regex backtracks catastrophically on shapes real pages are full of.

A nested quantifier such as `(?:[A-Z][A-Z.'-]*\\s?)+` can split one long word in
exponentially many ways; it went unseen on short test sentences and hung the extractor
on the first article with "(Federal Financial Supervisory Authority)" in it. Every
compiled pattern of ingest/ is run here (search and match) over such shapes: long
parentheticals, long capitalised runs, comma lists, separators, upper case, and the
same followed by a character that makes the match fail at the very end (where the
blow-up happens). The work runs in a child process with a generous limit: a healthy
pattern takes microseconds per string, a catastrophic one does not end at all.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, re, sys, time
    import ingest

    words = ["Federal", "Financial", "Supervisory", "Authority", "Markets", "Commission",
             "Binance", "Holdings", "Limited", "Exchange", "Securities", "Bureau"]
    run = " ".join(words * 3)
    shapes = [
        "(" + run + ")", "(" + run, "(" + run + " /", run.upper(), run.lower(),
        ", ".join(words * 2), " > ".join(words * 2), "-".join(words * 2),
        "A" * 80, "a" * 80, "Ab" * 40, "A." * 40, "1" * 60, "1,000," * 15, ". " * 40,
        "'" + run + "'", '"' + run, "the " * 40, run.replace(" ", "-"), run.replace(" ", "'"),
        "$" + "1" * 40, "U.S. " * 20, "(" + run.upper() + " / " + run.upper(),
    ]
    shapes += [s + tail for s in list(shapes) for tail in (" ;", " !", " )", "\\u00a0?")]
    patterns, seen = [], set()

    def collect(label, value, depth):
        # the patterns a module name holds, directly or in tables and rule objects
        if isinstance(value, re.Pattern):
            if isinstance(value.pattern, str) and id(value) not in seen:
                seen.add(id(value))
                patterns.append((label, value))
        elif depth < 3 and isinstance(value, (list, tuple, frozenset, set)):
            for i, item in enumerate(value):
                collect(f"{label}[{i}]", item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for key, item in value.items():
                collect(f"{label}[{key!r}]", item, depth + 1)
        elif depth < 3 and hasattr(value, "__dataclass_fields__") and not isinstance(
            value, type
        ):
            for field in value.__dataclass_fields__:
                collect(f"{label}.{field}", getattr(value, field, None), depth + 1)

    for info in pkgutil.walk_packages(ingest.__path__, "ingest."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            collect(info.name + "." + name, value, 0)
    print(len(patterns), "patterns", flush=True)
    for label, pattern in patterns:
        print("at", label, flush=True)
        for shape in shapes:
            pattern.search(shape)
            pattern.match(shape)
    print("done", flush=True)
    """
)


def test_no_extraction_pattern_backtracks_catastrophically() -> None:
    try:
        out = subprocess.run(
            [sys.executable, "-c", PROBE],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
    except subprocess.TimeoutExpired as stuck:
        lines = (stuck.stdout or b"").decode() if isinstance(stuck.stdout, bytes) else stuck.stdout
        last = (lines or "").strip().splitlines()[-1:]
        raise AssertionError(f"a pattern never finished: {last}") from None
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().endswith("done")
    assert int(out.stdout.split()[0]) > 300  # the walk found the extractor's patterns
