"""The default httpx clients: one pool per URL scheme (created on first use), the redirect
policy, and pools and locks that a forked child does not share with its parent.

httpx builds a TLS context (loading the CA bundle, ~30 ms) when a client is created, even if
every provider it will talk to is plain ``http://`` (a local gateway, a test server). These
transports create the TLS pool only when the first ``https://`` request goes out.

Redirects: an API call follows a redirect within its origin (scheme, host, port), as
openai-python does (the provider's own routing; a 301/302/303 becomes a GET there too). A
cross-origin redirect would carry the config's ``headers`` along (httpx strips only
``Authorization``), and a 301/302/303 would turn the POST into a GET whose answer, from another
host, would be returned as the model's: it raises :class:`RedirectRefused`, unless the config
allows the origin (``follow_redirects = true`` under the provider:
:func:`allow_redirects_from`; then only 307/308, which keep the method).

Fork: a child process gets fresh pools (the parent's keep-alive connections are abandoned in
the child, never shared, so answers cannot cross) and fresh locks.
"""

from __future__ import annotations

import os
import threading

import httpx

from ._fork import reset_after_fork
from .errors import APIStatusError

__all__ = [
    "DEFAULT_LIMITS",
    "LazyAsyncTransport",
    "LazyTransport",
    "RedirectRefused",
    "allow_redirects_from",
    "async_backend",
    "check_redirect",
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
        reset_after_fork(self)

    def _after_fork(self) -> None:
        """The child must not use the parent's pooled connections (two processes reading one
        socket get each other's answers) nor a lock another thread of the parent held at the
        fork. The pools are abandoned, not closed: closing could disturb the parent's."""
        self._pools = {}
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
    """Async twin of :class:`LazyTransport`, on httpx's own transport or on aiohttp's.

    ``backend="aiohttp"`` (the default when ``llmswitch[aiohttp]`` is installed, see
    :func:`async_backend`) sends through aiohttp, which fans out several times faster than
    httpx's pool at high concurrency (docs/performance.md); httpx's client API, auth flows and
    hooks stay the same. aiohttp is imported when the first request goes out.
    """

    def __init__(self, limits: httpx.Limits = DEFAULT_LIMITS, backend: str = "httpx") -> None:
        self._limits = limits
        self.backend = backend
        self._pools: dict[str, httpx.AsyncBaseTransport] = {}
        reset_after_fork(self)

    def _after_fork(self) -> None:
        """As :meth:`LazyTransport._after_fork`: the parent's pools are abandoned."""
        self._pools = {}

    def pool(self, scheme: str) -> httpx.AsyncBaseTransport:
        """The transport for ``http`` or ``https`` (created on first use)."""
        found = self._pools.get(scheme)
        if found is None:
            verify = scheme == "https"
            if self.backend == "aiohttp" and not _httpcore_mocked():
                from ._aiohttp import AiohttpBackend

                found = AiohttpBackend(limits=self._limits, verify=verify)
            else:
                found = httpx.AsyncHTTPTransport(limits=self._limits, verify=verify)
            self._pools[scheme] = found
        return found

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.pool(request.url.scheme).handle_async_request(request)

    async def aclose(self) -> None:
        for pool in list(self._pools.values()):
            await pool.aclose()


def _httpcore_mocked() -> bool:
    """True while respx (``llmswitch.testing``'s fakes, or a test's own ``respx.mock``) patches
    httpcore: requests must then go through httpx's transport for the mock to answer them."""
    import sys

    if "respx" not in sys.modules:
        return False
    import httpcore

    method = httpcore.AsyncConnectionPool.handle_async_request
    return not getattr(method, "__module__", "").startswith("httpcore")


def async_backend() -> str:
    """The default async transport: ``aiohttp`` when ``llmswitch[aiohttp]`` is installed, else
    httpx's own; ``LLMSWITCH_ASYNC_TRANSPORT=httpx`` (or ``aiohttp``) chooses explicitly."""
    choice = os.environ.get("LLMSWITCH_ASYNC_TRANSPORT", "auto").strip().lower()
    if choice == "httpx":
        return "httpx"
    import importlib.util

    available = importlib.util.find_spec("httpx_aiohttp") is not None
    if choice == "aiohttp" and not available:
        from .errors import ConfigError

        raise ConfigError(
            "LLMSWITCH_ASYNC_TRANSPORT=aiohttp, but the aiohttp transport is not installed:"
            " pip install 'llmswitch[aiohttp]' (or unset the variable to use httpx's own)"
        )
    return "aiohttp" if available else "httpx"


class RedirectRefused(APIStatusError):
    """A redirect an API call does not follow (to another origin)."""


_ALLOWED: set[str] = set()
_KEPT_METHOD = frozenset({307, 308})


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"


def allow_redirects_from(base_url: str) -> None:
    """Let calls to ``base_url``'s origin follow redirects to other origins (config
    ``follow_redirects = true``; a trusted config only)."""
    _ALLOWED.add(_origin(httpx.URL(base_url)))


def check_redirect(response: httpx.Response) -> None:
    """Raise :class:`RedirectRefused` for a redirect an API call must not follow (an httpx
    response hook on the default clients; the transport applies it to other clients too)."""
    if not response.has_redirect_location:
        return
    request = response.request
    here = _origin(request.url)
    location = response.headers.get("location", "")
    try:
        target = request.url.join(location)
    except httpx.InvalidURL:
        target = None
    status = response.status_code
    if target is not None and _origin(target) == here:
        return  # the provider's own routing, as openai-python follows it (301/302 become GETs)
    if here in _ALLOWED and status in _KEPT_METHOD:
        return
    why = "to another origin" if target is None or _origin(target) != here else ""
    if status not in _KEPT_METHOD:
        why = (why + " and " if why else "") + f"changing {request.method} to GET"
    raise RedirectRefused(
        f"the provider answered HTTP {status} redirecting {why} ({location[:200]!r}); API calls"
        " do not follow it (headers and the request would go along, and another host's answer"
        " would be taken as the model's). Fix base_url, or set follow_redirects = true for this"
        " provider in a trusted config if the redirect is expected",
        provider="",
        status_code=status,
        retryable=False,
    )


def new_http_client() -> httpx.Client:
    """The ``httpx.Client`` an llmswitch ``Client`` creates when none is passed in."""
    return httpx.Client(
        transport=LazyTransport(), follow_redirects=True, event_hooks={"response": [check_redirect]}
    )


def new_async_http_client() -> httpx.AsyncClient:
    """The ``httpx.AsyncClient`` an llmswitch ``AsyncClient`` creates when none is passed in."""

    async def hook(response: httpx.Response) -> None:
        check_redirect(response)

    backend = async_backend()
    if backend == "aiohttp":
        from . import _aiohttp  # noqa: F401  (imported with the client, not on its first call)
    return httpx.AsyncClient(
        transport=LazyAsyncTransport(backend=backend),
        follow_redirects=True,
        event_hooks={"response": [hook]},
    )
