"""The jars of the project's own Neo4j server, fetched once from Maven Central.

`graph/neo4j_server/pom.xml` names the versions; `mvn dependency:copy-dependencies` copies them
into `<neo4j_home>/lib`. A stamp holding the pom's hash makes later starts skip Maven
entirely, and a changed pom fetches again.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from graph.errors import ServerError

POM_PATH = Path(__file__).with_name("pom.xml")
STAMP_NAME = ".pom.sha256"
MVN_TIMEOUT_S = 1200
_POM_NS = {"m": "http://maven.apache.org/POM/4.0.0"}


@dataclass(frozen=True)
class Versions:
    """The Neo4j and Neo4j Browser versions the pom pins."""

    neo4j: str
    browser: str


def pinned_versions(pom: Path = POM_PATH) -> Versions:
    """Read the pinned versions from the pom's properties, the single place they are named."""
    props = ET.parse(pom).getroot().find("m:properties", _POM_NS)
    if props is None:
        raise ServerError(f"{pom} has no <properties>")

    def prop(name: str) -> str:
        node = props.find(f"m:{name}", _POM_NS)
        if node is None or not (node.text or "").strip():
            raise ServerError(f"{pom} does not set <{name}>")
        return (node.text or "").strip()

    return Versions(neo4j=prop("neo4j.version"), browser=prop("neo4j-browser.version"))


def lib_dir(home: Path) -> Path:
    """Where the jars live: `<neo4j_home>/lib`, Neo4j's own default lib directory."""
    return home / "lib"


def classpath(home: Path) -> str:
    """The JVM classpath for the fetched jars (a wildcard the JVM expands)."""
    return str(lib_dir(home) / "*")


def _pom_hash(pom: Path) -> str:
    return hashlib.sha256(pom.read_bytes()).hexdigest()


def jars_current(home: Path, pom: Path = POM_PATH) -> bool:
    """True when `lib` holds the jars of exactly this pom (so no Maven run is needed)."""
    stamp = lib_dir(home) / STAMP_NAME
    return stamp.is_file() and stamp.read_text().strip() == _pom_hash(pom)


def ensure_jars(home: Path, pom: Path = POM_PATH) -> bool:
    """Fetch the jars unless they are current; returns whether Maven ran.

    Maven copies into a scratch folder that replaces `lib` only on success, so an
    interrupted fetch never leaves a half-filled `lib` that looks complete.
    """
    if jars_current(home, pom):
        return False
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError("Maven (`mvn`) is not on PATH; install it: apt-get install maven")
    lib = lib_dir(home)
    scratch = home / "lib.partial"
    shutil.rmtree(scratch, ignore_errors=True)
    home.mkdir(parents=True, exist_ok=True)
    cmd = [mvn, "-q", "-B", "-f", str(pom), "dependency:copy-dependencies"]
    cmd += [f"-DoutputDirectory={scratch}", "-DincludeScope=runtime"]
    try:
        done = subprocess.run(
            cmd, capture_output=True, text=True, timeout=MVN_TIMEOUT_S, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired as exc:
        raise ServerError(f"fetching the Neo4j jars took over {MVN_TIMEOUT_S} s") from exc
    if done.returncode != 0 or not any(scratch.glob("*.jar")):
        tail = (done.stdout + done.stderr).strip().splitlines()[-15:]
        raise ServerError("fetching the Neo4j jars with Maven failed:\n" + "\n".join(tail))
    (scratch / STAMP_NAME).write_text(_pom_hash(pom) + "\n")
    shutil.rmtree(lib, ignore_errors=True)
    scratch.rename(lib)
    return True
