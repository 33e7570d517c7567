"""``scan`` and ``plan``: the code scanner and the migration report."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._common import EXIT_FINDINGS, EXIT_OK, UsageError, console, emit, table
from ._workload import (
    VOLUME_FLAGS,
    build_workload,
    catalog_of,
    comparison_records,
    print_comparison,
)

if TYPE_CHECKING:
    from ..catalog import Catalog
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


class _LineProgress:
    """Plain progress lines on stderr when it is not a terminal (a CI log, a file): one when
    the scan starts, one every ``every`` seconds, one at the end; never on stdout."""

    def __init__(self, path: Path, every: float = 5.0) -> None:
        self._path, self._every = path, every
        self._started = self._last = time.monotonic()
        self._done = self._total = 0

    def _say(self, text: str) -> None:
        print(f"llmswitch: {text}", file=sys.stderr, flush=True)

    def __call__(self, done: int, total: int, file: str) -> None:
        if self._total == 0:
            self._say(f"scanning {total} file(s) under {self._path}")
        self._done, self._total = done, total
        now = time.monotonic()
        if now - self._last >= self._every and done < total:
            self._last = now
            self._say(f"scanned {done}/{total} file(s)")

    def stop(self) -> None:
        if self._total:
            seconds = time.monotonic() - self._started
            self._say(f"scanned {self._done} file(s) in {seconds:.1f} s")


def _scan(args: argparse.Namespace, catalog: Catalog | None = None) -> ScanResult:
    from ..plan import scan

    path: Path = args.path
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    options: dict[str, Any] = {
        "providers": args.provider,
        "exclude": tuple(args.exclude or ()),
        "default_excludes": not args.no_default_excludes,
        "tests": args.tests,
        "catalog": catalog,
    }
    progress: _ScanProgress | _LineProgress
    progress = _ScanProgress() if sys.stderr.isatty() else _LineProgress(path)
    try:
        return scan(path, progress=progress, **options)
    finally:
        progress.stop()


def cmd_scan(args: argparse.Namespace) -> int:
    """``llmswitch scan PATH``: findings and per-provider verdicts."""
    result = _scan(args)
    blockers = result.blockers()
    if args.json:
        emit("scan", [_finding(f) for f in result.findings], **result.to_dict())
    else:
        _print_scan(result)
    unchecked = result.unchecked()
    return EXIT_FINDINGS if args.strict and (blockers or unchecked) else EXIT_OK


def _finding(f: Any) -> dict[str, Any]:
    """A finding as one flat record: where, what, and each provider's verdict level."""
    record: dict[str, Any] = {"file": f.file, "line": f.line, "kind": f.kind, "name": f.name,
                              "endpoint": f.endpoint or None, "snippet": f.snippet}  # fmt: skip
    record.update({provider: v.level for provider, v in f.verdicts.items()})
    return record


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

    cat = catalog_of(args)
    result = _scan(args, cat)
    default = args.path / "workload.toml" if args.path.is_dir() else None
    flags = any(getattr(args, key) is not None for key in VOLUME_FLAGS)
    assumed = args.workload is None and not (default and default.is_file()) and not flags
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
        catalog=cat,
    )
    try:
        paths = rep.write(args.out)
    except OSError as exc:
        raise UsageError(f"--out {args.out}: cannot write the report ({exc})") from None
    blockers = len(result.blockers(rep.target.provider)) if rep.target else 0
    unchecked = result.unchecked()
    target = rep.target.model if rep.target else None
    fallback = rep.fallback.model if rep.fallback else None
    if args.json:
        records = comparison_records(rep.comparison) if rep.comparison is not None else []
        report = {k: str(v) for k, v in paths.items()}
        emit("plan", records, report=report, **rep.to_dict())
    else:
        if assumed:
            print("No workload file: assumed 10M input + 2M output tokens a month "
                  "(give --input-tokens/--output-tokens, --workload FILE, or put "
                  "workload.toml in PATH).")  # fmt: skip
        if rep.comparison is not None:
            print_comparison(rep.comparison, 5, target, fallback)
        print(f"Target: {target or 'none'} (fallback: {fallback or 'none'}); "
              f"{rep.blocker_line()}")  # fmt: skip
        for note in rep.notes:
            print(f"Note: {note}")
        print(f"Report: {paths['markdown']}")
        print(f"Also: {paths['html']} (stands alone), {paths['json']}" + (
            f", {paths['plot']}" if "plot" in paths else ""))  # fmt: skip
        print(f"Config: {paths['config']}")
    return EXIT_FINDINGS if args.strict and (blockers or unchecked) else EXIT_OK
