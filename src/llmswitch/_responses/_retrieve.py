"""``responses.retrieve`` / ``delete``: a response llmswitch kept is answered from the store
(a stream of it is replayed); any other id goes to the provider's own endpoint (OpenAI's
``GET`` / ``DELETE /responses/{id}``), and to a provider without one is a ``NotFoundError``."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import httpx

from .._pipeline import Step
from .._routing import Router
from ..errors import ConfigError, NotFoundError
from ..providers._base import Adapter, make_error
from ..types.responses import Response
from ._events import replay
from ._routes import build_native_get, check_id, native_url, parse_native
from ._store import ResponseStore
from ._stream import (
    AsyncResponseStream,
    ResponseStream,
    native_events,
    native_events_async,
    to_event,
)

__all__ = [
    "async_handler",
    "builder",
    "forget",
    "not_kept",
    "nothing",
    "parse",
    "replayed",
    "stored",
    "sync_handler",
]


def stored(
    store: ResponseStore, response_id: str, stream: bool, asynchronous: bool = False
) -> tuple[dict[str, Any], Any] | None:
    """``(body, result)`` of a kept response (a ``Response``, or a stream of its events)."""
    found = store.get(check_id(response_id))
    if found is None:
        return None
    body = found.response
    if stream:
        return body, replayed(body, found.provider, asynchronous)
    response = Response.model_validate(body)
    response.with_raw(body, found.provider)
    return body, response


def replayed(body: dict[str, Any], provider: str, asynchronous: bool) -> Any:
    events = [to_event(e) for e in replay(body)]
    if asynchronous:

        async def agen() -> Any:
            for event in events:
                yield event

        return AsyncResponseStream(agen(), None, provider)
    return ResponseStream(iter(events), None, provider)


def forget(store: ResponseStore, response_id: str) -> dict[str, Any] | None:
    """Delete a kept response; its body, or ``None`` if llmswitch did not keep it."""
    found = store.get(check_id(response_id))
    if found is None or not store.delete(response_id):
        return None
    return found.response


def builder(
    response_id: str, query: Mapping[str, Any], method: str
) -> Callable[[Adapter], httpx.Request]:
    check_id(response_id)

    def build(adapter: Adapter) -> httpx.Request:
        url = native_url(adapter)
        if url is None:
            raise make_error(
                adapter.name, 404,
                f"No response with id '{response_id}': llmswitch keeps none by that id, and"
                f" provider {adapter.name!r} keeps no responses of its own",
                cls=NotFoundError,
            )  # fmt: skip
        return build_native_get(adapter, url, response_id, query, method)

    return build


def parse(adapter: Adapter, response: httpx.Response) -> Response:
    return parse_native(adapter, response)


def nothing(adapter: Adapter, response: httpx.Response) -> None:
    return None


def sync_handler(step: Step[None]) -> Callable[[httpx.Response], ResponseStream]:
    def handle(response: httpx.Response) -> ResponseStream:
        adapter = step.adapter
        return ResponseStream(native_events(response, adapter), response, adapter.name)._start()

    return handle


def async_handler(step: Step[None]) -> Callable[[httpx.Response], Awaitable[AsyncResponseStream]]:
    async def handle(response: httpx.Response) -> AsyncResponseStream:
        adapter = step.adapter
        stream = AsyncResponseStream(native_events_async(response, adapter), response, adapter.name)
        return await stream._start()

    return handle


def parse_read_stream(step: Step[None], response: httpx.Response) -> AsyncResponseStream:
    adapter = step.adapter
    return AsyncResponseStream(native_events_async(response, adapter), response, adapter.name)


def parse_step(step: Step[None], response: httpx.Response) -> Response:
    """``parse()`` of an async raw retrieve (the body is read)."""
    return parse_native(step.adapter, response)


def nothing_step(step: Step[None], response: httpx.Response) -> None:
    return None


def not_kept(client: Router, provider: str | None, response_id: str) -> None:
    """Before asking a provider for a response llmswitch did not keep: with no ``provider=``
    the default one is asked, and if that one is not configured the id is simply unknown."""
    if provider:
        return
    name = client.default_provider
    try:
        client.adapter(name)
    except ConfigError:
        raise make_error(
            name, 404,
            f"No response with id '{response_id}': llmswitch keeps none by that id (pass"
            " provider= to ask a provider that keeps responses)",
            cls=NotFoundError,
        ) from None  # fmt: skip
