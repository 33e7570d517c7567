"""What every resource shares, and ``client.embeddings`` (sync and async).

Each ``create`` walks the model's targets (one, or a fallback chain: :func:`chat_steps`,
:func:`embedding_steps`), builds the provider's request through its adapter and sends it
through the transport. Chat completions live in ``_completions.py``. Sync and async twins
share names, signatures and docstrings (a test holds them equal).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import httpx

from ._streaming import AsyncStream, Stream
from ._transport import async_send, read_async, read_sync, sync_send
from .errors import APIError
from .providers._base import OPTIONAL_CHAT_PARAMS
from .types import ChatCompletion, CreateEmbeddingResponse

if TYPE_CHECKING:
    from ._client import AsyncClient, Client, MessageParam, _BaseClient
    from ._transport import RetryPolicy
    from .providers._base import Adapter, ChatParams, EmbeddingParams

__all__ = ["AsyncEmbeddings", "Embeddings"]

logger = logging.getLogger("llmswitch")

_EMBED_DOC = """Create embeddings (always floats) for a string or a list of strings.

Example::

    resp = client.embeddings.create(model="qwen/text-embedding-v3", input=["a", "b"])
    vectors = [item.embedding for item in resp.data]
"""


def _next_or_raise(error: APIError, earlier: list[APIError], last: bool) -> None:
    from ._client import FALLBACK_ERRORS

    error.attempts = list(earlier)
    if last or not isinstance(error, FALLBACK_ERRORS):
        raise error
    logger.debug("fallback: %s failed with %s; trying the next target", error.provider, error)
    earlier.append(error)


P = TypeVar("P")


@dataclass(slots=True)
class _Step(Generic[P]):
    """One target of a call: its adapter, built parameters and request, and retry policy."""

    adapter: Adapter
    params: P
    request: httpx.Request
    policy: RetryPolicy
    last: bool


def _chat_options(arguments: dict[str, Any]) -> dict[str, Any]:
    """The optional OpenAI parameters among ``create``'s arguments."""
    return {name: arguments[name] for name in OPTIONAL_CHAT_PARAMS}


def _chat_steps(
    client: _BaseClient,
    model: str,
    messages: Iterable[MessageParam],
    options: dict[str, Any],
    stream: bool,
    timeout: float | httpx.Timeout | None,
    extra_body: dict[str, Any] | None,
    extra_headers: Mapping[str, str] | None,
) -> Iterator[_Step[ChatParams]]:
    """The targets of a chat call in order (one, or a fallback chain), each request built only
    when its turn comes; shared by the sync and async ``create``."""
    from ._client import normalize_messages

    msgs = normalize_messages(messages)
    targets = client.resolve(model)
    for position, (adapter, target) in enumerate(targets):
        params = client.chat_params(adapter, target, msgs, options)
        params.stream = stream
        params.extra_body = extra_body
        request = adapter.build_chat_request(params)
        request = client.prepare(request, timeout, extra_headers, adapter.name)
        policy = client._policy_for(adapter.name)
        yield _Step(adapter, params, request, policy, position == len(targets) - 1)


def _embedding_steps(
    client: _BaseClient,
    model: str,
    input: str | list[str],
    arguments: dict[str, Any],
    timeout: float | httpx.Timeout | None,
    extra_headers: Mapping[str, str] | None,
) -> Iterator[_Step[EmbeddingParams]]:
    """The targets of an embeddings call, as :func:`_chat_steps`."""
    options = {name: arguments[name] for name in _EMBEDDING_OPTIONS}
    targets = client.resolve(model)
    for position, (adapter, target) in enumerate(targets):
        params = client.embedding_params(target, input, options)
        request = adapter.build_embeddings_request(params)
        request = client.prepare(request, timeout, extra_headers, adapter.name)
        policy = client._policy_for(adapter.name)
        yield _Step(adapter, params, request, policy, position == len(targets) - 1)


_EMBEDDING_OPTIONS = ("dimensions", "user", "encoding_format", "extra_body")


def _sync_chat(adapter: Adapter) -> Callable[[httpx.Response], ChatCompletion]:
    def handle(response: httpx.Response) -> ChatCompletion:
        read_sync(response, adapter.name)
        return adapter.parse_chat_response(response)

    return handle


def _sync_stream(adapter: Adapter, params: ChatParams) -> Callable[[httpx.Response], Stream]:
    def handle(response: httpx.Response) -> Stream:
        return Stream(response, adapter, adapter.chunk_parser(params))._start()

    return handle


def _async_chat(adapter: Adapter) -> Callable[[httpx.Response], Awaitable[ChatCompletion]]:
    async def handle(response: httpx.Response) -> ChatCompletion:
        await read_async(response, adapter.name)
        return adapter.parse_chat_response(response)

    return handle


def _async_stream(
    adapter: Adapter, params: ChatParams
) -> Callable[[httpx.Response], Awaitable[AsyncStream]]:
    async def handle(response: httpx.Response) -> AsyncStream:
        return await AsyncStream(response, adapter, adapter.chunk_parser(params))._start()

    return handle


def _sync_embed(
    adapter: Adapter, params: EmbeddingParams
) -> Callable[[httpx.Response], CreateEmbeddingResponse]:
    def handle(response: httpx.Response) -> CreateEmbeddingResponse:
        read_sync(response, adapter.name)
        return adapter.parse_embeddings_response(response, params)

    return handle


def _async_embed(
    adapter: Adapter, params: EmbeddingParams
) -> Callable[[httpx.Response], Awaitable[CreateEmbeddingResponse]]:
    async def handle(response: httpx.Response) -> CreateEmbeddingResponse:
        await read_async(response, adapter.name)
        return adapter.parse_embeddings_response(response, params)

    return handle


class Embeddings:
    """``client.embeddings``."""

    def __init__(self, client: Client) -> None:
        self._client = client

    def create(
        self,
        *,
        model: str,
        input: str | list[str],
        dimensions: int | None = None,
        user: str | None = None,
        encoding_format: Literal["float", "base64"] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreateEmbeddingResponse:
        client = self._client
        earlier: list[APIError] = []
        for step in _embedding_steps(client, model, input, locals(), timeout, extra_headers):
            handle = _sync_embed(step.adapter, step.params)
            try:
                return sync_send(client.http, step.adapter, step.request, handle, step.policy,
                                 "embeddings")  # fmt: skip
            except APIError as error:
                _next_or_raise(error, earlier, step.last)
        raise AssertionError("unreachable: a model resolves to at least one target")

    create.__doc__ = _EMBED_DOC


class AsyncEmbeddings:
    """``client.embeddings`` of :class:`AsyncClient`."""

    def __init__(self, client: AsyncClient) -> None:
        self._client = client

    async def create(
        self,
        *,
        model: str,
        input: str | list[str],
        dimensions: int | None = None,
        user: str | None = None,
        encoding_format: Literal["float", "base64"] | None = None,
        timeout: float | httpx.Timeout | None = None,
        extra_body: dict[str, Any] | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> CreateEmbeddingResponse:
        client = self._client
        earlier: list[APIError] = []
        for step in _embedding_steps(client, model, input, locals(), timeout, extra_headers):
            handle = _async_embed(step.adapter, step.params)
            try:
                return await async_send(client.http, step.adapter, step.request, handle,
                                        step.policy, "embeddings")  # fmt: skip
            except APIError as error:
                _next_or_raise(error, earlier, step.last)
        raise AssertionError("unreachable: a model resolves to at least one target")

    create.__doc__ = _EMBED_DOC
