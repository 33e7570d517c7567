"""``client.chat.completions`` of ``AsyncClient`` (sync twin: :mod:`llmswitch.resources.chat`,
a test holds them equal); the steps of a call live in :mod:`llmswitch._pipeline`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal, overload

import httpx

from .._pipeline import (
    Extras,
    async_chat,
    async_stream,
    chat_options,
    chat_steps,
    run_async,
)
from .._raw_handlers import parse_read_chat
from .._routing import AsyncClientCore, MessageParam
from .._sentinels import NOT_GIVEN, NotGiven, is_given
from .._streaming import AsyncStream
from ..types import ChatCompletion
from ._docs import CREATE_DOC
from ._helpers import helper_kwargs as _helper_kwargs
from ._helpers import parsed as _parsed
from ._wrappers import (
    AsyncWithRawResponse,
    AsyncWithStreamingResponse,
    async_for_mode,
)

if TYPE_CHECKING:
    from ..lib import AsyncChatCompletionStreamManager, ResponseFormatT
    from ..types.parsed import ParsedChatCompletion

__all__ = ["AsyncChat", "AsyncCompletions"]


class AsyncCompletions:
    """``client.chat.completions`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self._client = client

    @cached_property
    def with_raw_response(self) -> AsyncWithRawResponse:
        """``.with_raw_response.create(...)`` returns the raw response (headers, status) whose
        ``parse()`` gives what ``create`` would."""
        return AsyncWithRawResponse(self, "create", "parse")

    @cached_property
    def with_streaming_response(self) -> AsyncWithStreamingResponse:
        """``async with ....with_streaming_response.create(...) as r:`` leaves the body unread."""
        return AsyncWithStreamingResponse(self, "create", "parse")

    @overload
    async def create(
        self,
        *,
        messages: Iterable[MessageParam],
        model: str,
        audio: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        frequency_penalty: float | NotGiven | None = NOT_GIVEN,
        function_call: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        functions: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        logit_bias: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        logprobs: bool | NotGiven | None = NOT_GIVEN,
        max_completion_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tokens: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        modalities: list[str] | NotGiven | None = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        n: int | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven = NOT_GIVEN,
        prediction: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        presence_penalty: float | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning_effort: str | NotGiven | None = NOT_GIVEN,
        response_format: Mapping[str, Any] | Any | NotGiven = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        seed: int | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        stop: str | list[str] | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream: Literal[False] | NotGiven | None = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        verbosity: str | NotGiven | None = NOT_GIVEN,
        web_search_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ChatCompletion: ...

    @overload
    async def create(
        self,
        *,
        messages: Iterable[MessageParam],
        model: str,
        audio: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        frequency_penalty: float | NotGiven | None = NOT_GIVEN,
        function_call: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        functions: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        logit_bias: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        logprobs: bool | NotGiven | None = NOT_GIVEN,
        max_completion_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tokens: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        modalities: list[str] | NotGiven | None = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        n: int | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven = NOT_GIVEN,
        prediction: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        presence_penalty: float | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning_effort: str | NotGiven | None = NOT_GIVEN,
        response_format: Mapping[str, Any] | Any | NotGiven = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        seed: int | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        stop: str | list[str] | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream: Literal[True],
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        verbosity: str | NotGiven | None = NOT_GIVEN,
        web_search_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> AsyncStream: ...

    @overload
    async def create(
        self,
        *,
        messages: Iterable[MessageParam],
        model: str,
        audio: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        frequency_penalty: float | NotGiven | None = NOT_GIVEN,
        function_call: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        functions: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        logit_bias: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        logprobs: bool | NotGiven | None = NOT_GIVEN,
        max_completion_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tokens: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        modalities: list[str] | NotGiven | None = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        n: int | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven = NOT_GIVEN,
        prediction: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        presence_penalty: float | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning_effort: str | NotGiven | None = NOT_GIVEN,
        response_format: Mapping[str, Any] | Any | NotGiven = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        seed: int | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        stop: str | list[str] | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream: bool,
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        verbosity: str | NotGiven | None = NOT_GIVEN,
        web_search_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ChatCompletion | AsyncStream: ...

    async def create(
        self,
        *,
        messages: Iterable[MessageParam],
        model: str,
        audio: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        frequency_penalty: float | NotGiven | None = NOT_GIVEN,
        function_call: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        functions: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        logit_bias: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        logprobs: bool | NotGiven | None = NOT_GIVEN,
        max_completion_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tokens: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        modalities: list[str] | NotGiven | None = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        n: int | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven = NOT_GIVEN,
        prediction: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        presence_penalty: float | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning_effort: str | NotGiven | None = NOT_GIVEN,
        response_format: Mapping[str, Any] | Any | NotGiven = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        seed: int | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        stop: str | list[str] | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream: bool | NotGiven | None = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        verbosity: str | NotGiven | None = NOT_GIVEN,
        web_search_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ChatCompletion | AsyncStream:
        result: ChatCompletion | AsyncStream = await self._send(locals())
        return result

    create.__doc__ = CREATE_DOC

    async def parse(
        self,
        *,
        messages: Iterable[MessageParam],
        model: str,
        audio: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        frequency_penalty: float | NotGiven | None = NOT_GIVEN,
        function_call: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        functions: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        logit_bias: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        logprobs: bool | NotGiven | None = NOT_GIVEN,
        max_completion_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tokens: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        modalities: list[str] | NotGiven | None = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        n: int | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven = NOT_GIVEN,
        prediction: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        presence_penalty: float | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning_effort: str | NotGiven | None = NOT_GIVEN,
        response_format: type[ResponseFormatT] | NotGiven = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        seed: int | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        stop: str | list[str] | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        verbosity: str | NotGiven | None = NOT_GIVEN,
        web_search_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> ParsedChatCompletion[ResponseFormatT]:
        """openai-python's ``parse``: ``response_format`` may be a pydantic model (sent as a strict
        JSON schema), strict ``pydantic_function_tool`` tools are checked; the answer comes back
        with ``message.parsed`` and ``tool_call.function.parsed_arguments``. Raises
        ``LengthFinishReasonError`` / ``ContentFilterFinishReasonError`` as openai-python does.
        """
        arguments = locals()
        from ..lib import parse_completion, validate_input_tools

        checked = validate_input_tools(tools)
        kwargs = _helper_kwargs(arguments, "chat.completions.parse")
        result = await self.create(**kwargs)
        parsed: ParsedChatCompletion[ResponseFormatT] = _parsed(
            result, response_format, checked, parse_completion
        )
        return parsed

    def stream(
        self,
        *,
        messages: Iterable[MessageParam],
        model: str,
        audio: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        frequency_penalty: float | NotGiven | None = NOT_GIVEN,
        function_call: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        functions: Iterable[Mapping[str, Any]] | NotGiven = NOT_GIVEN,
        logit_bias: Mapping[str, int] | NotGiven | None = NOT_GIVEN,
        logprobs: bool | NotGiven | None = NOT_GIVEN,
        max_completion_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tokens: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        modalities: list[str] | NotGiven | None = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        n: int | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven = NOT_GIVEN,
        prediction: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        presence_penalty: float | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning_effort: str | NotGiven | None = NOT_GIVEN,
        response_format: type[ResponseFormatT] | NotGiven = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        seed: int | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        stop: str | list[str] | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        verbosity: str | NotGiven | None = NOT_GIVEN,
        web_search_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> AsyncChatCompletionStreamManager[ResponseFormatT]:
        """openai-python's ``stream``: a context manager whose stream yields openai's events
        (``content.delta``, ``tool_calls.function.arguments.done``, ...) and assembles a parsed
        final completion (``get_final_completion()``)."""
        arguments = locals()
        from ..lib import AsyncChatCompletionStreamManager, validate_input_tools

        validate_input_tools(tools)

        kwargs = _helper_kwargs(arguments, "chat.completions.stream")
        kwargs["stream"] = True
        return AsyncChatCompletionStreamManager(
            lambda: self.create(**kwargs),
            response_format=response_format,
            input_tools=tools,
        )

    async def _send(self, arguments: dict[str, Any]) -> Any:
        if isinstance(arguments["response_format"], type):
            from ..lib import validate_response_format

            validate_response_format(arguments["response_format"])
        client = self._client
        stream = bool(arguments["stream"]) if is_given(arguments["stream"]) else False
        steps = chat_steps(
            client,
            arguments["model"],
            arguments["messages"],
            chat_options(arguments),
            stream,
            Extras.of(arguments),
        )
        handler = async_for_mode(async_stream if stream else async_chat, parse_read_chat)
        return await run_async(client.http, steps, handler, "chat stream" if stream else "chat")


class AsyncChat:
    """``client.chat`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClientCore) -> None:
        self.completions = AsyncCompletions(client)
