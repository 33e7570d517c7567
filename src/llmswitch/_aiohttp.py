"""The aiohttp backend of the default async client (``llmswitch[aiohttp]``), through the
httpx-aiohttp transport, with aiohttp's failures mapped the way httpx's own would be.

httpx-aiohttp maps every ``aiohttp.ClientConnectionError`` (a server that closes the connection,
a reset) to ``httpx.ConnectTimeout``; here a broken connection is the ``httpx.ReadError`` /
``RemoteProtocolError`` httpx's transport raises for it, so retries and error classes do not
depend on the backend. Imported only when an async client sends its first request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

__all__ = ["AiohttpBackend"]


def _remap(exc: httpx.HTTPError) -> httpx.HTTPError:
    cause = exc.__cause__
    if isinstance(exc, httpx.ConnectTimeout) and isinstance(cause, aiohttp.ClientError):
        if isinstance(cause, aiohttp.ServerDisconnectedError):
            return httpx.RemoteProtocolError(str(cause) or "server disconnected")
        if isinstance(cause, aiohttp.ClientConnectorError):
            return httpx.ConnectError(str(cause))
        if isinstance(cause, (aiohttp.ClientOSError, aiohttp.ClientPayloadError)):
            return httpx.ReadError(str(cause))
    return exc


class _Body(httpx.AsyncByteStream):
    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._inner:
                yield chunk
        except httpx.HTTPError as exc:
            mapped = _remap(exc)
            if mapped is exc:
                raise
            raise mapped from exc.__cause__
        except RuntimeError as exc:
            # aiohttp's reader after its session closed (the client closed mid-stream)
            if "closed" not in str(exc).lower():
                raise
            raise httpx.ReadError(f"the connection was closed: {exc}") from exc

    async def aclose(self) -> None:
        await self._inner.aclose()


class AiohttpBackend(httpx.AsyncBaseTransport):
    """One aiohttp connection pool for one URL scheme."""

    def __init__(self, limits: httpx.Limits, verify: bool) -> None:
        self._transport = AiohttpTransport(limits=limits, verify=verify, trust_env=False)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        try:
            response = await self._transport.handle_async_request(request)
        except httpx.HTTPError as exc:
            mapped = _remap(exc)
            if mapped is exc:
                raise
            raise mapped from exc.__cause__
        stream = response.stream
        assert isinstance(stream, httpx.AsyncByteStream)
        response.stream = _Body(stream)
        return response

    def busy(self) -> int:
        """Connections in use (0 when the pool is idle)."""
        session = self._transport.client
        if not isinstance(session, aiohttp.ClientSession) or session.connector is None:
            return 0
        acquired = getattr(session.connector, "_acquired", ())
        return len(acquired)

    async def aclose(self) -> None:
        await self._transport.aclose()
