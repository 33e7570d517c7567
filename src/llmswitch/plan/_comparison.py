"""The :class:`Comparison` result: tables (plain, pandas, HTML), JSON, and the burn-down plot.

pandas and matplotlib are imported only inside :meth:`Comparison.to_pandas` and
:meth:`Comparison.plot`.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..catalog import Catalog, Currency, FxRate
from ._plot import plot_comparison
from ._rows import CandidateCost, OfferUse
from .workload import Workload

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["Comparison"]


@dataclass(frozen=True)
class Comparison:
    """Costs of a workload per candidate model, against a baseline, as of a date."""

    workload: Workload
    on: dt.date
    currency: Currency
    fx: FxRate
    baseline: CandidateCost
    rows: list[CandidateCost]
    offers: list[OfferUse]
    catalog: Catalog

    @property
    def candidates(self) -> list[CandidateCost]:
        """Candidates that meet the workload's needs: priced ones cheapest first, then those
        whose price is unknown."""
        ok = sorted((r for r in self.rows if r.status == "ok"), key=lambda r: r.first_year or 0.0)
        return ok + [r for r in self.rows if r.status == "unknown price"]

    @property
    def excluded(self) -> list[CandidateCost]:
        """Candidates left out for a feature gap (see each one's ``gaps``)."""
        return [r for r in self.rows if r.status == "excluded"]

    def best(self, n: int = 1, exclude_providers: tuple[str, ...] = ()) -> list[CandidateCost]:
        """The ``n`` cheapest priced candidates in the first year, net of offers.

        >>> compare(Workload(input_tokens="1M")).best(3)  # doctest: +SKIP
        """
        ok = [
            r for r in self.candidates if r.status == "ok" and r.provider not in exclude_providers
        ]
        return ok[:n]

    def get(self, model: str) -> CandidateCost:
        """The row of one model (baseline included), by ``provider/model`` key."""
        for r in (self.baseline, *self.rows):
            if r.model == model:
                return r
        raise KeyError(f"{model!r} is not in this comparison")

    def row(self, model: str) -> dict[str, Any]:
        """The flat row of one model (see :meth:`get`)."""
        return self.get(model).row()

    def table(self) -> list[dict[str, Any]]:
        """Flat rows: the baseline, the candidates, then the excluded ones."""
        return [r.row() for r in (self.baseline, *self.candidates, *self.excluded)]

    def to_dict(self) -> dict[str, Any]:
        """Everything as JSON-ready values."""

        def clean(value: Any) -> Any:
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, float):
                return round(value, 4)
            return value

        def row(r: CandidateCost) -> dict[str, Any]:
            data = {k: clean(v) for k, v in r.row().items()}
            data["gaps"] = list(r.gaps)
            data["notes"] = list(r.notes)
            data["months"] = [
                {
                    "month": m.month,
                    "start": m.start.isoformat(),
                    "free_used": round(m.free_used),
                    "free_left": round(m.free_left),
                    "cost": clean(m.cost),
                    "cumulative": clean(m.cumulative),
                }
                for m in r.months
            ]
            return data

        return {
            "on": self.on.isoformat(),
            "currency": self.currency,
            "fx": {
                "cny_per_usd": self.fx.rate,
                "as_of": self.fx.as_of.isoformat(),
                "source": self.fx.source.url,
            },
            "workload": self.workload.to_dict(),
            "baseline": row(self.baseline),
            "candidates": [row(r) for r in self.candidates],
            "excluded": [
                {"model": r.model, "provider": r.provider, "gaps": list(r.gaps)}
                for r in self.excluded
            ],
            "offers": [{k: clean(v) for k, v in u.row().items()} for u in self.offers],
        }

    def to_pandas(self) -> pd.DataFrame:
        """One row per model (baseline, candidates, excluded); pandas is imported here only.

        >>> compare(Workload(input_tokens="50M")).to_pandas()  # doctest: +SKIP
        """
        import pandas as pd

        return pd.DataFrame(self.table()).convert_dtypes()

    def burn_down(self) -> pd.DataFrame:
        """Long table, one row per model and month: free tokens used and left, cost, cumulative."""
        import pandas as pd

        rows = [
            {
                "model": r.model,
                "month": m.month,
                "start": m.start,
                "tokens": m.input_tokens + m.output_tokens,
                "free_used": m.free_used,
                "free_left": m.free_left,
                "covered": m.covered,
                "cost": m.cost,
                "cumulative": m.cumulative,
            }
            for r in (self.baseline, *self.candidates)
            for m in r.months
        ]
        return pd.DataFrame(rows).convert_dtypes()

    def offers_frame(self) -> pd.DataFrame:
        """The offers as they stood on the comparison date (status, applied, sources)."""
        import pandas as pd

        rows = [u.row() | {"sources": len(u.offer.sources)} for u in self.offers]
        return pd.DataFrame(rows).convert_dtypes()

    def summary(self) -> str:
        """A few lines of text: baseline, cheapest candidates, excluded count."""
        cur = self.currency
        lines = [
            f"Workload: {self.workload.describe()}; prices and offers as of {self.on}; "
            f"{cur} (1 USD = {self.fx.rate} CNY, {self.fx.as_of})",
            f"Baseline {self.baseline.model}: first year {_money(self.baseline.first_year, cur)}",
        ]
        for r in self.best(3):
            lines.append(
                f"  {r.model}: first year {_money(r.first_year, cur)} "
                f"(saves {_money(r.savings, cur)}; {r.free_months} free month(s))"
            )
        lines.append(f"{len(self.excluded)} candidate(s) left out for missing features")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        head = (
            f"<p><b>{html.escape(self.workload.describe())}</b><br>"
            f"Prices and offers as of {self.on}; costs in {self.currency} "
            f"(1 USD = {self.fx.rate} CNY, rate of {self.fx.as_of}).</p>"
        )
        cols = [
            "model",
            "status",
            "monthly_cost",
            "free_tokens",
            "free_months",
            "first_year_net",
            "savings_vs_baseline",
            "reason",
        ]
        body = "".join(
            "<tr>" + "".join(f"<td>{_cell(row.get(c))}</td>" for c in cols) + "</tr>"
            for row in self.table()
        )
        heads = "".join(f"<th>{c}</th>" for c in cols)
        return f"{head}<table><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"

    def plot(
        self,
        ax: Axes | None = None,
        *,
        top: int = 6,
        models: list[str] | None = None,
        path: str | Path | None = None,
    ) -> Figure:
        """Cumulative cost per month of the baseline and the ``top`` cheapest candidates (or
        ``models``); months paid by free tokens are drawn as hollow markers on a shaded span.
        ``path`` saves the figure (``.png`` or ``.svg``).

        >>> compare(Workload(input_tokens="50M")).plot(path="burn_down.png")  # doctest: +SKIP
        """
        chosen = [self.get(m) for m in models] if models else self.best(top)
        title = f"First-year cost net of free tokens, as of {self.on}\n{self.workload.describe()}"
        return plot_comparison(
            self.baseline, chosen, currency=self.currency, title=title, ax=ax, path=path
        )


def _money(value: float | None, currency: str) -> str:
    return "unknown" if value is None else f"{value:,.0f} {currency}"


def _cell(value: Any) -> str:
    if value is None:
        return "<em>unknown</em>"
    if isinstance(value, float):
        return f"{value:,.2f}"
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10_000:
        return f"{value:,}"
    return html.escape(str(value))
