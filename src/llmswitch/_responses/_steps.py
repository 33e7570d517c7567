"""The steps of a Responses call (as :mod:`llmswitch._pipeline` does for chat): for each target
of the model (one, or a fallback chain) either the native request (:mod:`._routes`) or the
translated chat request (:mod:`._request`), and the handlers that turn the provider's answer
into a ``Response`` or a stream of events, keeping the state in the store where llmswitch
keeps it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import httpx

from .._pipeline import Extras, Step
from .._routing import Router, normalize_messages
from .._streaming import AsyncStream, Stream
from .._transport import read_async, read_sync
from ..errors import InvalidRequestError
from ..providers._base import Adapter, ChatParams, make_error, request_id_from
from ..types import attach_request_id
from ..types.responses import Response
from ._answer import Echo, chat_to_response
from ._events import ChunkTranslator
from ._request import chat_options_of, input_messages
from ._routes import STATELESS, build_native, native_url, parse_native
from ._store import ResponseStore, StoredResponse
from ._stream import (
    AsyncResponseStream,
    ResponseStream,
    native_events,
    native_events_async,
    translated_events,
    translated_events_async,
)

__all__ = ["ResponsesCall", "async_handler", "parse_read", "responses_steps", "sync_handler"]


@dataclass(slots=True)
class ResponsesCall:
    """One target's Responses call: native (``url``) or translated (``chat``)."""

    stream: bool
    url: str | None = None
    chat: ChatParams | None = None
    echo: Echo | None = None
    conversation: list[dict[str, Any]] | None = None
    store: ResponseStore | None = None

    def keep(self, provider: str, response: Response) -> None:
        """Store a translated response with its conversation (unless ``store=False``)."""
        if self.store is None or self.conversation is None:
            return
        body = response.model_dump(mode="json", exclude_unset=False)
        items = [i for i in body.get("output", []) if i.get("type") in _CARRIED]
        out = input_messages(items)
        self.store.put(response.id, StoredResponse(provider, body, self.conversation + out))


_CARRIED = ("message", "function_call", "reasoning")


def _native_kept(response: Response, call: ResponsesCall, provider: str) -> Response:
    call.keep(provider, response)
    return response


def _conversation(
    args: Mapping[str, Any], store: ResponseStore, provider: str
) -> list[dict[str, Any]]:
    previous = args.get("previous_response_id")
    history: list[dict[str, Any]] = []
    if previous:
        found = store.get(previous)
        if found is None:
            raise make_error(
                provider, 404, f"Previous response with id '{previous}' not found.",
                code="previous_response_not_found",
            )  # fmt: skip
        history = list(found.messages)
    if "input" not in args and not history:
        raise InvalidRequestError("input is required (a string or a list of input items)")
    return history + input_messages(args.get("input", []))


def responses_steps(
    client: Router,
    args: Mapping[str, Any],
    stream: bool,
    extras: Extras,
    store: ResponseStore,
) -> Iterator[Step[ResponsesCall]]:
    """The targets of a ``responses.create`` in order; ``args`` holds the given arguments."""
    model = args.get("model")
    targets: list[tuple[Adapter, Any]]
    if model is None:
        # openai-python lets model be omitted (a stored prompt names it): default provider.
        targets = [(client.adapter(client.default_provider), None)]
    else:
        targets = list(client.resolve(model))
    for position, (adapter, target) in enumerate(targets):
        url = native_url(adapter)
        stateless = url is not None and adapter.name in STATELESS
        if stateless and args.get("previous_response_id"):
            url = None  # the provider keeps no state: llmswitch continues it on the chat API
        extra_body = dict(extras.extra_body) if extras.extra_body else None
        if url is not None:
            target_model = target.model if target is not None else None
            request = build_native(adapter, url, args, target_model, stream, extra_body)
            call = ResponsesCall(stream, url=url)
            if stateless and args.get("store", True) is not False and "input" in args:
                call.conversation, call.store = input_messages(args["input"]), store
        else:
            if target is None:
                raise InvalidRequestError("model is required: name the model to answer")
            conversation = _conversation(args, store, adapter.name)
            messages = list(conversation)
            instructions = args.get("instructions")
            if isinstance(instructions, str) and instructions:
                messages.insert(0, {"role": "system", "content": instructions})
            elif isinstance(instructions, list):
                messages[:0] = input_messages(instructions)
            options = chat_options_of(args, adapter.name, client._drop_for(adapter.name))
            params = client.chat_params(adapter, target, normalize_messages(messages), options)
            params.stream = stream
            params.extra_body = extra_body
            request = adapter.build_chat_request(params)
            keep = store if args.get("store", True) is not False else None
            call = ResponsesCall(stream, chat=params, echo=Echo.of(args, target.model),
                                 conversation=conversation, store=keep)  # fmt: skip
        request = client.prepare(
            request, extras.timeout, extras.extra_headers, adapter.name, extras.extra_query
        )
        last = position == len(targets) - 1
        yield Step(adapter, call, request, client._policy_for(adapter.name), last)


def _translate(step: Step[ResponsesCall], response: httpx.Response) -> Response:
    adapter, call = step.adapter, step.params
    assert call.echo is not None
    completion = adapter.parse_chat_response(response)
    attach_request_id(completion, request_id_from(response.headers))
    result = chat_to_response(completion, call.echo)
    call.keep(adapter.name, result)
    return result


def _sync_stream(step: Step[ResponsesCall], response: httpx.Response) -> ResponseStream:
    adapter, call = step.adapter, step.params
    if call.url is not None:
        return ResponseStream(
            native_events(response, adapter), response, adapter.name,
            on_final=lambda final: call.keep(adapter.name, final),
        )._start()  # fmt: skip
    assert call.chat is not None and call.echo is not None
    chat = Stream(response, adapter, adapter.chunk_parser(call.chat), True)._start()
    translator = ChunkTranslator(call.echo)
    return ResponseStream(
        translated_events(chat, translator), response, adapter.name, chat.close,
        lambda final: call.keep(adapter.name, final), raise_on_failed=False,
    )._start()  # fmt: skip


def sync_handler(step: Step[ResponsesCall]) -> Callable[[httpx.Response], Any]:
    def handle(response: httpx.Response) -> Any:
        if step.params.stream:
            return _sync_stream(step, response)
        read_sync(response, step.adapter.name)
        if step.params.url is not None:
            return _native_kept(
                parse_native(step.adapter, response), step.params, step.adapter.name
            )
        return _translate(step, response)

    return handle


def _async_stream(step: Step[ResponsesCall], response: httpx.Response) -> AsyncResponseStream:
    adapter, call = step.adapter, step.params
    if call.url is not None:
        return AsyncResponseStream(
            native_events_async(response, adapter), response, adapter.name,
            on_final=lambda final: call.keep(adapter.name, final),
        )  # fmt: skip
    assert call.chat is not None and call.echo is not None
    chat = AsyncStream(response, adapter, adapter.chunk_parser(call.chat), True)
    translator = ChunkTranslator(call.echo)

    async def events() -> Any:
        await chat._start()
        async for event in translated_events_async(chat, translator):
            yield event

    return AsyncResponseStream(
        events(), response, adapter.name, chat.close,
        lambda final: call.keep(adapter.name, final), raise_on_failed=False,
    )  # fmt: skip


def async_handler(step: Step[ResponsesCall]) -> Callable[[httpx.Response], Awaitable[Any]]:
    async def handle(response: httpx.Response) -> Any:
        if step.params.stream:
            return await _async_stream(step, response)._start()
        await read_async(response, step.adapter.name)
        if step.params.url is not None:
            return _native_kept(
                parse_native(step.adapter, response), step.params, step.adapter.name
            )
        return _translate(step, response)

    return handle


def parse_read(step: Step[ResponsesCall], response: httpx.Response) -> Any:
    """The result of an async raw response whose body is read (or a stream not started)."""
    if step.params.stream:
        return _async_stream(step, response)
    if step.params.url is not None:
        return _native_kept(parse_native(step.adapter, response), step.params, step.adapter.name)
    return _translate(step, response)
