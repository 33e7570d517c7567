"""``Client`` / ``AsyncClient``: the public clients. They own the httpx client and the resources.

Everything that does no IO lives in :class:`~llmswitch._routing.Router` (resolving a model
string to targets, building adapters, checking parameters), which both clients subclass; the
steps of one call live in :mod:`llmswitch._pipeline`; the public signatures in
:mod:`llmswitch.resources`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import httpx

from ._config import Config
from ._http import new_async_http_client, new_http_client
from ._routing import AsyncClientCore, SyncClientCore
from ._transport import RetryPolicy
from .resources import AsyncChat, AsyncEmbeddings, Chat, Embeddings

__all__ = ["AsyncClient", "Client"]


class Client(SyncClientCore):
    """The synchronous client: ``client.chat.completions.create(...)``, ``client.embeddings``.

    >>> client = Client({"providers": {"qwen": {"api_key": "sk-..."}}})   # doctest: +SKIP
    >>> client.chat.completions.create(model="qwen/qwen-plus", messages=[...])  # doctest: +SKIP
    """

    def __init__(
        self,
        config: str | os.PathLike[str] | Mapping[str, Any] | Config | None = None,
        *,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        drop_unsupported_params: bool | None = None,
        http_client: httpx.Client | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(
            config,
            max_retries=max_retries,
            timeout=timeout,
            drop_unsupported_params=drop_unsupported_params,
            retry_policy=retry_policy,
        )
        self._owns_http = http_client is None
        self.http = http_client or new_http_client()
        self.chat = Chat(self)
        self.embeddings = Embeddings(self)

    def close(self) -> None:
        """Close the connection pool (only if llmswitch created it)."""
        if self._owns_http:
            self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncClient(AsyncClientCore):
    """The asynchronous client: ``await client.chat.completions.create(...)``.

    >>> async with AsyncClient() as client:   # doctest: +SKIP
    ...     await client.chat.completions.create(model="glm/glm-4-flash", messages=[...])
    """

    def __init__(
        self,
        config: str | os.PathLike[str] | Mapping[str, Any] | Config | None = None,
        *,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
        drop_unsupported_params: bool | None = None,
        http_client: httpx.AsyncClient | None = None,
        retry_policy: RetryPolicy | None = None,
    ) -> None:
        super().__init__(
            config,
            max_retries=max_retries,
            timeout=timeout,
            drop_unsupported_params=drop_unsupported_params,
            retry_policy=retry_policy,
        )
        self._owns_http = http_client is None
        self.http = http_client or new_async_http_client()
        self.chat = AsyncChat(self)
        self.embeddings = AsyncEmbeddings(self)

    async def close(self) -> None:
        """Close the connection pool (only if llmswitch created it)."""
        if self._owns_http:
            await self.http.aclose()

    async def __aenter__(self) -> AsyncClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
