"""What every command shares: exit codes, the usage error, JSON and table output.

rich is imported only inside the functions that print a table.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

__all__ = [
    "EXIT_API",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "EXIT_USAGE",
    "UsageError",
    "console",
    "error",
    "one_line",
    "print_json",
    "table",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_API = 0, 1, 2, 3


class UsageError(Exception):
    """A user error reported as one line with exit code 2."""


def one_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines) if lines else type(exc).__name__


def error(message: str) -> None:
    print(f"llmswitch: error: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON (dates as ISO strings)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, Path)):
        return str(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, width=None if stream.isatty() else 160, highlight=False)


def table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    out = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        out.add_column(column, overflow="fold")
    for row in rows:
        out.add_row(*(_fmt(v) for v in row))
    console().print(out)


def _fmt(value: Any) -> str:
    if value is None:
        return "[dim]unknown[/dim]"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and value >= 10_000:
        return f"{value:,}"
    from rich.markup import escape

    return escape(str(value))
