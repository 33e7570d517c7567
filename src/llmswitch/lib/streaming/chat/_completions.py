"""``ChatCompletionStream`` (and async twin): an llmswitch chunk stream as openai-python's
helper events, with parsing; and the context managers ``chat.completions.stream()`` returns.

The stream wraps whatever iterates :class:`ChatCompletionChunk` s and can be closed (an
llmswitch :class:`~llmswitch._streaming.Stream` / ``AsyncStream``); the managers open it when
entered, through the function they were given, and close it when left::

    with ChatCompletionStreamManager(open_stream, response_format=Answer, input_tools=None) as s:
        for event in s:
            if event.type == "content.delta":
                print(event.delta, end="")
        answer = s.get_final_completion().choices[0].message.parsed
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, Protocol

import httpx

from ....types.chat import ChatCompletionChunk, Usage
from ....types.parsed import ParsedChatCompletion
from ..._types import ResponseFormatInput, ResponseFormatT
from ._events import ChatCompletionStreamEvent
from ._state import ChatCompletionStreamState
from ._types import ParsedChatCompletionSnapshot

__all__ = [
    "AsyncChatCompletionStream",
    "AsyncChatCompletionStreamManager",
    "AsyncChunkStream",
    "ChatCompletionStream",
    "ChatCompletionStreamManager",
    "ChunkStream",
]


class ChunkStream(Protocol):
    """What :class:`ChatCompletionStream` wraps: iterable chunks that can be closed
    (llmswitch's ``Stream``)."""

    def __iter__(self) -> Iterator[ChatCompletionChunk]: ...

    def close(self) -> None: ...


class AsyncChunkStream(Protocol):
    """What :class:`AsyncChatCompletionStream` wraps (llmswitch's ``AsyncStream``)."""

    def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]: ...

    async def close(self) -> None: ...


def _is_chunk(chunk: object) -> bool:
    # Gateways (e.g. Azure's asynchronous content filter) interleave events that are not
    # chunks; openai-python skips them by their ``object``.
    return getattr(chunk, "object", "chat.completion.chunk") == "chat.completion.chunk"


class _StreamBase(Generic[ResponseFormatT]):
    def __init__(
        self,
        raw_stream: Any,
        response_format: ResponseFormatInput[ResponseFormatT],
        input_tools: object,
    ) -> None:
        self._raw_stream = raw_stream
        self._state: ChatCompletionStreamState[ResponseFormatT] = ChatCompletionStreamState(
            response_format=response_format, input_tools=input_tools
        )

    @property
    def response(self) -> httpx.Response | None:
        """The HTTP response of the underlying stream (if it has one)."""
        response = getattr(self._raw_stream, "response", None)
        return response if isinstance(response, httpx.Response) else None

    @property
    def provider(self) -> str:
        """Name of the provider that is answering (``""`` if the stream does not say)."""
        provider = getattr(self._raw_stream, "provider", "")
        return provider if isinstance(provider, str) else ""

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated from the chunks read so far."""
        return self._state.current_completion_snapshot

    def _final(self) -> ParsedChatCompletion[ResponseFormatT]:
        snapshot = self._state.current_completion_snapshot
        if snapshot.usage is None:
            # llmswitch may hide the usage-only chunk it asked for; the stream still has it.
            usage = getattr(self._raw_stream, "usage", None)
            if isinstance(usage, Usage):
                snapshot.usage = usage
        return self._state.get_final_completion()


class ChatCompletionStream(_StreamBase[ResponseFormatT]):
    """Events over a chat completion stream (see :mod:`._events`), a running snapshot, and the
    final parsed completion. Iterate it (or call ``next()``); use it as a context manager."""

    def __init__(
        self,
        *,
        raw_stream: ChunkStream,
        response_format: ResponseFormatInput[ResponseFormatT] = None,
        input_tools: object = None,
    ) -> None:
        super().__init__(raw_stream, response_format, input_tools)
        self._iterator = self._stream()

    def _stream(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        handle = self._state.handle_chunk
        for chunk in self._raw_stream:
            if _is_chunk(chunk):
                yield from handle(chunk)

    def __next__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return next(self._iterator)

    def __iter__(self) -> Iterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        yield from self._iterator

    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the underlying stream and release its connection (done for you when the
        stream is read to the end)."""
        self._raw_stream.close()

    def until_done(self) -> ChatCompletionStream[ResponseFormatT]:
        """Read the stream to the end (the events are dropped); returns the stream."""
        for _ in self:
            pass
        return self

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the stream to the end and return the accumulated, parsed completion
        (``message.parsed`` is an instance of the ``response_format`` type, if one was given
        and content came back)."""
        self.until_done()
        return self._final()


class AsyncChatCompletionStream(_StreamBase[ResponseFormatT]):
    """Async twin of :class:`ChatCompletionStream`: ``async for event in stream``."""

    def __init__(
        self,
        *,
        raw_stream: AsyncChunkStream,
        response_format: ResponseFormatInput[ResponseFormatT] = None,
        input_tools: object = None,
    ) -> None:
        super().__init__(raw_stream, response_format, input_tools)
        self._iterator = self._stream()

    async def _stream(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        handle = self._state.handle_chunk
        async for chunk in self._raw_stream:
            if _is_chunk(chunk):
                for event in handle(chunk):
                    yield event

    async def __anext__(self) -> ChatCompletionStreamEvent[ResponseFormatT]:
        return await self._iterator.__anext__()

    async def __aiter__(self) -> AsyncIterator[ChatCompletionStreamEvent[ResponseFormatT]]:
        async for event in self._iterator:
            yield event

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the underlying stream and release its connection."""
        await self._raw_stream.close()

    async def until_done(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        """Read the stream to the end (the events are dropped); returns the stream."""
        async for _ in self:
            pass
        return self

    async def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """Read the stream to the end and return the accumulated, parsed completion."""
        await self.until_done()
        return self._final()


class ChatCompletionStreamManager(Generic[ResponseFormatT]):
    """What ``chat.completions.stream(...)`` returns: a context manager that opens the stream
    (calling ``api_request``) when entered and closes it when left, so the connection cannot
    leak if the stream is not read to the end."""

    def __init__(
        self,
        api_request: Callable[[], ChunkStream],
        *,
        response_format: ResponseFormatInput[ResponseFormatT] = None,
        input_tools: object = None,
    ) -> None:
        self._api_request = api_request
        self._response_format = response_format
        self._input_tools = input_tools
        self._stream: ChatCompletionStream[ResponseFormatT] | None = None

    def __enter__(self) -> ChatCompletionStream[ResponseFormatT]:
        self._stream = ChatCompletionStream(
            raw_stream=self._api_request(),
            response_format=self._response_format,
            input_tools=self._input_tools,
        )
        return self._stream

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            self._stream.close()


class AsyncChatCompletionStreamManager(Generic[ResponseFormatT]):
    """Async twin of :class:`ChatCompletionStreamManager` (``async with``). ``api_request`` is
    a function returning an awaitable of the stream (preferred: nothing runs until entered) or
    the awaitable itself, as openai-python takes."""

    def __init__(
        self,
        api_request: Callable[[], Awaitable[AsyncChunkStream]] | Awaitable[AsyncChunkStream],
        *,
        response_format: ResponseFormatInput[ResponseFormatT] = None,
        input_tools: object = None,
    ) -> None:
        self._api_request = api_request
        self._response_format = response_format
        self._input_tools = input_tools
        self._stream: AsyncChatCompletionStream[ResponseFormatT] | None = None

    async def __aenter__(self) -> AsyncChatCompletionStream[ResponseFormatT]:
        request = self._api_request
        pending = request if inspect.isawaitable(request) else request()
        self._stream = AsyncChatCompletionStream(
            raw_stream=await pending,
            response_format=self._response_format,
            input_tools=self._input_tools,
        )
        return self._stream

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._stream is not None:
            await self._stream.close()
