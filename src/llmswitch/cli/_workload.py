"""The workload and comparison that ``compare`` and ``plan`` build from their flags."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._common import UsageError, table, warn

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..plan import CandidateCost, Comparison, Workload

__all__ = [
    "VOLUME_FLAGS",
    "build_comparison",
    "build_workload",
    "catalog_of",
    "comparison_records",
    "print_comparison",
]

VOLUME_FLAGS = ("input_tokens", "output_tokens", "embedding_tokens")


def catalog_of(args: argparse.Namespace) -> Catalog:
    """The shipped catalog, with ``--catalog FILE`` (the user's own prices) merged over it."""
    from ..catalog import load_catalog

    extra: Path | None = getattr(args, "catalog", None)
    if extra is None:
        return load_catalog()
    if not extra.is_file():
        raise UsageError(f"--catalog {extra}: no such file")
    return load_catalog(extra=extra)


def build_workload(args: argparse.Namespace, default: Path | None = None) -> Workload:
    from ..plan import Workload

    path = args.workload or (default if default and default.is_file() else None)
    base = Workload.from_toml(path) if path else None
    updates: dict[str, Any] = {}
    for key in (*VOLUME_FLAGS, "growth"):
        value = getattr(args, key, None)
        if value is not None:
            updates[key] = value
    if getattr(args, "feature", None):
        updates["features"] = tuple(args.feature)
    if base is None:
        if not updates.get("input_tokens") and not updates.get("output_tokens"):
            raise UsageError("give --input-tokens/--output-tokens (e.g. 50M) or --workload FILE")
        work = Workload(**updates)
    else:
        from dataclasses import replace

        work = replace(base, **updates) if updates else base
    if work.input_tokens and not work.output_tokens:
        warn(
            f"{int(work.input_tokens):,} input tokens a month but no output tokens: output is "
            "costed at 0, and it is often the larger part of the bill (give --output-tokens)"
        )
    return work


def build_comparison(args: argparse.Namespace, workload: Workload) -> Comparison:
    from ..plan import compare

    return compare(
        workload,
        baseline=args.baseline,
        on=args.on,
        fx=args.fx,
        currency=args.currency,
        include_unconfirmed=args.include_unconfirmed,
        catalog=catalog_of(args),
        candidates=args.provider or None,
    )


def _name(r: CandidateCost, target: str | None = None, fallback: str | None = None) -> str:
    if r.role == "baseline":
        return f"{r.model} (baseline)"
    if r.model == target:
        return f"{r.model} (target)"
    if r.model == fallback:
        return f"{r.model} (fallback)"
    return r.model


def comparison_records(cmp: Comparison) -> list[dict[str, Any]]:
    """One flat record per model (baseline first, then candidates, then those left out)."""
    out = []
    for r in (cmp.baseline, *cmp.candidates, *cmp.excluded):
        out.append(
            {
                "model": r.model,
                "provider": r.provider,
                "role": r.role,
                "status": r.status,
                "input_per_1m": r.input_price,
                "output_per_1m": r.output_price,
                "monthly_cost": r.monthly_cost,
                "free_tokens": r.free_tokens,
                "free_months": r.free_months,
                "first_year_net": r.first_year,
                "savings": None if r.role == "baseline" else r.savings,
                "currency": cmp.currency,
                "offers": list(r.offers),
                "reason": r.reason,
                "gaps": list(r.gaps),
            }
        )
    return out


def print_comparison(
    cmp: Comparison, top: int, target: str | None = None, fallback: str | None = None
) -> None:
    cur = cmp.currency
    print(cmp.summary().splitlines()[0])
    shown = list(cmp.candidates[:top])
    for chosen in (target, fallback):  # the chosen ones are always in the table
        if chosen and chosen not in {r.model for r in shown}:
            shown += [r for r in cmp.candidates if r.model == chosen]
    rows = []
    for r in [cmp.baseline, *shown]:
        savings = "" if r.role == "baseline" else r.savings
        rows.append([_name(r, target, fallback), r.first_year, savings, r.monthly_cost,
                     r.free_tokens or "", r.free_months or "", r.reason or ""])  # fmt: skip
    # most telling first: on a narrow terminal the last columns are the ones left out
    cols = ["model", "first year", "savings", "monthly", "free tokens", "free months", "note"]
    table(f"First-year cost net of offers, {cur}", cols, rows)
    if len(cmp.candidates) > len(shown):
        print(f"{len(cmp.candidates) - len(shown)} more candidate(s): --top N or --json")
    if cmp.excluded:
        print(f"{len(cmp.excluded)} candidate(s) left out for missing features (--json lists them)")
