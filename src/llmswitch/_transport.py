"""The one place that sends: timeouts, retries (tenacity), Retry-After, sync and async.

Each attempt sends the request, maps any HTTP or transport failure to a typed
:class:`~llmswitch.errors.APIError` via the provider's adapter, and runs the caller's handler
(parse the body, or open a stream and read up to its first chunk) inside the attempt, so an
error found in a 200 body or before a stream's first chunk is retried like a status error.

Retry rule (DESIGN section 5): up to ``max_retries`` more attempts for errors marked
``retryable`` (connect errors, timeouts, 408, 409, 429 rate limits, 5xx, provider codes marked
retryable); quota, auth, bad request and content filter are not. The wait is the server's
``retry-after-ms`` / ``Retry-After`` when given and not above ``max_retry_after`` (a longer one
is not waited for: the error is raised), else ``min(0.5 * 2**n, 8) * (1 - 0.25 * random())``.
``x-should-retry`` from the server overrides the status rule. Each retry logs one DEBUG line.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Protocol, TypeVar

import httpx
from tenacity import AsyncRetrying, Retrying, stop_after_attempt

from ._deadline import DeadlineStream, apply_timeout, deadline_at, guard_body, start_attempt
from ._http import RedirectRefused, check_redirect
from ._retry import RetryIf, RetryPolicy, first_failure, log_retry, wait_for
from ._secrets import protect_logger
from .errors import APIConnectionError, APIError, APITimeoutError

__all__ = [
    "DeadlineStream",
    "Endpoint",
    "RetryPolicy",
    "apply_timeout",
    "async_send",
    "deadline_at",
    "guard_body",
    "scrub",
    "sync_send",
]

logger = logging.getLogger("llmswitch")
# httpx and httpcore log request URLs; some providers put tokens in them (see _secrets).
protect_logger("httpx")
protect_logger("httpcore")
T = TypeVar("T")


class Endpoint(Protocol):
    """What the transport needs of a provider adapter: its name (for errors and logs), its auth
    flow, and its error table. Every adapter in :mod:`llmswitch.providers` is one; the transport
    never imports a provider."""

    name: str
    auth: httpx.Auth | None

    def map_error(self, status: int, body: bytes, headers: Mapping[str, str]) -> APIError: ...


def scrub(exc: BaseException) -> None:
    """Clear the local variables of the finished frames in ``exc``'s traceback and in those of
    the exceptions chained to it (httpx and httpcore internals, auth flows). Their locals hold
    requests whose URL carries a secret (Baidu's ``client_secret`` on the token request, the
    ``access_token`` on every v1 call) and error trackers record frame locals (Sentry, rich
    tracebacks). Frames still running (the caller's) raise RuntimeError and are left alone."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo and len(seen) < 16:
        item = todo.pop()
        if item is None or id(item) in seen:
            continue
        seen.add(id(item))
        tb = item.__traceback__
        while tb is not None:
            with contextlib.suppress(RuntimeError):  # a frame still executing stays as it is
                tb.tb_frame.clear()
            tb = tb.tb_next
        todo.append(item.__cause__)
        todo.append(item.__context__)


def _connection_error(exc: Exception, provider: str, retryable: bool = True) -> APIError:
    scrub(exc)
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(
            f"request timed out ({type(exc).__name__}); raise timeout= or check the network",
            provider=provider,
            retryable=retryable,
        )
    return APIConnectionError(
        f"connection failed ({type(exc).__name__}: {exc})", provider=provider, retryable=retryable
    )


def _checked(
    response_status: int, body: bytes, response: httpx.Response, adapter: Endpoint
) -> None:
    if response_status >= 400:
        error = adapter.map_error(response_status, body, response.headers)
        should = response.headers.get("x-should-retry")
        if should == "true":
            error.retryable = True
        elif should == "false":
            error.retryable = False
        error.response = response
        raise error


def _attach(error: APIError, request: httpx.Request, response: httpx.Response) -> None:
    """Give an error the request that was sent and the response it came from (openai-python's
    ``error.request`` / ``error.response``)."""
    error.request = request
    if error.response is None and error.status_code is not None:
        error.response = response


def _closed(provider: str) -> APIConnectionError:
    return APIConnectionError(
        "this llmswitch client is closed; create a new one (or do not close a client that is"
        " still in use)",
        provider=provider,
        retryable=False,
    )


def _redirect_refused(response: httpx.Response, provider: str) -> APIError | None:
    """The redirect policy (see ``_http``) for an ``http_client`` the caller passed in: an
    answer reached through a refused redirect is not returned, and a 3xx is not an answer."""
    try:
        for step in (*response.history, response):
            check_redirect(step)
    except APIError as error:
        error.provider = provider
        return error
    if 300 <= response.status_code < 400:
        return RedirectRefused(
            f"the provider answered HTTP {response.status_code} (a redirect the http_client did"
            " not follow); fix base_url",
            provider=provider,
            status_code=response.status_code,
        )
    return None


def _open_sync(http: httpx.Client, adapter: Endpoint, request: httpx.Request) -> httpx.Response:
    if http.is_closed:
        raise _closed(adapter.name)
    start_attempt(request)
    try:
        response = http.send(request, auth=adapter.auth, stream=True)
    except httpx.HTTPError as exc:
        raise _connection_error(exc, adapter.name) from exc
    except APIError as exc:  # an auth flow's (a token endpoint's refusal) or a refused redirect
        exc.provider = exc.provider or adapter.name
        scrub(exc)
        raise
    except Exception as exc:  # any other failure to send (a custom transport): as openai-python
        raise _connection_error(exc, adapter.name) from exc
    guard_body(response, request)
    if response.history or 300 <= response.status_code < 400:
        refused = _redirect_refused(response, adapter.name)
        if refused is not None:
            response.close()
            raise refused
    if response.status_code >= 400:
        try:
            body = response.read()
        except httpx.HTTPError as exc:
            raise _connection_error(exc, adapter.name) from exc
        finally:
            response.close()
        _checked(response.status_code, body, response, adapter)
    return response


async def _open_async(
    http: httpx.AsyncClient, adapter: Endpoint, request: httpx.Request
) -> httpx.Response:
    if http.is_closed:
        raise _closed(adapter.name)
    start_attempt(request)
    try:
        response = await http.send(request, auth=adapter.auth, stream=True)
    except httpx.HTTPError as exc:
        raise _connection_error(exc, adapter.name) from exc
    except APIError as exc:  # an auth flow's (a token endpoint's refusal) or a refused redirect
        exc.provider = exc.provider or adapter.name
        scrub(exc)
        raise
    except Exception as exc:  # any other failure to send (a custom transport): as openai-python
        raise _connection_error(exc, adapter.name) from exc
    guard_body(response, request)
    if response.history or 300 <= response.status_code < 400:
        refused = _redirect_refused(response, adapter.name)
        if refused is not None:
            await response.aclose()
            raise refused
    if response.status_code >= 400:
        try:
            body = await response.aread()
        except httpx.HTTPError as exc:
            raise _connection_error(exc, adapter.name) from exc
        finally:
            await response.aclose()
        _checked(response.status_code, body, response, adapter)
    return response


def read_sync(response: httpx.Response, provider: str) -> None:
    """Read the whole body (mapping transport failures) and release the connection."""
    try:
        response.read()
    except httpx.HTTPError as exc:
        raise _connection_error(exc, provider) from exc
    finally:
        response.close()


async def read_async(response: httpx.Response, provider: str) -> None:
    """Async twin of :func:`read_sync`."""
    try:
        await response.aread()
    except httpx.HTTPError as exc:
        raise _connection_error(exc, provider) from exc
    finally:
        await response.aclose()


def sync_send(
    http: httpx.Client,
    adapter: Endpoint,
    request: httpx.Request,
    handle: Callable[[httpx.Response], T],
    policy: RetryPolicy,
    what: str = "request",
) -> T:
    """Send ``request`` with retries; ``handle`` turns the open response into the result and
    owns closing it (it runs inside the attempt, so its errors are retried too)."""

    tries = [0]

    def attempt() -> T:
        retries = tries[0]
        tries[0] += 1
        try:
            response = _open_sync(http, adapter, request)
        except APIError as error:
            error.request = request
            raise
        response.extensions["retries_taken"] = retries  # read by raw-response wrappers
        try:
            return handle(response)
        except APIError as error:
            _attach(error, request, response)
            raise

    # The first attempt runs outside tenacity, so a call that succeeds pays nothing for the
    # retry machinery; tenacity runs the retries (attempt numbers offset by one).
    try:
        return attempt()
    except APIError as error:
        wait = first_failure(policy, what, error)
    policy.sleep(wait)
    retrying = Retrying(
        stop=stop_after_attempt(policy.max_retries),
        wait=wait_for(policy, 1),
        retry=RetryIf(policy),
        sleep=policy.sleep,
        before_sleep=log_retry(policy, what, 1),
        reraise=True,
    )
    return retrying(attempt)


async def async_send(
    http: httpx.AsyncClient,
    adapter: Endpoint,
    request: httpx.Request,
    handle: Callable[[httpx.Response], Awaitable[T]],
    policy: RetryPolicy,
    what: str = "request",
) -> T:
    """Async twin of :func:`sync_send`."""

    tries = [0]

    async def attempt() -> T:
        retries = tries[0]
        tries[0] += 1
        try:
            response = await _open_async(http, adapter, request)
        except APIError as error:
            error.request = request
            raise
        response.extensions["retries_taken"] = retries  # read by raw-response wrappers
        try:
            return await handle(response)
        except APIError as error:
            _attach(error, request, response)
            raise

    try:
        return await attempt()
    except APIError as error:
        wait = first_failure(policy, what, error)
    await policy.async_sleep(wait)
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_retries),
        wait=wait_for(policy, 1),
        retry=RetryIf(policy),
        sleep=policy.async_sleep,
        before_sleep=log_retry(policy, what, 1),
        reraise=True,
    )
    return await retrying(attempt)


connection_error = _connection_error
