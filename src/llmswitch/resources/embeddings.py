"""``client.embeddings``, sync and async (the call's steps live in :mod:`llmswitch._pipeline`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import httpx

from .._pipeline import async_embed, embedding_steps, run_async, run_sync, sync_embed
from .._routing import AsyncClientCore, SyncClientCore
from ..types import CreateEmbeddingResponse

__all__ = ["AsyncEmbeddings", "Embeddings"]

_EMBED_DOC = """Create embeddings (always floats) for a string or a list of strings.

Example::

    resp = client.embeddings.create(model="qwen/text-embedding-v3", input=["a", "b"])
    vectors = [item.embedding for item in resp.data]
"""



class Embeddings:
    """``client.embeddings``."""

    def __init__(self, client: SyncClientCore) -> None:
        self._client = client

    def create(
        self,
        *,
        model: str,
        input: str | list[str],
        dimensions: int | None = None,
        user: str | None = None,
        encoding_format: Literal["float", "base64"] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreateEmbeddingResponse:
        client = self._client
        steps = embedding_steps(client, model, input, locals(), timeout, extra_headers)
        return run_sync(client.http, steps, sync_embed, "embeddings")

    create.__doc__ = _EMBED_DOC


class AsyncEmbeddings:
    """``client.embeddings`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self._client = client

    async def create(
        self,
        *,
        model: str,
        input: str | list[str],
        dimensions: int | None = None,
        user: str | None = None,
        encoding_format: Literal["float", "base64"] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreateEmbeddingResponse:
        client = self._client
        steps = embedding_steps(client, model, input, locals(), timeout, extra_headers)
        return await run_async(client.http, steps, async_embed, "embeddings")

    create.__doc__ = _EMBED_DOC
