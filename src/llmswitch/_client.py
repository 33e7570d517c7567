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

from collections.abc import Mapping
from typing import Any

import httpx

from ._client_core import (
    ClientMixin,
    ConfigArg,
    check_http_client,
    constructor_options,
    max_retries_arg,
    timeout_arg,
)
from ._http import new_async_http_client, new_http_client
from ._options import ClientOptions
from ._pipeline import run_async, run_sync
from ._requests import RequestOptions, async_cast_handler, cast_handler, generic_steps
from ._routing import AsyncClientCore, SyncClientCore, Timeout
from ._sentinels import NOT_GIVEN, NotGiven
from ._transport import RetryPolicy
from .resources import AsyncChat, AsyncEmbeddings, AsyncModels, Chat, Embeddings, Models
from .resources.responses import Responses
from .resources.responses_async import AsyncResponses

__all__ = ["AsyncClient", "Client"]


class Client(ClientMixin, SyncClientCore):
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
        max_retries: int | NotGiven = NOT_GIVEN,
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
        check_http_client(http_client, httpx.Client, "Client")
        if options is None:
            options = constructor_options(api_key, organization, project, base_url, default_headers,
                               default_query)  # fmt: skip
        super().__init__(
            config,
            options=options,
            max_retries=max_retries_arg(max_retries),
            timeout=timeout_arg(timeout, http_client),
            drop_unsupported_params=drop_unsupported_params,
            retry_policy=retry_policy,
        )
        self._retry_policy = retry_policy
        self._owns_http = http_client is None
        self.http = http_client or new_http_client()
        self.chat = Chat(self)
        self.embeddings = Embeddings(self)
        self.models = Models(self)
        self.responses = Responses(self)
        self.beta = Beta(self.chat)

    def copy(
        self,
        config: ConfigArg = None,
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
        retry_policy: RetryPolicy | None = None,
        options: ClientOptions | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        _strict_response_validation: bool | None = None,
        **_: Any,
    ) -> Client:
        """A new client with some options changed, sharing this one's config and connection
        pool (as openai-python's ``copy`` / ``with_options``)."""
        copied: Client = self._copy(
            config,
            http_client,
            retry_policy,
            options,
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
        return copied

    with_options = copy

    # ---- openai-python's low-level requests ("undocumented endpoints") ----------------------

    def _request(self, method: str, path: str, cast_to: Any, **kwargs: Any) -> Any:
        steps = generic_steps(self, method, path, **kwargs)
        return run_sync(self.http, steps, cast_handler(cast_to), f"{method} {path}")

    def get(self, path: str, *, cast_to: Any, options: RequestOptions | None = None) -> Any:
        """``GET path`` on the default provider's API (auth, errors and retries included)."""
        return self._request("get", path, cast_to, options=options)

    def post(
        self,
        path: str,
        *,
        cast_to: Any,
        body: Any = None,
        content: bytes | str | None = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """``POST path`` with a JSON ``body`` (or raw ``content``) on the default provider."""
        return self._request("post", path, cast_to, body=body, content=content, options=options)

    def put(
        self, path: str, *, cast_to: Any, body: Any = None, options: RequestOptions | None = None
    ) -> Any:
        return self._request("put", path, cast_to, body=body, options=options)

    def patch(
        self, path: str, *, cast_to: Any, body: Any = None, options: RequestOptions | None = None
    ) -> Any:
        return self._request("patch", path, cast_to, body=body, options=options)

    def delete(
        self, path: str, *, cast_to: Any, body: Any = None, options: RequestOptions | None = None
    ) -> Any:
        return self._request("delete", path, cast_to, body=body, options=options)

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


class AsyncClient(ClientMixin, AsyncClientCore):
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
        max_retries: int | NotGiven = NOT_GIVEN,
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
        check_http_client(http_client, httpx.AsyncClient, "AsyncClient")
        if options is None:
            options = constructor_options(api_key, organization, project, base_url, default_headers,
                               default_query)  # fmt: skip
        super().__init__(
            config,
            options=options,
            max_retries=max_retries_arg(max_retries),
            timeout=timeout_arg(timeout, http_client),
            drop_unsupported_params=drop_unsupported_params,
            retry_policy=retry_policy,
        )
        self._retry_policy = retry_policy
        self._owns_http = http_client is None
        self.http = http_client or new_async_http_client()
        self.chat = AsyncChat(self)
        self.embeddings = AsyncEmbeddings(self)
        self.models = AsyncModels(self)
        self.responses = AsyncResponses(self)
        self.beta = AsyncBeta(self.chat)

    def copy(
        self,
        config: ConfigArg = None,
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
        retry_policy: RetryPolicy | None = None,
        options: ClientOptions | None = None,
        webhook_secret: str | None = None,
        websocket_base_url: str | httpx.URL | None = None,
        _strict_response_validation: bool | None = None,
        **_: Any,
    ) -> AsyncClient:
        """A new client with some options changed, sharing this one's config and connection
        pool (as openai-python's ``copy`` / ``with_options``)."""
        copied: AsyncClient = self._copy(
            config,
            http_client,
            retry_policy,
            options,
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
        return copied

    with_options = copy

    # ---- openai-python's low-level requests ("undocumented endpoints") ----------------------

    async def _request(self, method: str, path: str, cast_to: Any, **kwargs: Any) -> Any:
        steps = generic_steps(self, method, path, **kwargs)
        return await run_async(self.http, steps, async_cast_handler(cast_to), f"{method} {path}")

    async def get(self, path: str, *, cast_to: Any, options: RequestOptions | None = None) -> Any:
        """``GET path`` on the default provider's API (auth, errors and retries included)."""
        return await self._request("get", path, cast_to, options=options)

    async def post(
        self,
        path: str,
        *,
        cast_to: Any,
        body: Any = None,
        content: bytes | str | None = None,
        options: RequestOptions | None = None,
    ) -> Any:
        """``POST path`` with a JSON ``body`` (or raw ``content``) on the default provider."""
        return await self._request(
            "post", path, cast_to, body=body, content=content, options=options
        )

    async def put(
        self, path: str, *, cast_to: Any, body: Any = None, options: RequestOptions | None = None
    ) -> Any:
        return await self._request("put", path, cast_to, body=body, options=options)

    async def patch(
        self, path: str, *, cast_to: Any, body: Any = None, options: RequestOptions | None = None
    ) -> Any:
        return await self._request("patch", path, cast_to, body=body, options=options)

    async def delete(
        self, path: str, *, cast_to: Any, body: Any = None, options: RequestOptions | None = None
    ) -> Any:
        return await self._request("delete", path, cast_to, body=body, options=options)

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
