"""The configuration's shape: pydantic models of the TOML file (``[defaults]``,
``[providers.*]``, ``[aliases]``), validated with errors that name the key and the fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError

from .providers import PROVIDERS, canonical_provider

__all__ = ["Config", "DefaultsConfig", "ProviderConfig", "Target"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DefaultsConfig(_Strict):
    """``[defaults]``: what applies when a call or provider does not say otherwise."""

    provider: str | None = None
    timeout: float | None = Field(default=None, gt=0)
    """Seconds per request (a deadline). Unset: openai-python's default, 600 s per read and
    5 s to connect."""
    max_retries: int = Field(default=2, ge=0, le=10)
    max_retry_after: float = Field(default=120.0, ge=0)
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
    follow_redirects: bool | None = None
    """Follow redirects to other origins for this provider (default: refused; see _http)."""

    def __repr_args__(self) -> Any:
        # A password in base_url and header values (often credentials) stay out of reprs.
        for key, value in super().__repr_args__():
            if key == "base_url" and isinstance(value, str):
                yield key, _public_url(value)
            elif key == "headers" and value:
                yield key, dict.fromkeys(value, "***")
            else:
                yield key, value


class Config(_Strict):
    """A whole llmswitch configuration (the TOML file, validated)."""

    defaults: DefaultsConfig = Field(default_factory=DefaultsConfig)
    providers: dict[str, ProviderConfig] = Field(default_factory=dict)
    aliases: dict[str, str | list[str]] = Field(default_factory=dict)
    source: str = Field(default="<defaults>", exclude=True)
    """Where this config came from (a path, ``<dict>`` or ``<defaults>``), for error messages."""
    path: str | None = Field(default=None, exclude=True)
    """The absolute path of the file loaded, ``None`` when no file was (a dict, the defaults)."""
    trusted: bool = Field(default=True, exclude=True)
    """False for a discovered ``./llmswitch.toml`` the user has not allowed (see the module)."""
    trust_reason: str = Field(default="no file", exclude=True)
    """Why the config is trusted or not, in words (shown by ``llmswitch doctor``)."""

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
_INTERNAL = frozenset({"source", "path", "trusted", "trust_reason"})


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
            allowed = ", ".join(f for f in model.model_fields if f not in _INTERNAL)
            lines.append(f"  {loc}: unknown key; allowed keys here: {allowed}")
        elif _SECRET_KEYS.intersection(str(p) for p in err["loc"]):
            # Never echo what was given for a secret, even a mistyped one.
            got = type(err.get("input")).__name__
            lines.append(f"  {loc}: {err['msg']} (got a value of type {got})")
        else:
            lines.append(f"  {loc}: {err['msg']} (got {err.get('input')!r})")
    return "\n".join(lines)


def _public_url(url: str) -> str:
    """``url`` without a password (for messages and reprs)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    if parts.password:
        netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        return parts._replace(netloc=netloc).geturl()
    return url
