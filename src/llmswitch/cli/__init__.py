"""The ``llmswitch`` command: offers, models, compare, scan, plan, chat, doctor.

Every command takes ``--json``. Exit codes: 0 ok; 1 findings or blockers (only with
``--strict``); 2 usage or config error; 3 the provider failed (``chat``). Errors are one line on
stderr, never a traceback. rich is imported only when a table is printed.

Modules: ``_parser`` (arguments), ``_common`` (exit codes, JSON and tables), ``_workload``
(what ``compare`` and ``plan`` share), one module per command group (``catalog_cmds``,
``plan_cmds``, ``chat``, ``doctor``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from ._common import EXIT_API, EXIT_USAGE, UsageError, error, one_line
from ._parser import build_parser

__all__ = ["build_parser", "main"]


def _handler(command: str) -> Callable[..., int]:
    """The function of one subcommand (its module is imported only when it runs)."""
    if command in ("offers", "models", "compare"):
        from . import catalog_cmds as module
    elif command in ("scan", "plan"):
        from . import plan_cmds as module  # type: ignore[no-redef]
    elif command == "chat":
        from . import chat as module  # type: ignore[no-redef]
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
    args = parser.parse_args(argv)
    handler = _handler(args.command)
    try:
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
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
