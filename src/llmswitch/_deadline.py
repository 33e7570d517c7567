"""Deadlines (DESIGN section 5): a float ``timeout`` bounds a whole attempt, and a stream's wait
for each chunk, whatever the body does (a body that drips a byte a second cannot outlive it)."""

from __future__ import annotations

import time
from collections.abc import Mapping

import httpx

from ._wrapped_stream import WrappedStream

__all__ = [
    "DEADLINE",
    "DEADLINE_AT",
    "DeadlineStream",
    "apply_timeout",
    "deadline_at",
    "guard_body",
    "start_attempt",
]

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


def start_attempt(request: httpx.Request) -> None:
    seconds = _deadline_seconds(request.extensions)
    request.extensions[DEADLINE_AT] = None if seconds is None else time.monotonic() + seconds


class DeadlineStream(WrappedStream):
    """A response body that raises ``httpx.ReadTimeout`` once its deadline has passed: checked
    after every read, so a body that drips bytes (or a stream of keep-alive comments) cannot
    outlive the deadline by more than one read, which itself waits at most ``timeout``.
    :class:`~llmswitch._streaming.Stream` moves the deadline each time the caller asks for the
    next chunk (:meth:`restart`)."""

    __slots__ = ("at", "seconds")

    def __init__(
        self, inner: httpx.SyncByteStream | httpx.AsyncByteStream, at: float, seconds: float
    ) -> None:
        super().__init__(inner)
        self.at = at
        self.seconds = seconds

    def restart(self) -> None:
        """The next chunk has ``seconds`` from now."""
        self.at = time.monotonic() + self.seconds

    def _each(self, chunk: bytes) -> bytes:
        if time.monotonic() > self.at:
            raise httpx.ReadTimeout(f"no answer within the {self.seconds:g} s deadline (timeout=)")
        return chunk


def guard_body(response: httpx.Response, request: httpx.Request | None = None) -> None:
    """Put the attempt's deadline on ``response``'s body (once), if the call has one."""
    if isinstance(response.stream, DeadlineStream):
        return
    extensions = (request or response.request).extensions
    at = extensions.get(DEADLINE_AT)
    seconds = _deadline_seconds(extensions)
    if isinstance(at, float) and seconds is not None:
        response.stream = DeadlineStream(response.stream, at, seconds)
