"""``scan`` and ``plan``: the code scanner and the migration report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ._common import EXIT_FINDINGS, EXIT_OK, UsageError, console, print_json, table
from ._workload import build_workload, print_comparison

if TYPE_CHECKING:
    from ..plan import ScanResult

__all__ = ["cmd_plan", "cmd_scan"]


class _ScanProgress:
    """A rich progress bar on stderr, fed by ``scan(progress=...)``."""

    def __init__(self) -> None:
        from rich.progress import Progress

        self._bar = Progress(console=console(stderr=True), transient=True)
        self._task = self._bar.add_task("scanning", total=None)
        self._bar.start()

    def __call__(self, done: int, total: int, file: str) -> None:
        self._bar.update(self._task, completed=done, total=total, description=file[-40:])

    def stop(self) -> None:
        self._bar.stop()


def _scan(args: argparse.Namespace) -> ScanResult:
    from ..plan import scan

    path: Path = args.path
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    options = {
        "providers": args.provider,
        "exclude": tuple(args.exclude or ()),
        "default_excludes": not args.no_default_excludes,
        "tests": args.tests,
    }
    if not sys.stderr.isatty():
        return scan(path, **options)
    progress = _ScanProgress()
    try:
        return scan(path, progress=progress, **options)
    finally:
        progress.stop()


def cmd_scan(args: argparse.Namespace) -> int:
    """``llmswitch scan PATH``: findings and per-provider verdicts."""
    result = _scan(args)
    blockers = result.blockers()
    if args.json:
        print_json(result.to_dict())
    else:
        _print_scan(result)
    unchecked = result.unchecked()
    return EXIT_FINDINGS if args.strict and (blockers or unchecked) else EXIT_OK


def _print_scan(result: ScanResult) -> None:
    print(f"Scanned {result.files} file(s) under {result.root}: {len(result.findings)} finding(s)")
    summary = result.summary()
    table("Verdicts per provider", ["provider", "works", "mapped", "blocker", "not seen"],
           [[p, c["works"], c["mapped"], c["blocker"], c.get("not seen", 0)]
            for p, c in summary.items()])  # fmt: skip
    if result.test_findings:
        print(f"Tests, counted apart: {len(result.test_findings)} finding(s)")
    for item in result.unchecked():
        print(f"not seen: {item}")
    blockers = result.blockers()
    if blockers:
        rows = [[f"{f.file}:{f.line}", f.name, ", ".join(f.blockers),
                 next(v.why for v in f.verdicts.values() if v.level == "blocker")]
                for f in blockers]  # fmt: skip
        table("Blockers", ["where", "what", "blocks", "why"], rows)
    for provider, why in result.unavailable.items():
        print(f"{provider}: adapter not available ({why})")
    for error in result.errors:
        where = f"{error.file}:{error.line}" if error.line else error.file
        print(f"not parsed: {where}: {error.message}")


def cmd_plan(args: argparse.Namespace) -> int:
    """``llmswitch plan PATH``: scan, compare, write the report and llmswitch.toml."""
    from ..plan import migration_plan

    result = _scan(args)
    default = args.path / "workload.toml" if args.path.is_dir() else None
    assumed = args.workload is None and not (default and default.is_file())
    workload = None if assumed else build_workload(args, default)
    rep = migration_plan(
        result,
        workload,
        baseline=args.baseline,
        target=args.target,
        fallback=args.fallback,
        on=args.on,
        fx=args.fx,
        currency=args.currency,
        include_unconfirmed=args.include_unconfirmed,
    )
    paths = rep.write(args.out)
    blockers = len(result.blockers(rep.target.provider)) if rep.target else 0
    unchecked = result.unchecked()
    if args.json:
        print_json({"report": {k: str(v) for k, v in paths.items()}, **rep.to_dict()})
    else:
        if assumed:
            print("No workload file: assumed 10M input + 2M output tokens a month "
                  "(give --workload FILE or put workload.toml in PATH).")  # fmt: skip
        if rep.comparison is not None:
            print_comparison(rep.comparison, 5)
        target = rep.target.model if rep.target else "none"
        fallback = rep.fallback.model if rep.fallback else "none"
        print(f"Target: {target} (fallback: {fallback}); {rep.blocker_line()}")
        for note in rep.notes:
            print(f"Note: {note}")
        print(f"Report: {paths['markdown']}")
        print(f"Also: {paths['html']}, {paths['json']}" + (
            f", {paths['plot']}" if "plot" in paths else ""))  # fmt: skip
        print(f"Config: {paths['config']}")
    return EXIT_FINDINGS if args.strict and (blockers or unchecked) else EXIT_OK
