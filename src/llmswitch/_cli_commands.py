"""The ``llmswitch`` subcommands (see :mod:`llmswitch.cli`); rich is imported inside them."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cli import EXIT_FINDINGS, EXIT_OK, UsageError, print_json

if TYPE_CHECKING:
    from rich.console import Console

    from .plan import Comparison, ScanResult, Workload

__all__ = [
    "cmd_chat",
    "cmd_compare",
    "cmd_doctor",
    "cmd_models",
    "cmd_offers",
    "cmd_plan",
    "cmd_scan",
]


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    return Console(file=stream, width=None if stream.isatty() else 160, highlight=False)


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_fmt(v) for v in row))
    _console().print(table)


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


def cmd_offers(args: argparse.Namespace) -> int:
    """``llmswitch offers``: every offer with its status on a date."""
    from .catalog import load_catalog

    cat = load_catalog()
    day = args.on or dt.date.today()
    offers = cat.offers(provider=args.provider, active_on=day if args.active else None)
    rows = [o.row(day) | {"sources": [s.url for s in o.sources]} for o in offers]
    if args.json:
        print_json({"on": day, "offers": rows})
        return EXIT_OK
    cols = ["offer", "provider", "status", "total_free_tokens", "grants", "confidence"]
    _table(f"Offers, status on {day}", cols, [[r[c] for c in cols] for r in rows])
    return EXIT_OK


def cmd_models(args: argparse.Namespace) -> int:
    """``llmswitch models``: models with capabilities and the price in force."""
    from .catalog import load_catalog

    models = load_catalog().models(provider=args.provider, capability=args.capability)
    rows = [m.row(args.on) for m in models]
    if args.json:
        print_json(rows)
        return EXIT_OK
    cols = ["model", "kind", "context_window", "tools", "json_mode", "vision", "input_per_1m",
            "output_per_1m", "currency", "price_as_of"]  # fmt: skip
    _table("Models (prices per 1M tokens)", cols, [[r[c] for c in cols] for r in rows])
    return EXIT_OK


def _workload(args: argparse.Namespace, default: Path | None = None) -> Workload:
    from .plan import Workload

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


def _compare(args: argparse.Namespace, workload: Workload) -> Comparison:
    from .plan import compare

    return compare(
        workload,
        baseline=args.baseline,
        on=args.on,
        fx=args.fx,
        currency=args.currency,
        include_unconfirmed=args.include_unconfirmed,
    )


def cmd_compare(args: argparse.Namespace) -> int:
    """``llmswitch compare``: the cost table of a workload."""
    cmp = _compare(args, _workload(args))
    if args.plot:
        _save_plot(cmp, args.plot)
    if args.json:
        print_json(cmp.to_dict())
        return EXIT_OK
    _print_comparison(cmp, args.top)
    if args.plot:
        print(f"Plot: {args.plot}")
    return EXIT_OK


def _save_plot(cmp: Comparison, path: Path) -> None:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(9, 5), layout="constrained")
    cmp.plot(ax=fig.subplots(), path=path)


def _print_comparison(cmp: Comparison, top: int) -> None:
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
    _table("First-year cost net of offers", cols, rows)
    if cmp.excluded:
        print(f"{len(cmp.excluded)} candidate(s) left out for missing features (--json lists them)")


class _ScanProgress:
    """A rich progress bar on stderr, fed by ``scan(progress=...)``."""

    def __init__(self) -> None:
        from rich.progress import Progress

        self._bar = Progress(console=_console(stderr=True), transient=True)
        self._task = self._bar.add_task("scanning", total=None)
        self._bar.start()

    def __call__(self, done: int, total: int, file: str) -> None:
        self._bar.update(self._task, completed=done, total=total, description=file[-40:])

    def stop(self) -> None:
        self._bar.stop()


def _scan(path: Path, providers: list[str] | None) -> ScanResult:
    from .plan import scan

    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    if not sys.stderr.isatty():
        return scan(path, providers=providers)
    progress = _ScanProgress()
    try:
        return scan(path, providers=providers, progress=progress)
    finally:
        progress.stop()


def cmd_scan(args: argparse.Namespace) -> int:
    """``llmswitch scan PATH``: findings and per-provider verdicts."""
    result = _scan(args.path, args.provider)
    blockers = result.blockers()
    if args.json:
        print_json(result.to_dict())
    else:
        _print_scan(result)
    return EXIT_FINDINGS if args.strict and blockers else EXIT_OK


def _print_scan(result: ScanResult) -> None:
    print(f"Scanned {result.files} file(s) under {result.root}: {len(result.findings)} finding(s)")
    summary = result.summary()
    _table("Verdicts per provider", ["provider", "works", "mapped", "blocker"],
           [[p, c["works"], c["mapped"], c["blocker"]] for p, c in summary.items()])  # fmt: skip
    blockers = result.blockers()
    if blockers:
        rows = [[f"{f.file}:{f.line}", f.name, ", ".join(f.blockers),
                 next(v.why for v in f.verdicts.values() if v.level == "blocker")]
                for f in blockers]  # fmt: skip
        _table("Blockers", ["where", "what", "blocks", "why"], rows)
    for provider, why in result.unavailable.items():
        print(f"{provider}: adapter not available ({why})")
    for error in result.errors:
        where = f"{error.file}:{error.line}" if error.line else error.file
        print(f"not parsed: {where}: {error.message}")


def cmd_plan(args: argparse.Namespace) -> int:
    """``llmswitch plan PATH``: scan, compare, write the report and llmswitch.toml."""
    from dataclasses import replace

    from .plan import Workload, report

    result = _scan(args.path, args.provider)
    default = args.path / "workload.toml" if args.path.is_dir() else None
    assumed = args.workload is None and not (default and default.is_file())
    workload = (
        Workload(input_tokens="10M", output_tokens="2M") if assumed else _workload(args, default)
    )
    needs = tuple(dict.fromkeys((*workload.features, *result.features())))
    workload = replace(workload, features=needs)
    if result.uses_embeddings() and not int(workload.embedding_tokens) and assumed:
        workload = replace(workload, embedding_tokens=1_000_000)
    cmp = _compare(args, workload)
    rep = report(result, cmp, target=args.target)
    paths = rep.write(args.out)
    blockers = len(result.blockers(rep.target.provider)) if rep.target else 0
    if args.json:
        print_json({"report": {k: str(v) for k, v in paths.items()}, **rep.to_dict()})
    else:
        if assumed:
            print("No workload file: assumed 10M input + 2M output tokens a month "
                  "(give --workload FILE or put workload.toml in PATH).")  # fmt: skip
        _print_comparison(cmp, 5)
        target = rep.target.model if rep.target else "none"
        fallback = rep.fallback.model if rep.fallback else "none"
        print(f"Target: {target} (fallback: {fallback}); blockers on target: {blockers}")
        print(f"Report: {paths['markdown']}")
        print(f"Also: {paths['html']}, {paths['json']}" + (
            f", {paths['plot']}" if "plot" in paths else ""))  # fmt: skip
        print(f"Config: {paths['config']}")
    return EXIT_FINDINGS if args.strict and blockers else EXIT_OK


def cmd_chat(args: argparse.Namespace) -> int:
    """``llmswitch chat MODEL PROMPT``: one call through llmswitch.Client."""
    from . import Client

    messages = [{"role": "user", "content": args.prompt}]
    if args.system:
        messages.insert(0, {"role": "system", "content": args.system})
    with Client(args.config) as client:
        if args.stream:
            with client.chat.completions.create(
                model=args.model, messages=messages, stream=True
            ) as stream:
                for chunk in stream:
                    if not args.json and chunk.choices:
                        print(chunk.choices[0].delta.content or "", end="", flush=True)
                final = stream.get_final_completion()
            if args.json:
                print_json(final.model_dump(exclude={"raw"}, mode="json"))
            else:
                print()
            return EXIT_OK
        resp = client.chat.completions.create(model=args.model, messages=messages)
    if args.json:
        print_json(resp.model_dump(exclude={"raw"}, mode="json"))
    else:
        print(resp.choices[0].message.content or "")
    return EXIT_OK


def cmd_doctor(args: argparse.Namespace) -> int:
    """``llmswitch doctor``: config file and credentials, never a secret."""
    from ._cli_doctor import doctor

    data = doctor(args.config, os.environ)
    if args.json:
        print_json(data)
    else:
        print(f"Config: {data['config']['status']}")
        rows = [[p["provider"], p["credentials"], p["adapter"]] for p in data["providers"]]
        _table("Providers", ["provider", "credentials", "adapter"], rows)
    return 2 if data["config"]["error"] else EXIT_OK
