"""``client.chat.completions``, sync and async: OpenAI's signature, any provider's wire.

The target walk, request building, sending and fallback live in :mod:`llmswitch._pipeline`
(shared with every resource); these classes only hold the public signatures and pick the
sync or async handler.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, overload

import httpx

from .._pipeline import (
    async_chat,
    async_stream,
    chat_options,
    chat_steps,
    run_async,
    run_sync,
    sync_chat,
    sync_stream,
)
from .._routing import AsyncClientCore, MessageParam, SyncClientCore
from .._streaming import AsyncStream, Stream
from ..types import ChatCompletion

__all__ = ["AsyncChat", "AsyncCompletions", "Chat", "Completions"]

_CREATE_DOC = """Create a chat completion, OpenAI-style, on whichever provider ``model`` names.

``model`` is ``"provider/model-id"`` (``"qwen/qwen-plus"``), or an alias from config (a list
of targets is a fallback chain). ``messages`` are dicts or :mod:`llmswitch.types` models.
With ``stream=True`` the result is a stream of :class:`ChatCompletionChunk`; use it as a
context manager and call ``get_final_completion()`` for the assembled answer.
A parameter the provider cannot honour raises :class:`UnsupportedParameterError` unless
``drop_unsupported_params`` is set. Example::

    resp = client.chat.completions.create(
        model="glm/glm-4-flash", messages=[{"role": "user", "content": "Hi"}])
    print(resp.choices[0].message.content, resp.provider)
"""


class Completions:
    """``client.chat.completions``."""

    def __init__(self, client: SyncClientCore) -> None:
        self._client = client

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[False] = False,
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        stop: str | list[str] | None = None,
        seed: int | None = None,
        user: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        frequency_penalty: float | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        logit_bias: dict[str, int] | None = None,
        tools: list[Any] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        parallel_tool_calls: bool | None = None,
        response_format: Mapping[str, Any] | Any | None = None,
        stream_options: dict[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatCompletion: ...

    @overload
    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[True],
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        stop: str | list[str] | None = None,
        seed: int | None = None,
        user: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        frequency_penalty: float | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        logit_bias: dict[str, int] | None = None,
        tools: list[Any] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        parallel_tool_calls: bool | None = None,
        response_format: Mapping[str, Any] | Any | None = None,
        stream_options: dict[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Stream: ...

    def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool = False,
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        stop: str | list[str] | None = None,
        seed: int | None = None,
        user: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        frequency_penalty: float | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        logit_bias: dict[str, int] | None = None,
        tools: list[Any] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        parallel_tool_calls: bool | None = None,
        response_format: Mapping[str, Any] | Any | None = None,
        stream_options: dict[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatCompletion | Stream:
        client = self._client
        options = chat_options(locals())
        steps = chat_steps(
            client, model, messages, options, stream, timeout, extra_body, extra_headers
        )
        if stream:
            return run_sync(client.http, steps, sync_stream, "chat stream")
        return run_sync(client.http, steps, sync_chat, "chat")

    create.__doc__ = _CREATE_DOC


class AsyncCompletions:
    """``client.chat.completions`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self._client = client

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[False] = False,
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        stop: str | list[str] | None = None,
        seed: int | None = None,
        user: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        frequency_penalty: float | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        logit_bias: dict[str, int] | None = None,
        tools: list[Any] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        parallel_tool_calls: bool | None = None,
        response_format: Mapping[str, Any] | Any | None = None,
        stream_options: dict[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: Literal[True],
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        stop: str | list[str] | None = None,
        seed: int | None = None,
        user: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        frequency_penalty: float | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        logit_bias: dict[str, int] | None = None,
        tools: list[Any] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        parallel_tool_calls: bool | None = None,
        response_format: Mapping[str, Any] | Any | None = None,
        stream_options: dict[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> AsyncStream: ...

    async def create(
        self,
        *,
        model: str,
        messages: Iterable[MessageParam],
        stream: bool = False,
        temperature: float | None = None,
        top_p: float | None = None,
        max_tokens: int | None = None,
        max_completion_tokens: int | None = None,
        stop: str | list[str] | None = None,
        seed: int | None = None,
        user: str | None = None,
        n: int | None = None,
        presence_penalty: float | None = None,
        frequency_penalty: float | None = None,
        logprobs: bool | None = None,
        top_logprobs: int | None = None,
        logit_bias: dict[str, int] | None = None,
        tools: list[Any] | None = None,
        tool_choice: str | Mapping[str, Any] | None = None,
        parallel_tool_calls: bool | None = None,
        response_format: Mapping[str, Any] | Any | None = None,
        stream_options: dict[str, Any] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> ChatCompletion | AsyncStream:
        client = self._client
        options = chat_options(locals())
        steps = chat_steps(
            client, model, messages, options, stream, timeout, extra_body, extra_headers
        )
        if stream:
            return await run_async(client.http, steps, async_stream, "chat stream")
        return await run_async(client.http, steps, async_chat, "chat")

    create.__doc__ = _CREATE_DOC


class Chat:
    """``client.chat``."""

    def __init__(self, client: SyncClientCore) -> None:
        self.completions = Completions(client)


class AsyncChat:
    """``client.chat`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self.completions = AsyncCompletions(client)
