"""Start, stop and inspect the project's own Neo4j 5.26 Community server.

The server is the real one from Maven Central's jars (see `graph/neo4j_server/jars.py`), run as a
detached JVM under `<neo4j_home>` with a pid file. Only loopback is bound and authentication
is on. Every step that can fail raises `ServerError` with what to do about it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from graph.errors import ServerError
from graph.neo4j_server.conf import (
    LOOPBACK,
    auth_initialised,
    jvm_command,
    set_initial_password,
    write_conf,
)
from graph.neo4j_server.jars import ensure_jars, pinned_versions
from graph.neo4j_server.password import generate, store_password
from graph.settings import Settings

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0
PID_NAME = "cryptoreg-neo4j.pid"


def browser_url(settings: Settings) -> str:
    """Where Neo4j Browser is served."""
    return f"http://{LOOPBACK}:{settings.neo4j_http_port}/browser/"


def bolt_url(settings: Settings) -> str:
    """The Bolt address the server listens on."""
    return f"bolt://{LOOPBACK}:{settings.neo4j_bolt_port}"


def _pid_file(settings: Settings) -> Path:
    return settings.neo4j_home / "run" / PID_NAME


def _is_our_server(pid: int, settings: Settings) -> bool:
    """True if `pid` is alive and is this home's Neo4j JVM (never a recycled pid)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    home_arg = f"--home-dir={settings.neo4j_home}".encode()
    return ENTRY_POINT.encode() in cmdline and home_arg in cmdline


def running_pid(settings: Settings) -> int | None:
    """The pid of this home's running server, or None (a stale pid file is ignored)."""
    try:
        pid = int(_pid_file(settings).read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _is_our_server(pid, settings) else None


@contextlib.contextmanager
def _lock(settings: Settings) -> Iterator[None]:
    """Serialise start and stop across processes (two `make test` runs at once, say)."""
    run = settings.neo4j_home / "run"
    run.mkdir(parents=True, exist_ok=True)
    with (run / "cryptoreg-neo4j.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _check_port_free(port: int, what: str, setting: str) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((LOOPBACK, port))
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            raise ServerError(
                f"port {port} ({what}) is already in use by another program; stop it, "
                f"or choose another port with {setting}"
            ) from exc


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise ServerError("Java 17 or 21 (`java`) is not on PATH; Neo4j 5.26 needs it")
    return java


def _log_tail(settings: Settings, lines: int = 20) -> str:
    path = settings.neo4j_home / "logs" / "console.log"
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no console log)"


def _spawn(java: str, settings: Settings) -> subprocess.Popen[bytes]:
    """Start the JVM detached from this process (own session, no stdin) and record its pid."""
    log = (settings.neo4j_home / "logs" / "console.log").open("ab")
    with log:
        proc = subprocess.Popen(
            jvm_command(java, settings),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=settings.neo4j_home,
        )
    _pid_file(settings).write_text(f"{proc.pid}\n")
    return proc


def _http_ready(settings: Settings) -> bool:
    try:
        with urllib.request.urlopen(browser_url(settings), timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def _wait_ready(alive: Callable[[], bool], settings: Settings) -> None:
    """Block until Bolt accepts our credentials and the Browser answers, or raise.

    `alive` tells whether the JVM still runs: `Popen.poll` for a child we just spawned
    (its /proc cmdline can read empty for a moment while the launcher execs), the pid
    file's process otherwise.
    """
    deadline = time.monotonic() + START_TIMEOUT_S
    auth = (settings.neo4j_user, settings.neo4j_password)
    with GraphDatabase.driver(bolt_url(settings), auth=auth, connection_timeout=2) as driver:
        while True:
            if not alive():
                raise ServerError("Neo4j exited while starting:\n" + _log_tail(settings))
            try:
                driver.verify_connectivity()
                if _http_ready(settings):
                    return
            except AuthError as exc:
                raise ServerError(
                    f"Neo4j is up but rejects the password ({password_source(settings)}): the "
                    f"password was fixed when {settings.neo4j_home / 'data'} was created; use "
                    "that one, or stop the server and delete that folder to start afresh"
                ) from exc
            except (Neo4jError, DriverError, OSError):
                pass  # not up yet: refused, or databases still starting
            if time.monotonic() > deadline:
                raise ServerError(
                    f"Neo4j did not answer within {START_TIMEOUT_S:.0f} s:\n" + _log_tail(settings)
                )
            time.sleep(0.2)


def _terminate(pid: int, settings: Settings) -> str:
    """SIGTERM, wait for a clean shutdown, then SIGKILL; says which it took."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while time.monotonic() < deadline:
        if not _is_our_server(pid, settings):
            return "stopped cleanly"
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    for _ in range(50):
        if not _is_our_server(pid, settings):
            break
        time.sleep(0.1)
    return f"killed after {STOP_TIMEOUT_S:.0f} s without a clean shutdown"


def password_source(settings: Settings) -> str:
    """Where the password comes from, for people: never the password itself."""
    origin = settings.neo4j_password_origin
    if origin == "setting":
        return "from CRYPTOREG_NEO4J_PASSWORD / NEO4J_PASSWORD"
    if origin == "stored":
        return f"generated, in {settings.neo4j_password_file}"
    if origin == "legacy":
        return (
            "the old public default; the next `cryptoreg neo4j start` of a stopped server "
            f"replaces it with a generated one, kept in {settings.neo4j_password_file}"
        )
    return f"none yet: `cryptoreg neo4j start` generates one into {settings.neo4j_password_file}"


def _describe(pid: int, settings: Settings, state: str) -> str:
    version = pinned_versions().neo4j
    return (
        f"Neo4j {version} Community {state} (pid {pid})\n"
        f"  Bolt:     {bolt_url(settings)}  (user {settings.neo4j_user})\n"
        f"  Password: {password_source(settings)}\n"
        f"  Browser:  {browser_url(settings)}"
    )


def _with_password(settings: Settings, password: str) -> Settings:
    """`settings` with this password, read back as stored (the password file now has it)."""
    fresh = settings.model_copy(update={"neo4j_password": password})
    fresh._neo4j_password_origin = "stored"
    return fresh


def ensure_password(settings: Settings) -> Settings:
    """Before the first start: the configured password, or a generated one, now stored."""
    if settings.neo4j_password_origin in ("setting", "stored"):
        return settings
    password = generate()
    store_password(settings.neo4j_home, password)
    return _with_password(settings, password)


def _replace_legacy_password(settings: Settings) -> Settings:
    """A server made with the old public default gets a generated password, stored first.

    Written to the file before the server changes it, so a crash in between leaves the
    new password on disk and the old one on the server: the next start, reading the
    file, is told clearly that the server rejects it (and the old default still works).
    """
    if settings.neo4j_password_origin != "legacy":
        return settings
    password = generate()
    auth = (settings.neo4j_user, settings.neo4j_password)
    with GraphDatabase.driver(bolt_url(settings), auth=auth, connection_timeout=5) as driver:
        store_password(settings.neo4j_home, password)
        driver.execute_query(
            "ALTER CURRENT USER SET PASSWORD FROM $old TO $new",
            old=settings.neo4j_password,
            new=password,
            database_="system",
        )
    return _with_password(settings, password)


def start(settings: Settings) -> str:
    """Bring the server up (fetching jars and setting the password the first time) and wait.

    Harmless when already running. A server that fails to come up is stopped again, so
    a failed start never leaves a half-started JVM behind.
    """
    with _lock(settings):
        pid = running_pid(settings)
        if pid is not None:
            running = pid
            _wait_ready(lambda: _is_our_server(running, settings), settings)
            return _describe(pid, settings, "already running")
        _check_port_free(settings.neo4j_bolt_port, "Neo4j Bolt", "NEO4J_BOLT_PORT")
        _check_port_free(settings.neo4j_http_port, "Neo4j HTTP", "NEO4J_HTTP_PORT")
        java = _java()
        ensure_jars(settings.neo4j_home)
        write_conf(settings)
        if not auth_initialised(settings.neo4j_home):
            settings = ensure_password(settings)
            set_initial_password(java, settings)
        began = time.monotonic()
        proc = _spawn(java, settings)
        try:
            _wait_ready(lambda: proc.poll() is None, settings)
            settings = _replace_legacy_password(settings)
        except BaseException:
            _terminate(proc.pid, settings)
            _pid_file(settings).unlink(missing_ok=True)
            raise
        took = time.monotonic() - began
        return _describe(proc.pid, settings, f"started in {took:.1f} s")


def stop(settings: Settings) -> str:
    """Shut the server down cleanly (SIGTERM, then SIGKILL after a minute); harmless if down."""
    with _lock(settings):
        pid = running_pid(settings)
        if pid is None:
            _pid_file(settings).unlink(missing_ok=True)
            return "Neo4j is not running"
        began = time.monotonic()
        how = _terminate(pid, settings)
        _pid_file(settings).unlink(missing_ok=True)
        return f"Neo4j (pid {pid}) {how} in {time.monotonic() - began:.1f} s"


def status(settings: Settings) -> tuple[bool, str]:
    """Whether this home's server is running and answering on its Bolt port, and a message."""
    pid = running_pid(settings)
    if pid is None:
        return False, f"Neo4j is not running\n  Password: {password_source(settings)}"
    try:
        socket.create_connection((LOOPBACK, settings.neo4j_bolt_port), timeout=2).close()
    except OSError:
        return False, f"Neo4j (pid {pid}) is starting: Bolt does not answer yet"
    return True, _describe(pid, settings, "running")
