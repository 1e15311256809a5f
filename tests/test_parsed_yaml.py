"""graph/parsed_yaml.py: a YAML document read through a JSON copy in the cache dir."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from graph.ontology import ONTOLOGY_FILE, get_ontology, parse_ontology
from graph.parsed_yaml import load_yaml


def test_the_copy_is_read_back_and_an_edit_parses_the_file_again(tmp_path: Path) -> None:
    source, cache = tmp_path / "doc.yaml", tmp_path / "cache"
    source.write_text("a: [1, two]\nb: {c: 3.5}\n")
    assert load_yaml(source, cache) == {"a": [1, "two"], "b": {"c": 3.5}}
    (copy,) = cache.glob("yaml-doc-*.json")
    copy.write_text('{"a": "from the copy"}')  # (proves the second read uses it)
    assert load_yaml(source, cache) == {"a": "from the copy"}
    source.write_text("a: edited\n")
    assert load_yaml(source, cache) == {"a": "edited"}
    assert len(list(cache.glob("yaml-doc-*.json"))) == 1  # the stale copy is gone


def test_a_corrupt_copy_or_an_unwritable_folder_only_costs_a_parse(tmp_path: Path) -> None:
    source, cache = tmp_path / "doc.yaml", tmp_path / "cache"
    source.write_text("k: v\n")
    load_yaml(source, cache)
    (copy,) = cache.glob("yaml-doc-*.json")
    copy.write_bytes(b"\xff{ not json")
    assert load_yaml(source, cache) == {"k": "v"}
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    assert load_yaml(source, blocked) == {"k": "v"}


def test_what_json_would_not_give_back_is_never_stored(tmp_path: Path) -> None:
    source, cache = tmp_path / "doc.yaml", tmp_path / "cache"
    source.write_text("when: 2024-05-01\n1: one\n")
    assert load_yaml(source, cache) == {"when": dt.date(2024, 5, 1), 1: "one"}
    assert not list(cache.glob("*.json"))


def test_malformed_yaml_raises_yamls_error(tmp_path: Path) -> None:
    source = tmp_path / "bad.yaml"
    source.write_text("a: [unclosed\n")
    with pytest.raises(yaml.YAMLError):
        load_yaml(source, tmp_path / "cache")


def test_the_shipped_ontology_reads_the_same_through_the_copy(tmp_path: Path) -> None:
    with ONTOLOGY_FILE.open(encoding="utf-8") as fh:
        direct = yaml.safe_load(fh)
    assert load_yaml(ONTOLOGY_FILE, tmp_path) == direct  # parsed, stored
    assert load_yaml(ONTOLOGY_FILE, tmp_path) == direct  # read from the copy
    assert parse_ontology(load_yaml(ONTOLOGY_FILE, tmp_path)) == get_ontology()
