"""What the browser tests share: Debian's chromium under Playwright, and a live API server.

Playwright never downloads a browser here: it drives /usr/bin/chromium (install it with
`make browser-deps`). A missing chromium FAILS the tests; only CRYPTOREG_SKIP_BROWSER=1
(Settings.skip_browser) turns them into skips, by the developer's choice.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, Playwright

from graph.settings import PROJECT_ROOT, Settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = PROJECT_ROOT / "artifacts"
SERVER_START_S = 30.0


def require_chromium(settings: Settings) -> None:
    """Skip when the developer opted out; fail, saying how to fix it, when chromium is absent."""
    if settings.skip_browser:
        pytest.skip("CRYPTOREG_SKIP_BROWSER=1: browser tests skipped by the developer's choice")
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: run `make browser-deps` (Debian's chromium), or set "
            "CRYPTOREG_SKIP_BROWSER=1 to skip the browser tests deliberately"
        )


def launch_chromium(playwright: Playwright) -> Browser:
    """Headless Debian chromium, with no background traffic of its own."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def screenshot_path(name: str) -> Path:
    """Where a test leaves a picture for people to look at (artifacts/ is git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextmanager
def serve(app: FastAPI, port: int | None = None) -> Iterator[str]:
    """Run `app` under uvicorn on `port` (else a free loopback port) in a thread; yields
    its base URL."""
    port = port or free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"uvicorn-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + SERVER_START_S
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError(f"uvicorn did not start on 127.0.0.1:{port}")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
