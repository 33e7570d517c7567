"""``offers``, ``models`` and ``compare``: the catalog and the cost table."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from ._common import EXIT_OK, UsageError, emit, table
from ._workload import (
    build_comparison,
    build_workload,
    catalog_of,
    comparison_records,
    print_comparison,
)

if TYPE_CHECKING:
    from ..catalog import Offer
    from ..plan import Comparison

T = TypeVar("T")

__all__ = ["cmd_compare", "cmd_models", "cmd_offers"]


def _by_provider(names: list[str] | None, fetch: Callable[[str | None], Iterable[T]]) -> list[T]:
    """Rows of every ``--provider`` given (repeated flags add up), in order, no duplicates."""
    if not names:
        return list(fetch(None))
    seen: list[T] = []
    for name in names:
        for item in fetch(name):
            if item not in seen:
                seen.append(item)
    return seen


def _offer_record(offer: Offer, day: dt.date) -> dict[str, Any]:
    row = offer.row(day)
    row["grants"] = [
        {"model": g.model or g.model_as_stated, "tokens": g.tokens} for g in offer.grants
    ]
    row["sources"] = [
        {"url": s.url, "outlet": s.outlet, "date": s.date.isoformat() if s.date else None}
        for s in offer.sources
    ]
    return row


def _sources(row: dict[str, Any]) -> str:
    dates = sorted(s["date"] for s in row["sources"] if s["date"])
    return f"{len(row['sources'])}, newest {dates[-1]}" if dates else str(len(row["sources"]))


def cmd_offers(args: argparse.Namespace) -> int:
    """``llmswitch offers``: every offer with its dates, sources and status on a date."""
    cat = catalog_of(args)
    day = args.on or dt.date.today()
    active = day if args.active else None
    offers = _by_provider(args.provider, lambda p: cat.offers(provider=p, active_on=active))
    rows = [_offer_record(o, day) for o in offers]
    if args.json:
        emit("offers", rows, on=day)
        return EXIT_OK
    cells = [[r["offer"], r["provider"], r["status"], r["total_free_tokens"], r["start"],
              r["end"] or "not stated", r["confirmed_until"] or "", r["confidence"],
              _sources(r)] for r in rows]  # fmt: skip
    cols = ["offer", "provider", "status", "free tokens", "start", "end", "confirmed",
            "confidence", "sources"]  # fmt: skip
    table(f"Offers, status on {day} (--json for the source links)", cols, cells)
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    """``llmswitch models``: models with capabilities and the price in force (``--live``: the
    providers' own lists beside the catalog's)."""
    cat = catalog_of(args)
    if args.live:
        return _live(args, cat)
    models = _by_provider(
        args.provider, lambda p: cat.models(provider=p, capability=args.capability)
    )
    rows = [m.row(args.on) for m in models]
    if args.json:
        emit("models", rows, on=args.on)
        return EXIT_OK
    cols = ["model", "kind", "context_window", "tools", "json_mode", "vision", "input_per_1m",
            "output_per_1m", "currency", "price_as_of"]  # fmt: skip
    table("Models (prices per 1M tokens)", cols, [[r[c] for c in cols] for r in rows])
    return EXIT_OK


def _live(args: argparse.Namespace, cat: Any) -> int:
    from .._client import Client
    from ..errors import LLMSwitchError
    from ..providers._live import STATUS_FLAGS, live_rows

    if not args.provider:
        raise UsageError("--live asks providers: name them with --provider (e.g. --provider qwen)")
    records: list[dict[str, Any]] = []
    failed: list[str] = []
    with Client(args.config) as client:
        for name in args.provider:
            try:
                rows = live_rows(client, name, catalog=cat)
            except LLMSwitchError as exc:
                failed.append(f"{name}: {str(exc).splitlines()[0]}")
                continue
            records += [{"provider": name, **row.as_dict()} for row in rows]
    if args.json:
        emit("models", records, live=True, failed=failed)
    else:
        cols: list[str] = ["provider", "id", "served", "in_catalog", "status"]
        table("Models: live list beside the catalog", cols,
              [[r.get(c) for c in cols] for r in records])  # fmt: skip
        for line in failed:
            print(f"not listed: {line}")
        flags = {str(r.get("status")) for r in records} & set(STATUS_FLAGS)
        for flag in sorted(flags):
            print(f"{flag}: {STATUS_FLAGS[flag]}")
    return EXIT_OK if records or not failed else 3


def cmd_compare(args: argparse.Namespace) -> int:
    """``llmswitch compare``: the cost table of a workload."""
    cmp = build_comparison(args, build_workload(args))
    if args.plot:
        _save_plot(cmp, args.plot)
    if args.json:
        data = cmp.to_dict()
        emit("compare", comparison_records(cmp), **data)
        return EXIT_OK
    print_comparison(cmp, args.top)
    if args.plot:
        print(f"Plot: {args.plot}")
    return EXIT_OK


def _save_plot(cmp: Comparison, path: Path) -> None:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise UsageError(
            "--plot needs matplotlib: pip install '.[notebook]' in the llmswitch checkout"
        ) from None
    fig = Figure(figsize=(10, 5.5), layout="constrained")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        cmp.plot(ax=fig.subplots(), path=path)
    except OSError as exc:
        raise UsageError(f"--plot {path}: cannot write it ({exc.strerror or exc})") from None
