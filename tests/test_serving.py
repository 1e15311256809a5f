"""`cryptoreg serve --workers N`: the listening socket uvicorn binds for its workers
must say TCP, or asyncio leaves Nagle's algorithm on for every accepted connection and
each kept-alive answer waits for the client's delayed ACK (api/serving.py)."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.serving import tcp_listener

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _nodelay_of_accepted(listener: socket.socket) -> int:
    """TCP_NODELAY of a connection asyncio accepts on `listener`, as a worker would."""
    seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    class Report(asyncio.Protocol):
        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            sock = transport.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            transport.close()

    listener.listen()
    server = await asyncio.get_running_loop().create_server(Report, sock=listener)
    async with server:
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            return await asyncio.wait_for(seen, 10)
        finally:
            writer.close()


def test_connections_accepted_on_the_workers_socket_have_nodelay() -> None:
    config = uvicorn.Config("api.app:create_app", host="127.0.0.1", port=_free_port(), workers=2)
    listener = tcp_listener(config)
    assert listener.proto == socket.IPPROTO_TCP
    assert listener.get_inheritable()
    assert asyncio.run(_nodelay_of_accepted(listener)) != 0


def test_serve_with_two_workers_answers(tmp_path: Path) -> None:
    """The whole command: two workers on the embedded store answer on kept-alive
    connections."""
    port = _free_port()
    env = {
        **os.environ,
        "CRYPTOREG_STORE": "embedded",
        "CRYPTOREG_DATA_DIR": str(tmp_path),
    }
    cmd = [sys.executable, "-m", "api.cli", "serve", "--host", "127.0.0.1"]
    proc = subprocess.Popen(
        [*cmd, "--port", str(port), "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            while True:
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    err = proc.stderr.read().decode() if proc.stderr else ""
                    pytest.fail(f"the server did not start: {err[-2000:]}")
                time.sleep(0.2)
            for _ in range(5):
                assert client.get("/ping").status_code == 200
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=30)
