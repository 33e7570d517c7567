"""Configuration: TOML models, discovery, ``${ENV}`` interpolation, trust and model resolution.

Discovery order: the ``config=`` argument (path, dict or :class:`Config`), then the file named by
``LLMSWITCH_CONFIG``, then ``./llmswitch.toml``, then nothing (each provider reads its usual
environment variables). Errors name the file, the key and the fix.

Trust (DESIGN section 7, docs/config.md "Security"): a file the user chose (``config=`` or
``LLMSWITCH_CONFIG``) is trusted. A discovered ``./llmswitch.toml`` is code-adjacent input (a
cloned repository can ship one) and is trusted only once the user has allowed it, by path and
content hash, as direnv's ``allow`` does (:func:`trust_config`), and only if the current user
owns it, as git's ``safe.directory`` requires. An untrusted file still maps models and sets
options, but it cannot make llmswitch send a credential read from the environment anywhere the
user did not approve: its ``${VAR}`` references expand only to the variable the provider reads
anyway (``${DASHSCOPE_API_KEY}`` for Qwen's key), and a provider it points at another host
(``base_url``, an absolute ``endpoints`` URL, a custom provider) must carry its key in the file.
``Config.path``, ``Config.trusted`` and ``Config.trust_reason`` say which file was loaded and why
it is (not) trusted.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from pydantic import SecretStr, ValidationError

from ._config_models import (
    _INTERNAL,
    _SECRET_KEYS,
    Config,
    DefaultsConfig,
    ProviderConfig,
    Target,
    _format_validation_error,
    _public_url,
)
from ._http import allow_redirects_from
from ._secrets import register_secret
from ._trust import config_trust, trust_config, trust_store_path, untrust_config
from .errors import ConfigError
from .providers import PROVIDERS, ProviderSpec, provider_aliases
from .providers._base import ProviderSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "Config",
    "DefaultsConfig",
    "ProviderConfig",
    "Target",
    "config_trust",
    "load_config",
    "trust_config",
    "trust_store_path",
    "untrust_config",
]

logger = logging.getLogger("llmswitch")

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")
_OPEN_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)?")


def _parse(data: Mapping[str, Any], source: str, **origin: Any) -> Config:
    unknown = _INTERNAL.intersection(data)
    if unknown:
        raise ConfigError(f"{source}: unknown top-level key(s): {', '.join(sorted(unknown))}")
    try:
        config = Config.model_validate({**data, "source": source, **origin})
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(exc, source)) from None
    _check_aliases(config)
    return config


def load_config(
    config: str | os.PathLike[str] | Mapping[str, Any] | Config | None = None,
) -> Config:
    """Load and validate a configuration from an argument, ``LLMSWITCH_CONFIG`` or the cwd.

    >>> load_config({"defaults": {"provider": "qwen"}}).defaults.provider
    'qwen'
    """
    if isinstance(config, Config):
        return config
    if isinstance(config, Mapping):
        return _parse(config, "<dict>")
    path: Path | None = None
    discovered = False
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(f"config file {str(path)!r} does not exist; check the path")
        reason = "chosen by the caller (Client(config=...))"
    elif os.environ.get("LLMSWITCH_CONFIG"):
        path = Path(os.environ["LLMSWITCH_CONFIG"])
        if not path.is_file():
            raise ConfigError(
                f"LLMSWITCH_CONFIG points to {str(path)!r}, which does not exist;"
                " fix the variable or unset it"
            )
        reason = "named by LLMSWITCH_CONFIG"
    elif Path("llmswitch.toml").is_file():
        path = Path("llmswitch.toml")
        discovered = True
    if path is None:
        return Config()
    try:
        raw = path.read_bytes()
        data = tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None
    trusted = True
    if discovered:
        trusted, reason = config_trust(path, raw)
    absolute = str(path.resolve())
    logger.info("llmswitch: loaded config %s (%s)", absolute, reason)
    return _parse(data, str(path), path=absolute, trusted=trusted, trust_reason=reason)


def _check_aliases(config: Config) -> None:
    for alias, targets in config.aliases.items():
        items = [targets] if isinstance(targets, str) else targets
        if not items:
            raise ConfigError(
                f"{config.source}: aliases.{alias!r} is an empty list; give at least one"
                ' "provider/model" target'
            )
        for target in items:
            _split(config, target, where=f"{config.source}: aliases.{alias!r}")


def _split(config: Config, model: str, *, where: str | None = None) -> Target:
    prefix, sep, rest = model.partition("/")
    if sep and rest:
        name = config.provider_name(prefix)
        if name is not None:
            return Target(name, rest)
    if config.defaults.provider:
        name = config.provider_name(config.defaults.provider)
        if name is None:
            raise ConfigError(
                f"{config.source}: defaults.provider = {config.defaults.provider!r} is not a"
                f" known provider; known: {', '.join(config.known_providers())}"
            )
        return Target(name, model)
    aliases = ", ".join(sorted(config.aliases)) or "none configured"
    prefix_text = f"{where}: " if where else ""
    raise ConfigError(
        f"{prefix_text}cannot tell which provider serves model {model!r}. Write it as"
        f' "provider/model" with one of: {", ".join(config.known_providers())}'
        f" (aliases: {', '.join(sorted(provider_aliases()))}); or add it to [aliases]"
        f" (configured: {aliases}); or set [defaults] provider"
    )


def resolve_model(config: Config, model: str) -> list[Target]:
    """Resolve a model string to its targets: an ``[aliases]`` entry (a fallback chain when it is
    a list), else ``provider/model`` split on the first ``/``, else ``defaults.provider``."""
    if not isinstance(model, str) or not model:
        raise ConfigError(f"model must be a non-empty string, got {model!r}")
    targets = config.aliases.get(model)
    if targets is not None:
        items = [targets] if isinstance(targets, str) else targets
        return [_split(config, t) for t in items]
    return [_split(config, model)]


def _untrusted(config: Config, what: str) -> ConfigError:
    return ConfigError(
        f"{config.source} is not trusted ({config.trust_reason}), so {what}. llmswitch does not"
        " let a file it discovered send a credential from your environment where you did not"
        " approve. If you wrote this file or have reviewed it: `llmswitch config trust`, or"
        f" llmswitch.trust_config({config.source!r}), or point LLMSWITCH_CONFIG at it, or pass"
        " Client(config=path)"
    )


def _interpolate(
    value: str,
    key: str,
    config: Config,
    allowed: frozenset[str] | None = None,
) -> str:
    """Expand ``${VAR}`` / ``${VAR:-default}``; ``allowed`` (for an untrusted file) is the set
    of variables that may be read (others are an error naming the trust fix)."""
    source = config.source

    def replace(match: re.Match[str]) -> str:
        var, default = match.group(1), match.group(2)
        if allowed is not None and var not in allowed:
            raise _untrusted(config, f"its reference to ${{{var}}} in {key} is not expanded")
        found = os.environ.get(var)
        if found is None or found == "":
            if default is not None:
                return default
            raise ConfigError(
                f"{source}: {key} refers to environment variable ${{{var}}}, which is not set;"
                f" export {var}=... or change {key}"
            )
        return found

    opened = _OPEN_REF.search(_ENV_REF.sub("", value))
    if opened:  # "${DASHSCOPE_API_KEY" with no "}": an error, never a literal key
        name = opened.group(1) or "VAR"
        raise ConfigError(
            f"{source}: {key}: `${{{name}` is never closed; write `${{{name}}}`"
        )
    return _ENV_REF.sub(replace, value)


def _redirects(table: ProviderConfig | None, spec: ProviderSpec | None) -> str | None:
    """Where a config table sends a provider other than its own hosts (``None``: nowhere)."""
    if spec is None:
        return "a provider the file defines"
    if table is None:
        return None
    if table.base_url:
        return f"base_url = {_public_url(table.base_url)!r}"
    if table.type and table.type != spec.type:
        return f"type = {table.type!r}"
    for name, target in table.endpoints.items():
        if "://" in target:
            return f"endpoints.{name} = {_public_url(target)!r}"
    return None


def provider_settings(config: Config, name: str) -> ProviderSettings:
    """Settings of one provider: its config table (interpolated), then environment defaults."""
    table = config.provider_config(name)
    spec = PROVIDERS.get(name)
    type_name = (table.type if table else None) or (spec.type if spec else None)
    if type_name is None:
        raise ConfigError(
            f"{config.source}: provider {name!r} is not built in; add [providers.{name}] with"
            ' type = "openai-compatible" and base_url = "https://..."'
        )
    values: dict[str, Any] = {}
    redirect = None if config.trusted else _redirects(table, spec)
    env_names = spec.env if spec is not None else {}
    if table is not None:
        for field_name in table.model_fields_set:
            value = getattr(table, field_name)
            key = f"providers.{name}.{field_name}"
            # An untrusted file may name only the variable the provider reads anyway, for that
            # same credential, and only while the provider goes to its own hosts.
            allowed: frozenset[str] | None = None
            if not config.trusted:
                own = env_names.get(field_name, ()) if field_name in _SECRET_KEYS else ()
                allowed = frozenset(() if redirect else own)
            if isinstance(value, SecretStr):
                value = SecretStr(_interpolate(value.get_secret_value(), key, config, allowed))
            elif isinstance(value, str):
                value = _interpolate(value, key, config, allowed)
            elif isinstance(value, dict):
                value = {
                    k: _interpolate(v, f"{key}.{k}", config, allowed) for k, v in value.items()
                }
            values[field_name] = value
    if spec is not None:
        for field_name, names in spec.env.items():
            if values.get(field_name) is not None:
                continue
            for env_name in names:
                found = os.environ.get(env_name)
                if found:
                    is_secret = field_name in _SECRET_KEYS
                    if is_secret and redirect:
                        raise _untrusted(
                            config,
                            f"it may not point providers.{name} elsewhere ({redirect}) while"
                            f" the key comes from ${env_name}",
                        )
                    values[field_name] = SecretStr(found) if is_secret else found
                    break
        if not values.get("base_url") and spec.base_url and type_name == spec.type:
            values.setdefault("base_url", spec.base_url)
    base_url = values.get("base_url")
    if isinstance(base_url, str):
        _check_base_url(base_url, name)
        if table is not None and table.follow_redirects:
            if not config.trusted:
                raise _untrusted(config, f"providers.{name}.follow_redirects is not honoured")
            allow_redirects_from(base_url)
    if type_name == "openai-compatible" and not values.get("base_url"):
        raise ConfigError(
            f'{config.source}: providers.{name} has type = "openai-compatible" but no base_url;'
            ' add base_url = "https://.../v1"'
        )
    kwargs = {k: v for k, v in values.items() if k in _SETTINGS_FIELDS and v is not None}
    return ProviderSettings(name=name, type=type_name, **kwargs)


_SETTINGS_FIELDS = frozenset(
    {
        "base_url",
        "api_key",
        "access_key",
        "secret_key",
        "organization",
        "project",
        "region",
        "api",
        "workspace",
        "app_id",
        "auth",
        "headers",
        "endpoints",
    }
)

_LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_warned_plain: set[str] = set()


def _check_base_url(url: str, provider: str) -> None:
    """A password in ``base_url`` is a secret (masked in logs and errors); plain ``http://`` to a
    host that is not loopback gets one warning per host (keys and prompts travel in clear)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        password = parts.password
    except ValueError:
        return
    if password:
        register_secret(password)
    loopback = host in _LOOPBACK or host.startswith("127.")
    if parts.scheme == "http" and host and not loopback and host not in _warned_plain:
        _warned_plain.add(host)
        warnings.warn(
            f"providers.{provider}.base_url uses plain http:// to {host}: the API key and"
            " every prompt cross the network unencrypted; use https://",
            UserWarning,
            stacklevel=4,
        )
