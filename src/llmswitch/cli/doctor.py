"""``llmswitch doctor``: is the config valid (and if not, why, with the near name a typo
missed), which providers have credentials and from where.

Reports the *name* of the variable or file a credential comes from, never its value.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .._config import Config, load_config
from ..errors import ConfigError
from ..providers import PROVIDERS, adapter_class
from ._common import EXIT_OK, EXIT_USAGE, emit, table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["cmd_doctor", "doctor"]

_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-[^}]*)?\}")
_OPEN_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)?")
_SECRET_FIELDS = ("api_key", "access_key")
_UNKNOWN_KEY = re.compile(r"^\s*(?P<loc>[\w.\-]+): unknown key; allowed keys here: (?P<keys>.+)$")


def _near(word: str, choices: list[str]) -> str | None:
    found = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return found[0] if found else None


def _provider_names() -> list[str]:
    return [*PROVIDERS, *(a for spec in PROVIDERS.values() for a in spec.aliases)]


def _explain(error: str) -> list[str]:
    """The lines of a config error after its first, each unknown key with its near name."""
    out = []
    for line in error.splitlines()[1:]:
        match = _UNKNOWN_KEY.match(line)
        if match:
            loc = match.group("loc")
            key = loc.rsplit(".", 1)[-1]
            allowed = [k.strip() for k in match.group("keys").split(",")]
            near = _near(key, allowed)
            hint = f"did you mean `{near}`?" if near else f"allowed: {', '.join(allowed)}"
            line = f"{loc}: unknown key `{key}`; {hint}"
        out.append(line.strip())
    return out


def _config_path(config: Path | None, loaded: Config | None) -> Path | None:
    """The file doctor read (the loader's discovery: argument, $LLMSWITCH_CONFIG, cwd)."""
    if loaded is not None and loaded.path:
        return Path(loaded.path)
    if config is not None:
        return config
    if os.environ.get("LLMSWITCH_CONFIG"):
        return Path(os.environ["LLMSWITCH_CONFIG"])
    return Path("llmswitch.toml") if Path("llmswitch.toml").is_file() else None


def _raw(path: Path | None) -> dict[str, Any]:
    """The TOML as written (to explain what the loader refused or let through)."""
    if path is None or not path.is_file():
        return {}
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return {}
    return data


def _problems(raw: Mapping[str, Any]) -> list[str]:
    """What a valid-looking file gets wrong: a provider table whose name is a typo of a known
    provider, and a ``${VAR`` reference never closed (it would be sent as a literal key)."""
    out: list[str] = []
    providers = raw.get("providers")
    if not isinstance(providers, Mapping):
        return out
    known = _provider_names()
    for name, section in providers.items():
        if not isinstance(section, Mapping):
            continue
        if name not in known and not section.get("type"):
            near = _near(name, known)
            hint = (
                f"did you mean [providers.{near}]?"
                if near
                else 'a provider of your own needs type = "openai-compatible" and base_url'
            )
            out.append(f"[providers.{name}] is not a provider llmswitch knows; {hint}")
        for key, value in section.items():
            if not isinstance(value, str) or "${" not in value:
                continue
            rest = _REF.sub("", value)
            opened = _OPEN_REF.search(rest)
            if opened:
                var = opened.group(1) or "VAR"
                out.append(
                    f"providers.{name}.{key}: `${{{var}` is never closed; write `${{{var}}}` "
                    "(as written it is not read from the environment)"
                )
    return out


def doctor(config: Path | None, environ: Mapping[str, str]) -> dict[str, Any]:
    """Config status (why it is invalid, with near names) and, per provider, where its
    credentials come from.

    >>> doctor(None, {"DASHSCOPE_API_KEY": "sk-x"})["records"][2]["credentials"]  # doctest: +SKIP
    'set (from DASHSCOPE_API_KEY)'
    """
    loaded: Config | None = None
    error: str | None = None
    try:
        loaded = load_config(config)
    except ConfigError as exc:
        error = str(exc)
    path = _config_path(config, loaded)
    raw = _raw(path)
    problems = (_explain(error) if error else []) + _problems(raw)
    if error:
        status = f"invalid: {error.splitlines()[0]}"
    elif problems:
        status = f"found: {loaded.source if loaded else path} (problems below)"
    elif loaded is not None and loaded.source != "<defaults>":
        status = f"found: {loaded.source} (valid)"
    else:
        status = "no llmswitch.toml found (providers read their usual environment variables)"
    records = []
    for name, spec in PROVIDERS.items():
        table = loaded.provider_config(name) if loaded is not None else None
        records.append(
            {
                "provider": name,
                "credentials": _credentials(name, table, spec.env, environ, loaded),
                "adapter": _adapter(spec.type),
            }
        )
    names = {p["provider"] for p in records}
    if loaded is not None:
        aliases = {a for s in PROVIDERS.values() for a in s.aliases}
        for key in loaded.providers:
            if key not in names and key not in aliases:
                records.append(
                    {
                        "provider": key,
                        "credentials": _credentials(
                            key, loaded.providers[key], {}, environ, loaded
                        ),
                        "adapter": _adapter(loaded.providers[key].type or "openai-compatible"),
                    }
                )
    valid = error is None and not problems
    return {
        "config": {
            "status": status,
            "path": str(path) if path else None,
            "valid": valid,
            "error": error,
            "problems": problems,
            "trusted": loaded.trusted if loaded is not None else None,
            "trust": loaded.trust_reason if loaded is not None else None,
        },
        "records": records,
    }


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
            opened = _OPEN_REF.search(_REF.sub("", value))
            if opened:
                return f"invalid: unclosed ${{{opened.group(1) or ''} in {field} ({where})"
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
        emit("doctor", data["records"], config=data["config"])
    else:
        print(f"Config: {data['config']['status']}")
        if data["config"]["trust"]:
            print(f"Trust: {data['config']['trust']}")
        for problem in data["config"]["problems"]:
            print(f"  - {problem}")
        rows = [[p["provider"], p["credentials"], p["adapter"]] for p in data["records"]]
        table("Providers", ["provider", "credentials", "adapter"], rows)
    return EXIT_OK if data["config"]["valid"] else EXIT_USAGE
