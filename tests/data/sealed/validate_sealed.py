"""Check a sealed part (articles + gold) against the annotation conventions.

Adapted from tests/data/heldout/validate.py. Run from the repo root:
    .venv/bin/python tests/data/sealed/validate_sealed.py tests/data/sealed/part_a (or part_b)
Additions: v2 action properties (date, status, ended_how, ended_on, amount, currency) are
checked for form; two events with the same (source, type, target) are allowed when their
properties differ (dev2 convention); optional entities carry no ALIAS_OF; the self-score uses
../gold_as_prediction.py (properties included) and must reach 1.0 on every attribute too.

The checks are those of the dev corpus INDEX.md ("Validation"): relation ends name entities
of the same gold file, alias strings occur in the text, types come from graph/ontology.yaml,
action sources are actors, no required relation touches an optional entity, and each gold
file fed back as a prediction through the shared scorer's ``score_article`` scores 1.0.
Exit status 1 when any check fails, so the script can guard edits to the corpus.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_ONTOLOGY = REPO / "graph" / "ontology.yaml"
DEFAULT_SCORER = REPO.parent / "shared" / "tools" / "score_extraction.py"
ARTICLE_KEYS = ("id", "url", "title", "publisher", "published", "text")
Doc = dict[str, Any]


@dataclass(frozen=True)
class Vocabulary:
    """The parts of the ontology the gold files must respect."""

    entity_types: frozenset[str]
    actors: frozenset[str]
    alias_kinds: frozenset[str]
    relations: dict[str, tuple[str, frozenset[str], frozenset[str]]]  # name -> (kind, from, to)


def load_vocabulary(path: Path) -> Vocabulary:
    """Read ontology.yaml directly, so the corpus check does not depend on project code."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    groups = {k: frozenset(v) for k, v in data["groups"].items()}

    def expand(names: list[str]) -> frozenset[str]:
        return frozenset(t for n in names for t in groups.get(n, {n}))

    rels = {
        n: (r["kind"], expand(r["from"]), expand(r["to"])) for n, r in data["relations"].items()
    }
    return Vocabulary(
        entity_types=frozenset(data["entity_types"]),
        actors=groups["actor"],
        alias_kinds=frozenset(data["alias_kinds"]),
        relations=rels,
    )


def fold(s: str) -> str:
    """Normalise quotes, NBSP and case so curly and straight apostrophes compare equal."""
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().casefold()


def occurs(needle: str, text: str) -> bool:
    """Whole-word occurrence of ``needle`` in ``text`` after folding."""
    pattern = r"(?<!\w)" + re.escape(fold(needle)) + r"(?!\w)"
    return re.search(pattern, fold(text)) is not None


def types_of(entity: Doc) -> list[str]:
    t = entity.get("type")
    return list(t) if isinstance(t, list) else [str(t)]


def check_article(name: str, art: Doc, words: tuple[int, int]) -> list[str]:
    """Shape of articles/NAME.json: the dev corpus keys, null url, ISO date, length bounds."""
    errs = [f"article lacks {k!r}" for k in ARTICLE_KEYS if k not in art]
    if art.get("id") != name:
        errs.append(f"article id {art.get('id')!r} != file name")
    if art.get("url") is not None:
        errs.append("url must be null")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(art.get("published"))):
        errs.append("published is not YYYY-MM-DD")
    n = len(str(art.get("text", "")).split())
    if not words[0] <= n <= words[1]:
        errs.append(f"{n} words, outside {words[0]}-{words[1]}")
    return errs


def check_entities(gold: Doc, text: str, voc: Vocabulary) -> tuple[list[str], list[str]]:
    """Types, group flags, alias occurrence and name uniqueness; returns (errors, warnings)."""
    errs: list[str] = []
    warns: list[str] = []
    seen: dict[str, str] = {}
    for e in gold["entities"]:
        name = e.get("name")
        bad = [t for t in types_of(e) if t not in voc.entity_types]
        if bad:
            errs.append(f"entity {name!r}: unknown type(s) {bad}")
        if e.get("unnamed") and "count" not in e:
            errs.append(f"group {name!r} lacks 'count'")
        if e.get("count") is not None and not e.get("unnamed"):
            errs.append(f"entity {name!r} has a count but no 'unnamed' flag")
        for alias in e.get("aliases", []):
            if not occurs(alias, text):
                errs.append(f"alias {alias!r} of {name!r} does not occur in the text")
        for label in {fold(name), *(fold(a) for a in e.get("aliases", []))}:
            if label in seen and seen[label] != name:
                errs.append(f"{label!r} names both {seen[label]!r} and {name!r}")
            seen[label] = name
        if not e.get("unnamed") and not e.get("optional") and not occurs(name, text):
            if not any(occurs(a, text) for a in e.get("aliases", [])):
                warns.append(f"required entity {name!r}: neither name nor alias occurs")
    return errs, warns


def check_relation(r: Doc, ents: dict[str, Doc], text: str, voc: Vocabulary) -> list[str]:
    """One edge: known type, existing ends, endpoint rules, properties, optional-ness."""
    src, typ, tgt = r.get("source"), r.get("type"), r.get("target")
    label = f"{src} -{typ}-> {tgt}"
    if tgt not in ents:
        return [f"{label}: target is not an entity"]
    if typ == "ALIAS_OF":
        kind = (r.get("properties") or {}).get("kind")
        errs = [] if kind in voc.alias_kinds else [f"{label}: alias kind {kind!r} not in ontology"]
        if ents[tgt].get("optional"):
            errs.append(f"{label}: ALIAS_OF on an optional entity")
        if src not in ents[tgt].get("aliases", []):
            errs.append(f"{label}: alias missing from the target's aliases")
        if not occurs(str(src), text):
            errs.append(f"{label}: alias does not occur in the text")
        return errs
    if typ not in voc.relations:
        return [f"{label}: unknown relation type"]
    if src not in ents:
        return [f"{label}: source is not an entity"]
    kind, allowed_from, allowed_to = voc.relations[typ]
    errs = []
    s_types, t_types = types_of(ents[src]), types_of(ents[tgt])
    if kind == "action" and not set(s_types) <= voc.actors:
        errs.append(f"{label}: action source types {s_types} are not all actors")
    if not set(s_types) & allowed_from or not set(t_types) & allowed_to:
        errs.append(f"{label}: endpoint types {s_types} -> {t_types} not allowed")
    if not r.get("optional") and (ents[src].get("optional") or ents[tgt].get("optional")):
        errs.append(f"{label}: required relation touches an optional entity")
    props = r.get("properties") or {}
    if typ == "FINED" and not (
        isinstance(props.get("amount"), int | float)
        and re.fullmatch(r"[A-Z]{3}", str(props.get("currency")))
    ):
        errs.append(f"{label}: FINED needs numeric amount and ISO currency")
    if kind == "action":
        errs += check_action_props(label, props)
    if typ == "AFFILIATED_WITH" and not props.get("role"):
        errs.append(f"{label}: AFFILIATED_WITH needs a role")
    return errs


DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
ENDED_HOW = {"lifted", "revoked", "suspended", "overturned", "settled", "dismissed", "expired"}


def check_action_props(label: str, props: Doc) -> list[str]:
    """v2 properties of an action edge: forms only (the text decides which are present)."""
    errs = []
    for k in ("date", "ended_on"):
        if k in props and not DATE.fullmatch(str(props[k])):
            errs.append(f"{label}: {k} {props[k]!r} is not YYYY[-MM[-DD]]")
    status = props.get("status")
    if status not in (None, "active", "ended"):
        errs.append(f"{label}: status {status!r}")
    if status == "ended" and props.get("ended_how") not in ENDED_HOW:
        errs.append(f"{label}: ended without a valid ended_how")
    if status != "ended" and ("ended_how" in props or "ended_on" in props):
        errs.append(f"{label}: ended_how/ended_on on an action that is not ended")
    if "amount" in props and not isinstance(props["amount"], int | float):
        errs.append(f"{label}: amount is not a number")
    if ("amount" in props) != ("currency" in props):
        errs.append(f"{label}: amount and currency must come together")
    return errs


def check_relations(gold: Doc, text: str, voc: Vocabulary) -> list[str]:
    ents = {e["name"]: e for e in gold["entities"]}
    errs = [] if len(ents) == len(gold["entities"]) else ["duplicate entity names"]
    keys = [
        (
            r.get("source"),
            r.get("type"),
            r.get("target"),
            json.dumps(r.get("properties"), sort_keys=True),
        )
        for r in gold["relations"]
    ]
    errs += [f"duplicate relation {k[:3]}" for k in {k for k in keys if keys.count(k) > 1}]
    for r in gold["relations"]:
        errs += check_relation(r, ents, text, voc)
    return errs


def gold_as_prediction(gold: Doc) -> Doc:
    """The extractor-JSON shape of a gold file: ids on entities, ids in relation ends."""
    ids = {e["name"]: f"{types_of(e)[0].lower()}:{i}" for i, e in enumerate(gold["entities"])}
    entities = [
        {
            "id": ids[e["name"]],
            "type": types_of(e)[0],
            "name": e["name"],
            "aliases": list(e.get("aliases", [])),
            "count": e.get("count"),
            "unnamed": bool(e.get("unnamed")),
        }
        for e in gold["entities"]
    ]
    relations = [
        {"type": r["type"], "source": ids[r["source"]], "target": ids[r["target"]]}
        for r in gold["relations"]
        if r["type"] != "ALIAS_OF"
    ]
    return {"entities": entities, "relations": relations}


def check_self_score(
    gold: Doc, score: Callable[[Doc, Doc], Doc], art: Doc | None = None
) -> list[str]:
    """Gold scored against itself must be perfect, else the scorer could never reach 1.0."""
    s = score(CONVERT(art or {}, gold), gold)
    errs = []
    for part in ("entities", "relations"):
        p = s[part]
        if not p["tp"] == p["gold"] == p["pred"]:
            errs.append(f"self-score {part}: {p}")
    if s["aliases"]["tp"] != s["aliases"]["gold"]:
        errs.append(f"self-score aliases: {s['aliases']}")
    for a, v in s.get("attributes", {}).items():
        if v["right"] != v["gold"]:
            errs.append(f"self-score attribute {a}: {v}")
    if s["entities"]["spurious"] or s["relations"]["spurious"]:
        errs.append(
            f"self-score spurious: {s['entities']['spurious']} {s['relations']['spurious']}"
        )
    return errs


def load_converter(path: Path) -> Callable[[Doc, Doc], Doc]:
    spec = importlib.util.spec_from_file_location("gold_as_prediction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn: Callable[[Doc, Doc], Doc] = module.convert
    return fn


CONVERT = load_converter(HERE / "gold_as_prediction.py")


def load_scorer(path: Path) -> Callable[[Doc, Doc], Doc]:
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load scorer from {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn: Callable[[Doc, Doc], Doc] = module.score_article
    return fn


def counts(gold: Doc) -> str:
    """'entities (required) | relations (required) | ALIAS_OF' as in the dev INDEX table."""
    ents = gold["entities"]
    rels = [r for r in gold["relations"] if r["type"] != "ALIAS_OF"]
    req_e = sum(not e.get("optional") for e in ents)
    req_r = sum(not r.get("optional") for r in rels)
    aliases = len(gold["relations"]) - len(rels)
    return f"{len(ents)} ({req_e}) | {len(rels)} ({req_r}) | {aliases}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--ontology", type=Path, default=DEFAULT_ONTOLOGY)
    ap.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    ap.add_argument("--words", type=int, nargs=2, default=(120, 550), metavar=("MIN", "MAX"))
    a = ap.parse_args()
    voc, score = load_vocabulary(a.ontology), load_scorer(a.scorer)
    failed = 0
    for gpath in sorted((a.corpus / "gold").glob("*.json")):
        name = gpath.stem
        art = json.loads((a.corpus / "articles" / gpath.name).read_text(encoding="utf-8"))
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        text = str(art.get("text", ""))
        errs = check_article(name, art, tuple(a.words))
        errs += [] if gold.get("article") == name else ["gold 'article' != file name"]
        errs += [] if gold.get("notes") else ["gold has no notes"]
        ent_errs, warns = check_entities(gold, text, voc)
        errs += ent_errs + check_relations(gold, text, voc) + check_self_score(gold, score, art)
        failed += bool(errs)
        words = len(text.split())
        print(f"{'FAIL' if errs else 'ok  '} {name}: {words} words | {counts(gold)}")
        for msg in errs:
            print(f"     error: {msg}")
        for msg in warns:
            print(f"     warning: {msg}")
    print(f"{failed} file(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
