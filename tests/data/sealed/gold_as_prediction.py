"""Print a gold file as extractor JSON, so the scorer can check that gold scores 1.0 on itself.

Usage (as the scorer's --cmd):  python3 gold_as_prediction.py {path}
where {path} is CORPUS/articles/NAME.json; the gold is read from CORPUS/gold/NAME.json.
Entities get ids and a single type (the first listed); relations keep their properties
(date, status, ended_how, ended_on, amount, currency, role), so attribute accuracy is 1.0 too.
ALIAS_OF edges are not emitted: aliases travel in each entity's `aliases`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def convert(article: dict[str, Any], gold: dict[str, Any]) -> dict[str, Any]:
    def first_type(e: dict[str, Any]) -> str:
        t = e.get("type")
        return str(t[0] if isinstance(t, list) else t)

    ids = {e["name"]: f"{first_type(e).lower()}:{i}" for i, e in enumerate(gold["entities"])}
    entities = [
        {
            "id": ids[e["name"]],
            "type": first_type(e),
            "name": e["name"],
            "aliases": list(e.get("aliases", [])),
            "count": e.get("count"),
            "unnamed": bool(e.get("unnamed")),
            "description": e.get("description"),
        }
        for e in gold["entities"]
    ]
    relations = [
        {
            "type": r["type"],
            "source": ids[r["source"]],
            "target": ids[r["target"]],
            "evidence": None,
            "confidence": 1.0,
            "properties": dict(r.get("properties") or {}),
        }
        for r in gold["relations"]
        if r["type"] != "ALIAS_OF"
    ]
    meta = {k: article.get(k) for k in ("id", "title", "url", "published")}
    return {"article": meta, "entities": entities, "relations": relations}


def main() -> int:
    apath = Path(sys.argv[1])
    gpath = apath.parent.parent / "gold" / apath.name
    article = json.loads(apath.read_text(encoding="utf-8"))
    gold = json.loads(gpath.read_text(encoding="utf-8"))
    print(json.dumps(convert(article, gold), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
