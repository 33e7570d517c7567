"""The argument parser of every subcommand."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .._version import __version__

__all__ = ["build_parser"]


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; use YYYY-MM-DD") from None


def _tokens(text: str) -> int:
    from ..plan.workload import WorkloadError, parse_tokens

    try:
        return parse_tokens(text)
    except WorkloadError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="llmswitch",
        description="Move an app off the OpenAI API: offers, costs, code scan, migration plan.",
    )
    parser.add_argument("--version", action="version", version=f"llmswitch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--json", action="store_true", help="print JSON instead of tables")
        return p

    p = command("offers", "migration offers and their status on a date")
    p.add_argument("--on", type=_date, help="status on this date (default: today)")
    p.add_argument("--provider", help="only this provider (aliases accepted)")
    p.add_argument("--active", action="store_true", help="only offers active on the date")

    p = command("models", "models with capabilities and prices")
    p.add_argument("--provider", help="only this provider (aliases accepted)")
    p.add_argument("--capability", help="tools, json_mode, vision, streaming or embeddings")
    p.add_argument("--on", type=_date, help="prices in force on this date (default: newest)")

    p = command("compare", "cost a monthly workload on every candidate model")
    _workload_args(p)
    p.add_argument("--top", type=int, default=10, help="rows to show (default 10)")
    p.add_argument("--plot", type=Path, metavar="FILE", help="save the burn-down plot (.png/.svg)")

    p = command("scan", "scan Python code for OpenAI API usage")
    p.add_argument("path", type=Path)
    p.add_argument("--provider", action="append", help="target provider (repeatable)")
    _scan_args(p)
    p.add_argument(
        "--strict", action="store_true", help="exit 1 if any blocker, or any call not seen"
    )

    p = command("plan", "scan + compare + report + llmswitch.toml (the main job)")
    p.add_argument("path", type=Path)
    _workload_args(p, volumes=False, baseline=None)
    p.add_argument("--out", type=Path, default=Path("build/plan"), help="report folder")
    p.add_argument("--provider", action="append", help="target provider (repeatable)")
    p.add_argument("--target", help="force the target model (provider/model)")
    p.add_argument("--fallback", help="force the fallback model (provider/model)")
    _scan_args(p)
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if the target has blockers, or a call's arguments were not seen",
    )

    p = command("chat", "send one prompt through llmswitch.Client")
    p.add_argument("model", help='"provider/model" or an alias from the config')
    p.add_argument("prompt")
    p.add_argument("--system", help="system message")
    p.add_argument("--stream", action="store_true")
    p.add_argument("--config", type=Path, help="llmswitch.toml (default: discovery)")

    p = command("doctor", "check config and credentials (never prints a secret)")
    p.add_argument("--config", type=Path, help="llmswitch.toml (default: discovery)")
    return parser


def _scan_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--exclude",
        action="append",
        metavar="PATTERN",
        help="skip files or directories matching PATTERN (repeatable; fnmatch)",
    )
    p.add_argument(
        "--no-default-excludes",
        action="store_true",
        help="also read .venv, node_modules, build output and vendored code",
    )
    p.add_argument(
        "--tests",
        choices=("apart", "include", "skip"),
        default="apart",
        help="test code: counted apart (default), mixed in, or not read",
    )


def _workload_args(
    p: argparse.ArgumentParser, *, volumes: bool = True, baseline: str | None = "openai/gpt-4o"
) -> None:
    if volumes:
        p.add_argument("--input-tokens", type=_tokens, help="monthly input tokens, e.g. 50M")
        p.add_argument("--output-tokens", type=_tokens, help="monthly output tokens, e.g. 10M")
        p.add_argument("--embedding-tokens", type=_tokens, help="monthly embedding tokens")
        p.add_argument("--feature", action="append", help="needed feature (repeatable)")
        p.add_argument("--growth", type=float, help="monthly growth, e.g. 0.1")
    p.add_argument("--workload", type=Path, metavar="FILE", help="workload TOML file")
    p.add_argument(
        "--baseline",
        default=baseline,
        help="model to compare against"
        + (f" (default {baseline})" if baseline else " (default: the model the code uses)"),
    )
    p.add_argument("--on", type=_date, help="prices and offers of this date")
    p.add_argument("--currency", choices=("CNY", "USD"), default="CNY")
    p.add_argument("--fx", type=float, help="CNY per USD (default: the catalog's dated rate)")
    p.add_argument(
        "--include-unconfirmed",
        action="store_true",
        help="also apply offers no source confirms on the date",
    )
