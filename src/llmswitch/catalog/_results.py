"""Result lists for notebooks: a list with ``to_pandas()`` and an HTML repr that needs no pandas."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ResultList"]


class _HasRow(Protocol):
    def row(self, on: dt.date | None = None) -> dict[str, Any]: ...


T = TypeVar("T", bound=_HasRow)


class ResultList(list[T], Generic[T]):
    """A list of catalog records that renders as a table.

    Rows come from each record's ``row()`` (offers and models take the query date into account).
    """

    def __init__(self, items: Iterable[T] = (), *, on: dt.date | None = None) -> None:
        super().__init__(items)
        self.on = on

    def rows(self) -> list[dict[str, Any]]:
        """One flat dict per record."""
        return [item.row(self.on) for item in self]

    def to_pandas(self) -> pd.DataFrame:
        """A :class:`pandas.DataFrame`, one row per record (pandas is imported here only).

        >>> load_catalog().models(provider="qwen").to_pandas()  # doctest: +SKIP
        """
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise ImportError(
                "to_pandas() needs pandas: pip install 'llmswitch[notebook]'"
            ) from exc
        return pd.DataFrame(self.rows()).convert_dtypes()

    def _repr_html_(self) -> str:
        rows = self.rows()
        if not rows:
            return "<p><em>(no results)</em></p>"
        columns = list(rows[0])
        head = "".join(f"<th>{html.escape(str(c))}</th>" for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in columns) + "</tr>"
            for row in rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None:
        return "<em>unknown</em>"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10_000:
        return f"{value:,}"
    return html.escape(str(value))
