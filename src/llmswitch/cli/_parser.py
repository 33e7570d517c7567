"""The argument parser of every subcommand.

Every argument has help text; dates are ``YYYY-MM-DD``; defaults are stated. Values the
commands cannot use (a zero exchange rate, an image type matplotlib cannot write) are refused
here, as usage errors (exit 2), before any work is done.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .._version import __version__

__all__ = ["PLOT_TYPES", "build_parser"]

PLOT_TYPES = (".png", ".svg", ".pdf")
"""Image types ``--plot`` writes (by the file's suffix)."""


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


def _number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a finite number")
    return value


def _rate(text: str) -> float:
    value = _number(text)
    if value <= 0:
        raise argparse.ArgumentTypeError(
            f"{text!r}: an exchange rate must be above 0 (CNY per USD, e.g. 7.2)"
        )
    return value


def _growth(text: str) -> float:
    value = _number(text)
    if value <= -1:
        raise argparse.ArgumentTypeError(f"{text!r}: growth must be above -1 (e.g. 0.1 = +10%)")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give 1 or more")
    return value


def _plot_path(text: str) -> Path:
    path = Path(text)
    if path.suffix.lower() not in PLOT_TYPES:
        kinds = ", ".join(PLOT_TYPES)
        got = f"{path.suffix!r}" if path.suffix else "no suffix"
        raise argparse.ArgumentTypeError(f"{text!r}: {got} is not an image type; use {kinds}")
    return path


class _Help(argparse.HelpFormatter):
    """States a default in the help text unless the text already does, or there is none."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (
            "default" in text
            or default in (None, False, argparse.SUPPRESS)
            or not action.option_strings
        ):
            return text
        return f"{text} (default: %(default)s)"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand."""
    parser = argparse.ArgumentParser(
        prog="llmswitch",
        description="Move an app off the OpenAI API: offers, costs, code scan, migration plan.",
        epilog="Exit codes: 0 ok; 1 findings (--strict); 2 usage or config error; 3 provider "
        "error. `llmswitch COMMAND --help` for a command's arguments.",
    )
    parser.add_argument("--version", action="version", version=f"llmswitch {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(
            name,
            help=help,
            description=help,
            formatter_class=_Help,
        )
        p.add_argument(
            "--json",
            action="store_true",
            help="print one JSON object instead of tables: {'command': ..., 'records': [...]}, "
            "numbers as numbers, dates as YYYY-MM-DD",
        )
        return p

    p = command("offers", "migration offers, their sources and their status on a date")
    p.add_argument("--on", type=_date, metavar="YYYY-MM-DD", help="status on this date "
                   "(default: today)")  # fmt: skip
    _provider_arg(p, "only offers of this provider")
    p.add_argument("--active", action="store_true", help="only offers active on the date")
    _catalog_arg(p)

    p = command("models", "models with capabilities and prices")
    _provider_arg(p, "only models of this provider")
    p.add_argument(
        "--capability",
        choices=("tools", "json_mode", "vision", "streaming", "embeddings"),
        help="only models known to support this",
    )
    p.add_argument("--on", type=_date, metavar="YYYY-MM-DD",
                   help="prices in force on this date (default: the newest)")  # fmt: skip
    _catalog_arg(p)
    p.add_argument(
        "--live",
        action="store_true",
        help="ask each --provider for the models it serves now (its key is needed) and put "
        "that list beside the catalog's: models the catalog lacks, no longer served, retired",
    )
    p.add_argument("--config", type=Path, metavar="FILE",
                   help="llmswitch.toml with the keys for --live (default: discovery)")  # fmt: skip

    p = command("compare", "cost a monthly workload on every candidate model, net of offers")
    _workload_args(p)
    _provider_arg(p, "only candidates of this provider (default: every provider)")
    p.add_argument("--top", type=_count, default=10, metavar="N", help="candidate rows to show")
    p.add_argument("--plot", type=_plot_path, metavar="FILE",
                   help=f"also save the burn-down plot ({', '.join(PLOT_TYPES)}; needs "
                   "matplotlib; overwrites FILE)")  # fmt: skip

    p = command("scan", "scan Python code for OpenAI API usage")
    p.add_argument("path", type=Path, help="a Python file or a directory of code")
    _provider_arg(p, "judge this target provider (default: every provider llmswitch calls)")
    _scan_args(p)
    p.add_argument(
        "--strict", action="store_true", help="exit 1 if any blocker, or any call not seen"
    )

    p = command("plan", "scan + compare + report + llmswitch.toml (the main job)")
    p.add_argument("path", type=Path, help="the app: a Python file or a directory of code "
                   "(its workload.toml, if any, is read)")  # fmt: skip
    _workload_args(p, baseline=None)
    p.add_argument(
        "--out",
        type=Path,
        default=Path("build/plan"),
        metavar="DIR",
        help="report folder, created if missing; report.md, report.html, report.json, "
        "burn_down.png and llmswitch.toml in it are overwritten",
    )
    _provider_arg(p, "target provider to judge and choose from (default: every provider)")
    p.add_argument("--target", metavar="PROVIDER/MODEL",
                   help="force the target model (default: the best fit)")  # fmt: skip
    p.add_argument(
        "--fallback",
        metavar="PROVIDER/MODEL",
        help="force the fallback model (default: the best fit of another provider)",
    )
    _scan_args(p)
    p.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 if the target has blockers, or a call's arguments were not seen",
    )

    p = command("chat", "send one prompt through llmswitch.Client")
    p.add_argument("model", help='"provider/model" (e.g. qwen/qwen-plus) or an alias from the '
                   "config (e.g. gpt-4o)")  # fmt: skip
    p.add_argument("prompt", help="the user message")
    p.add_argument("--system", help="a system message before the prompt (default: none)")
    p.add_argument("--stream", action="store_true", help="print the answer as it streams")
    _config_arg(p)

    p = command("doctor", "check config and credentials (never prints a secret)")
    _config_arg(p)

    p = command(
        "config",
        "allow or forget a discovered llmswitch.toml (docs/config.md, Security): until allowed,"
        " a file found in the current directory cannot send a key from your environment to a"
        " host of its own",
    )
    p.add_argument("action", choices=("trust", "untrust"), help="allow the file as it is now,"
                   " or forget it (any edit also revokes it)")  # fmt: skip
    p.add_argument("path", nargs="?", type=Path, default=Path("llmswitch.toml"),
                   help="the config file (default: ./llmswitch.toml)")  # fmt: skip
    return parser


def _provider_arg(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument(
        "--provider",
        action="append",
        metavar="NAME",
        help=f"{help}; repeat for several (aliases accepted: zhipu = glm, ...)",
    )


def _catalog_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--catalog",
        type=Path,
        metavar="FILE",
        help="your own prices and offers: a TOML file in the shipped catalog's layout "
        "([[models]], [[offers]], ...) merged over it (default: the shipped catalog only)",
    )


def _config_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="llmswitch.toml (default: $LLMSWITCH_CONFIG, else ./llmswitch.toml)",
    )


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
        help="test code: counted apart, mixed in, or not read",
    )


def _workload_args(p: argparse.ArgumentParser, *, baseline: str | None = "openai/gpt-4o") -> None:
    p.add_argument("--input-tokens", type=_tokens, metavar="N",
                   help="monthly input tokens, e.g. 50M, 1.5B or 200000 (overrides the "
                   "workload file)")  # fmt: skip
    p.add_argument("--output-tokens", type=_tokens, metavar="N",
                   help="monthly output tokens, e.g. 10M (overrides the workload "
                   "file)")  # fmt: skip
    p.add_argument("--embedding-tokens", type=_tokens, metavar="N",
                   help="monthly embedding tokens, e.g. 5M")  # fmt: skip
    p.add_argument("--feature", action="append", metavar="NAME",
                   help="a feature the model must have: tools, json_mode, vision, streaming "
                   "(repeatable)")  # fmt: skip
    p.add_argument("--growth", type=_growth, metavar="RATE",
                   help="monthly growth of the volumes, e.g. 0.1 for +10%% a month "
                   "(default 0)")  # fmt: skip
    p.add_argument("--workload", type=Path, metavar="FILE",
                   help="workload TOML file (see docs/planner.md); flags override its "
                   "values")  # fmt: skip
    p.add_argument(
        "--baseline",
        default=baseline,
        metavar="PROVIDER/MODEL",
        help="the model to compare against"
        + ("" if baseline else " (default: the OpenAI model the code uses, else openai/gpt-4o)"),
    )
    p.add_argument("--on", type=_date, metavar="YYYY-MM-DD",
                   help="prices and offers of this date (default: the workload's start, "
                   "else today)")  # fmt: skip
    p.add_argument("--currency", choices=("CNY", "USD"), default="CNY", help="currency of costs")
    p.add_argument("--fx", type=_rate, metavar="RATE",
                   help="CNY per USD, above 0 (default: the catalog's rate dated nearest "
                   "--on)")  # fmt: skip
    p.add_argument(
        "--include-unconfirmed",
        action="store_true",
        help="also apply offers no source confirms on the date",
    )
    _catalog_arg(p)
