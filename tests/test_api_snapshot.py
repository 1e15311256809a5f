"""The API answers exactly as recorded in tests/data/api_snapshot.json (see tests/api_snapshot.py).

A difference means a user-visible change: when it is intended, re-record with
`python tests/api_snapshot.py` and review the diff of the JSON file.
"""

from __future__ import annotations

import json
from pathlib import Path

from api_snapshot import SNAPSHOT_FILE, covered_routes, snapshot_responses

from api.app import create_app


def test_every_route_of_openapi_is_recorded() -> None:
    schema = create_app().openapi()
    routes = {(m.upper(), p) for p, ops in schema["paths"].items() for m in ops}
    assert routes - covered_routes() == set()


def test_answers_match_the_recorded_snapshot(tmp_path: Path) -> None:
    recorded = json.loads(SNAPSHOT_FILE.read_text(encoding="utf-8"))
    answers = json.loads(json.dumps(snapshot_responses(tmp_path / "data")))
    assert sorted(answers) == sorted(recorded)
    for key, answer in answers.items():
        assert answer == recorded[key], f"{key} answers differently from the snapshot"
