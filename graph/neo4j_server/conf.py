"""The configuration of the project's own Neo4j server: `neo4j.conf`, JVM flags, first password.

Neo4j validates `neo4j.conf` strictly (an unknown key stops the server), so only keys
that Neo4j 5.26 declares are written here.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from graph.errors import ServerError
from graph.neo4j_server.jars import classpath
from graph.presentation.grass import post_connect_command
from graph.settings import Settings

LOOPBACK = "127.0.0.1"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"

# What the distribution's `neo4j.conf` passes as `server.jvm.additional`, less the
# pre-touch of the whole heap (slow to start, wasteful on a shared 2-core dev box).
_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
)


def java_error(done: subprocess.CompletedProcess[str]) -> str:
    """The gist of a failed Java tool's output: its messages without the stack frames."""
    lines = (done.stdout + done.stderr).strip().splitlines()
    gist = [line for line in lines if not line.lstrip().startswith(("at ", "..."))]
    return "\n".join(gist[:10]) or f"exit status {done.returncode}"


def conf_dir(home: Path) -> Path:
    """The folder holding `neo4j.conf` (passed to Neo4j as `--config-dir`)."""
    return home / "conf"


def guide_url(settings: Settings) -> str:
    """Where the API serves the Neo4j Browser guide (graph/named/browser_guide.py).

    By the host name `localhost`: the Browser fetches remote guides only from hosts on
    its `browser.remote_content_hostname_allowlist`, whose default holds `localhost`.
    """
    return f"http://localhost:{settings.port}/neo4j/guide.html"


def browser_greeting(settings: Settings) -> str:
    """The `browser.post_connect_cmd` value: style, clear, then open the project's guide.

    Neo4j Browser runs these in order as it connects. `:style` always adds a frame that
    shows the whole stylesheet; `:clear` removes it (with the connection frames) before
    `:play` adds the guide, so a user is greeted by this graph's guide, already styled,
    not by a wall of style rules. When the API is not running the guide's frame says it
    could not be fetched; the style is applied all the same.
    """
    return f"{post_connect_command()}; clear; play {guide_url(settings)}"


def render_conf(settings: Settings) -> str:
    """The full `neo4j.conf` text for these settings: loopback only, auth on, no phoning home."""
    home = settings.neo4j_home
    bolt, http = settings.neo4j_bolt_port, settings.neo4j_http_port
    lines = [
        "# Written by `cryptoreg neo4j start` on every start; edit graph/settings.py or the",
        "# NEO4J_* environment variables instead of this file.",
        f"server.directories.data={home / 'data'}",
        f"server.directories.logs={home / 'logs'}",
        f"server.directories.run={home / 'run'}",
        f"server.directories.import={home / 'import'}",
        f"server.default_listen_address={LOOPBACK}",
        f"server.default_advertised_address={LOOPBACK}",
        "server.bolt.enabled=true",
        f"server.bolt.listen_address={LOOPBACK}:{bolt}",
        f"server.bolt.advertised_address={LOOPBACK}:{bolt}",
        "server.http.enabled=true",
        f"server.http.listen_address={LOOPBACK}:{http}",
        f"server.http.advertised_address={LOOPBACK}:{http}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        "client.allow_telemetry=false",
        # Neo4j Browser applies cryptoreg's style (graph/presentation/grass.py) when it
        # connects, clears its stream and opens the project's guide (see browser_greeting).
        f"browser.post_connect_cmd={browser_greeting(settings)}",
        f"server.memory.heap.initial_size={settings.neo4j_heap}",
        f"server.memory.heap.max_size={settings.neo4j_heap}",
        f"server.memory.pagecache.size={settings.neo4j_pagecache}",
        "db.tx_log.rotation.retention_policy=2 files",
        "db.tx_log.preallocate=false",  # else 256 MiB per database up front
        # While a request runs the server sends a keep-alive every second and tells the
        # driver (the connection.recv_timeout_seconds hint: interval x probes) to give up
        # after 3 s of silence: a frozen or cut-off server is noticed in 3 s, not 120 s,
        # and a slow query is never cut (the keep-alives keep coming).
        "server.bolt.connection_keep_alive=1s",
        "server.bolt.connection_keep_alive_probes=3",
        "server.bolt.connection_keep_alive_for_requests=ALL",
        "server.bolt.connection_keep_alive_streaming_scheduling_interval=1s",
        # Bolt's thread pool otherwise waits 5 s twice on shutdown; a dev server need not.
        "internal.server.bolt.connection_shutdown_wait_time=1s",
        "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
    ]
    return "\n".join(lines) + "\n"


def write_conf(settings: Settings) -> Path:
    """Write `neo4j.conf` and create the folders it names; returns the config folder."""
    home = settings.neo4j_home
    for sub in ("conf", "data", "logs", "run", "import"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (conf_dir(home) / "neo4j.conf").write_text(render_conf(settings))
    return conf_dir(home)


def jvm_command(java: str, settings: Settings) -> list[str]:
    """The command line that runs the Community server in the foreground of its own process."""
    home = settings.neo4j_home
    heap = settings.neo4j_heap
    return [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *_JVM_FLAGS,
        "-cp",
        classpath(home),
        "org.neo4j.server.CommunityEntryPoint",
        f"--home-dir={home}",
        f"--config-dir={conf_dir(home)}",
        "--console-mode",
    ]


def auth_initialised(home: Path) -> bool:
    """True once the system database exists, after which an initial password no longer applies."""
    return (home / "data" / "databases" / "system").is_dir()


def set_initial_password(java: str, settings: Settings) -> None:
    """Run `neo4j-admin dbms set-initial-password` from the same jars, before the first start.

    The admin tool writes `data/dbms/auth.ini`, which the server reads once when it
    creates the system database; afterwards the password lives in that database.
    """
    home = settings.neo4j_home
    cmd = [java, *_JVM_FLAGS, "-cp", classpath(home), ADMIN_TOOL]
    # "--" ends the options: a password may begin with "-" (token_urlsafe gives one in 32).
    cmd += ["dbms", "set-initial-password", "--", settings.neo4j_password]
    env = {"NEO4J_HOME": str(home), "NEO4J_CONF": str(conf_dir(home))}
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=300, env=env, stdin=subprocess.DEVNULL
    )
    if done.returncode != 0:
        raise ServerError("setting the initial Neo4j password failed:\n" + java_error(done))
