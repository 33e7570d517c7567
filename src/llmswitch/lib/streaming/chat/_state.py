"""``ChatCompletionStreamState``: chunks in, a parsed completion snapshot and events out.

No IO: :class:`ChatCompletionStream` feeds it the chunks of an llmswitch stream, and it can be
used by hand on the chunks of ``create(stream=True)``::

    state = ChatCompletionStreamState(response_format=Answer)
    for chunk in client.chat.completions.create(..., stream=True):
        state.handle_chunk(chunk)
    completion = state.get_final_completion()

Each choice's message is accumulated as a dict of its deltas and rebuilt as a
:class:`ParsedChatCompletionMessage` after every chunk; while the content (or a strict tool's
arguments) is incomplete, ``parsed`` (``parsed_arguments``) is its partial JSON decoded so far,
and once complete, the instance of the ``response_format`` type (the tool's model).
"""

from __future__ import annotations

import inspect
from typing import Any, Generic, cast

from ....types import attach_raw
from ....types.chat import ChatCompletionChunk, ChunkChoice
from ....types.parsed import (
    ParsedChatCompletion,
    ParsedChatCompletionMessage,
    ParsedChoice,
)
from ..._errors import ContentFilterFinishReasonError, LengthFinishReasonError
from ..._parsing import (
    get_input_tool_by_name,
    has_parseable_input,
    maybe_parse_content,
    model_fields_of,
    parse_chat_completion,
    parse_function_tool_arguments,
    tool_dicts,
)
from ..._types import ResponseFormatInput, ResponseFormatT
from .._deltas import accumulate_delta
from ._choice import (
    ChoiceState,
    logprobs_part,
    partial_json,
    set_logprobs_part,
    validate_logprobs,
)
from ._events import (
    ChatCompletionStreamEvent,
    ChunkEvent,
    ContentDeltaEvent,
    ContentDoneEvent,
    FunctionToolCallArgumentsDeltaEvent,
    FunctionToolCallArgumentsDoneEvent,
    LogprobsContentDeltaEvent,
    LogprobsContentDoneEvent,
    LogprobsRefusalDeltaEvent,
    LogprobsRefusalDoneEvent,
    RefusalDeltaEvent,
    RefusalDoneEvent,
)
from ._types import ParsedChatCompletionSnapshot, ParsedChoiceSnapshot

__all__ = ["ChatCompletionStreamState"]

# Chunk fields that are not the completion's own (or are rebuilt from the choices).
_NOT_COPIED = frozenset({"choices", "object", "usage", "obfuscation"})


class ChatCompletionStreamState(Generic[ResponseFormatT]):
    """Accumulates :class:`ChatCompletionChunk` s into a :class:`ParsedChatCompletion`
    snapshot and computes the stream events of each chunk (see the module docs)."""

    def __init__(
        self,
        *,
        input_tools: object = None,
        response_format: ResponseFormatInput[ResponseFormatT] = None,
    ) -> None:
        self._input_tools = tool_dicts(input_tools)
        self._response_format = response_format
        self._rich_response_format = response_format if inspect.isclass(response_format) else None
        self._parseable = has_parseable_input(
            response_format=response_format, input_tools=self._input_tools
        )
        self._snapshot: ParsedChatCompletionSnapshot | None = None
        self._choices: dict[int, ChoiceState] = {}
        self._chunks = 0

    @property
    def current_completion_snapshot(self) -> ParsedChatCompletionSnapshot:
        """The completion accumulated so far (empty before the first chunk)."""
        if self._snapshot is None:
            self._snapshot = ParsedChatCompletion.model_validate({"choices": []})
        return self._snapshot

    def get_final_completion(self) -> ParsedChatCompletion[ResponseFormatT]:
        """The snapshot parsed as ``parse()`` parses a completion. Call it once the stream has
        ended: it does not check that it has."""
        return parse_chat_completion(
            chat_completion=self.current_completion_snapshot,
            response_format=self._rich_response_format,
            input_tools=self._input_tools,
        )

    def handle_chunk(
        self, chunk: ChatCompletionChunk
    ) -> list[ChatCompletionStreamEvent[ResponseFormatT]]:
        """Take one chunk into the snapshot and return the events it fires.

        Raises :class:`LengthFinishReasonError` / :class:`ContentFilterFinishReasonError` when
        a choice finishes that way and something was to be parsed."""
        snapshot = self._accumulate(chunk)
        return cast(
            "list[ChatCompletionStreamEvent[ResponseFormatT]]", self._events(chunk, snapshot)
        )

    # ---- accumulation -----------------------------------------------------------------------

    def _start(self, chunk: ChatCompletionChunk) -> ParsedChatCompletionSnapshot:
        data = {k: v for k, v in model_fields_of(chunk).items() if k not in _NOT_COPIED}
        snapshot: ParsedChatCompletionSnapshot = ParsedChatCompletion.model_validate(
            {
                "system_fingerprint": None,
                **data,
                "object": "chat.completion",
                "choices": [],
                "usage": chunk.usage,
            }
        )
        return snapshot

    def _choice(self, snapshot: ParsedChatCompletionSnapshot, index: int) -> ChoiceState:
        state = self._choices.get(index)
        if state is None:
            choice: ParsedChoiceSnapshot = ParsedChoice.model_validate(
                {"index": index, "message": ParsedChatCompletionMessage()}
            )
            snapshot.choices.append(choice)
            state = self._choices[index] = ChoiceState(choice)
        return state

    def _accumulate(self, chunk: ChatCompletionChunk) -> ParsedChatCompletionSnapshot:
        snapshot = self._snapshot
        if snapshot is None:
            snapshot = self._snapshot = self._start(chunk)
        self._chunks += 1
        for choice in chunk.choices:
            state = self._choice(snapshot, choice.index)
            delta = choice.delta
            accumulate_delta(state.message, delta.model_dump(exclude_none=True))
            self._parse_partial(state, choice)
            state.rebuild_message()
            if choice.finish_reason:
                state.snapshot.finish_reason = choice.finish_reason
                if self._parseable:
                    if choice.finish_reason == "length":
                        raise LengthFinishReasonError(completion=snapshot)
                    if choice.finish_reason == "content_filter":
                        raise ContentFilterFinishReasonError()
            if choice.logprobs is not None:
                self._accumulate_logprobs(state, choice.logprobs)
        if chunk.usage is not None:
            snapshot.usage = chunk.usage
        if chunk.system_fingerprint is not None:
            snapshot.system_fingerprint = chunk.system_fingerprint
        attach_raw(
            snapshot, {"assembled_from_chunks": self._chunks}, chunk.provider or snapshot.provider
        )
        return snapshot

    def _parse_partial(self, state: ChoiceState, choice: ChunkChoice) -> None:
        message = state.message
        content = message.get("content")
        if (
            self._rich_response_format is not None
            and not state.content_done
            and content
            and not message.get("refusal")
            and content.lstrip()
        ):
            state.parsed = partial_json(content)
        for call in choice.delta.tool_calls or []:
            for entry in message.get("tool_calls") or []:
                if entry.get("index", 0) != call.index:
                    continue
                function = entry.get("function") or {}
                tool = get_input_tool_by_name(
                    input_tools=self._input_tools, name=function.get("name") or ""
                )
                arguments = function.get("arguments")
                if tool is not None and (tool.get("function") or {}).get("strict") and arguments:
                    state.parsed_arguments[call.index] = partial_json(arguments)

    def _accumulate_logprobs(self, state: ChoiceState, logprobs: object) -> None:
        content, refusal = logprobs_part(logprobs, "content"), logprobs_part(logprobs, "refusal")
        current = state.snapshot.logprobs
        if current is None:
            state.snapshot.logprobs = validate_logprobs(
                {
                    "content": None if content is None else list(content),
                    "refusal": None if refusal is None else list(refusal),
                }
            )
            return
        for name, items in (("content", content), ("refusal", refusal)):
            if items:
                target = logprobs_part(current, name)
                if target is None:
                    target = []
                    set_logprobs_part(current, name, target)
                new = logprobs_part(validate_logprobs({name: list(items)}), name) or []
                target.extend(new)

    # ---- events -----------------------------------------------------------------------------

    def _events(
        self, chunk: ChatCompletionChunk, snapshot: ParsedChatCompletionSnapshot
    ) -> list[ChatCompletionStreamEvent[Any]]:
        events: list[ChatCompletionStreamEvent[Any]] = [
            ChunkEvent.model_construct(type="chunk", chunk=chunk, snapshot=snapshot)
        ]
        for choice in chunk.choices:
            state = self._choices[choice.index]
            message = state.snapshot.message
            delta = choice.delta
            if delta.content is not None and message.content is not None:
                events.append(
                    ContentDeltaEvent.model_construct(
                        type="content.delta",
                        delta=delta.content,
                        snapshot=message.content,
                        parsed=message.parsed,
                    )
                )
            if delta.refusal is not None and message.refusal is not None:
                events.append(
                    RefusalDeltaEvent.model_construct(
                        type="refusal.delta", delta=delta.refusal, snapshot=message.refusal
                    )
                )
            for call in delta.tool_calls or []:
                tool_call = state.tool_call(call.index)
                if tool_call is None:
                    continue
                events.append(
                    FunctionToolCallArgumentsDeltaEvent.model_construct(
                        type="tool_calls.function.arguments.delta",
                        name=tool_call.function.name,
                        index=call.index,
                        arguments=tool_call.function.arguments,
                        parsed_arguments=tool_call.function.parsed_arguments,
                        arguments_delta=(call.function.arguments if call.function else None) or "",
                    )
                )
            logprobs = state.snapshot.logprobs
            if choice.logprobs is not None and logprobs is not None:
                content = logprobs_part(choice.logprobs, "content")
                content_snapshot = logprobs_part(logprobs, "content")
                if content and content_snapshot:
                    events.append(
                        LogprobsContentDeltaEvent.model_construct(
                            type="logprobs.content.delta",
                            content=list(content),
                            snapshot=list(content_snapshot),
                        )
                    )
                refusal = logprobs_part(choice.logprobs, "refusal")
                refusal_snapshot = logprobs_part(logprobs, "refusal")
                if refusal and refusal_snapshot:
                    events.append(
                        LogprobsRefusalDeltaEvent.model_construct(
                            type="logprobs.refusal.delta",
                            refusal=list(refusal),
                            snapshot=list(refusal_snapshot),
                        )
                    )
            events.extend(self._done_events(state, choice))
        return events

    def _done_events(
        self, state: ChoiceState, choice: ChunkChoice
    ) -> list[ChatCompletionStreamEvent[Any]]:
        events: list[ChatCompletionStreamEvent[Any]] = []
        if state.snapshot.finish_reason:
            events.extend(self._content_done_events(state))
            current = state.current_tool_call
            if current is not None and current not in state.done_tool_calls:
                events.extend(self._tool_done_events(state, current))
        for call in choice.delta.tool_calls or []:
            if state.current_tool_call != call.index:
                events.extend(self._content_done_events(state))
                if state.current_tool_call is not None:
                    events.extend(self._tool_done_events(state, state.current_tool_call))
            state.current_tool_call = call.index
        current = state.current_tool_call
        if state.snapshot.finish_reason and current is not None:
            # A chunk that both starts a tool call and finishes the choice (never on OpenAI,
            # common elsewhere): that call is done too.
            events.extend(self._tool_done_events(state, current))
        return events

    def _content_done_events(self, state: ChoiceState) -> list[ChatCompletionStreamEvent[Any]]:
        events: list[ChatCompletionStreamEvent[Any]] = []
        message = state.snapshot.message
        if message.content and not state.content_done:
            state.content_done = True
            parsed = maybe_parse_content(response_format=self._response_format, message=message)
            # From now on ``parsed`` is the validated instance, not the partial JSON.
            state.parsed = message.parsed = parsed
            events.append(
                ContentDoneEvent.model_construct(
                    type="content.done", content=message.content, parsed=parsed
                )
            )
        if message.refusal is not None and not state.refusal_done:
            state.refusal_done = True
            events.append(
                RefusalDoneEvent.model_construct(type="refusal.done", refusal=message.refusal)
            )
        logprobs = state.snapshot.logprobs
        if logprobs is not None:
            content = logprobs_part(logprobs, "content")
            if content is not None and not state.logprobs_content_done:
                state.logprobs_content_done = True
                events.append(
                    LogprobsContentDoneEvent.model_construct(
                        type="logprobs.content.done", content=list(content)
                    )
                )
            refusal = logprobs_part(logprobs, "refusal")
            if refusal is not None and not state.logprobs_refusal_done:
                state.logprobs_refusal_done = True
                events.append(
                    LogprobsRefusalDoneEvent.model_construct(
                        type="logprobs.refusal.done", refusal=list(refusal)
                    )
                )
        return events

    def _tool_done_events(
        self, state: ChoiceState, index: int
    ) -> list[ChatCompletionStreamEvent[Any]]:
        if index in state.done_tool_calls:
            return []
        state.done_tool_calls.add(index)
        tool_call = state.tool_call(index)
        if tool_call is None:
            return []
        parsed = parse_function_tool_arguments(
            input_tools=self._input_tools, function=tool_call.function
        )
        # From now on ``parsed_arguments`` is the validated value, not the partial JSON.
        state.parsed_arguments[index] = tool_call.function.parsed_arguments = parsed
        return [
            FunctionToolCallArgumentsDoneEvent.model_construct(
                type="tool_calls.function.arguments.done",
                name=tool_call.function.name,
                index=index,
                arguments=tool_call.function.arguments,
                parsed_arguments=parsed,
            )
        ]
