"""The workload and comparison that ``compare`` and ``plan`` build from their flags."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._common import UsageError, table

if TYPE_CHECKING:
    from ..plan import Comparison, Workload

__all__ = ["build_comparison", "build_workload", "print_comparison"]


def build_workload(args: argparse.Namespace, default: Path | None = None) -> Workload:
    from ..plan import Workload

    path = args.workload or (default if default and default.is_file() else None)
    base = Workload.from_toml(path) if path else None
    updates: dict[str, Any] = {}
    for key in ("input_tokens", "output_tokens", "embedding_tokens", "growth"):
        value = getattr(args, key, None)
        if value is not None:
            updates[key] = value
    if getattr(args, "feature", None):
        updates["features"] = tuple(args.feature)
    if base is None:
        if not updates.get("input_tokens") and not updates.get("output_tokens"):
            raise UsageError("give --input-tokens/--output-tokens (e.g. 50M) or --workload FILE")
        return Workload(**updates)
    from dataclasses import replace

    return replace(base, **updates) if updates else base


def build_comparison(args: argparse.Namespace, workload: Workload) -> Comparison:
    from ..plan import compare

    return compare(
        workload,
        baseline=args.baseline,
        on=args.on,
        fx=args.fx,
        currency=args.currency,
        include_unconfirmed=args.include_unconfirmed,
    )


def print_comparison(cmp: Comparison, top: int) -> None:
    cur = cmp.currency
    print(cmp.summary().splitlines()[0])
    rows = []
    for r in [cmp.baseline, *cmp.candidates[:top]]:
        name = r.model + (" (baseline)" if r.role == "baseline" else "")
        savings = "" if r.role == "baseline" else r.savings
        rows.append([name, r.monthly_cost, r.free_tokens or "", r.free_months or "",
                     r.first_year, savings, r.reason or ""])  # fmt: skip
    cols = ["model", f"monthly {cur}", "free tokens", "free months", f"first year {cur}",
            f"savings {cur}", "note"]  # fmt: skip
    table("First-year cost net of offers", cols, rows)
    if cmp.excluded:
        print(f"{len(cmp.excluded)} candidate(s) left out for missing features (--json lists them)")
