"""``config trust`` / ``config untrust``: allow a discovered ``llmswitch.toml`` as it is now,
or forget it (the trust model of docs/config.md, Security)."""

from __future__ import annotations

import argparse

from ._common import EXIT_OK, emit

__all__ = ["cmd_config"]


def cmd_config(args: argparse.Namespace) -> int:
    """``llmswitch config trust [PATH]`` / ``untrust [PATH]``."""
    from .._trust import trust_config, trust_store_path, untrust_config

    if args.action == "trust":
        store = trust_config(args.path)
        message = f"allowed {args.path.resolve()} as it is now (recorded in {store})"
    else:
        found = untrust_config(args.path)
        message = (
            f"forgot {args.path.resolve()}" if found else f"{args.path.resolve()} was not allowed"
        )
    if args.json:
        emit("config", [], action=args.action, path=str(args.path.resolve()),
             store=str(trust_store_path()), message=message)  # fmt: skip
    else:
        print(message)
    return EXIT_OK
