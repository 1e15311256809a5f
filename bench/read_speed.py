"""How fast `ingest.read` turns files into articles, per format, against a raw baseline.

Writes N copies of one article in each format to a temporary folder, then times
`read_paths` over each format's folder. The baseline, measured in the same run on
the same files, is reading the bytes and decoding them as UTF-8: the ratio says
what parsing, cleaning and validation cost on top of I/O.

    .venv/bin/python bench/read_speed.py [N]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from ingest.read import read_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def write_corpus(folder: Path, n: int) -> dict[str, Path]:
    """n files per format (the feed format: one file with n entries)."""
    seed = json.loads((EXAMPLES / "sec-sues-binance-zhao.json").read_text(encoding="utf-8"))
    html = (EXAMPLES / "binance-us-settlement.html").read_text(encoding="utf-8")
    txt = (EXAMPLES / "japan-fsa-warns-binance.txt").read_text(encoding="utf-8")
    dirs = {fmt: folder / fmt for fmt in ("json", "txt", "html", "jsonl", "rss")}
    for d in dirs.values():
        d.mkdir()
    lines, items = [], []
    for i in range(n):
        record = {**seed, "id": f"bench-{i}", "text": f"{seed['text']} ({i})"}
        (dirs["json"] / f"{i:05d}.json").write_text(json.dumps(record), encoding="utf-8")
        (dirs["txt"] / f"{i:05d}.txt").write_text(f"{txt}\n({i})\n", encoding="utf-8")
        (dirs["html"] / f"{i:05d}.html").write_text(
            html.replace("</article>", f"<p>({i})</p></article>")
        )
        lines.append(json.dumps(record))
        body = "".join(f"<p>{p}</p>" for p in record["text"].split("\n\n"))
        items.append(
            f"<item><title>t{i}</title><link>https://b.example/{i}</link>"
            f"<description><![CDATA[{body}]]></description></item>"
        )
    (dirs["jsonl"] / "all.jsonl").write_text("\n".join(lines), encoding="utf-8")
    rss = f'<rss version="2.0"><channel><title>B</title>{"".join(items)}</channel></rss>'
    (dirs["rss"] / "feed.rss").write_text(rss, encoding="utf-8")
    return dirs


def timed(fn: object) -> tuple[float, int]:
    start = time.perf_counter()
    count = fn()  # type: ignore[operator]
    return time.perf_counter() - start, int(count)


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dirs = write_corpus(Path(tmp), n)
        list(read_paths([str(dirs["html"] / "00000.html")], 10**8))  # warm up lazy imports
        header = ("format", "articles", "seconds", "art/s", "baseline s", "ratio")
        print("{:<7} {:>8} {:>8} {:>9} {:>10} {:>7}".format(*header))
        for fmt, folder in dirs.items():
            files = sorted(folder.iterdir())
            base, _ = timed(
                lambda files=files: sum(len(f.read_bytes().decode()) > 0 for f in files)
            )
            secs, count = timed(
                lambda folder=folder: sum(1 for _ in read_paths([str(folder)], 10**8))
            )
            print(
                f"{fmt:<7} {count:>8} {secs:>8.3f} {count / secs:>9.0f} {base:>10.4f} "
                f"{secs / base:>7.0f}x"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
