"""``ResponseStream`` / ``AsyncResponseStream``: what ``responses.create(stream=True)``
returns. Iterate for typed events (openai's ``ResponseStreamEvent``s); ``get_final_response()``
reads to the end and returns the ``Response`` of ``response.completed`` (or
``response.incomplete``). A ``response.failed`` event is yielded, then the typed error is
raised. The events come from a native SSE body, or from a chat stream through
:class:`~._events.ChunkTranslator`, or from a stored response (:func:`~._events.replay`).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Callable, Iterator
from functools import lru_cache
from types import TracebackType
from typing import Any

import httpx
from pydantic import TypeAdapter

from .._sse import SSEDecoder, SSEEvent
from .._streaming import AsyncStream, Stream
from .._transport import connection_error
from ..errors import APIError, InternalServerError
from ..providers._base import Adapter, decode_json
from ..types.responses import Response, ResponseStreamEvent
from ._events import ChunkTranslator

__all__ = [
    "AsyncResponseStream",
    "ResponseStream",
    "native_events",
    "native_events_async",
    "translated_events",
    "translated_events_async",
]

_END = frozenset({"response.completed", "response.incomplete"})
_DELTAS = frozenset({"response.output_text.delta", "response.function_call_arguments.delta"})


@lru_cache(maxsize=1)
def _events_adapter() -> TypeAdapter[Any]:
    return TypeAdapter(ResponseStreamEvent)


def to_event(data: dict[str, Any]) -> Any:
    return _events_adapter().validate_python(data)


def failed_error(event: Any, provider: str) -> APIError:
    error = getattr(event.response, "error", None)
    return InternalServerError(
        f"the response failed: {getattr(error, 'message', None) or 'no reason given'}",
        provider=provider,
        status_code=200,
        code=getattr(error, "code", None),
    )


def _sse_data(event: SSEEvent, adapter: Adapter, response: httpx.Response) -> Any | None:
    data = event.data
    if not data or data == "[DONE]":
        return None
    payload = decode_json(data, adapter.name)
    if not isinstance(payload, dict):
        return None
    if (
        event.event == "error"
        or payload.get("type") == "error"
        or ("error" in payload and "type" not in payload)
    ):
        body = payload if "error" in payload else {"error": payload}
        raise adapter.map_error(response.status_code, json.dumps(body).encode(), response.headers)
    return to_event(payload)


def native_events(response: httpx.Response, adapter: Adapter) -> Iterator[Any]:
    """The events of a native Responses SSE body."""
    decoder = SSEDecoder(provider=adapter.name)
    try:
        for data in response.iter_bytes():
            for sse in decoder.feed(data):
                event = _sse_data(sse, adapter, response)
                if event is not None:
                    yield event
        for sse in decoder.flush():
            event = _sse_data(sse, adapter, response)
            if event is not None:
                yield event
    except httpx.HTTPError as exc:
        raise connection_error(exc, adapter.name, retryable=False) from exc


async def native_events_async(response: httpx.Response, adapter: Adapter) -> AsyncIterator[Any]:
    decoder = SSEDecoder(provider=adapter.name)
    try:
        async for data in response.aiter_bytes():
            for sse in decoder.feed(data):
                event = _sse_data(sse, adapter, response)
                if event is not None:
                    yield event
        for sse in decoder.flush():
            event = _sse_data(sse, adapter, response)
            if event is not None:
                yield event
    except httpx.HTTPError as exc:
        raise connection_error(exc, adapter.name, retryable=False) from exc


def translated_events(chat: Stream, translator: ChunkTranslator) -> Iterator[Any]:
    """The events of a chat stream, translated; a broken stream ends with ``response.failed``
    (then its error is raised)."""
    for data in translator.start():
        yield to_event(data)
    try:
        for chunk in chat:
            for data in translator.feed(chunk):
                yield to_event(data)
    except APIError as error:
        yield to_event(translator.failed(error.code, str(error)))
        raise
    for data in translator.finish():
        yield to_event(data)


async def translated_events_async(
    chat: AsyncStream, translator: ChunkTranslator
) -> AsyncIterator[Any]:
    for data in translator.start():
        yield to_event(data)
    try:
        async for chunk in chat:
            for data in translator.feed(chunk):
                yield to_event(data)
    except APIError as error:
        yield to_event(translator.failed(error.code, str(error)))
        raise
    for data in translator.finish():
        yield to_event(data)


class _Base:
    def __init__(
        self,
        response: httpx.Response | None,
        provider: str,
        on_final: Callable[[Response], None] | None = None,
        raise_on_failed: bool = True,
    ) -> None:
        self.response = response
        self._raise_on_failed = raise_on_failed
        """The provider's HTTP response (``None`` for a stored response replayed)."""
        self.provider = provider
        self._on_final = on_final
        self._final: Response | None = None
        self._error: APIError | None = None
        self._pending: list[Any] = []
        self._closed = False
        self._parse_final: Callable[[Response], Any] | None = None
        self._snapshots: dict[tuple[int, int], str] = {}

    def _seen(self, event: Any) -> None:
        kind = event.type
        if self._parse_final is not None and kind in _DELTAS:
            # responses.stream(): openai's helper events carry the text so far (``snapshot``)
            key = (event.output_index, getattr(event, "content_index", -1))
            self._snapshots[key] = snapshot = self._snapshots.get(key, "") + event.delta
            event.snapshot = snapshot
        if kind in _END:
            final: Response = event.response
            final.__dict__["_provider"] = self.provider
            self._final = final
            if self._on_final is not None:
                self._on_final(final)
        elif kind == "response.failed" and self._raise_on_failed:
            self._error = failed_error(event, self.provider)

    def _check_final(self) -> Any:
        if self._final is None:
            raise RuntimeError("Didn't receive a `response.completed` event.")
        if self._parse_final is not None:
            return self._parse_final(self._final)
        return self._final


class ResponseStream(_Base):
    """A streamed Responses answer (sync)."""

    def __init__(
        self,
        events: Iterator[Any],
        response: httpx.Response | None,
        provider: str,
        close: Callable[[], None] | None = None,
        on_final: Callable[[Response], None] | None = None,
        raise_on_failed: bool = True,
    ) -> None:
        super().__init__(response, provider, on_final, raise_on_failed)
        self._events = events
        self._close = close

    def _start(self) -> ResponseStream:
        """Read the first event now (inside the transport's attempt, so it can be retried)."""
        try:
            self._pending.append(next(self._events))
        except StopIteration:
            pass
        except BaseException:
            self.close()
            raise
        return self

    def __next__(self) -> Any:
        if self._pending:
            event = self._pending.pop(0)
        else:
            if self._error is not None:
                error, self._error = self._error, None
                self.close()
                raise error
            if self._closed:
                raise StopIteration
            try:
                event = next(self._events)
            except StopIteration:
                self.close()
                raise
            except BaseException:
                self.close()
                raise
        self._seen(event)
        return event

    def __iter__(self) -> Iterator[Any]:
        while True:
            try:
                yield next(self)
            except StopIteration:
                return

    def until_done(self) -> ResponseStream:
        for _ in self:
            pass
        return self

    def get_final_response(self) -> Any:
        """Read the rest of the stream; the final ``Response`` (a ``ParsedResponse`` from
        ``responses.stream``)."""
        self.until_done()
        return self._check_final()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            if self._close is not None:
                self._close()
            elif self.response is not None:
                self.response.close()
            close = getattr(self._events, "close", None)
            if close is not None:
                with contextlib.suppress(ValueError):  # already executing: it ends itself
                    close()

    def __enter__(self) -> ResponseStream:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncResponseStream(_Base):
    """Async twin of :class:`ResponseStream`."""

    def __init__(
        self,
        events: AsyncIterator[Any],
        response: httpx.Response | None,
        provider: str,
        close: Callable[[], Any] | None = None,
        on_final: Callable[[Response], None] | None = None,
        raise_on_failed: bool = True,
    ) -> None:
        super().__init__(response, provider, on_final, raise_on_failed)
        self._events = events
        self._close = close

    async def _start(self) -> AsyncResponseStream:
        try:
            self._pending.append(await self._events.__anext__())
        except StopAsyncIteration:
            pass
        except BaseException:
            await self.close()
            raise
        return self

    async def __anext__(self) -> Any:
        if self._pending:
            event = self._pending.pop(0)
        else:
            if self._error is not None:
                error, self._error = self._error, None
                await self.close()
                raise error
            if self._closed:
                raise StopAsyncIteration
            try:
                event = await self._events.__anext__()
            except BaseException:
                await self.close()
                raise
        self._seen(event)
        return event

    def __aiter__(self) -> AsyncResponseStream:
        return self

    async def until_done(self) -> AsyncResponseStream:
        async for _ in self:
            pass
        return self

    async def get_final_response(self) -> Any:
        await self.until_done()
        return self._check_final()

    async def close(self) -> None:
        if not self._closed:
            self._closed = True
            if self._close is not None:
                result = self._close()
                if hasattr(result, "__await__"):
                    await result
            elif self.response is not None:
                await self.response.aclose()
            aclose = getattr(self._events, "aclose", None)
            if aclose is not None:
                with contextlib.suppress(RuntimeError):  # already running: it ends itself
                    await aclose()

    async def __aenter__(self) -> AsyncResponseStream:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
