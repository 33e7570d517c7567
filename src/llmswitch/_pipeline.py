"""The steps of one call, shared by every resource, sync and async (no IO of its own).

A call walks its model's targets in order (one, or a fallback chain): :func:`chat_steps` /
:func:`embedding_steps` build each target's request only when its turn comes; a handler
(:func:`sync_chat`, :func:`async_stream`, ...) turns the open response into the result; the
transport sends with retries; :func:`run_sync` / :func:`run_async` move to the next target
after a fallback-able error (:data:`FALLBACK_ERRORS`). Resources only hold the public
signatures and pick the handler.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx

from ._routing import MessageParam, Router, Timeout, normalize_messages
from ._sentinels import NOT_GIVEN, NotGiven, is_given
from ._streaming import AsyncStream, Stream
from ._transport import RetryPolicy, async_send, read_async, read_sync, sync_send
from .errors import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    AuthenticationError,
    ContextLengthExceededError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
)
from .providers._base import (
    OPTIONAL_CHAT_PARAMS,
    Adapter,
    ChatParams,
    EmbeddingInput,
    EmbeddingParams,
    request_id_from,
)
from .types import ChatCompletion, CreateEmbeddingResponse, attach_request_id

__all__ = [
    "EMBEDDING_OPTIONS",
    "FALLBACK_ERRORS",
    "Extras",
    "Step",
    "aread_then",
    "async_chat",
    "async_embed",
    "async_stream",
    "chat_options",
    "chat_steps",
    "embedding_steps",
    "include_usage",
    "next_or_raise",
    "provider_step",
    "read_then",
    "run_async",
    "run_sync",
    "sync_chat",
    "sync_embed",
    "sync_stream",
]

logger = logging.getLogger("llmswitch")

# Errors after which a fallback chain moves on to its next target (DESIGN section 5): the
# provider is down, throttled, refusing this account or model, or the prompt is too long for it.
# Not: bad request, content filter (the request itself is the problem).
FALLBACK_ERRORS: tuple[type[APIError], ...] = (
    APIConnectionError,
    APIResponseValidationError,
    InternalServerError,
    RateLimitError,
    AuthenticationError,
    PermissionDeniedError,
    NotFoundError,
    ContextLengthExceededError,
)


def next_or_raise(error: APIError, earlier: list[APIError], last: bool) -> None:
    """After a target failed: raise unless a fallback target remains and the error allows
    moving on; else remember the error (it is attached to the final one as ``attempts``)."""
    error.attempts = list(earlier)
    if last or not isinstance(error, FALLBACK_ERRORS):
        raise error
    logger.debug("fallback: %s failed with %s; trying the next target", error.provider, error)
    earlier.append(error)


P = TypeVar("P")
T = TypeVar("T")


@dataclass(slots=True)
class Step(Generic[P]):
    """One target of a call: its adapter, built parameters and request, and retry policy."""

    adapter: Adapter
    params: P
    request: httpx.Request
    policy: RetryPolicy
    last: bool


def chat_options(arguments: dict[str, Any]) -> dict[str, Any]:
    """The optional OpenAI parameters among ``create``'s arguments."""
    return {name: arguments[name] for name in OPTIONAL_CHAT_PARAMS}


@dataclass(frozen=True, slots=True)
class Extras:
    """What every call takes besides its parameters: openai-python's ``extra_headers``,
    ``extra_query``, ``extra_body`` and ``timeout`` (``NOT_GIVEN``: the client's)."""

    timeout: Timeout | NotGiven = NOT_GIVEN
    extra_headers: Mapping[str, Any] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None

    @classmethod
    def of(cls, arguments: Mapping[str, Any]) -> Extras:
        """The extras among a ``create``'s arguments."""
        body = arguments["extra_body"]
        return cls(
            arguments["timeout"],
            arguments["extra_headers"],
            arguments["extra_query"],
            body if body is None or is_given(body) else None,
        )


def chat_steps(
    client: Router,
    model: str,
    messages: Iterable[MessageParam],
    options: dict[str, Any],
    stream: bool,
    extras: Extras,
) -> Iterator[Step[ChatParams]]:
    """The targets of a chat call in order (one, or a fallback chain), each request built only
    when its turn comes; shared by the sync and async ``create``."""
    msgs = normalize_messages(messages)
    targets = client.resolve(model)
    for position, (adapter, target) in enumerate(targets):
        params = client.chat_params(adapter, target, msgs, options)
        params.stream = stream
        params.extra_body = dict(extras.extra_body) if extras.extra_body else None
        request = adapter.build_chat_request(params)
        request = client.prepare(
            request, extras.timeout, extras.extra_headers, adapter.name, extras.extra_query
        )
        last = position == len(targets) - 1
        policy = client._policy_for(adapter.name)
        yield Step(adapter, params, request, policy, last)


def embedding_steps(
    client: Router,
    model: str,
    input: EmbeddingInput,
    arguments: dict[str, Any],
    extras: Extras,
) -> Iterator[Step[EmbeddingParams]]:
    """The targets of an embeddings call, as :func:`chat_steps`."""
    options = {
        name: arguments[name] for name in EMBEDDING_OPTIONS if is_given(arguments[name])
    }
    if extras.extra_body:
        options["extra_body"] = dict(extras.extra_body)
    targets = client.resolve(model)
    for position, (adapter, target) in enumerate(targets):
        params = client.embedding_params(adapter, target, input, options)
        request = adapter.build_embeddings_request(params)
        request = client.prepare(
            request, extras.timeout, extras.extra_headers, adapter.name, extras.extra_query
        )
        last = position == len(targets) - 1
        policy = client._policy_for(adapter.name)
        yield Step(adapter, params, request, policy, last)


EMBEDDING_OPTIONS = ("dimensions", "user", "encoding_format")


def provider_step(
    client: Router,
    provider: str | None,
    build: Callable[[Adapter], httpx.Request],
    extras: Extras,
) -> Iterator[Step[None]]:
    """The one step of a call addressed to a provider rather than a model (``models.list``):
    the given provider, else the default one."""
    if provider:
        name = client.config.provider_name(provider) or provider
    else:
        name = client.default_provider
    adapter = client.adapter(name)
    request = build(adapter)
    request = client.prepare(
        request, extras.timeout, extras.extra_headers, adapter.name, extras.extra_query
    )
    yield Step(adapter, None, request, client._policy_for(adapter.name), True)


def read_then(
    parse: Callable[[Adapter, httpx.Response], T],
) -> Callable[[Step[None]], Callable[[httpx.Response], T]]:
    """A sync handler: read the body, then ``parse(adapter, response)``."""

    def factory(step: Step[None]) -> Callable[[httpx.Response], T]:
        def handle(response: httpx.Response) -> T:
            read_sync(response, step.adapter.name)
            return parse(step.adapter, response)

        return handle

    return factory


def aread_then(
    parse: Callable[[Adapter, httpx.Response], T],
) -> Callable[[Step[None]], Callable[[httpx.Response], Awaitable[T]]]:
    """Async twin of :func:`read_then`."""

    def factory(step: Step[None]) -> Callable[[httpx.Response], Awaitable[T]]:
        async def handle(response: httpx.Response) -> T:
            await read_async(response, step.adapter.name)
            return parse(step.adapter, response)

        return handle

    return factory


def include_usage(params: ChatParams) -> bool:
    """Whether the caller asked for the usage-only final chunk (``stream_options``)."""
    options = params.stream_options
    return bool(options and options.get("include_usage"))


# ---- handlers: the open response of one step → the result (they own closing it) ----------


def sync_chat(step: Step[ChatParams]) -> Callable[[httpx.Response], ChatCompletion]:
    adapter = step.adapter

    def handle(response: httpx.Response) -> ChatCompletion:
        read_sync(response, adapter.name)
        result = adapter.parse_chat_response(response)
        attach_request_id(result, request_id_from(response.headers))
        return result

    return handle


def sync_stream(step: Step[ChatParams]) -> Callable[[httpx.Response], Stream]:
    adapter, params = step.adapter, step.params

    def handle(response: httpx.Response) -> Stream:
        parser = adapter.chunk_parser(params)
        return Stream(response, adapter, parser, include_usage(params))._start()

    return handle


def async_chat(step: Step[ChatParams]) -> Callable[[httpx.Response], Awaitable[ChatCompletion]]:
    adapter = step.adapter

    async def handle(response: httpx.Response) -> ChatCompletion:
        await read_async(response, adapter.name)
        result = adapter.parse_chat_response(response)
        attach_request_id(result, request_id_from(response.headers))
        return result

    return handle


def async_stream(step: Step[ChatParams]) -> Callable[[httpx.Response], Awaitable[AsyncStream]]:
    adapter, params = step.adapter, step.params

    async def handle(response: httpx.Response) -> AsyncStream:
        parser = adapter.chunk_parser(params)
        return await AsyncStream(response, adapter, parser, include_usage(params))._start()

    return handle


def sync_embed(step: Step[EmbeddingParams]) -> Callable[[httpx.Response], CreateEmbeddingResponse]:
    adapter, params = step.adapter, step.params

    def handle(response: httpx.Response) -> CreateEmbeddingResponse:
        read_sync(response, adapter.name)
        result = adapter.parse_embeddings_response(response, params)
        attach_request_id(result, request_id_from(response.headers))
        return result

    return handle


def async_embed(
    step: Step[EmbeddingParams],
) -> Callable[[httpx.Response], Awaitable[CreateEmbeddingResponse]]:
    adapter, params = step.adapter, step.params

    async def handle(response: httpx.Response) -> CreateEmbeddingResponse:
        await read_async(response, adapter.name)
        result = adapter.parse_embeddings_response(response, params)
        attach_request_id(result, request_id_from(response.headers))
        return result

    return handle


def run_sync(
    http: httpx.Client,
    steps: Iterator[Step[P]],
    handler: Callable[[Step[P]], Callable[[httpx.Response], T]],
    what: str,
) -> T:
    """Send each target's request in turn (with retries) until one answers; fallback-able
    errors move on to the next target, the last one's error is raised."""
    earlier: list[APIError] = []
    for step in steps:
        try:
            return sync_send(http, step.adapter, step.request, handler(step), step.policy, what)
        except APIError as error:
            next_or_raise(error, earlier, step.last)
    raise AssertionError("unreachable: a model resolves to at least one target")


async def run_async(
    http: httpx.AsyncClient,
    steps: Iterator[Step[P]],
    handler: Callable[[Step[P]], Callable[[httpx.Response], Awaitable[T]]],
    what: str,
) -> T:
    """Async twin of :func:`run_sync`."""
    earlier: list[APIError] = []
    for step in steps:
        try:
            return await async_send(
                http, step.adapter, step.request, handler(step), step.policy, what
            )
        except APIError as error:
            next_or_raise(error, earlier, step.last)
    raise AssertionError("unreachable: a model resolves to at least one target")
