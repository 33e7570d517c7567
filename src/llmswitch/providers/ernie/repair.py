"""The v1 stream after a token refresh: what the OAuth flow hands back when it had to resend."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx

__all__ = ["V1StreamRepair", "repair_stream"]


def repair_stream(response: httpx.Response) -> None:
    """Wrap a v1 SSE body so a bare JSON error line reaches the SSE decoder as ``data:``."""
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        response.stream = V1StreamRepair(response.stream)


class V1StreamRepair(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Qianfan v1 may send a mid-stream error as a bare ``{"error_code": ...}`` line without
    ``data:`` (spec 1.5, fixture ``v1_stream_error_midstream_bare``). An SSE decoder drops such
    a line, so this stream rewrites a line that starts with ``{`` into ``data: {``. JSON text
    never holds a raw newline, so ``\\n{`` only occurs at the start of a line."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream) -> None:
        self._inner = inner
        self._line_start = True

    def _fix(self, chunk: bytes) -> bytes:
        if b"\n{" in chunk:
            chunk = chunk.replace(b"\n{", b"\ndata: {")
        if self._line_start and chunk[:1] == b"{":
            chunk = b"data: " + chunk
        if chunk:
            self._line_start = chunk[-1:] == b"\n"
        return chunk

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._inner, httpx.SyncByteStream):  # pragma: no cover
            raise RuntimeError("attempted to read an async stream synchronously")
        for chunk in self._inner:
            yield self._fix(chunk)

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._inner, httpx.AsyncByteStream):  # pragma: no cover
            raise RuntimeError("attempted to read a sync stream asynchronously")
        async for chunk in self._inner:
            yield self._fix(chunk)

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()
