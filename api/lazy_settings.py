"""`get_settings()` for the command line, importing graph/settings.py at its first call.

Building `Settings` imports pydantic-settings (with asyncio and dotenv, ~45 ms of CPU);
`cryptoreg extract FILE` with nothing configured needs none of it (graph/environment.py).
The commands call this name, which tests may replace in their module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from graph.settings import Settings

__all__ = ["get_settings"]


def get_settings() -> Settings:
    """`graph.settings.get_settings()`: the process-wide settings, read once."""
    from graph import settings

    return settings.get_settings()
