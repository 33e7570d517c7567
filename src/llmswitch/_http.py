"""The default httpx transports: one pool per URL scheme, created on first use.

httpx builds a TLS context (loading the CA bundle, ~30 ms) when a client is created, even if
every provider it will talk to is plain ``http://`` (a local gateway, a test server). These
transports create the TLS pool only when the first ``https://`` request goes out.
"""

from __future__ import annotations

import threading

import httpx

__all__ = [
    "DEFAULT_LIMITS",
    "LazyAsyncTransport",
    "LazyTransport",
    "new_async_http_client",
    "new_http_client",
]

# Sized for fan-out: enough connections for concurrent calls, few idle keep-alives (httpx slows
# down when hundreds of idle connections sit in its pool).
DEFAULT_LIMITS = httpx.Limits(
    max_connections=100, max_keepalive_connections=20, keepalive_expiry=30.0
)


class LazyTransport(httpx.BaseTransport):
    """A sync transport holding one ``httpx.HTTPTransport`` per scheme, made on demand."""

    def __init__(self, limits: httpx.Limits = DEFAULT_LIMITS) -> None:
        self._limits = limits
        self._pools: dict[str, httpx.HTTPTransport] = {}
        self._lock = threading.Lock()

    def pool(self, scheme: str) -> httpx.HTTPTransport:
        """The transport for ``http`` or ``https`` (created on first use)."""
        found = self._pools.get(scheme)
        if found is None:
            with self._lock:
                found = self._pools.get(scheme)
                if found is None:
                    verify = scheme == "https"
                    found = httpx.HTTPTransport(limits=self._limits, verify=verify)
                    self._pools[scheme] = found
        return found

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self.pool(request.url.scheme).handle_request(request)

    def close(self) -> None:
        for pool in list(self._pools.values()):
            pool.close()


class LazyAsyncTransport(httpx.AsyncBaseTransport):
    """Async twin of :class:`LazyTransport`."""

    def __init__(self, limits: httpx.Limits = DEFAULT_LIMITS) -> None:
        self._limits = limits
        self._pools: dict[str, httpx.AsyncHTTPTransport] = {}

    def pool(self, scheme: str) -> httpx.AsyncHTTPTransport:
        """The transport for ``http`` or ``https`` (created on first use)."""
        found = self._pools.get(scheme)
        if found is None:
            verify = scheme == "https"
            found = httpx.AsyncHTTPTransport(limits=self._limits, verify=verify)
            self._pools[scheme] = found
        return found

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.pool(request.url.scheme).handle_async_request(request)

    async def aclose(self) -> None:
        for pool in list(self._pools.values()):
            await pool.aclose()


def new_http_client() -> httpx.Client:
    """The ``httpx.Client`` an llmswitch ``Client`` creates when none is passed in."""
    return httpx.Client(transport=LazyTransport(), follow_redirects=True)


def new_async_http_client() -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` an llmswitch ``AsyncClient`` creates when none is passed in."""
    return httpx.AsyncClient(transport=LazyAsyncTransport(), follow_redirects=True)
