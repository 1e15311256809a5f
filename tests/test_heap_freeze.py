"""The API freezes its start-up heap once per process (api/heap_freeze.py), so full
collections no longer walk it. Run in a child process: freezing is per process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import gc, os, sys, tempfile
os.environ["CRYPTOREG_STORE"] = "embedded"
os.environ["CRYPTOREG_DATA_DIR"] = tempfile.mkdtemp()
from fastapi.testclient import TestClient
from api.app import create_app
from api.heap_freeze import freeze_start_up_heap
assert gc.get_freeze_count() == 0
with TestClient(create_app(), base_url="http://127.0.0.1") as client:
    assert client.get("/ping").status_code == 200
    frozen = gc.get_freeze_count()
    assert frozen > 10_000, frozen  # the modules, settings and store loaded at start
with TestClient(create_app(), base_url="http://127.0.0.1") as client:
    assert client.get("/ping").status_code == 200
assert gc.get_freeze_count() <= frozen  # a second app freezes nothing more
assert freeze_start_up_heap() is False
print("ok")
"""


def test_the_start_up_heap_is_frozen_once_per_process() -> None:
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", CHILD],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().endswith("ok")
