"""``client.embeddings``, sync and async (the call's steps live in :mod:`llmswitch._pipeline`)."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Any, Literal

import httpx

from .._pipeline import (
    Extras,
    async_embed,
    embedding_steps,
    run_async,
    run_sync,
    sync_embed,
)
from .._raw_handlers import (
    parse_read_embeddings,
)
from .._routing import AsyncClientCore, SyncClientCore
from .._sentinels import NOT_GIVEN, NotGiven
from ..providers._base import EmbeddingInput
from ..types import CreateEmbeddingResponse
from ._docs import EMBED_DOC
from ._wrappers import (
    AsyncWithRawResponse,
    AsyncWithStreamingResponse,
    WithRawResponse,
    WithStreamingResponse,
    async_for_mode,
    sync_for_mode,
)

__all__ = ["AsyncEmbeddings", "Embeddings"]


class Embeddings:
    """``client.embeddings``."""

    def __init__(self, client: SyncClientCore) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> WithRawResponse:
        """``.with_raw_response.create(...)``: the raw response; ``parse()`` gives the result."""
        return WithRawResponse(self, "create")

    @cached_property
    def with_streaming_response(self) -> WithStreamingResponse:
        """``with ....with_streaming_response.create(...) as response:``."""
        return WithStreamingResponse(self, "create")

    def create(
        self,
        *,
        input: EmbeddingInput,
        model: str,
        dimensions: int | NotGiven = NOT_GIVEN,
        encoding_format: Literal["float", "base64"] | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> CreateEmbeddingResponse:
        client = self._client
        arguments = locals()
        steps = embedding_steps(client, model, input, arguments, Extras.of(arguments))
        handler = sync_for_mode(sync_embed, read=True)
        result: CreateEmbeddingResponse = run_sync(client.http, steps, handler, "embeddings")
        return result

    create.__doc__ = EMBED_DOC


class AsyncEmbeddings:
    """``client.embeddings`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncWithRawResponse:
        """``.with_raw_response.create(...)``: the raw response; ``parse()`` gives the result."""
        return AsyncWithRawResponse(self, "create")

    @cached_property
    def with_streaming_response(self) -> AsyncWithStreamingResponse:
        """``with ....with_streaming_response.create(...) as response:``."""
        return AsyncWithStreamingResponse(self, "create")

    async def create(
        self,
        *,
        input: EmbeddingInput,
        model: str,
        dimensions: int | NotGiven = NOT_GIVEN,
        encoding_format: Literal["float", "base64"] | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> CreateEmbeddingResponse:
        client = self._client
        arguments = locals()
        steps = embedding_steps(client, model, input, arguments, Extras.of(arguments))
        handler = async_for_mode(async_embed, parse_read_embeddings)
        result: CreateEmbeddingResponse = await run_async(client.http, steps, handler, "embeddings")
        return result

    create.__doc__ = EMBED_DOC
