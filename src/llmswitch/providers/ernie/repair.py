"""The v1 stream after a token refresh: what the OAuth flow hands back when it had to resend."""

from __future__ import annotations

import httpx

from ..._wrapped_stream import WrappedStream

__all__ = ["V1StreamRepair", "repair_stream"]


def repair_stream(response: httpx.Response) -> None:
    """Wrap a v1 SSE body so a bare JSON error line reaches the SSE decoder as ``data:``."""
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        response.stream = V1StreamRepair(response.stream)


class V1StreamRepair(WrappedStream):
    """Qianfan v1 may send a mid-stream error as a bare ``{"error_code": ...}`` line without
    ``data:`` (spec 1.5, fixture ``v1_stream_error_midstream_bare``). An SSE decoder drops such
    a line, so this stream rewrites a line that starts with ``{`` into ``data: {``. JSON text
    never holds a raw newline, so ``\\n{`` only occurs at the start of a line."""

    def __init__(self, inner: httpx.SyncByteStream | httpx.AsyncByteStream) -> None:
        super().__init__(inner)
        self._line_start = True

    def _each(self, chunk: bytes) -> bytes:
        if b"\n{" in chunk:
            chunk = chunk.replace(b"\n{", b"\ndata: {")
        if self._line_start and chunk[:1] == b"{":
            chunk = b"data: " + chunk
        if chunk:
            self._line_start = chunk[-1:] == b"\n"
        return chunk
