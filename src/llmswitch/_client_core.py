"""What ``Client`` and ``AsyncClient`` share above :class:`~llmswitch._routing.Router`:
openai-python's client attributes (``api_key``, ``base_url``, ...), the option handling of
``copy`` / ``with_options``, and the constructor's argument checks."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx

from ._config import Config
from ._options import ClientOptions, merge_options
from ._routing import Router, Timeout
from ._sentinels import NotGiven
from ._transport import RetryPolicy
from .errors import ConfigError

__all__ = [
    "ClientMixin",
    "ConfigArg",
    "check_http_client",
    "constructor_options",
    "max_retries_arg",
    "timeout_arg",
]

ConfigArg = str | os.PathLike[str] | Mapping[str, Any] | Config | None


class ClientMixin(Router):
    """What both clients add to :class:`Router`: openai-python's attributes and ``copy``."""

    _owns_http: bool
    _retry_policy: RetryPolicy | None

    @property
    def api_key(self) -> str:
        """The default provider's API key (from the constructor, config or environment)."""
        try:
            key = self.settings(self.default_provider).api_key
        except ConfigError:
            return ""
        return key.get_secret_value() if key is not None else ""

    @property
    def organization(self) -> str | None:
        value: str | None = self._setting("organization")
        return value

    @property
    def project(self) -> str | None:
        value: str | None = self._setting("project")
        return value

    def _setting(self, name: str) -> Any:
        try:
            return getattr(self.settings(self.default_provider), name)
        except ConfigError:
            return None

    @property
    def base_url(self) -> httpx.URL:
        """The default provider's base URL (with a trailing ``/``, as in openai-python)."""
        url: str | None
        try:
            url = getattr(self.adapter(self.default_provider), "base_url", None)
        except ConfigError:
            url = self._setting("base_url")
        text = str(url or "")
        return httpx.URL(text if text.endswith("/") or not text else text + "/")

    @base_url.setter
    def base_url(self, url: str | httpx.URL) -> None:
        self.options = merge_options(self.options, base_url=str(url).rstrip("/"))
        self._forget(self.default_provider)

    def _forget(self, provider: str) -> None:
        with self._lock:
            self._adapters.pop(provider, None)
            self._targets.clear()

    @property
    def default_headers(self) -> dict[str, Any]:
        """Headers sent with every request of this client (``default_headers=``)."""
        return dict(self.options.default_headers)

    @property
    def default_query(self) -> dict[str, Any]:
        """Query parameters sent with every request of this client (``default_query=``)."""
        return dict(self.options.default_query)

    @property
    def config_path(self) -> str | None:
        """The configuration file loaded (``None`` for a dict or no file); whether it is trusted,
        and why, is on ``client.config.trusted`` / ``trust_reason`` (docs/config.md)."""
        return self.config.path

    def _copy(
        self,
        config: ConfigArg,
        http_client: httpx.Client | httpx.AsyncClient | None,
        retry_policy: RetryPolicy | None,
        options: ClientOptions | None,
        *,
        api_key: str | None,
        organization: str | None,
        project: str | None,
        base_url: str | httpx.URL | None,
        timeout: Timeout | NotGiven,
        max_retries: int | NotGiven,
        default_headers: Mapping[str, Any] | None,
        set_default_headers: Mapping[str, Any] | None,
        default_query: Mapping[str, Any] | None,
        set_default_query: Mapping[str, Any] | None,
        drop_unsupported_params: bool | None,
    ) -> Any:
        """``copy`` of either client: a new one of this type, sharing this one's config (unless
        ``config`` is given) and connection pool (unless ``http_client`` is)."""
        merged = merge_options(
            self.options,
            api_key=api_key,
            organization=organization,
            project=project,
            base_url=base_url,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
        )
        policy = retry_policy or (self._retry_policy if isinstance(max_retries, NotGiven) else None)
        client_type: Any = type(self)  # Client or AsyncClient, whose constructors take these
        return client_type(
            config if config is not None else self.config,
            http_client=http_client or self.http,  # type: ignore[attr-defined]
            retry_policy=policy,
            options=merged if options is None else options,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            max_retries=self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            drop_unsupported_params=self.drop_unsupported_params
            if drop_unsupported_params is None
            else drop_unsupported_params,
        )


def constructor_options(
    api_key: str | None,
    organization: str | None,
    project: str | None,
    base_url: str | httpx.URL | None,
    default_headers: Mapping[str, Any] | None,
    default_query: Mapping[str, Any] | None,
) -> ClientOptions:
    return merge_options(
        ClientOptions(),
        api_key=api_key,
        organization=organization,
        project=project,
        base_url=str(base_url).rstrip("/") if base_url is not None else None,
        default_headers=default_headers,
        default_query=default_query,
    )


def max_retries_arg(value: int | NotGiven | None) -> int | None:
    if value is None:
        raise TypeError("max_retries cannot be None: give a number (0 turns retries off)")
    return None if isinstance(value, NotGiven) else value


def timeout_arg(
    timeout: Timeout | NotGiven, http_client: httpx.Client | httpx.AsyncClient | None
) -> Any:
    """The call timeout: the argument; else, as openai-python, the given httpx client's own
    timeout when it is not httpx's default; else the config's or openai-python's default."""
    if isinstance(timeout, NotGiven) and http_client is not None:
        own = http_client.timeout
        if own != httpx.Timeout(5.0):
            return own
    return timeout


def check_http_client(http_client: object, expected: type, owner: str) -> None:
    if http_client is None or isinstance(http_client, expected):
        return
    module = type(http_client).__module__.split(".")[0]
    hint = ""
    if module == "httpx2":
        hint = (
            "; an httpx2 client (openai-python 3.x's stack) cannot be used: llmswitch's auth"
            " flows, transports and deadlines are written against httpx, so pass an"
            f" httpx.{expected.__name__} (or none: llmswitch makes its own)"
        )
    raise TypeError(
        f"Invalid `http_client` argument; Expected an instance of `{expected.__module__}."
        f"{expected.__name__}` for {owner} but got {type(http_client)}{hint}"
    )
