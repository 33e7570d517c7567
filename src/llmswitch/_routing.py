"""The IO-free half of a client: config, model routing, parameter checks, request finishing.

:class:`Router` is the base of ``Client`` and ``AsyncClient``: it resolves a model string to
``(adapter, target)`` pairs (one, or a fallback chain), builds adapters on first use, checks
each option against the adapter's ``PARAMS`` declarations, and applies a call's timeout and
headers to the request an adapter built. :class:`SyncClientCore` / :class:`AsyncClientCore` add
the one thing the send path needs (an httpx client), so resources can be typed against them
without importing the client module above.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from typing import Any

import httpx
from pydantic import BaseModel

from ._config import Config, Target, load_config, provider_settings, resolve_model
from ._options import ClientOptions, apply_headers, apply_query
from ._sentinels import NOT_GIVEN, NotGiven, is_given
from ._transport import RetryPolicy, apply_timeout
from ._version import __version__
from .errors import ConfigError, InvalidRequestError, UnsupportedParameterError
from .providers import PROVIDERS, adapter_class
from .providers._base import (
    Adapter,
    ChatParams,
    EmbeddingInput,
    EmbeddingParams,
    ProviderSettings,
)

__all__ = [
    "DEFAULT_TIMEOUT",
    "AsyncClientCore",
    "MessageParam",
    "Router",
    "SyncClientCore",
    "Timeout",
    "normalize_messages",
]

Timeout = float | httpx.Timeout | None
"""A call's or client's timeout: seconds, an ``httpx.Timeout``, or ``None`` for none at all."""

MessageParam = Mapping[str, Any] | BaseModel

_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
_DEFAULT_CONNECT_TIMEOUT = 5.0
DEFAULT_TIMEOUT = httpx.Timeout(timeout=600.0, connect=_DEFAULT_CONNECT_TIMEOUT)
"""openai-python's default: 600 s for each read, write and pool wait, 5 s to connect."""
_USER_AGENT = f"llmswitch/{__version__} httpx/{httpx.__version__}"


def _as_dict(value: Any, what: str) -> dict[str, Any]:
    if isinstance(value, BaseModel):
        return value.model_dump(exclude_none=True, by_alias=True)
    if isinstance(value, Mapping):
        return value if isinstance(value, dict) else dict(value)
    raise InvalidRequestError(
        f"{what} must be a dict or a pydantic model, got {type(value).__name__}"
    )


def normalize_messages(messages: Iterable[MessageParam]) -> list[dict[str, Any]]:
    """Check and convert messages (dicts or models) into OpenAI-shaped dicts, without copying
    dicts that are already fine."""
    if isinstance(messages, (str, bytes)) or not isinstance(messages, Iterable):
        raise InvalidRequestError(
            'messages must be a list of messages such as [{"role": "user", "content": "Hi"}]'
        )
    out: list[dict[str, Any]] = []
    for index, message in enumerate(messages):
        item = _as_dict(message, f"messages[{index}]")
        role = item.get("role")
        if role not in _ROLES:
            raise InvalidRequestError(
                f"messages[{index}] has role {role!r}; use one of: {', '.join(sorted(_ROLES))}"
            )
        content = item.get("content")
        if content is not None and not isinstance(content, (str, list)):
            raise InvalidRequestError(
                f"messages[{index}].content must be a string or a list of content parts,"
                f" got {type(content).__name__}"
            )
        if role == "tool" and not item.get("tool_call_id"):
            raise InvalidRequestError(
                f"messages[{index}] is a tool result without tool_call_id; copy the id of the"
                " assistant's tool call"
            )
        if content is None and role in ("system", "user", "developer", "tool"):
            raise InvalidRequestError(f"messages[{index}] ({role}) has no content")
        out.append(item)
    if not out:
        raise InvalidRequestError("messages is empty; give at least one message")
    return out


class Router:
    """Configuration, routing and parameter checks shared by ``Client`` and ``AsyncClient``
    (they subclass it): model string → adapters and targets, options → checked parameters,
    adapter request → request with the call's timeout and headers. No IO."""

    def __init__(
        self,
        config: str | os.PathLike[str] | Mapping[str, Any] | Config | None = None,
        *,
        options: ClientOptions | None = None,
        max_retries: int | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        drop_unsupported_params: bool | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        self.config = load_config(config)
        defaults = self.config.defaults
        self.options = options or ClientOptions()
        self.max_retries = defaults.max_retries if max_retries is None else max_retries
        if isinstance(timeout, NotGiven):
            timeout = DEFAULT_TIMEOUT if defaults.timeout is None else defaults.timeout
        self.timeout: Timeout = timeout
        self.drop_unsupported_params = (
            defaults.drop_unsupported_params
            if drop_unsupported_params is None
            else drop_unsupported_params
        )
        self._policy = retry_policy or RetryPolicy(
            self.max_retries, max_retry_after=defaults.max_retry_after
        )
        self._policies: dict[str, RetryPolicy] = {}
        self._adapters: dict[str, Adapter] = {}
        self._targets: dict[str, list[tuple[Adapter, Target]]] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(config={self.config.source!r})"

    # ---- routing ----------------------------------------------------------------------------

    @property
    def default_provider(self) -> str:
        """The provider a model string without ``provider/`` goes to, and the one the
        constructor's ``api_key`` / ``base_url`` / ``organization`` / ``project`` configure:
        ``[defaults] provider``, else ``openai`` (as in openai-python)."""
        name = self.config.defaults.provider
        return (self.config.provider_name(name) or name) if name else "openai"

    def settings(self, provider: str) -> ProviderSettings:
        """Resolved settings of a provider: config table, environment, and for the default
        provider the constructor's options on top."""
        settings = provider_settings(self.config, provider)
        if provider == self.default_provider:
            settings = self.options.settings_for(settings)
        return settings

    def adapter(self, provider: str) -> Adapter:
        """The adapter of a configured provider, built on first use (keys checked then)."""
        found = self._adapters.get(provider)
        if found is not None:
            return found
        with self._lock:
            found = self._adapters.get(provider)
            if found is None:
                settings = self.settings(provider)
                if provider in PROVIDERS and not (settings.api_key or settings.access_key):
                    env = PROVIDERS[provider].env
                    names = [*env.get("api_key", ()), *env.get("access_key", ())]
                    raise ConfigError(
                        f"no credentials for provider {provider!r}: set {' or '.join(names)},"
                        f" or api_key under [providers.{provider}] in {self.config.source}"
                    )
                found = adapter_class(settings.type)(settings)
                self._adapters[provider] = found
        return found

    def resolve(self, model: str) -> list[tuple[Adapter, Target]]:
        """Model string → ``(adapter, target)`` per target of its fallback chain."""
        found = self._targets.get(model)
        if found is None:
            config = self.config
            if config.defaults.provider is None:
                # A bare model id goes to OpenAI, as in openai-python (DESIGN section 3).
                defaults = config.defaults.model_copy(update={"provider": "openai"})
                config = config.model_copy(update={"defaults": defaults})
            found = [(self.adapter(t.provider), t) for t in resolve_model(config, model)]
            self._targets[model] = found
        return found

    def _policy_for(self, provider: str) -> RetryPolicy:
        policy = self._policies.get(provider)
        if policy is None:
            table = self.config.provider_config(provider)
            policy = self._policy
            if table is not None and table.max_retries is not None:
                policy = RetryPolicy(
                    table.max_retries,
                    max_retry_after=self._policy.max_retry_after,
                    sleep=self._policy.sleep,
                    async_sleep=self._policy.async_sleep,
                    random=self._policy.random,
                )
            self._policies[provider] = policy
        return policy

    # ---- parameters -------------------------------------------------------------------------

    def _drop_for(self, provider: str) -> bool:
        table = self.config.provider_config(provider)
        if table is not None and table.drop_unsupported_params is not None:
            return table.drop_unsupported_params
        return self.drop_unsupported_params

    def chat_params(
        self,
        adapter: Adapter,
        target: Target,
        messages: list[dict[str, Any]],
        options: dict[str, Any],
    ) -> ChatParams:
        """Check each set option against the adapter's declarations and build ``ChatParams``."""
        supported = adapter.PARAMS
        kwargs: dict[str, Any] = {}
        for name, value in options.items():
            if value is None or not is_given(value):
                continue
            support = supported.get(name)
            if support is None or support.level == "unsupported":
                if self._drop_for(adapter.name):
                    continue
                raise UnsupportedParameterError(adapter.name, name, support.note if support else "")
            kwargs[name] = value
        tools = kwargs.get("tools")
        if tools is not None:
            kwargs["tools"] = [_as_dict(t, f"tools[{i}]") for i, t in enumerate(tools)]
        response_format = kwargs.get("response_format")
        if response_format is not None:
            kwargs["response_format"] = _as_dict(response_format, "response_format")
        tool_choice = kwargs.get("tool_choice")
        if tool_choice is not None and not isinstance(tool_choice, str):
            kwargs["tool_choice"] = _as_dict(tool_choice, "tool_choice")
        return ChatParams(model=target.model, messages=messages, **kwargs)

    def embedding_params(
        self, adapter: Adapter, target: Target, input: EmbeddingInput, options: dict[str, Any]
    ) -> EmbeddingParams:
        """Check the input and build ``EmbeddingParams``: strings everywhere; token arrays
        (a list of ints, or a list of them) only on OpenAI's wire, which alone accepts them."""
        settings = getattr(adapter, "settings", None)
        openai_wire = getattr(settings, "type", None) in ("openai", "openai-compatible")
        if isinstance(input, str) and openai_wire:
            return EmbeddingParams(model=target.model, input=input, **options)  # sent as given
        items: Any = [input] if isinstance(input, str) else input
        if isinstance(items, tuple):
            items = list(items)
        if isinstance(items, list) and items and all(isinstance(t, str) for t in items):
            return EmbeddingParams(model=target.model, input=items, **options)
        tokens = isinstance(items, list) and items and (
            all(type(t) is int for t in items)
            or all(isinstance(t, list) and t and all(type(i) is int for i in t) for t in items)
        )
        if not tokens:
            raise InvalidRequestError(
                "input must be a string, a non-empty list of strings, or token arrays (a list of"
                " ints, or a list of such lists)"
            )
        if not openai_wire:
            raise InvalidRequestError(
                f"provider {adapter.name!r} takes only text input for embeddings; token arrays"
                " are an OpenAI wire feature: pass the strings instead"
            )
        return EmbeddingParams(model=target.model, input=items, **options)

    def prepare(
        self,
        request: httpx.Request,
        timeout: Timeout | NotGiven,
        extra_headers: Mapping[str, Any] | None,
        provider: str,
        extra_query: Mapping[str, Any] | None = None,
    ) -> httpx.Request:
        """Apply the call's timeout, the client's default headers and query, and the call's
        extra headers and query to a request built by an adapter (the call's win)."""
        value: Timeout | NotGiven = timeout
        if isinstance(value, NotGiven):
            table = self.config.provider_config(provider)
            value = table.timeout if table is not None and table.timeout else self.timeout
        apply_timeout(request, value, _DEFAULT_CONNECT_TIMEOUT)
        if "user-agent" not in request.headers:
            request.headers["User-Agent"] = _USER_AGENT
        options = self.options
        apply_headers(request, options.default_headers)
        apply_headers(request, extra_headers)
        apply_query(request, options.default_query)
        apply_query(request, extra_query)
        return request


class SyncClientCore(Router):
    """A :class:`Router` with the httpx client its resources send through."""

    http: httpx.Client


class AsyncClientCore(Router):
    """Async twin of :class:`SyncClientCore`."""

    http: httpx.AsyncClient
