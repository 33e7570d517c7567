"""The burn-down plot: cumulative cost per calendar month on a log scale (matplotlib).

A log scale, so the cheap candidates (often 100x below the baseline) do not lie flat on zero;
every line ends in a label with its first-year total; the baseline is dashed, the target and
fallback drawn thick and named; months paid by free tokens are hollow markers (a month that
cost nothing sits on the "0" line at the bottom, which a log scale cannot otherwise show).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ._rows import CandidateCost

__all__ = ["money_tick", "plot_comparison"]


def money_tick(value: float) -> str:
    """A y-axis label with thousands separators: ``12,000``, ``250``, ``0.5``.

    >>> money_tick(12000.0), money_tick(0.5)
    ('12,000', '0.5')
    """
    if value >= 1:
        return f"{value:,.0f}"
    return f"{value:.2g}"


def _short(model: str) -> str:
    return model.split("/", 1)[-1]


def _spread(values: list[float], gap: float, top: float) -> list[float]:
    """Label positions (log10 units) at least ``gap`` apart, in the order of ``values``, none
    above ``top`` unless there is no room."""
    order = sorted(range(len(values)), key=lambda i: values[i])
    placed = [values[i] for i in order]
    for i in range(1, len(placed)):
        placed[i] = max(placed[i], placed[i - 1] + gap)
    for i in range(len(placed) - 1, -1, -1):  # push the block down below ``top``
        ceiling = top if i == len(placed) - 1 else placed[i + 1] - gap
        placed[i] = min(placed[i], ceiling)
    out = [0.0] * len(values)
    for rank, index in enumerate(order):
        out[index] = placed[rank]
    return out


def plot_comparison(
    baseline: CandidateCost,
    rows: list[CandidateCost],
    *,
    currency: str,
    title: str,
    ax: Axes | None = None,
    path: str | Path | None = None,
    target: str | None = None,
    fallback: str | None = None,
) -> Figure:
    """Draw ``baseline`` (dashed) and ``rows`` on ``ax`` (or a new figure); save to ``path``.

    ``target`` and ``fallback`` (``provider/model`` keys) are drawn thick and named as such.
    """
    import matplotlib
    from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(10, 5.5), layout="constrained")
    else:
        fig = ax.get_figure()  # type: ignore[assignment]
    cur = currency
    palette = matplotlib.colormaps["tab10"]
    drawn = [r for r in [baseline, *rows] if any(m.cumulative is not None for m in r.months)]
    positive = [
        float(m.cumulative)
        for r in drawn
        for m in r.months
        if m.cumulative is not None and m.cumulative > 0
    ]
    low = min(positive) if positive else 1.0
    high = max(positive) if positive else 10.0
    nothing_paid = any(
        m.cumulative is not None and m.cumulative <= 0 for r in drawn for m in r.months
    )
    # where a month that cost nothing is drawn (a log scale has no 0)
    zero = 10 ** math.floor(math.log10(low) - 0.5) if nothing_paid else low
    ends: list[tuple[float, str, str, int]] = []
    for index, row in enumerate(drawn):
        months = [m for m in row.months if m.cumulative is not None]
        x = [m.month for m in months]
        y = [max(float(m.cumulative or 0.0), zero) for m in months]
        role: str = row.role if row.role == "baseline" else ""
        if row.model == target:
            role = "target"
        elif row.model == fallback:
            role = "fallback"
        color = "black" if row.role == "baseline" else palette(index % 10)
        style = "--" if row.role == "baseline" else "-"
        width = 3.0 if role in ("target", "fallback") else 1.6
        ax.plot(x, y, style, color=color, linewidth=width, zorder=4 if role else 2)
        free = [(m.month, y[i]) for i, m in enumerate(months) if m.free_used > 0]
        paid = [(m.month, y[i]) for i, m in enumerate(months) if m.free_used <= 0]
        if free:
            ax.scatter([m for m, _ in free], [c for _, c in free], facecolors="white",
                       edgecolors=color, zorder=5, s=40)  # fmt: skip
            ax.axvspan(0.5, max(m for m, _ in free) + 0.5, color=color, alpha=0.05)
        if paid:
            ax.scatter([m for m, _ in paid], [c for _, c in paid], color=color, zorder=5, s=14)
        total = float(months[-1].cumulative or 0.0) if months else 0.0
        label = f"{_short(row.model)}: {total:,.0f} {cur}"
        if role:
            label = f"{role.upper()} {label}"
        if row.free_tokens:
            label += f" ({row.free_tokens / 1e6:,.0f}M free)"
        ends.append((y[-1] if y else zero, label, "bold" if role else "normal", index))
    span = math.log10(high) - math.log10(zero) if high > zero else 1.0
    ax.set_yscale("log")
    ax.set_ylim(zero / 1.6, high * 1.6)
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(
        FuncFormatter(
            lambda v, _: "0 (free)" if nothing_paid and math.isclose(v, zero) else money_tick(v)
        )
    )
    ax.yaxis.set_minor_formatter(NullFormatter())
    if nothing_paid:
        ax.axhline(zero, color="gray", linewidth=0.8, linestyle=":")
    months_axis = baseline.months or (drawn[0].months if drawn else ())
    ticks = [m.month for m in months_axis]
    labels = [
        m.start.strftime("%b\n%Y") if i == 0 or m.start.month == 1 else m.start.strftime("%b")
        for i, m in enumerate(months_axis)
    ]
    ax.set_xticks(ticks, labels=labels)
    if ticks:
        ax.set_xlim(ticks[0] - 0.5, ticks[-1] + 0.3)
    ax.set_ylabel(f"cumulative cost, {cur} (log scale)")
    ax.set_title(title, fontsize=10)
    ax.grid(alpha=0.3, which="major")
    spread = _spread(
        [math.log10(e[0]) for e in ends], gap=span * 0.055, top=math.log10(high * 1.4)
    )
    last = ticks[-1] if ticks else 12
    for (y_end, label, weight, index), y_label in zip(ends, spread, strict=True):
        row = drawn[index]
        color = "black" if row.role == "baseline" else palette(index % 10)
        ax.annotate(
            label,
            xy=(last, y_end),
            xytext=(1.02, 10**y_label),
            textcoords=("axes fraction", "data"),
            va="center",
            fontsize=9,
            fontweight=weight,
            color=color,
            annotation_clip=False,
            arrowprops={"arrowstyle": "-", "color": color, "linewidth": 0.6, "alpha": 0.6},
        )
    ax.annotate(
        "hollow markers / shaded: months using free tokens; labels: first-year total",
        xy=(0.99, 0.01),
        xycoords="axes fraction",
        ha="right",
        va="bottom",
        fontsize=8,
        color="gray",
    )
    if path is not None:
        fig.savefig(path, dpi=120)
    return fig
