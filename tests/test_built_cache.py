"""The on-disk cache of built extraction data (ingest/extraction/built_cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

from ingest.extraction.built_cache import content_key, load_or_build


class Builder:
    """Counts how often the value had to be built."""

    def __init__(self, value: frozenset[str]) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> frozenset[str]:
        self.calls += 1
        return self.value


def test_a_second_load_reads_the_stored_value_without_building(tmp_path: Path) -> None:
    build = Builder(frozenset({"ada", "grace"}))
    first = load_or_build("names", "k1", build, frozenset, cache_dir=tmp_path)
    second = load_or_build("names", "k1", Builder(frozenset()), frozenset, cache_dir=tmp_path)
    assert first == second == frozenset({"ada", "grace"})
    assert build.calls == 1


def test_a_new_key_rebuilds_and_replaces_the_stale_file(tmp_path: Path) -> None:
    load_or_build("names", "old", Builder(frozenset({"a"})), frozenset, cache_dir=tmp_path)
    fresh = load_or_build("names", "new", Builder(frozenset({"b"})), frozenset, cache_dir=tmp_path)
    assert fresh == frozenset({"b"})
    assert [p.name for p in tmp_path.glob("names-*.pickle")] == ["names-new.pickle"]


def test_a_corrupt_or_foreign_file_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "names-k.pickle").write_bytes(b"not a pickle")
    build = Builder(frozenset({"x"}))
    assert load_or_build("names", "k", build, frozenset, cache_dir=tmp_path) == {"x"}
    assert build.calls == 1
    # a stored object of another type is not trusted either
    load_or_build("other", "k", lambda: ["a list"], list, cache_dir=tmp_path)
    (tmp_path / "names-k.pickle").write_bytes((tmp_path / "other-k.pickle").read_bytes())
    assert load_or_build("names", "k", build, frozenset, cache_dir=tmp_path) == {"x"}
    assert build.calls == 2


def test_no_key_or_an_unwritable_folder_only_costs_a_build(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    build = Builder(frozenset({"y"}))
    assert load_or_build("names", "k", build, frozenset, cache_dir=blocked) == {"y"}
    assert load_or_build("names", None, build, frozenset, cache_dir=tmp_path) == {"y"}
    assert build.calls == 2 and not list(tmp_path.glob("*.pickle"))


def test_the_key_follows_the_files_bytes_and_an_unreadable_file_gives_none(
    tmp_path: Path,
) -> None:
    source = tmp_path / "data.txt"
    source.write_text("one")
    before = content_key("salt", [source])
    source.write_text("two")
    assert content_key("salt", [source]) not in (before, None)
    assert content_key("other salt", [source]) != content_key("salt", [source])
    assert content_key("salt", [tmp_path / "missing.txt"]) is None


def test_an_installed_file_is_keyed_by_its_stat_and_a_missing_one_gives_none(
    tmp_path: Path,
) -> None:
    data = tmp_path / "nam_dict.txt"
    data.write_text("anna")
    before = content_key("salt", [], installed=[data])
    assert before is not None and content_key("salt", [], installed=[data]) == before
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))  # a reinstall: a new modification time
    assert content_key("salt", [], installed=[data]) not in (before, None)
    again = content_key("salt", [], installed=[data])
    data.write_text("annabel")  # another size
    os.utime(data, ns=(1_000_000_000, 1_000_000_000))
    assert content_key("salt", [], installed=[data]) not in (again, None)
    assert content_key("salt", [], installed=[tmp_path / "missing.txt"]) is None
