"""The burn-down plot: cumulative cost per month, free-token months shaded (matplotlib)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ._rows import CandidateCost

__all__ = ["plot_comparison"]


def plot_comparison(
    baseline: CandidateCost,
    rows: list[CandidateCost],
    *,
    currency: str,
    title: str,
    ax: Axes | None = None,
    path: str | Path | None = None,
) -> Figure:
    """Draw ``baseline`` (dashed) and ``rows`` on ``ax`` (or a new figure); save to ``path``."""
    import matplotlib

    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
    else:
        fig = ax.get_figure()  # type: ignore[assignment]
    cur = currency
    palette = matplotlib.colormaps["tab10"]
    for index, row in enumerate([baseline, *rows]):
        months = [m for m in row.months if m.cumulative is not None]
        if not months:
            continue
        x = [m.month for m in months]
        y = [float(m.cumulative or 0.0) for m in months]
        color = "black" if row.role == "baseline" else palette(index % 10)
        style = "--" if row.role == "baseline" else "-"
        label = row.model + (" (baseline)" if row.role == "baseline" else "")
        if row.free_tokens:
            label += f", {row.free_tokens / 1e6:,.0f}M free"
        ax.plot(x, y, style, color=color, label=label, linewidth=1.8)
        free = [(m.month, float(m.cumulative or 0.0)) for m in months if m.free_used > 0]
        paid = [(m.month, float(m.cumulative or 0.0)) for m in months if m.free_used <= 0]
        if free:
            ax.scatter(
                [m for m, _ in free],
                [c for _, c in free],
                facecolors="white",
                edgecolors=color,
                zorder=3,
                s=36,
            )
            last_free = max(m for m, _ in free)
            ax.axvspan(0.5, last_free + 0.5, color=color, alpha=0.06)
        if paid:
            ax.scatter([m for m, _ in paid], [c for _, c in paid], color=color, zorder=3, s=16)
    ax.set_xlabel("month")
    ax.set_ylabel(f"cumulative cost ({cur})")
    ax.set_xticks(range(1, len(baseline.months) + 1))
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    ax.annotate(
        "hollow markers / shaded: months using free tokens",
        xy=(0.99, 0.01),
        xycoords="axes fraction",
        ha="right",
        va="bottom",
        fontsize=7,
        color="gray",
    )
    if path is not None:
        fig.savefig(path, dpi=120)
    return fig
