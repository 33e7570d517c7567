"""``with_raw_response`` / ``with_streaming_response``: the same methods, another result.

A wrapped method sets the response mode for the duration of the call (a context variable, so
threads and tasks do not see each other's); the resource reads it when it picks its handler.
The wrapped method keeps the original's signature and docstring.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, Literal, TypeVar

import httpx

from .._pipeline import Step
from .._raw_handlers import (
    AsyncHandler,
    Handler,
    async_raw,
    async_streamed,
    sync_raw,
    sync_streamed,
)
from .._response import (
    APIResponse,
    AsyncAPIResponse,
    AsyncResponseContextManager,
    LegacyAPIResponse,
    ResponseContextManager,
)

__all__ = [
    "ResponseMode",
    "async_for_mode",
    "async_raw_method",
    "async_streamed_method",
    "current_mode",
    "raw_method",
    "streamed_method",
    "sync_for_mode",
]

ResponseMode = Literal["parsed", "raw", "streaming"]
_MODE: ContextVar[ResponseMode] = ContextVar("llmswitch_response_mode", default="parsed")


def current_mode() -> ResponseMode:
    """The mode the current call runs in (``"parsed"`` unless a wrapper set another)."""
    return _MODE.get()


P = TypeVar("P")
T = TypeVar("T")


def sync_for_mode(handler: Handler[P, T], *, read: bool) -> Handler[P, Any]:
    """``handler`` as the current call's mode wants it: itself (parsed), wrapped for
    ``with_raw_response`` (the body read first when ``read``) or for
    ``with_streaming_response``."""
    mode = current_mode()
    if mode == "raw":
        return sync_raw(handler, read=read)
    if mode == "streaming":
        return sync_streamed(handler)
    return handler


def async_for_mode(
    handler: AsyncHandler[P, T], sync_parse: Callable[[Step[P], httpx.Response], T]
) -> AsyncHandler[P, Any]:
    """Async twin of :func:`sync_for_mode`; ``sync_parse`` serves a raw response's
    ``parse()``."""
    mode = current_mode()
    if mode == "raw":
        return async_raw(handler, sync_parse)
    if mode == "streaming":
        return async_streamed(handler)
    return handler


def raw_method(method: Callable[..., Any]) -> Callable[..., LegacyAPIResponse[Any]]:
    """``method`` returning a :class:`LegacyAPIResponse` instead of its result."""

    @functools.wraps(method)
    def wrapped(*args: Any, **kwargs: Any) -> LegacyAPIResponse[Any]:
        token = _MODE.set("raw")
        try:
            result: LegacyAPIResponse[Any] = method(*args, **kwargs)
            return result
        finally:
            _MODE.reset(token)

    return wrapped


def streamed_method(method: Callable[..., Any]) -> Callable[..., ResponseContextManager[Any]]:
    """``method`` returning a context manager around an unread :class:`APIResponse`."""

    @functools.wraps(method)
    def wrapped(*args: Any, **kwargs: Any) -> ResponseContextManager[Any]:
        def send() -> APIResponse[Any]:
            token = _MODE.set("streaming")
            try:
                result: APIResponse[Any] = method(*args, **kwargs)
                return result
            finally:
                _MODE.reset(token)

        return ResponseContextManager(send)

    return wrapped


def async_raw_method(
    method: Callable[..., Awaitable[Any]],
) -> Callable[..., Awaitable[LegacyAPIResponse[Any]]]:
    """Async twin of :func:`raw_method`."""

    @functools.wraps(method)
    async def wrapped(*args: Any, **kwargs: Any) -> LegacyAPIResponse[Any]:
        token = _MODE.set("raw")
        try:
            result: LegacyAPIResponse[Any] = await method(*args, **kwargs)
            return result
        finally:
            _MODE.reset(token)

    return wrapped


def async_streamed_method(
    method: Callable[..., Awaitable[Any]],
) -> Callable[..., AsyncResponseContextManager[Any]]:
    """Async twin of :func:`streamed_method`."""

    @functools.wraps(method)
    def wrapped(*args: Any, **kwargs: Any) -> AsyncResponseContextManager[Any]:
        async def send() -> AsyncAPIResponse[Any]:
            token = _MODE.set("streaming")
            try:
                result: AsyncAPIResponse[Any] = await method(*args, **kwargs)
                return result
            finally:
                _MODE.reset(token)

        return AsyncResponseContextManager(send)

    return wrapped


class _Methods:
    """A resource's methods under another response mode (``resource.with_raw_response``)."""

    def __init__(self, wrap: Callable[[Callable[..., Any]], Any], resource: Any, *names: str):
        self._names = names
        for name in names:
            setattr(self, name, wrap(getattr(resource, name)))

    def __getattr__(self, name: str) -> Any:  # for type checkers: the wrapped methods
        raise AttributeError(f"{type(self).__name__} has no method {name!r}")

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {', '.join(self._names)}>"


class WithRawResponse(_Methods):
    """``resource.with_raw_response``: each method returns a :class:`LegacyAPIResponse`."""

    def __init__(self, resource: Any, *names: str) -> None:
        super().__init__(raw_method, resource, *names)


class WithStreamingResponse(_Methods):
    """``resource.with_streaming_response``: each method returns a context manager around an
    unread :class:`APIResponse`."""

    def __init__(self, resource: Any, *names: str) -> None:
        super().__init__(streamed_method, resource, *names)


class AsyncWithRawResponse(_Methods):
    """Async twin of :class:`WithRawResponse`."""

    def __init__(self, resource: Any, *names: str) -> None:
        super().__init__(async_raw_method, resource, *names)


class AsyncWithStreamingResponse(_Methods):
    """Async twin of :class:`WithStreamingResponse`."""

    def __init__(self, resource: Any, *names: str) -> None:
        super().__init__(async_streamed_method, resource, *names)
