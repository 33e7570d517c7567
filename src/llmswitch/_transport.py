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

import asyncio
import contextlib
import logging
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import Protocol, TypeVar

import httpx
from tenacity import AsyncRetrying, RetryCallState, Retrying, stop_after_attempt
from tenacity.retry import retry_base

from ._http import RedirectRefused, check_redirect
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


class RetryPolicy:
    """How many retries, and how long to wait; ``sleep`` and ``random`` are injectable."""

    __slots__ = (
        "async_sleep",
        "max_retries",
        "max_retry_after",
        "random",
        "sleep",
    )

    def __init__(
        self,
        max_retries: int = 2,
        *,
        max_retry_after: float = 120.0,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        random: Callable[[], float] = random.random,
    ) -> None:
        self.max_retries = max_retries
        self.max_retry_after = max_retry_after
        self.sleep = sleep
        self.async_sleep = async_sleep
        self.random = random

    def should_retry(self, error: BaseException) -> bool:
        """True for a retryable :class:`APIError` whose Retry-After is within the cap. A longer
        Retry-After is not waited for: the error is raised (a fallback chain moves on to its
        next target), as openai-python does above its 120 s cap."""
        if not isinstance(error, APIError) or not error.retryable:
            return False
        return error.retry_after is None or error.retry_after <= self.max_retry_after

    def wait(self, retries_done: int, error: BaseException | None) -> float:
        """Seconds to wait before retry number ``retries_done + 1``."""
        if (
            isinstance(error, APIError)
            and error.retry_after is not None
            and 0 < error.retry_after <= self.max_retry_after
        ):
            return error.retry_after
        base = min(0.5 * 2.0**retries_done, 8.0)
        return base * (1.0 - 0.25 * self.random())


class _RetryIf(retry_base):
    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy

    def __call__(self, retry_state: RetryCallState) -> bool:
        outcome = retry_state.outcome
        if outcome is None or not outcome.failed:
            return False
        error = outcome.exception()
        return error is not None and self.policy.should_retry(error)


def _wait(policy: RetryPolicy, offset: int) -> Callable[[RetryCallState], float]:
    def wait(retry_state: RetryCallState) -> float:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        return policy.wait(retry_state.attempt_number - 1 + offset, error)

    return wait


def _log(policy: RetryPolicy, what: str, error: BaseException | None, wait: float, n: int) -> None:
    if isinstance(error, APIError):
        logger.debug(
            "retrying %s on %s: %s (status %s, code %s); waiting %.3fs, retry %d of %d",
            what,
            error.provider,
            type(error).__name__,
            error.status_code,
            error.code,
            wait,
            n,
            policy.max_retries,
        )


def _log_retry(policy: RetryPolicy, what: str, offset: int) -> Callable[[RetryCallState], None]:
    def before_sleep(retry_state: RetryCallState) -> None:
        error = retry_state.outcome.exception() if retry_state.outcome else None
        wait = retry_state.next_action.sleep if retry_state.next_action else 0.0
        _log(policy, what, error, wait, retry_state.attempt_number + offset)

    return before_sleep


def _first_failure(policy: RetryPolicy, what: str, error: APIError) -> float:
    """After a failed first attempt: re-raise unless it is retried; else log and return the
    wait before the second attempt."""
    if policy.max_retries <= 0 or not policy.should_retry(error):
        raise error
    wait = policy.wait(0, error)
    _log(policy, what, error, wait, 1)
    return wait


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


# ---- deadlines (DESIGN section 5) ---------------------------------------------------------------

DEADLINE = "llmswitch.deadline"
"""Request extension: the call's ``timeout`` in seconds when it is a deadline (a float was
given), ``None`` when it is httpx's per-operation meaning (an ``httpx.Timeout`` was given)."""
DEADLINE_AT = "llmswitch.deadline_at"
"""Request extension: the ``time.monotonic()`` by which the current attempt must be done."""
_DEFAULT_CONNECT = 5.0


def apply_timeout(
    request: httpx.Request, value: float | httpx.Timeout | None, connect: float = _DEFAULT_CONNECT
) -> httpx.Request:
    """Set a request's timeouts from a call's ``timeout``. A float is a deadline: for a
    non-stream attempt as a whole, and for a stream until its first chunk and then for each gap
    between chunks (keep-alive comments do not count); each network operation also waits at
    most that long (connect at most ``connect``). An ``httpx.Timeout`` keeps httpx's
    per-operation meaning and sets no deadline; ``None`` waits without bound."""
    if value is None:
        timeout, deadline = httpx.Timeout(None), None
    elif isinstance(value, httpx.Timeout):
        timeout, deadline = value, None
    else:
        timeout, deadline = httpx.Timeout(value, connect=min(value, connect)), float(value)
    request.extensions["timeout"] = timeout.as_dict()
    request.extensions[DEADLINE] = deadline
    return request


def _deadline_seconds(extensions: Mapping[str, object]) -> float | None:
    if DEADLINE in extensions:
        found = extensions[DEADLINE]
        return found if isinstance(found, float) else None
    # A request whose timeout was set without apply_timeout: a float timeout gives equal read,
    # write and pool timeouts; take them as the deadline.
    timeout = extensions.get("timeout")
    if isinstance(timeout, dict):
        read = timeout.get("read")
        if isinstance(read, (int, float)) and read == timeout.get("write") == timeout.get("pool"):
            return float(read)
    return None


def deadline_at(request: httpx.Request) -> float | None:
    """The monotonic time the current attempt of ``request`` must be done by, if any (auth
    flows read it to bound token fetches and lock waits)."""
    found = request.extensions.get(DEADLINE_AT)
    return found if isinstance(found, float) else None


def _start_attempt(request: httpx.Request) -> None:
    seconds = _deadline_seconds(request.extensions)
    request.extensions[DEADLINE_AT] = None if seconds is None else time.monotonic() + seconds


class DeadlineStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body that raises ``httpx.ReadTimeout`` once its deadline has passed: checked
    after every read, so a body that drips bytes (or a stream of keep-alive comments) cannot
    outlive the deadline by more than one read, which itself waits at most ``timeout``.
    :class:`~llmswitch._streaming.Stream` moves the deadline each time the caller asks for the
    next chunk (:meth:`restart`)."""

    __slots__ = ("_inner", "at", "seconds")

    def __init__(
        self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, at: float, seconds: float
    ) -> None:
        self._inner = inner
        self.at = at
        self.seconds = seconds

    def restart(self) -> None:
        """The next chunk has ``seconds`` from now."""
        self.at = time.monotonic() + self.seconds

    def _expired(self) -> httpx.ReadTimeout:
        return httpx.ReadTimeout(f"no answer within the {self.seconds:g} s deadline (timeout=)")

    def __iter__(self) -> Iterator[bytes]:
        if not isinstance(self._inner, httpx.SyncByteStream):  # pragma: no cover
            raise RuntimeError("attempted to read an async stream synchronously")
        for chunk in self._inner:
            if time.monotonic() > self.at:
                raise self._expired()
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        if not isinstance(self._inner, httpx.AsyncByteStream):  # pragma: no cover
            raise RuntimeError("attempted to read a sync stream asynchronously")
        async for chunk in self._inner:
            if time.monotonic() > self.at:
                raise self._expired()
            yield chunk

    def close(self) -> None:
        if isinstance(self._inner, httpx.SyncByteStream):
            self._inner.close()

    async def aclose(self) -> None:
        if isinstance(self._inner, httpx.AsyncByteStream):
            await self._inner.aclose()


def guard_body(response: httpx.Response, request: httpx.Request | None = None) -> None:
    """Put the attempt's deadline on ``response``'s body (once), if the call has one."""
    if isinstance(response.stream, DeadlineStream):
        return
    extensions = (request or response.request).extensions
    at = extensions.get(DEADLINE_AT)
    seconds = _deadline_seconds(extensions)
    if isinstance(at, float) and seconds is not None:
        response.stream = DeadlineStream(response.stream, at, seconds)


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
    _start_attempt(request)
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
    _start_attempt(request)
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
        wait = _first_failure(policy, what, error)
    policy.sleep(wait)
    retrying = Retrying(
        stop=stop_after_attempt(policy.max_retries),
        wait=_wait(policy, 1),
        retry=_RetryIf(policy),
        sleep=policy.sleep,
        before_sleep=_log_retry(policy, what, 1),
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
        wait = _first_failure(policy, what, error)
    await policy.async_sleep(wait)
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_retries),
        wait=_wait(policy, 1),
        retry=_RetryIf(policy),
        sleep=policy.async_sleep,
        before_sleep=_log_retry(policy, what, 1),
        reraise=True,
    )
    return await retrying(attempt)


connection_error = _connection_error
