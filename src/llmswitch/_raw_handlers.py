"""Raw responses (``with_raw_response`` / ``with_streaming_response``): the pipeline's handlers,
wrapped so that ``parse()`` runs the plain handler on the kept response."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import httpx

from ._pipeline import Step, include_usage
from ._response import APIResponse, AsyncAPIResponse, LegacyAPIResponse
from ._streaming import AsyncStream
from ._transport import read_async, read_sync
from .providers._base import ChatParams, EmbeddingParams
from .types import CreateEmbeddingResponse

__all__ = [
    "async_raw",
    "async_streamed",
    "parse_read_chat",
    "parse_read_embeddings",
    "sync_raw",
    "sync_streamed",
]

P = TypeVar("P")
T = TypeVar("T")

Handler = Callable[[Step[P]], Callable[[httpx.Response], T]]
AsyncHandler = Callable[[Step[P]], Callable[[httpx.Response], Awaitable[T]]]


# ---- raw responses: the same handlers, wrapped (``with_raw_response``,
# ``with_streaming_response``); ``parse()`` runs the plain handler on the kept response ----


def sync_raw(handler: Handler[P, T], *, read: bool) -> Handler[P, LegacyAPIResponse[T]]:
    """``with_raw_response``: the body is read now (unless the call streams), parsed on
    ``parse()``."""

    def factory(step: Step[P]) -> Callable[[httpx.Response], LegacyAPIResponse[T]]:
        inner = handler(step)

        def handle(response: httpx.Response) -> LegacyAPIResponse[T]:
            if read:
                read_sync(response, step.adapter.name)
            return LegacyAPIResponse(response, lambda: inner(response))

        return handle

    return factory


def sync_streamed(handler: Handler[P, T]) -> Handler[P, APIResponse[T]]:
    """``with_streaming_response``: nothing is read until the caller asks."""

    def factory(step: Step[P]) -> Callable[[httpx.Response], APIResponse[T]]:
        inner = handler(step)

        def handle(response: httpx.Response) -> APIResponse[T]:
            return APIResponse(response, lambda: inner(response))

        return handle

    return factory


def async_raw(
    handler: AsyncHandler[P, T], sync_parse: Callable[[Step[P], httpx.Response], T]
) -> AsyncHandler[P, LegacyAPIResponse[T]]:
    """Async ``with_raw_response``: the body is read now unless the call streams;
    ``parse()`` is synchronous (as in openai-python) and runs ``sync_parse``."""

    def factory(step: Step[P]) -> Callable[[httpx.Response], Awaitable[LegacyAPIResponse[T]]]:
        streaming = bool(getattr(step.params, "stream", False))

        async def handle(response: httpx.Response) -> LegacyAPIResponse[T]:
            if not streaming:
                await read_async(response, step.adapter.name)
            return LegacyAPIResponse(response, lambda: sync_parse(step, response))

        return handle

    return factory


def async_streamed(handler: AsyncHandler[P, T]) -> AsyncHandler[P, AsyncAPIResponse[T]]:
    """Async ``with_streaming_response``."""

    def factory(step: Step[P]) -> Callable[[httpx.Response], Awaitable[AsyncAPIResponse[T]]]:
        inner = handler(step)

        async def handle(response: httpx.Response) -> AsyncAPIResponse[T]:
            return AsyncAPIResponse(response, lambda: inner(response))

        return handle

    return factory


def parse_read_chat(step: Step[ChatParams], response: httpx.Response) -> Any:
    """The result of an async raw chat response whose body is read (or a stream not started)."""
    if step.params.stream:
        parser = step.adapter.chunk_parser(step.params)
        return AsyncStream(response, step.adapter, parser, include_usage(step.params))
    return step.adapter.parse_chat_response(response)


def parse_read_embeddings(
    step: Step[EmbeddingParams], response: httpx.Response
) -> CreateEmbeddingResponse:
    """The result of an async raw embeddings response whose body is read."""
    return step.adapter.parse_embeddings_response(response, step.params)
