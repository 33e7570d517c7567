"""The ``llmswitch`` command: offers, models, compare, scan, plan, chat, doctor.

Every command takes ``--json`` (one shape: ``{"command": ..., "records": [...]}``). Exit codes:
0 ok; 1 findings or blockers (only with ``--strict``); 2 usage or config error; 3 the provider
failed (``chat``); 70 a bug in llmswitch; 141 stdout closed early (``llmswitch plan ... | head``).
Errors are one line on stderr, never a traceback (``LLMSWITCH_DEBUG=1`` shows one for a bug).
rich is imported only when a table is printed.

Modules: ``_parser`` (arguments), ``_common`` (exit codes, JSON and tables), ``_workload``
(what ``compare`` and ``plan`` share), one module per command group (``catalog_cmds``,
``plan_cmds``, ``chat``, ``doctor``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from ._common import EXIT_API, EXIT_USAGE, UsageError, error, one_line
from ._parser import build_parser

__all__ = ["build_parser", "main"]

EXIT_BUG, EXIT_PIPE = 70, 141


def _handler(command: str) -> Callable[..., int]:
    """The function of one subcommand (its module is imported only when it runs)."""
    if command in ("offers", "models", "compare"):
        from . import catalog_cmds as module
    elif command in ("scan", "plan"):
        from . import plan_cmds as module  # type: ignore[no-redef]
    elif command == "chat":
        from . import chat as module  # type: ignore[no-redef]
    elif command == "config":
        from . import config_cmds as module  # type: ignore[no-redef]
    else:
        from . import doctor as module  # type: ignore[no-redef]
    handler: Callable[..., int] = getattr(module, f"cmd_{command}")
    return handler


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (the console script exits with it).

    >>> main(["offers", "--on", "2024-07-01", "--json"])  # doctest: +SKIP
    0
    """
    from ..catalog import CatalogError
    from ..errors import APIError, LLMSwitchError
    from ..plan.workload import WorkloadError

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except BrokenPipeError:  # `llmswitch --help | head -1`
        return _closed_stdout()
    handler = _handler(args.command)
    try:
        _canonical_providers(args)
        code: int = handler(args)
    except APIError as exc:
        error(f"{exc.provider or 'provider'}: {exc}")
        return EXIT_API
    except (
        UsageError,
        CatalogError,
        WorkloadError,
        LLMSwitchError,
        FileNotFoundError,
        NotADirectoryError,
    ) as exc:
        error(str(exc).splitlines()[0] if isinstance(exc, UsageError) else one_line(exc))
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _closed_stdout()
    except OSError as exc:  # a file the user named cannot be read or written
        error(one_line(exc))
        return EXIT_USAGE
    except Exception as exc:  # a bug: one line, never a traceback unless asked for
        if os.environ.get("LLMSWITCH_DEBUG"):
            raise
        error(
            f"internal error ({type(exc).__name__}: {one_line(exc)}); please report it, "
            "with LLMSWITCH_DEBUG=1 for the traceback"
        )
        return EXIT_BUG
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _closed_stdout()
    return code


def _canonical_providers(args: argparse.Namespace) -> None:
    """``--provider zhipu --provider qwen`` -> ``["glm", "qwen"]`` (every one counts; a typo is
    a usage error with the near name)."""
    names: list[str] | None = getattr(args, "provider", None)
    if not names:
        return
    import difflib

    from ..catalog import CatalogError, load_catalog

    cat = load_catalog()
    known = sorted({n for p in cat.providers() for n in (p.name, *p.aliases)})
    out: list[str] = []
    for name in names:
        try:
            canonical = cat.provider_name(name)
        except CatalogError:
            near = difflib.get_close_matches(name.lower(), known, n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise UsageError(
                f"--provider {name!r}: unknown provider; {hint}known: {', '.join(known)}"
            ) from None
        if canonical not in out:
            out.append(canonical)
    args.provider = out


def _closed_stdout() -> int:
    """The reader went away (``| head``): stop quietly, and keep Python from complaining when
    it flushes stdout on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return EXIT_PIPE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
