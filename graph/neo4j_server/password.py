"""The generated password of the project's own Neo4j server, kept beside its data.

`cryptoreg neo4j start` makes one on the first start unless a password is configured
(`CRYPTOREG_NEO4J_PASSWORD` or `NEO4J_PASSWORD`) and writes it to
`<neo4j_home>/data/cryptoreg-neo4j-password` (mode 0600). It lives in the data folder
because the server fixes its password when that folder is created: deleting the folder
resets both. Settings read it back (graph/settings.py), so every command and the test
suite use it without being told.

This module imports nothing of the project: graph/settings.py imports it.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PASSWORD_FILE = "cryptoreg-neo4j-password"
# The public default of earlier versions; a data folder created with it and without a
# password file still has it, until `cryptoreg neo4j start` replaces it (server.py).
LEGACY_PASSWORD = "cryptoreg-local"


def password_file(home: Path) -> Path:
    """Where the generated password of the server under `home` is kept."""
    return home / "data" / PASSWORD_FILE


def system_database_exists(home: Path) -> bool:
    """True once the server created its system database (and with it, its password)."""
    return (home / "data" / "databases" / "system").is_dir()


def read_stored(home: Path) -> str | None:
    """The stored password, or None when there is none (or it cannot be read)."""
    try:
        value = password_file(home).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return value or None


def generate() -> str:
    """A fresh random password (32 URL-safe characters, ~190 bits)."""
    return secrets.token_urlsafe(24)


def store_password(home: Path, password: str) -> Path:
    """Write `password` to the password file, readable by its owner only (0600).

    The file is created with mode 0600 before anything is written (never a moment
    with wider rights), then replaced atomically.
    """
    path = password_file(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = path.with_name(path.name + ".tmp")
    scratch.unlink(missing_ok=True)
    fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(password + "\n")
    os.chmod(scratch, 0o600)  # whatever the umask did
    scratch.replace(path)
    return path
