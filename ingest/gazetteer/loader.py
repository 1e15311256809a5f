"""Read `*.yaml` gazetteer files, validate each entry, and build a `Gazetteer`.

Every problem raises `GazetteerError` naming the file and the entry, so a bad edit
to the data fails at start-up with a message a curator can act on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from ingest.gazetteer import cache
from ingest.gazetteer.checks import check_entries
from ingest.gazetteer.countries import country_entries
from ingest.gazetteer.model import Gazetteer, GazetteerEntry
from ingest.gazetteer.schema import EntrySpec, FileSpec, GazetteerError

DATA_DIR = Path(__file__).resolve().parent
# libyaml's C loader parses the shipped data several times faster than the pure-Python one.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _describe(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc']) or 'entry'}: {err['msg']}" for err in exc.errors()
    )


def _parse_yaml(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    except yaml.YAMLError as exc:
        raise GazetteerError(f"{path.name}: not valid YAML: {exc}") from exc


def _parse_all(files: list[Path], cache_dir: Path | None) -> list[Any]:
    """Every file's parsed YAML, from the JSON cache in `cache_dir` when the files are unchanged."""
    if cache_dir is None:
        return [_parse_yaml(path) for path in files]
    key = cache.content_key(files)
    parsed = cache.read(key, cache_dir)
    if parsed is None or len(parsed) != len(files):
        parsed = [_parse_yaml(path) for path in files]
        cache.write(key, parsed, cache_dir)
    return parsed


def _file_spec(name: str, data: Any) -> FileSpec:
    try:
        return FileSpec.model_validate(data)
    except ValidationError as exc:
        raise GazetteerError(f"{name}: {_describe(exc)}") from exc


def _entry_spec(file: str, index: int, raw: dict[str, Any]) -> EntrySpec:
    name = raw.get("name") if isinstance(raw, dict) else None
    try:
        return EntrySpec.model_validate(raw)
    except ValidationError as exc:
        raise GazetteerError(f"{file}: entry {index} {name!r}: {_describe(exc)}") from exc


def read_specs(directory: Path, *, cache_dir: Path | None = None) -> list[tuple[str, EntrySpec]]:
    """(file name, entry) for every entry of every `*.yaml` file in `directory`, sorted by file."""
    files = sorted(directory.glob("*.yaml"))
    if not files:
        raise GazetteerError(f"{directory}: no gazetteer *.yaml files")
    specs = []
    for path, data in zip(files, _parse_all(files, cache_dir), strict=True):
        for index, raw in enumerate(_file_spec(path.name, data).entries):
            specs.append((path.name, _entry_spec(path.name, index, raw)))
    return specs


def build_gazetteer(
    directory: Path, *, with_pycountry: bool = True, cache_dir: Path | None = None
) -> Gazetteer:
    """Load, validate and index the gazetteer in `directory`.

    With a `cache_dir`, a JSON copy of the parsed YAML is reused (see `cache.py`);
    validation and cross-checks run either way.
    """
    specs = read_specs(directory, cache_dir=cache_dir)
    if with_pycountry:
        countries = [(f, s) for f, s in specs if s.iso is not None]
        others = [(f, s) for f, s in specs if s.iso is None]
        specs = country_entries(countries) + others
    # The specs are validated already: construct without validating a second time.
    entries = [GazetteerEntry.model_construct(**dict(spec), file=file) for file, spec in specs]
    gazetteer = Gazetteer(entries)
    check_entries(entries, list(gazetteer.surface_forms()))
    return gazetteer
