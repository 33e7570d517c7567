"""``Stream`` / ``AsyncStream``: iterate chunks, close the response, assemble the final answer.

The byte → event → chunk pipeline (:class:`_Pipeline`) does no IO and is shared by both; the
two classes only differ in how they read bytes. A stream opened by the client has already read
up to its first chunk (so errors before it could be retried); iteration continues from there.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from types import TracebackType

import httpx

from ._accumulate import ChatCompletionAccumulator
from ._sse import SSEDecoder, SSEEvent
from ._transport import DeadlineStream, connection_error
from .errors import APIError
from .providers._base import Adapter, ChunkParser, validation_error
from .types import ChatCompletion, ChatCompletionChunk, Usage

__all__ = ["AsyncStream", "ChatCompletionAccumulator", "Stream"]


class _Pipeline:
    """Bytes → SSE events → chunks for one stream (no IO).

    Events are decoded a network read at a time but parsed one at a time, as the caller asks
    for chunks: the first chunk is handed out as soon as its own event is parsed, and an error
    event raises exactly where it stands in the stream.
    """

    __slots__ = (
        "accumulator",
        "adapter",
        "decoder",
        "eof",
        "events",
        "finished",
        "hide_usage",
        "parser",
        "pos",
        "response",
    )

    def __init__(
        self,
        response: httpx.Response,
        adapter: Adapter,
        parser: ChunkParser,
        include_usage: bool = True,
    ) -> None:
        self.response = response
        self.hide_usage = not include_usage
        self.adapter = adapter
        self.decoder = SSEDecoder(provider=adapter.name)
        self.parser = parser
        self.accumulator = ChatCompletionAccumulator()
        self.events: list[SSEEvent] = []
        self.pos = 0
        self.eof = False
        self.finished = False

    def is_json_error(self) -> bool:
        content_type: str = self.response.headers.get("content-type", "")
        return content_type.startswith("application/json")

    def json_error(self, body: bytes) -> APIError:
        """A JSON body where a stream was expected: the provider's error, or, if it does not
        parse, the same validation error a non-stream call would raise."""
        try:
            json.loads(body)
        except (ValueError, RecursionError) as exc:
            return validation_error(exc, self.adapter.name, body)
        return self.adapter.map_error(self.response.status_code, body, self.response.headers)

    def feed(self, data: bytes) -> None:
        """Queue the events completed by the next bytes of the body."""
        self.events = self.decoder.feed(data)
        self.pos = 0

    def end(self) -> None:
        """The body ended: queue the events left in the decoder."""
        self.eof = True
        self.events = self.decoder.flush()
        self.pos = 0

    def next_chunks(self) -> list[ChatCompletionChunk] | None:
        """Chunks of the next queued event that has any; ``None`` when more bytes are needed;
        ``[]`` when the stream is over (end marker seen, or body ended and checked)."""
        parser = self.parser
        events = self.events
        while self.pos < len(events):
            if parser.done:
                return []
            event = events[self.pos]
            self.pos += 1
            chunks = parser.feed(event)
            if chunks:
                add = self.accumulator.add
                for chunk in chunks:
                    add(chunk)
                if self.hide_usage and (len(chunks) > 1 or not chunks[0].choices):
                    # llmswitch asked for usage; the caller did not: the usage-only chunk
                    # stays out of the iteration (it is on ``stream.usage``), as DESIGN 3 says.
                    chunks = [c for c in chunks if c.choices or c.usage is None]
                    if not chunks:
                        continue
                return chunks
        if parser.done:
            return []
        if self.eof:
            if self.finished:
                return []
            self.finished = True
            chunks = parser.close()
            for chunk in chunks:
                self.accumulator.add(chunk)
            if self.hide_usage:
                chunks = [c for c in chunks if c.choices or c.usage is None]
            return chunks
        return None


class _StreamBase:
    def __init__(
        self,
        response: httpx.Response,
        adapter: Adapter,
        parser: ChunkParser,
        include_usage: bool = True,
    ) -> None:
        self.response = response
        self._pipeline = _Pipeline(response, adapter, parser, include_usage)
        self._pending: list[ChatCompletionChunk] = []
        self._ended = False
        self._closed = False
        body = response.stream
        self._guard = body if isinstance(body, DeadlineStream) else None
        """The deadline on the body (a float ``timeout``): the first chunk must come within it
        from the request, each later one within it from when the caller asks for it."""

    @property
    def provider(self) -> str:
        """Name of the provider that is answering."""
        return self._pipeline.adapter.name

    @property
    def usage(self) -> Usage | None:
        """Token usage of the answer so far (final once the stream is read to the end), whether
        or not the usage chunk was shown to the caller."""
        return self._pipeline.accumulator.usage

    def _final(self) -> ChatCompletion:
        return self._pipeline.accumulator.completion()


class Stream(_StreamBase):
    """A streamed chat answer. Iterate for chunks (or ``next(stream)``); use as a context
    manager to close early."""

    def __init__(
        self,
        response: httpx.Response,
        adapter: Adapter,
        parser: ChunkParser,
        include_usage: bool = True,
    ) -> None:
        super().__init__(response, adapter, parser, include_usage)
        self._bytes: Iterator[bytes] = response.iter_bytes()
        self._iterator: Iterator[ChatCompletionChunk] | None = None

    def _pull(self, first: bool = False) -> list[ChatCompletionChunk]:
        """The next chunks, reading as needed; ``[]`` at the end (the response is then closed).
        Errors are mapped and close the response."""
        pipeline = self._pipeline
        try:
            if first and pipeline.is_json_error():
                raise pipeline.json_error(b"".join(self._bytes))
            waiting = first
            while True:
                chunks = pipeline.next_chunks()
                if chunks is not None:
                    if not chunks:
                        self._ended = True
                        self.close()
                    return chunks
                if not waiting:  # the wait for this chunk starts now (keep-alives do not count)
                    waiting = True
                    if self._guard is not None:
                        self._guard.restart()
                try:
                    pipeline.feed(next(self._bytes))
                except StopIteration:
                    pipeline.end()
        except httpx.HTTPError as exc:
            self.close()
            # Before the first chunk reaches the caller the stream may be retried (DESIGN 5).
            raise connection_error(exc, pipeline.adapter.name, retryable=first) from exc
        except BaseException:
            self.close()
            raise

    def _start(self) -> Stream:
        self._pending = self._pull(first=True)
        return self

    def _chunks(self) -> Iterator[ChatCompletionChunk]:
        pending, self._pending = self._pending, []
        yield from pending
        while not (self._ended or self._closed):
            yield from self._pull()

    def __iter__(self) -> Iterator[ChatCompletionChunk]:
        if self._iterator is None:
            self._iterator = self._chunks()
        yield from self._iterator

    def __next__(self) -> ChatCompletionChunk:
        if self._iterator is None:
            self._iterator = self._chunks()
        return next(self._iterator)

    def get_final_completion(self) -> ChatCompletion:
        """Read the rest of the stream and return the assembled :class:`ChatCompletion`."""
        for _ in self:
            pass
        return self._final()

    def close(self) -> None:
        """Release the connection (idempotent)."""
        if not self._closed:
            self._closed = True
            self.response.close()

    def __enter__(self) -> Stream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncStream(_StreamBase):
    """Async twin of :class:`Stream`: ``async for chunk in stream`` (or
    ``await anext(stream)``)."""

    def __init__(
        self,
        response: httpx.Response,
        adapter: Adapter,
        parser: ChunkParser,
        include_usage: bool = True,
    ) -> None:
        super().__init__(response, adapter, parser, include_usage)
        self._bytes: AsyncIterator[bytes] = response.aiter_bytes()
        self._iterator: AsyncIterator[ChatCompletionChunk] | None = None

    async def _pull(self, first: bool = False) -> list[ChatCompletionChunk]:
        pipeline = self._pipeline
        try:
            if first and pipeline.is_json_error():
                raise pipeline.json_error(b"".join([b async for b in self._bytes]))
            waiting = first
            while True:
                chunks = pipeline.next_chunks()
                if chunks is not None:
                    if not chunks:
                        self._ended = True
                        await self.close()
                    return chunks
                if not waiting:
                    waiting = True
                    if self._guard is not None:
                        self._guard.restart()
                try:
                    pipeline.feed(await self._bytes.__anext__())
                except StopAsyncIteration:
                    pipeline.end()
        except httpx.HTTPError as exc:
            await self.close()
            # Before the first chunk reaches the caller the stream may be retried (DESIGN 5).
            raise connection_error(exc, pipeline.adapter.name, retryable=first) from exc
        except BaseException:
            await self.close()
            raise

    async def _start(self) -> AsyncStream:
        self._pending = await self._pull(first=True)
        return self

    async def _chunks(self) -> AsyncIterator[ChatCompletionChunk]:
        pending, self._pending = self._pending, []
        for chunk in pending:
            yield chunk
        while not (self._ended or self._closed):
            for chunk in await self._pull():
                yield chunk

    async def __aiter__(self) -> AsyncIterator[ChatCompletionChunk]:
        if self._iterator is None:
            self._iterator = self._chunks()
        async for chunk in self._iterator:
            yield chunk

    async def __anext__(self) -> ChatCompletionChunk:
        if self._iterator is None:
            self._iterator = self._chunks()
        return await self._iterator.__anext__()

    async def get_final_completion(self) -> ChatCompletion:
        """Read the rest of the stream and return the assembled :class:`ChatCompletion`."""
        async for _ in self:
            pass
        return self._final()

    async def close(self) -> None:
        """Release the connection (idempotent)."""
        if not self._closed:
            self._closed = True
            await self.response.aclose()

    async def __aenter__(self) -> AsyncStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
