"""Run the API under uvicorn, one process or several, without Nagle's delay.

With `--workers N` (N > 1) uvicorn binds the listening socket itself and hands it to
its worker processes, but it creates that socket with `proto` 0 (uvicorn 0.54's
`Config.bind_socket`; upstream Kludex/uvicorn#3149). Accepted connections inherit it,
and asyncio turns `TCP_NODELAY` on only for sockets that say `IPPROTO_TCP`, so every
answer after the first on a kept-alive connection waited for the client's delayed ACK:
about 44 ms per request on Linux instead of about 1 ms. `tcp_listener` re-wraps the
bound socket's descriptor as TCP, and `serve` runs uvicorn's own supervisor with it.
"""

from __future__ import annotations

import socket

import uvicorn
from uvicorn.supervisors import Multiprocess


def tcp_listener(config: uvicorn.Config) -> socket.socket:
    """The socket uvicorn binds for `config`, telling asyncio it is TCP (a Unix socket,
    `--uds`, is returned as it is)."""
    sock = config.bind_socket()
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto:
        return sock
    tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    tcp.set_inheritable(True)
    return tcp


def serve(app: str, *, host: str, port: int, workers: int, quiet: bool = False) -> None:
    """Serve the app factory named `app` ("module:function"), as `uvicorn.run` would;
    `quiet`: warnings only, no access log (the benchmarks' servers)."""
    level, access_log = ("warning", False) if quiet else (None, True)
    if workers == 1:  # asyncio binds the socket itself, as TCP
        uvicorn.run(app, factory=True, host=host, port=port, log_level=level, access_log=access_log)
        return
    config = uvicorn.Config(
        app,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=level,
        access_log=access_log,
    )
    Multiprocess(config, sockets=[tcp_listener(config)]).run()
