"""``client.chat.completions``, sync and async: OpenAI's signature, any provider's wire.

The target walk, request building and fallback are shared with embeddings (``_resources.py``);
these classes only hold the public signatures and pick the sync or async send path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal, overload

import httpx

from ._resources import (
    _async_chat,
    _async_stream,
    _chat_options,
    _chat_steps,
    _next_or_raise,
    _sync_chat,
    _sync_stream,
)
from ._streaming import AsyncStream, Stream
from ._transport import async_send, sync_send
from .errors import APIError
from .types import ChatCompletion

if TYPE_CHECKING:
    from ._client import AsyncClient, Client, MessageParam

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

    def __init__(self, client: Client) -> None:
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
        what = "chat stream" if stream else "chat"
        earlier: list[APIError] = []
        options = _chat_options(locals())
        for step in _chat_steps(client, model, messages, options, stream, timeout, extra_body,
                                extra_headers):  # fmt: skip
            handle: Callable[[httpx.Response], ChatCompletion | Stream] = (
                _sync_stream(step.adapter, step.params) if stream else _sync_chat(step.adapter)
            )
            try:
                return sync_send(client.http, step.adapter, step.request, handle, step.policy, what)
            except APIError as error:
                _next_or_raise(error, earlier, step.last)
        raise AssertionError("unreachable: a model resolves to at least one target")

    create.__doc__ = _CREATE_DOC


class AsyncCompletions:
    """``client.chat.completions`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClient) -> None:
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
        what = "chat stream" if stream else "chat"
        earlier: list[APIError] = []
        options = _chat_options(locals())
        for step in _chat_steps(client, model, messages, options, stream, timeout, extra_body,
                                extra_headers):  # fmt: skip
            handle = (
                _async_stream(step.adapter, step.params) if stream else _async_chat(step.adapter)
            )
            try:
                return await async_send(
                    client.http, step.adapter, step.request, handle, step.policy, what
                )
            except APIError as error:
                _next_or_raise(error, earlier, step.last)
        raise AssertionError("unreachable: a model resolves to at least one target")

    create.__doc__ = _CREATE_DOC


class Chat:
    """``client.chat``."""

    def __init__(self, client: Client) -> None:
        self.completions = Completions(client)


class AsyncChat:
    """``client.chat`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClient) -> None:
        self.completions = AsyncCompletions(client)
