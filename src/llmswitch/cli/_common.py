"""What every command shares: exit codes, the usage error, JSON and table output.

rich is imported only inside the functions that print a table.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
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
    "emit",
    "error",
    "one_line",
    "print_json",
    "table",
    "warn",
]

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_API = 0, 1, 2, 3
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class UsageError(Exception):
    """A user error reported as one line with exit code 2."""


def one_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return "; ".join(lines) if lines else type(exc).__name__


def error(message: str) -> None:
    print(f"llmswitch: error: {message}", file=sys.stderr)


def warn(message: str) -> None:
    """One line on stderr: something the user should know, not a failure."""
    print(f"llmswitch: warning: {message}", file=sys.stderr)


def emit(command: str, records: list[dict[str, Any]], **details: Any) -> None:
    """The one JSON shape of every command: ``{"command": ..., <details>, "records": [...]}``.

    ``records`` are the rows of the command's table, one flat object each, numbers as numbers
    (never ``"1,234"``), dates as ``YYYY-MM-DD``, unknown as ``null``; ``details`` are what the
    command says besides its table.
    """
    print_json({"command": command, **details, "records": records})


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON (dates as ISO strings)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=_default))


def _default(value: Any) -> Any:
    if isinstance(value, (dt.date, Path)):
        return str(value)
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def _width(stream: Any) -> int | None:
    """The terminal's width; ``$COLUMNS`` when set; 160 when the output is not a terminal."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return None if stream.isatty() else 160


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:  # rich would exit 1; main() stops quietly with 141
            self.quiet = True
            raise BrokenPipeError

    stream = sys.stderr if stderr else sys.stdout
    return _Console(file=stream, width=_width(stream), highlight=False)


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == []


def table(title: str, columns: list[str], rows: list[list[Any]], *, keep: int = 1) -> None:
    """Print a table. The first ``keep`` columns (names, model ids), numbers and dates never
    wrap; text columns fold. A column with nothing in any row is left out, and when the
    terminal is too narrow for the rest, the last columns are left out (a line says which),
    so a model id is never cut."""
    from rich.table import Table

    shown = [
        i for i, _ in enumerate(columns) if i < keep or not all(_empty(r[i]) for r in rows)
    ]
    solid = {i for i in shown if i < keep or all(_atom(r[i]) for r in rows)}

    def least(i: int) -> int:  # the narrowest a column can be without cutting a value
        if i in solid:  # a header over a column that does not wrap does not wrap either
            return max(len(columns[i]), _longest(rows, i))
        return max(max((len(w) for w in columns[i].split()), default=0), 8)

    con = console()
    width = con.width
    dropped: list[str] = []
    while len(shown) > keep and sum(least(i) + 3 for i in shown) + 1 > width:
        dropped.insert(0, columns[shown.pop()])
    out = Table(title=title, title_justify="left", show_lines=False)
    for i in shown:
        if i in solid:
            right = i >= keep and _numeric(rows, i)
            out.add_column(columns[i], no_wrap=True, min_width=least(i),
                           justify="right" if right else "left")  # fmt: skip
        else:
            out.add_column(columns[i], overflow="fold", min_width=least(i))
    for row in rows:
        out.add_row(*(_fmt(row[i]) for i in shown))
    con.print(out)
    if dropped:
        con.print(f"(no room for: {', '.join(dropped)}; --json has every column)")


def _atom(value: Any) -> bool:
    """A cell that must not wrap: a number, a date, yes/no, or nothing."""
    if _empty(value) or isinstance(value, (int, float, dt.date)):
        return True
    return isinstance(value, str) and bool(_DATE.match(value))


def _numeric(rows: list[list[Any]], index: int) -> bool:
    return any(isinstance(r[index], (int, float)) and not isinstance(r[index], bool) for r in rows)


def _longest(rows: list[list[Any]], index: int) -> int:
    """The widest cell of a column, as shown (markup left out)."""
    return max((len(_plain(r[index])) for r in rows), default=0)


def _plain(value: Any) -> str:
    if value is None:
        return "unknown"
    return _fmt(value)


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
