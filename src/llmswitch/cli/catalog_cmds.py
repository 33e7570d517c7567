"""``offers``, ``models`` and ``compare``: the catalog and the cost table."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import EXIT_OK, print_json, table
from ._workload import build_comparison, build_workload, print_comparison

if TYPE_CHECKING:
    from ..plan import Comparison

__all__ = ["cmd_compare", "cmd_models", "cmd_offers"]


def cmd_offers(args: argparse.Namespace) -> int:
    """``llmswitch offers``: every offer with its status on a date."""
    from ..catalog import load_catalog

    cat = load_catalog()
    day = args.on or dt.date.today()
    offers = cat.offers(provider=args.provider, active_on=day if args.active else None)
    rows = [o.row(day) | {"sources": [s.url for s in o.sources]} for o in offers]
    if args.json:
        print_json({"on": day, "offers": rows})
        return EXIT_OK
    cols = ["offer", "provider", "status", "total_free_tokens", "grants", "confidence"]
    table(f"Offers, status on {day}", cols, [[r[c] for c in cols] for r in rows])
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    """``llmswitch models``: models with capabilities and the price in force."""
    from ..catalog import load_catalog

    models = load_catalog().models(provider=args.provider, capability=args.capability)
    rows = [m.row(args.on) for m in models]
    if args.json:
        print_json(rows)
        return EXIT_OK
    cols = ["model", "kind", "context_window", "tools", "json_mode", "vision", "input_per_1m",
            "output_per_1m", "currency", "price_as_of"]  # fmt: skip
    table("Models (prices per 1M tokens)", cols, [[r[c] for c in cols] for r in rows])
    return EXIT_OK


def cmd_compare(args: argparse.Namespace) -> int:
    """``llmswitch compare``: the cost table of a workload."""
    cmp = build_comparison(args, build_workload(args))
    if args.plot:
        _save_plot(cmp, args.plot)
    if args.json:
        print_json(cmp.to_dict())
        return EXIT_OK
    print_comparison(cmp, args.top)
    if args.plot:
        print(f"Plot: {args.plot}")
    return EXIT_OK


def _save_plot(cmp: Comparison, path: Path) -> None:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 5), layout="constrained")
    cmp.plot(ax=fig.subplots(), path=path)
