"""Rich consoles made on first use, and Rich's `escape` imported on first call.

Importing Rich costs a `cryptoreg` process some 25 ms of CPU, and `cryptoreg extract FILE`
(run once per article by the scorer) prints its JSON without it: Rich is loaded only when
a command prints through a console (a table, an error). The console is the one
`Console(**options)` would make at import, built at its first use instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["escape", "lazy_console"]


class _LazyConsole:
    """Stands for `Console(**options)`, which it makes when first asked for an attribute."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        console = self._console
        if console is None:
            from rich.console import Console

            console = self._console = Console(**self._options)
        return getattr(console, name)


def lazy_console(**options: Any) -> Console:
    """A console with Rich's `Console(**options)` behaviour, Rich imported at its first use."""
    return cast("Console", _LazyConsole(**options))


def escape(markup: str) -> str:
    """`rich.markup.escape(markup)`."""
    from rich.markup import escape as rich_escape

    return rich_escape(markup)
