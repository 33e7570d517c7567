"""Raw responses: what ``.with_raw_response`` and ``.with_streaming_response`` return.

As in openai-python: :class:`LegacyAPIResponse` (``with_raw_response``) has the body read
(unless the call streams) and gives the headers, status and ``parse()`` → the usual result;
:class:`APIResponse` / :class:`AsyncAPIResponse` (``with_streaming_response``) leave the body
unread until ``parse()``, ``read()`` or the ``iter_*`` methods, and close on leaving ``with``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from types import TracebackType
from typing import Any, Generic, TypeVar

import httpx

__all__ = [
    "APIResponse",
    "AsyncAPIResponse",
    "AsyncResponseContextManager",
    "LegacyAPIResponse",
    "ResponseContextManager",
]

R = TypeVar("R")


class _ResponseInfo:
    """The parts every raw response shares: status, headers, request id, timing."""

    def __init__(self, http_response: httpx.Response) -> None:
        self.http_response = http_response

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def http_request(self) -> httpx.Request:
        return self.http_response.request

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_request.method

    @property
    def http_version(self) -> str:
        return self.http_response.http_version

    @property
    def elapsed(self) -> dt.timedelta:
        return self.http_response.elapsed

    @property
    def is_closed(self) -> bool:
        return self.http_response.is_closed

    @property
    def request_id(self) -> str | None:
        """The provider's request id header (``x-request-id`` and the like), if any."""
        headers = self.http_response.headers
        for name in ("x-request-id", "request-id", "x-dashscope-request-id", "x-log-id"):
            value: str | None = headers.get(name)
            if value:
                return value
        return None

    @property
    def retries_taken(self) -> int:
        """How many retries happened before this response (0 for a first-try answer)."""
        value = self.http_response.extensions.get("retries_taken", 0)
        return value if isinstance(value, int) else 0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url}>"


class LegacyAPIResponse(_ResponseInfo, Generic[R]):
    """``client.chat.completions.with_raw_response.create(...)``: ``.parse()`` gives what
    ``create`` would have returned; ``.headers``, ``.status_code``, ``.text`` the rest."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], R]) -> None:
        super().__init__(http_response)
        self._parse = parse
        self._parsed: list[R] = []

    def parse(self) -> R:
        """The result (``ChatCompletion``, ``Stream``, ``CreateEmbeddingResponse``, ...)."""
        if not self._parsed:
            self._parsed.append(self._parse())
        return self._parsed[0]

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        return json.loads(self.http_response.content)

    def close(self) -> None:
        self.http_response.close()


class APIResponse(_ResponseInfo, Generic[R]):
    """``with_streaming_response``: the body is read only when asked for."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], R]) -> None:
        super().__init__(http_response)
        self._parse = parse
        self._parsed: list[R] = []

    def parse(self) -> R:
        """Read the body (a stream: open it) and return the usual result."""
        if not self._parsed:
            self._parsed.append(self._parse())
        return self._parsed[0]

    def read(self) -> bytes:
        return self.http_response.read()

    def text(self) -> str:
        self.read()
        return self.http_response.text

    def json(self) -> Any:
        return json.loads(self.read())

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        yield from self.http_response.iter_bytes(chunk_size)

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        yield from self.http_response.iter_text(chunk_size)

    def iter_lines(self) -> Iterator[str]:
        yield from self.http_response.iter_lines()

    def close(self) -> None:
        self.http_response.close()


class AsyncAPIResponse(_ResponseInfo, Generic[R]):
    """Async twin of :class:`APIResponse`."""

    def __init__(self, http_response: httpx.Response, parse: Callable[[], Awaitable[R]]) -> None:
        super().__init__(http_response)
        self._parse = parse
        self._parsed: list[R] = []

    async def parse(self) -> R:
        if not self._parsed:
            self._parsed.append(await self._parse())
        return self._parsed[0]

    async def read(self) -> bytes:
        return await self.http_response.aread()

    async def text(self) -> str:
        await self.read()
        return self.http_response.text

    async def json(self) -> Any:
        return json.loads(await self.read())

    async def iter_bytes(self, chunk_size: int | None = None) -> AsyncIterator[bytes]:
        async for chunk in self.http_response.aiter_bytes(chunk_size):
            yield chunk

    async def iter_text(self, chunk_size: int | None = None) -> AsyncIterator[str]:
        async for chunk in self.http_response.aiter_text(chunk_size):
            yield chunk

    async def iter_lines(self) -> AsyncIterator[str]:
        async for line in self.http_response.aiter_lines():
            yield line

    async def close(self) -> None:
        await self.http_response.aclose()


class ResponseContextManager(Generic[R]):
    """``with client....with_streaming_response.create(...) as response:`` sends on enter and
    closes the response on exit."""

    def __init__(self, send: Callable[[], APIResponse[R]]) -> None:
        self._send = send
        self._response: APIResponse[R] | None = None

    def __enter__(self) -> APIResponse[R]:
        self._response = self._send()
        return self._response

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            self._response.close()


class AsyncResponseContextManager(Generic[R]):
    """Async twin of :class:`ResponseContextManager`."""

    def __init__(self, send: Callable[[], Awaitable[AsyncAPIResponse[R]]]) -> None:
        self._send = send
        self._response: AsyncAPIResponse[R] | None = None

    async def __aenter__(self) -> AsyncAPIResponse[R]:
        self._response = await self._send()
        return self._response

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._response is not None:
            await self._response.close()
