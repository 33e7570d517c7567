"""``client.responses`` (async): openai-python's Responses API on every provider.

``create`` (stream or not), ``stream``, ``parse``, ``retrieve``, ``delete``. OpenAI gets the
request as it is; other providers get it translated onto their chat API, with the state
(``previous_response_id``, ``store``, ``retrieve``, ``delete``) kept by llmswitch in
``self.store`` (see :mod:`llmswitch._responses`). Sync twin:
:mod:`llmswitch.resources.responses` (a test holds them equal).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Any

import httpx

from .._pipeline import Extras, aread_then, provider_step, run_async
from .._routing import AsyncClientCore
from .._sentinels import NOT_GIVEN, NotGiven
from ._responses_common import (
    given,
    helper_signature,
    raw_parsed,
    stored_result,
    text_format_args,
)
from ._wrappers import (
    AsyncWithRawResponse,
    AsyncWithStreamingResponse,
    async_for_mode,
    current_mode,
)

if TYPE_CHECKING:
    from .._responses._store import ResponseStore

__all__ = ["AsyncResponses"]


class AsyncResponses:
    """``client.responses`` of an ``AsyncClient``."""

    def __init__(self, client: AsyncClientCore) -> None:
        self._client = client
        self._store: ResponseStore | None = None

    @property
    def store(self) -> ResponseStore:
        """Where llmswitch keeps responses of providers that keep none (in memory, bounded, by
        default; assign a ``SQLiteResponseStore`` to keep them in a file)."""
        if self._store is None:
            from .._responses._store import MemoryResponseStore

            self._store = MemoryResponseStore()
        return self._store

    @store.setter
    def store(self, value: ResponseStore) -> None:
        self._store = value

    @cached_property
    def with_raw_response(self) -> AsyncWithRawResponse:
        return AsyncWithRawResponse(self, "create", "parse", "retrieve", "delete")

    @cached_property
    def with_streaming_response(self) -> AsyncWithStreamingResponse:
        return AsyncWithStreamingResponse(self, "create", "parse", "retrieve", "delete")

    async def create(
        self,
        *,
        background: bool | NotGiven | None = NOT_GIVEN,
        context_management: Iterable[Mapping[str, Any]] | NotGiven | None = NOT_GIVEN,
        conversation: str | Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        include: list[str] | NotGiven | None = NOT_GIVEN,
        input: str | Iterable[Any] | NotGiven = NOT_GIVEN,
        instructions: str | NotGiven | None = NOT_GIVEN,
        max_output_tokens: int | NotGiven | None = NOT_GIVEN,
        max_tool_calls: int | NotGiven | None = NOT_GIVEN,
        metadata: Mapping[str, str] | NotGiven | None = NOT_GIVEN,
        model: str | NotGiven = NOT_GIVEN,
        moderation: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        parallel_tool_calls: bool | NotGiven | None = NOT_GIVEN,
        previous_response_id: str | NotGiven | None = NOT_GIVEN,
        prompt: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        prompt_cache_key: str | NotGiven | None = NOT_GIVEN,
        prompt_cache_options: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        prompt_cache_retention: str | NotGiven | None = NOT_GIVEN,
        reasoning: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        safety_identifier: str | NotGiven | None = NOT_GIVEN,
        service_tier: str | NotGiven | None = NOT_GIVEN,
        store: bool | NotGiven | None = NOT_GIVEN,
        stream: bool | NotGiven | None = NOT_GIVEN,
        stream_options: Mapping[str, Any] | NotGiven | None = NOT_GIVEN,
        temperature: float | NotGiven | None = NOT_GIVEN,
        text: Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tool_choice: str | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        tools: Iterable[Any] | NotGiven = NOT_GIVEN,
        top_logprobs: int | NotGiven | None = NOT_GIVEN,
        top_p: float | NotGiven | None = NOT_GIVEN,
        truncation: str | NotGiven | None = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> Any:
        """openai-python's ``responses.create``: a ``Response``, or with ``stream=True`` a
        ``ResponseStream`` of typed events. Any provider: OpenAI natively, the others
        translated onto their chat API (docs/responses.md says what each supports)."""
        from .._responses._steps import async_handler, parse_read, responses_steps

        arguments = locals()
        wants_stream = bool(stream) if stream is not None and stream is not NOT_GIVEN else False
        client = self._client
        args = given(arguments)
        if stream is False:
            args["stream"] = False
        steps = responses_steps(client, args, wants_stream, Extras.of(arguments), self.store)
        handler = async_for_mode(async_handler, parse_read)
        what = "responses stream" if wants_stream else "responses"
        return await run_async(client.http, steps, handler, what)

    async def parse(self, **kwargs: Any) -> Any:
        """openai-python's ``responses.parse``: ``create`` with ``text_format=Model`` sent as
        a strict JSON schema, answered as a ``ParsedResponse`` (``output_parsed``)."""
        from ..lib import parse_response

        arguments = text_format_args(kwargs, "responses.parse")
        result = await self.create(**arguments)

        def parsed(response: Any) -> Any:
            return parse_response(
                text_format=kwargs.get("text_format", NOT_GIVEN),
                input_tools=kwargs.get("tools", NOT_GIVEN),
                response=response,
            )

        if current_mode() == "parsed":
            return parsed(result)
        return raw_parsed(result, parsed)

    def stream(self, **kwargs: Any) -> Any:
        """openai-python's ``responses.stream``: a context manager around the event stream;
        ``get_final_response()`` is parsed as in ``parse``. With ``response_id``, the events
        of a stored response are streamed again."""
        from .._responses._manager import AsyncResponseStreamManager

        response_id = kwargs.pop("response_id", NOT_GIVEN)
        starting_after = kwargs.pop("starting_after", NOT_GIVEN)
        text_format = kwargs.get("text_format", NOT_GIVEN)
        tools = kwargs.get("tools", NOT_GIVEN)
        if response_id is not NOT_GIVEN:
            extras = {
                k: kwargs[k] for k in ("extra_headers", "extra_query", "timeout") if k in kwargs
            }
            return AsyncResponseStreamManager(
                lambda: self.retrieve(
                    response_id, stream=True, starting_after=starting_after, **extras
                ),
                text_format,
                tools,
            )
        arguments = text_format_args(kwargs, "responses.stream")
        arguments["stream"] = True
        return AsyncResponseStreamManager(lambda: self.create(**arguments), text_format, tools)

    async def retrieve(
        self,
        response_id: str,
        *,
        include: list[str] | NotGiven = NOT_GIVEN,
        include_obfuscation: bool | NotGiven = NOT_GIVEN,
        starting_after: int | NotGiven = NOT_GIVEN,
        stream: bool | NotGiven = NOT_GIVEN,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> Any:
        """A response by id: one llmswitch kept (any provider), else the provider's own
        (OpenAI's ``GET /responses/{id}``); ``stream=True`` streams its events."""
        from .._responses import _retrieve

        arguments = locals()
        query = {
            k: arguments[k] for k in ("include", "include_obfuscation", "starting_after", "stream")
        }
        found = _retrieve.stored(self.store, response_id, bool(stream is True), True)
        mode = current_mode()
        if found is not None:
            return stored_result(found[0], found[1], mode, asynchronous=True)
        _retrieve.not_kept(self._client, provider, response_id)
        steps = provider_step(
            self._client,
            provider,
            _retrieve.builder(response_id, query, "GET"),
            Extras.of(arguments),
        )
        if stream is True:
            handler = async_for_mode(_retrieve.async_handler, _retrieve.parse_read_stream)
        else:
            handler = async_for_mode(aread_then(_retrieve.parse), _retrieve.parse_step)
        return await run_async(self._client.http, steps, handler, "responses.retrieve")

    async def delete(
        self,
        response_id: str,
        *,
        provider: str | None = None,
        extra_headers: Mapping[str, Any] | None = None,
        extra_query: Mapping[str, Any] | None = None,
        extra_body: Mapping[str, Any] | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> None:
        """Delete a response: from llmswitch's store, else at the provider (OpenAI)."""
        from .._responses import _retrieve

        arguments = locals()
        mode = current_mode()
        body = _retrieve.forget(self.store, response_id)
        if body is not None:
            return stored_result(body, None, mode, asynchronous=True)  # type: ignore[no-any-return]
        _retrieve.not_kept(self._client, provider, response_id)
        steps = provider_step(
            self._client,
            provider,
            _retrieve.builder(response_id, {}, "DELETE"),
            Extras.of(arguments),
        )
        handler = async_for_mode(aread_then(_retrieve.nothing), _retrieve.nothing_step)
        return await run_async(self._client.http, steps, handler, "responses.delete")  # type: ignore[no-any-return,unused-ignore]


_TEXT_FORMAT = ("type[TextFormatT] | NotGiven", NOT_GIVEN)
AsyncResponses.parse.__signature__ = helper_signature(  # type: ignore[attr-defined]
    AsyncResponses.create,
    {"text_format": _TEXT_FORMAT, "verbosity": ("str | NotGiven | None", NOT_GIVEN)},
)
AsyncResponses.stream.__signature__ = helper_signature(  # type: ignore[attr-defined]
    AsyncResponses.create,
    {"response_id": ("str | NotGiven", NOT_GIVEN), "text_format": _TEXT_FORMAT,
     "starting_after": ("int | NotGiven", NOT_GIVEN)},
    drop=("stream",),
)  # fmt: skip
