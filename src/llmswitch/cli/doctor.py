"""``llmswitch doctor``: is the config valid, which providers have credentials and from where.

Reports the *name* of the variable or file a credential comes from, never its value.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._config import Config, load_config
from ..errors import ConfigError
from ..providers import PROVIDERS, adapter_class
from ._common import EXIT_OK, print_json, table

__all__ = ["cmd_doctor", "doctor"]

_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}")
_SECRET_FIELDS = ("api_key", "access_key")


def doctor(config: Path | None, environ: Mapping[str, str]) -> dict[str, Any]:
    """Config status and, per provider, where its credentials come from.

    >>> doctor(None, {"DASHSCOPE_API_KEY": "sk-x"})["providers"][2]["credentials"]  # doctest: +SKIP
    'set (from DASHSCOPE_API_KEY)'
    """
    loaded: Config | None = None
    error: str | None = None
    try:
        loaded = load_config(config)
    except ConfigError as exc:
        error = str(exc)
    if error:
        status = f"invalid: {error.splitlines()[0]}"
    elif loaded is not None and loaded.source != "<defaults>":
        status = f"found: {loaded.source} (valid)"
    else:
        status = "no llmswitch.toml found (providers read their usual environment variables)"
    providers = []
    for name, spec in PROVIDERS.items():
        table = loaded.provider_config(name) if loaded is not None else None
        providers.append(
            {
                "provider": name,
                "credentials": _credentials(name, table, spec.env, environ, loaded),
                "adapter": _adapter(spec.type),
            }
        )
    names = {p["provider"] for p in providers}
    if loaded is not None:
        for key in loaded.providers:
            if key not in names and key not in {a for s in PROVIDERS.values() for a in s.aliases}:
                providers.append(
                    {
                        "provider": key,
                        "credentials": _credentials(
                            key, loaded.providers[key], {}, environ, loaded
                        ),
                        "adapter": _adapter(loaded.providers[key].type or "openai-compatible"),
                    }
                )
    return {"config": {"status": status, "error": error}, "providers": providers}


def _credentials(
    name: str,
    table: Any,
    env: Mapping[str, tuple[str, ...]],
    environ: Mapping[str, str],
    config: Config | None,
) -> str:
    if table is not None:
        for field in _SECRET_FIELDS:
            secret = getattr(table, field, None)
            if secret is None:
                continue
            value = secret.get_secret_value()
            refs = _REF.findall(value)
            where = config.source if config else "config"
            if refs:
                missing = [v for v in refs if not environ.get(v)]
                if missing:
                    return f"missing: ${{{missing[0]}}} (named in {where}) is not set"
                return f"set (from {refs[0]}, via {where})"
            return f"set (literal {field} in {where}; prefer ${{VAR}})"
    for field in _SECRET_FIELDS:
        for var in env.get(field, ()):
            if environ.get(var):
                return f"set (from {var})"
    wanted = [*env.get("api_key", ()), *env.get("access_key", ())]
    return f"not set (set {' or '.join(wanted)})" if wanted else "not set"


def _adapter(type_name: str) -> str:
    try:
        adapter_class(type_name)
    except ConfigError:
        return "not available"
    except Exception as exc:  # a broken adapter is a finding, not a crash
        return f"fails to load ({type(exc).__name__})"
    return "ok"


def cmd_doctor(args: argparse.Namespace) -> int:
    """``llmswitch doctor``: config file and credentials, never a secret."""
    data = doctor(args.config, os.environ)
    if args.json:
        print_json(data)
    else:
        print(f"Config: {data['config']['status']}")
        rows = [[p["provider"], p["credentials"], p["adapter"]] for p in data["providers"]]
        table("Providers", ["provider", "credentials", "adapter"], rows)
    return 2 if data["config"]["error"] else EXIT_OK
