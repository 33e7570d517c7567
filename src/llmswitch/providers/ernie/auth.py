"""Baidu OAuth (``client_credentials``) for the Qianfan v1 API, as one ``httpx.Auth``.

Wire facts: ``spec/wire-ernie-sensenova.md`` 1.2 (token endpoint, ``access_token`` query
parameter, expiry reported as ``error_code`` 110/111 inside an HTTP 200 body) and checklist
rows E1-E4. The token request is sent by the auth flow itself (``yield``), so no second HTTP
client is needed and one implementation serves sync and async. A lock (``threading.Lock`` for
sync, one ``asyncio.Lock`` per event loop for async) makes concurrent first calls share one
fetch; a token refused by the API is re-fetched once and the request replayed once.
"""

from __future__ import annotations

import asyncio
import sys
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Generator
from dataclasses import dataclass

import httpx
from pydantic import BaseModel, ValidationError

from ..._deadline import DEADLINE, DEADLINE_AT, deadline_at, guard_body
from ..._fork import reset_after_fork
from ..._secrets import register_secret
from ...errors import APIConnectionError, APIError, APITimeoutError, AuthenticationError
from .._base import make_error, validation_error
from .repair import V1StreamRepair
from .repair import repair_stream as _repair_stream

__all__ = ["TOKEN_ERROR_CODES", "BaiduOAuth", "V1StreamRepair"]

TOKEN_PATH = "/oauth/2.0/token"
# error_code values that mean "this access_token is not accepted": refresh and replay once.
# 110 invalid, 111 expired (QF-req, EB); 100 missing/invalid token parameter and 13 "get service
# token failed" per spec checklist E3.
TOKEN_ERROR_CODES = frozenset({110, 111, 100, 13})
_TOKEN_ERROR_MARK = b'"error_code"'


class _TokenAnswer(BaseModel):
    access_token: str | None = None
    expires_in: float = 2592000.0
    error: str | None = None
    error_description: str | None = None


class _CodeOnly(BaseModel):
    error_code: int | None = None


class _Flight:
    """A token fetch in progress: its leader sets ``done`` with a token or an error."""

    __slots__ = ("done", "error", "loop", "token")

    def __init__(
        self, done: threading.Event | asyncio.Event, loop: asyncio.AbstractEventLoop | None
    ) -> None:
        self.done = done
        self.loop = loop
        self.token: str | None = None
        self.error: APIError | None = None


def _remaining(request: httpx.Request) -> float | None:
    """Seconds left of the request's deadline (``None``: no deadline; the leader's fetch is
    bounded by its own timeouts and always lands)."""
    at = deadline_at(request)
    return None if at is None else max(at - time.monotonic(), 0.0)


_SHARED_EXTENSIONS = frozenset({"timeout", DEADLINE, DEADLINE_AT})


@dataclass(frozen=True, slots=True)
class _Token:
    value: str
    refresh_at: float


def _is_json_200(response: httpx.Response) -> bool:
    return response.status_code == 200 and response.headers.get("content-type", "").startswith(
        "application/json"
    )


def _token_refused(body: bytes) -> bool:
    """True when a 200 JSON body is a token error (cheap substring check before parsing)."""
    if _TOKEN_ERROR_MARK not in body:
        return False
    try:
        code = _CodeOnly.model_validate_json(body).error_code
    except ValidationError:
        return False
    return code in TOKEN_ERROR_CODES


class BaiduOAuth(httpx.Auth):
    """Adds ``?access_token=`` to each request, fetching the token on first use.

    ``clock`` returns seconds (monotonic is fine); a token is used until ``expires_in`` minus a
    margin (10 %, at most one hour) has passed, then fetched again.

    >>> auth = BaiduOAuth("https://aip.baidubce.com", "AK", "SK")  # doctest: +SKIP
    """

    def __init__(
        self,
        base_url: str,
        client_id: str,
        client_secret: str,
        *,
        provider: str = "ernie",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token_url = base_url.rstrip("/") + TOKEN_PATH
        self._params = {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
        }
        self.provider = provider
        self.clock = clock
        self.fetches = 0
        """How many token requests this object has sent (for tests and diagnostics)."""
        self._token: _Token | None = None
        self._urls: dict[tuple[httpx.URL, str], httpx.URL] = {}
        self._lock = threading.Lock()  # held for checks only, never across IO
        self._flight: _Flight | None = None
        self._async_flights: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _Flight] = (
            weakref.WeakKeyDictionary()
        )
        reset_after_fork(self)

    def _after_fork(self) -> None:
        """A fork while another thread fetched a token: the child inherits a held lock and a
        flight nobody will land. Give it a new lock and no flight."""
        self._lock = threading.Lock()
        self._flight = None
        self._async_flights = weakref.WeakKeyDictionary()

    def __repr__(self) -> str:
        return f"BaiduOAuth(token_url={self.token_url!r}, client_id=***)"

    # ---- pure helpers -----------------------------------------------------------------------

    def _valid(self) -> str | None:
        token = self._token
        if token is not None and self.clock() < token.refresh_at:
            return token.value
        return None

    def _newer_than(self, stale: str) -> str | None:
        """A valid token other than ``stale`` (another request already refreshed it)."""
        value = self._valid()
        return value if value is not None and value != stale else None

    def _token_request(self, original: httpx.Request) -> httpx.Request:
        self.fetches += 1
        return httpx.Request(
            "POST",
            self.token_url,
            params=self._params,
            json={},
            extensions={k: v for k, v in original.extensions.items() if k in _SHARED_EXTENSIONS},
        )

    def _accept(self, response: httpx.Response, body: bytes) -> str:
        """Check the token endpoint's answer and cache the token it carries."""
        if response.status_code >= 500:
            raise make_error(
                self.provider,
                response.status_code,
                "OAuth token endpoint failed",
                body=body,
                headers=response.headers,
            )
        try:
            answer = _TokenAnswer.model_validate_json(body)
        except ValidationError as exc:
            raise validation_error(exc, self.provider, body) from None
        if answer.error or not answer.access_token:
            detail = f"{answer.error}: {answer.error_description}" if answer.error else "no token"
            raise make_error(
                self.provider,
                response.status_code,
                f"Baidu OAuth refused the API Key / Secret Key ({detail}); check access_key and"
                " secret_key (QIANFAN_AK / QIANFAN_SK) of the Qianfan application",
                body=body,
                headers=response.headers,
                code=answer.error or None,
                cls=AuthenticationError,
                retryable=False,
            )
        register_secret(answer.access_token, owner=self)
        margin = min(3600.0, answer.expires_in * 0.1)
        self._token = _Token(answer.access_token, self.clock() + answer.expires_in - margin)
        return answer.access_token

    def invalidate(self) -> None:
        """Forget the cached token (the next request fetches a new one)."""
        self._token = None

    def _url_with(self, url: httpx.URL, token: str) -> httpx.URL:
        """``url`` with ``access_token`` set, cached: re-parsing a URL costs tens of µs."""
        key = (url, token)
        found = self._urls.get(key)
        if found is None:
            if len(self._urls) > 256:
                self._urls.clear()
            found = self._urls[key] = url.copy_set_param("access_token", token)
        return found

    def _authorized(self, request: httpx.Request, token: str) -> httpx.Request:
        """A shallow copy of ``request`` whose URL carries the token. The caller's request is
        left as it was: it stays in the frames of the caller's traceback (and error trackers
        record frame locals), so it must never hold the token; the copy lives only in httpx's
        frames, which the transport clears when it maps an error."""
        authorized = httpx.Request.__new__(httpx.Request)  # copy.copy would detach the body
        authorized.__dict__.update(request.__dict__)
        authorized.url = self._url_with(request.url, token)
        return authorized

    # ---- flows ------------------------------------------------------------------------------

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        token = self._valid()
        if token is None:
            token, flight, lead = self._join(None, False)
            if lead:  # this request fetches; others wait for it
                try:
                    answer = yield self._token_request(request)
                    guard_body(answer)
                    token = self._accept(answer, answer.read())
                finally:
                    self._land(flight, token, sys.exc_info()[1])  # type: ignore[arg-type]
            elif token is None:
                token = self._wait_sync(flight, request)
        response = yield self._authorized(request, token)
        guard_body(response)
        if not (_is_json_200(response) and _token_refused(response.read())):
            _repair_stream(response)
            return
        fresh, flight, lead = self._join(token, False)
        if lead:
            try:
                answer = yield self._token_request(request)
                guard_body(answer)
                fresh = self._accept(answer, answer.read())
            finally:
                self._land(flight, fresh, sys.exc_info()[1])  # type: ignore[arg-type]
        elif fresh is None:
            fresh = self._wait_sync(flight, request)
        response = yield self._authorized(request, fresh)
        _repair_stream(response)

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        token = self._valid()
        if token is None:
            token, flight, lead = self._join(None, True)
            if lead:
                try:
                    answer = yield self._token_request(request)
                    guard_body(answer)
                    token = self._accept(answer, await answer.aread())
                finally:
                    self._land(flight, token, sys.exc_info()[1])  # type: ignore[arg-type]
            elif token is None:
                token = await self._wait_async(flight, request)
        response = yield self._authorized(request, token)
        guard_body(response)
        if not (_is_json_200(response) and _token_refused(await response.aread())):
            _repair_stream(response)
            return
        fresh, flight, lead = self._join(token, True)
        if lead:
            try:
                answer = yield self._token_request(request)
                guard_body(answer)
                fresh = self._accept(answer, await answer.aread())
            finally:
                self._land(flight, fresh, sys.exc_info()[1])  # type: ignore[arg-type]
        elif fresh is None:
            fresh = await self._wait_async(flight, request)
        response = yield self._authorized(request, fresh)
        _repair_stream(response)

    # ---- one fetch in flight, shared by every request that needs it ---------------------------

    def _join(
        self, stale: str | None, asynchronous: bool
    ) -> tuple[str | None, _Flight | None, bool]:
        """``(token, None, False)`` when a usable token is cached (newer than ``stale``);
        ``(None, flight, True)`` when this request must fetch one (it leads a new flight);
        ``(None, flight, False)`` when another request is fetching (wait for that flight). The
        lock is held only for this check, never across IO: no convoy behind a slow endpoint."""
        loop = asyncio.get_running_loop() if asynchronous else None
        with self._lock:
            token = self._valid() if stale is None else self._newer_than(stale)
            if token is not None:
                return token, None, False
            current = self._flight if loop is None else self._async_flights.get(loop)
            if current is not None:
                return None, current, False
            flight = _Flight(threading.Event() if loop is None else asyncio.Event(), loop)
            if loop is None:
                self._flight = flight
            else:
                self._async_flights[loop] = flight
            return None, flight, True

    def _land(self, flight: _Flight, token: str | None, error: BaseException | None) -> None:
        """The leader's fetch ended: hand its token (or its error) to the waiters."""
        with self._lock:
            if flight.loop is None:
                if self._flight is flight:
                    self._flight = None
            elif self._async_flights.get(flight.loop) is flight:
                del self._async_flights[flight.loop]
        flight.token = token
        if token is None:
            flight.error = error if isinstance(error, APIError) else None
        flight.done.set()

    def _wait_sync(self, flight: _Flight | None, request: httpx.Request) -> str:
        assert flight is not None and isinstance(flight.done, threading.Event)
        if not flight.done.wait(_remaining(request)):
            raise self._waited_too_long()
        return self._outcome(flight)

    async def _wait_async(self, flight: _Flight | None, request: httpx.Request) -> str:
        assert flight is not None and isinstance(flight.done, asyncio.Event)
        try:
            await asyncio.wait_for(flight.done.wait(), _remaining(request))
        except asyncio.TimeoutError:
            raise self._waited_too_long() from None
        return self._outcome(flight)

    def _outcome(self, flight: _Flight) -> str:
        if flight.token is not None:
            return flight.token
        error = flight.error
        if error is not None:  # the leader's own error, as a fresh object for this request
            copy = type(error).__new__(type(error))
            copy.__dict__.update(error.__dict__)
            copy.args = error.args
            raise copy
        raise APIConnectionError(
            "the OAuth token fetch this request waited for failed (timed out or the connection"
            " broke); retry",
            provider=self.provider,
        )

    def _waited_too_long(self) -> APITimeoutError:
        return APITimeoutError(
            "no OAuth token within the call's deadline (another request is fetching it and the"
            " token endpoint has not answered); raise timeout= or check the network",
            provider=self.provider,
        )

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        raise RuntimeError("BaiduOAuth drives sync_auth_flow / async_auth_flow directly")


# ---- v1 stream repair ---------------------------------------------------------------------
