"""Configuration: TOML models, discovery, ``${ENV}`` interpolation and model-string resolution.

Discovery order: the ``config=`` argument (path, dict or :class:`Config`), then the file named by
``LLMSWITCH_CONFIG``, then ``./llmswitch.toml``, then nothing (each provider reads its usual
environment variables). Errors name the file, the key and the fix.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .errors import ConfigError
from .providers import PROVIDERS, canonical_provider, provider_aliases
from .providers._base import ProviderSettings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = ["Config", "DefaultsConfig", "ProviderConfig", "Target", "load_config"]

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DefaultsConfig(_Strict):
    """``[defaults]``: what applies when a call or provider does not say otherwise."""

    provider: str | None = None
    timeout: float = Field(default=60.0, gt=0)
    max_retries: int = Field(default=2, ge=0, le=10)
    max_retry_after: float = Field(default=60.0, ge=0)
    drop_unsupported_params: bool = False


class ProviderConfig(_Strict):
    """``[providers.<name>]``: keys, endpoint and API flavour of one provider."""

    type: str | None = None
    api_key: SecretStr | None = None
    access_key: SecretStr | None = None
    secret_key: SecretStr | None = None
    base_url: str | None = None
    region: str | None = None
    api: Literal["native", "compatible"] | None = None
    auth: str | None = None
    organization: str | None = None
    project: str | None = None
    workspace: str | None = None
    app_id: str | None = None
    headers: dict[str, str] = Field(default_factory=dict)
    endpoints: dict[str, str] = Field(default_factory=dict)
    timeout: float | None = Field(default=None, gt=0)
    max_retries: int | None = Field(default=None, ge=0, le=10)
    drop_unsupported_params: bool | None = None


class Config(_Strict):
    """A whole llmswitch configuration (the TOML file, validated)."""

    defaults: DefaultsConfig = Field(default_factory=DefaultsConfig)
    providers: dict[str, ProviderConfig] = Field(default_factory=dict)
    aliases: dict[str, str | list[str]] = Field(default_factory=dict)
    source: str = Field(default="<defaults>", exclude=True)
    """Where this config came from (a path, ``<dict>`` or ``<defaults>``), for error messages."""

    def provider_config(self, name: str) -> ProviderConfig | None:
        """The ``[providers.<name>]`` table for a canonical name (aliases in the file count)."""
        for key, value in self.providers.items():
            if key == name or canonical_provider(key) == name:
                return value
        return None

    def known_providers(self) -> list[str]:
        """Provider names usable in model strings: built-in ones and the config's own."""
        names = set(PROVIDERS)
        names.update(canonical_provider(k) or k for k in self.providers)
        return sorted(names)

    def provider_name(self, prefix: str) -> str | None:
        """Canonical provider name for a model-string prefix, or ``None`` if it is not one."""
        if prefix in self.providers:
            return canonical_provider(prefix) or prefix
        return canonical_provider(prefix)


@dataclass(frozen=True, slots=True)
class Target:
    """A resolved model string: which configured provider, and the provider's own model id."""

    provider: str
    model: str

    def __str__(self) -> str:
        return f"{self.provider}/{self.model}"


_SECRET_KEYS = frozenset({"api_key", "access_key", "secret_key"})


def _format_validation_error(exc: ValidationError, source: str) -> str:
    lines = [f"{source}: invalid configuration"]
    for err in exc.errors():
        loc = ".".join(str(p) for p in err["loc"])
        if err["type"] == "extra_forbidden":
            section = err["loc"][:-1]
            model: type[BaseModel] = Config
            if section[:1] == ("defaults",):
                model = DefaultsConfig
            elif section[:1] == ("providers",):
                model = ProviderConfig
            allowed = ", ".join(f for f in model.model_fields if f != "source")
            lines.append(f"  {loc}: unknown key; allowed keys here: {allowed}")
        elif _SECRET_KEYS.intersection(str(p) for p in err["loc"]):
            # Never echo what was given for a secret, even a mistyped one.
            got = type(err.get("input")).__name__
            lines.append(f"  {loc}: {err['msg']} (got a value of type {got})")
        else:
            lines.append(f"  {loc}: {err['msg']} (got {err.get('input')!r})")
    return "\n".join(lines)


def _parse(data: Mapping[str, Any], source: str) -> Config:
    try:
        config = Config.model_validate({**data, "source": source})
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
    if config is not None:
        path = Path(config)
        if not path.is_file():
            raise ConfigError(f"config file {str(path)!r} does not exist; check the path")
    elif os.environ.get("LLMSWITCH_CONFIG"):
        path = Path(os.environ["LLMSWITCH_CONFIG"])
        if not path.is_file():
            raise ConfigError(
                f"LLMSWITCH_CONFIG points to {str(path)!r}, which does not exist;"
                " fix the variable or unset it"
            )
    elif Path("llmswitch.toml").is_file():
        path = Path("llmswitch.toml")
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot be read: {exc}") from None
    return _parse(data, str(path))


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


def _interpolate(value: str, key: str, source: str) -> str:
    def replace(match: re.Match[str]) -> str:
        var, default = match.group(1), match.group(2)
        found = os.environ.get(var)
        if found is None or found == "":
            if default is not None:
                return default
            raise ConfigError(
                f"{source}: {key} refers to environment variable ${{{var}}}, which is not set;"
                f" export {var}=... or change {key}"
            )
        return found

    return _ENV_REF.sub(replace, value)


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
    if table is not None:
        for field_name in table.model_fields_set:
            value = getattr(table, field_name)
            key = f"providers.{name}.{field_name}"
            if isinstance(value, SecretStr):
                value = SecretStr(_interpolate(value.get_secret_value(), key, config.source))
            elif isinstance(value, str):
                value = _interpolate(value, key, config.source)
            elif isinstance(value, dict):
                value = {k: _interpolate(v, f"{key}.{k}", config.source) for k, v in value.items()}
            values[field_name] = value
    if spec is not None:
        for field_name, env_names in spec.env.items():
            if values.get(field_name) is not None:
                continue
            for env_name in env_names:
                found = os.environ.get(env_name)
                if found:
                    is_secret = field_name in ("api_key", "access_key", "secret_key")
                    values[field_name] = SecretStr(found) if is_secret else found
                    break
        if not values.get("base_url") and spec.base_url and type_name == spec.type:
            values.setdefault("base_url", spec.base_url)
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
