"""A response body that wraps another and passes each chunk through :meth:`WrappedStream._each`
(the deadline check, Qianfan v1's stream repair); sync or async, as the inner body is."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx

__all__ = ["WrappedStream"]


class WrappedStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Subclasses override :meth:`_each`; closing closes the inner body."""

    __slots__ = ("_inner",)

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream) -> None:
        self._inner = inner

    def _each(self, chunk: bytes) -> bytes:
        """The chunk to hand on (or raise); the base hands it on as read."""
        return chunk

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._inner, httpx.SyncByteStream):  # pragma: no cover
            raise RuntimeError("attempted to read an async stream synchronously")
        for chunk in self._inner:
            yield self._each(chunk)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._inner, httpx.AsyncByteStream):  # pragma: no cover
            raise RuntimeError("attempted to read a sync stream asynchronously")
        async for chunk in self._inner:
            yield self._each(chunk)

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()
