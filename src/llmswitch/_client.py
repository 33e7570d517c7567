"""``Client`` / ``AsyncClient``: the public clients. They own the httpx client and the resources.

The constructor takes openai-python's options (``api_key``, ``base_url``, ``organization``,
``project``, ``default_headers``, ``default_query``, ``timeout``, ``max_retries``,
``http_client``), which configure the default provider, plus llmswitch's ``config``.
Everything that does no IO lives in :class:`~llmswitch._routing.Router` (resolving a model
string to targets, building adapters, checking parameters), which both clients subclass; the
steps of one call live in :mod:`llmswitch._pipeline`; the public signatures in
:mod:`llmswitch.resources`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, TypeVar

import httpx

from ._config import Config
from ._http import new_async_http_client, new_http_client
from ._options import ClientOptions, merge_options
from ._routing import AsyncClientCore, Router, SyncClientCore, Timeout
from ._sentinels import NOT_GIVEN, NotGiven
from ._transport import RetryPolicy
from .errors import ConfigError
from .resources import AsyncChat, AsyncEmbeddings, AsyncModels, Chat, Embeddings, Models

__all__ = ["AsyncClient", "Client"]

ConfigArg = str | os.PathLike[str] | Mapping[str, Any] | Config | None
C = TypeVar("C", bound="_ClientMixin")


class _ClientMixin(Router):
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
    def config_path(self) -> str:
        """Where the configuration came from: a file path, ``<dict>`` or ``<defaults>``."""
        return self.config.source

    def _copy_kwargs(
        self,
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
    ) -> dict[str, Any]:
        options = merge_options(
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
        return {
            "options": options,
            "timeout": self.timeout if isinstance(timeout, NotGiven) else timeout,
            "max_retries": self.max_retries if isinstance(max_retries, NotGiven) else max_retries,
            "drop_unsupported_params": self.drop_unsupported_params
            if drop_unsupported_params is None
            else drop_unsupported_params,
        }


class Client(_ClientMixin, SyncClientCore):
    """The synchronous client: ``client.chat.completions.create(...)``, ``client.embeddings``,
    ``client.models``.

    >>> client = Client(api_key="sk-...")  # as openai.OpenAI(api_key=...)  # doctest: +SKIP
    >>> client = Client({"providers": {"qwen": {"api_key": "sk-..."}}})   # doctest: +SKIP
    >>> client.chat.completions.create(model="qwen/qwen-plus", messages=[...])  # doctest: +SKIP
    """

    def __init__(
        self,
        config: ConfigArg = None,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, Any] | None = None,
        default_query: Mapping[str, Any] | None = None,
        http_client: httpx.Client | None = None,
        drop_unsupported_params: bool | None = None,
        retry_policy: RetryPolicy | None = None,
        options: ClientOptions | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if options is None:
            options = merge_options(
                ClientOptions(),
                api_key=api_key,
                organization=organization,
                project=project,
                base_url=str(base_url).rstrip("/") if base_url is not None else None,
                default_headers=default_headers,
                default_query=default_query,
            )
        super().__init__(
            config,
            options=options,
            max_retries=max_retries,
            timeout=timeout,
            drop_unsupported_params=drop_unsupported_params,
            retry_policy=retry_policy,
        )
        self._retry_policy = retry_policy
        self._owns_http = http_client is None
        self.http = http_client or new_http_client()
        self.chat = Chat(self)
        self.embeddings = Embeddings(self)
        self.models = Models(self)
        self.beta = Beta(self.chat)

    def copy(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.Client | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, Any] | None = None,
        set_default_headers: Mapping[str, Any] | None = None,
        default_query: Mapping[str, Any] | None = None,
        set_default_query: Mapping[str, Any] | None = None,
        drop_unsupported_params: bool | None = None,
        **_: Any,
    ) -> Client:
        """A new client with some options changed, sharing this one's config and connection
        pool (as openai-python's ``copy`` / ``with_options``)."""
        kwargs = self._copy_kwargs(
            api_key=api_key,
            organization=organization,
            project=project,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            drop_unsupported_params=drop_unsupported_params,
        )
        policy = self._retry_policy if isinstance(max_retries, NotGiven) else None
        return type(self)(
            self.config, http_client=http_client or self.http, retry_policy=policy, **kwargs
        )

    with_options = copy

    def is_closed(self) -> bool:
        return self.http.is_closed

    def close(self) -> None:
        """Close the connection pool (only if llmswitch created it)."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(_ClientMixin, AsyncClientCore):
    """The asynchronous client: ``await client.chat.completions.create(...)``.

    >>> async with AsyncClient() as client:   # doctest: +SKIP
    ...     await client.chat.completions.create(model="glm/glm-4-flash", messages=[...])
    """

    def __init__(
        self,
        config: ConfigArg = None,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, Any] | None = None,
        default_query: Mapping[str, Any] | None = None,
        http_client: httpx.AsyncClient | None = None,
        drop_unsupported_params: bool | None = None,
        retry_policy: RetryPolicy | None = None,
        options: ClientOptions | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        _strict_response_validation: bool = False,
    ) -> None:
        if options is None:
            options = merge_options(
                ClientOptions(),
                api_key=api_key,
                organization=organization,
                project=project,
                base_url=str(base_url).rstrip("/") if base_url is not None else None,
                default_headers=default_headers,
                default_query=default_query,
            )
        super().__init__(
            config,
            options=options,
            max_retries=max_retries,
            timeout=timeout,
            drop_unsupported_params=drop_unsupported_params,
            retry_policy=retry_policy,
        )
        self._retry_policy = retry_policy
        self._owns_http = http_client is None
        self.http = http_client or new_async_http_client()
        self.chat = AsyncChat(self)
        self.embeddings = AsyncEmbeddings(self)
        self.models = AsyncModels(self)
        self.beta = AsyncBeta(self.chat)

    def copy(
        self,
        *,
        api_key: str | None = None,
        organization: str | None = None,
        project: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        http_client: httpx.AsyncClient | None = None,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, Any] | None = None,
        set_default_headers: Mapping[str, Any] | None = None,
        default_query: Mapping[str, Any] | None = None,
        set_default_query: Mapping[str, Any] | None = None,
        drop_unsupported_params: bool | None = None,
        **_: Any,
    ) -> AsyncClient:
        """A new client with some options changed, sharing this one's config and connection
        pool (as openai-python's ``copy`` / ``with_options``)."""
        kwargs = self._copy_kwargs(
            api_key=api_key,
            organization=organization,
            project=project,
            base_url=base_url,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
            set_default_headers=set_default_headers,
            default_query=default_query,
            set_default_query=set_default_query,
            drop_unsupported_params=drop_unsupported_params,
        )
        policy = self._retry_policy if isinstance(max_retries, NotGiven) else None
        return type(self)(
            self.config, http_client=http_client or self.http, retry_policy=policy, **kwargs
        )

    with_options = copy

    def is_closed(self) -> bool:
        return self.http.is_closed

    async def close(self) -> None:
        """Close the connection pool (only if llmswitch created it)."""
        if self._owns_http:
            await self.http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()


class Beta:
    """``client.beta``: openai-python's older home of ``chat.completions.parse`` / ``stream``."""

    def __init__(self, chat: Chat) -> None:
        self.chat = chat


class AsyncBeta:
    """``client.beta`` of :class:`AsyncClient`."""

    def __init__(self, chat: AsyncChat) -> None:
        self.chat = chat
