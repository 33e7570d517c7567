"""DashScope native SSE → :class:`ChatCompletionChunk` (stateful, one parser per stream).

Wire facts: ``spec/wire-qwen-glm-openai.md`` 1.5 and 1.8: ``event:result`` frames, the string
``"null"`` as finish_reason while running, **no** ``[DONE]`` (the stream ends after the chunk
whose finish_reason is set), cumulative ``usage`` in every frame (reported once, on the final
chunk), ``event:error`` (or a ``code`` in the data) inside an HTTP 200 stream, and cumulative
text when a server ignores ``incremental_output: true``.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    AliasChoices,
    AliasPath,
    BeforeValidator,
    Field,
    ValidationError,
    model_validator,
)

from ..._sse import SSEEvent
from ...errors import APIConnectionError
from ...types import (
    ChatCompletionChunk,
    ChoiceDelta,
    ChoiceDeltaToolCall,
    ChoiceDeltaToolCallFunction,
    ChunkChoice,
    CompletionTokensDetails,
    Usage,
    attach_raw,
)
from .._base import validation_error
from .errors import qwen_error_from_event
from .routing import is_url_error, learn
from .wire import NativeBody, NativeToolCall, merged_prompt_details, native_usage, text_of

__all__ = ["QwenChunkParser"]


# One-pass parse of a native frame straight into the OpenAI-shaped chunk: pydantic validates the
# DashScope JSON (``output.choices[].message``, ``request_id``, ``input_tokens``...) and builds
# the chunk in a single ``model_validate_json`` call, so a stream costs about what parsing its
# JSON costs. The legacy ``output.text`` frame shape takes the slower path below.
def _text(value: Any) -> Any:
    return text_of(value) if isinstance(value, list) else value


class _FrameDelta(ChoiceDelta):
    content: Annotated[str | None, BeforeValidator(_text)] = None


class _FrameChoice(ChunkChoice):
    index: int = -1  # set from the position when DashScope leaves it out
    delta: _FrameDelta = Field(default_factory=_FrameDelta, validation_alias="message")


class _FrameUsage(Usage):
    prompt_tokens: int = Field(0, validation_alias=AliasChoices("input_tokens", "prompt_tokens"))
    completion_tokens: int = Field(
        0, validation_alias=AliasChoices("output_tokens", "completion_tokens")
    )
    total_tokens: int = -1
    completion_tokens_details: CompletionTokensDetails | None = Field(
        None, validation_alias=AliasChoices("output_tokens_details", "completion_tokens_details")
    )

    @model_validator(mode="before")
    @classmethod
    def _input_details(cls, value: Any) -> Any:
        # Multimodal answers count text/image tokens in input_tokens_details (spec 1.3 [M]).
        if isinstance(value, dict) and "input_tokens_details" in value:
            value = dict(value)
            value["prompt_tokens_details"] = merged_prompt_details(
                value.pop("input_tokens_details"), value.get("prompt_tokens_details")
            )
        return value


class _Frame(ChatCompletionChunk):
    id: str = Field("", validation_alias="request_id")
    choices: list[_FrameChoice] = Field(  # type: ignore[assignment]
        default_factory=list, validation_alias=AliasPath("output", "choices")
    )
    usage: _FrameUsage | None = None
    code: str | None = Field(None, exclude=True, repr=False)


class _Cumulative:
    """Turns "whole text so far" frames into deltas for one choice and one field.

    Detection (spec 1.5): we always ask for incremental output, so frames are taken as deltas
    unless the second non-empty text starts with the first and is longer (the server sends the
    text so far). From then on each frame's new suffix is the delta.
    """

    __slots__ = ("cumulative", "first", "seen")

    def __init__(self, cumulative: bool) -> None:
        self.cumulative: bool | None = True if cumulative else None
        self.first: str | None = None
        self.seen = ""

    def delta(self, text: str | None) -> str | None:
        if not text:
            return text
        if self.cumulative is None:
            if self.first is None:
                self.first = self.seen = text
                return text
            self.cumulative = text.startswith(self.first) and len(text) > len(self.first)
        if not self.cumulative:
            return text
        # not a continuation after all: pass it on as it came
        new = text[len(self.seen) :] if text.startswith(self.seen) else text
        self.seen = text
        return new


class QwenChunkParser:
    """Feed DashScope SSE events; ``done`` once every choice has a finish reason."""

    __slots__ = (
        "_finished",
        "_model",
        "_n",
        "_other_path",
        "_provider",
        "_texts",
        "_usage",
        "_want_cumulative",
        "done",
    )

    def __init__(
        self,
        provider: str,
        model: str,
        *,
        n: int = 1,
        cumulative: bool = False,
        other_path: bool | None = None,
    ) -> None:
        self._provider = provider
        # The other endpoint (True: multimodal) to learn after a url error frame, or None.
        self._other_path = other_path
        self._model = model
        self._n = max(n, 1)
        self._want_cumulative = cumulative
        self._texts: dict[tuple[int, str], _Cumulative] = {}
        self._finished: set[int] = set()
        self._usage: Usage | None = None
        self.done = False

    def _delta(self, index: int, field: str, text: str | None) -> str | None:
        tracker = self._texts.get((index, field))
        if tracker is None:
            tracker = self._texts[(index, field)] = _Cumulative(self._want_cumulative)
        return tracker.delta(text)

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        data = event.data
        if event.event == "error":
            if self._other_path is not None and is_url_error(data):
                learn(self._provider, self._model, self._other_path)  # next call goes there
            raise qwen_error_from_event(self._provider, data, event.comment)
        if event.event == "done":  # the 1.x SDK skips data after event:done (spec 1.5)
            self.done = True
            return []
        try:
            frame = _Frame.model_validate_json(data)
        except ValidationError:
            return self._slow_feed(event)
        if frame.code:
            raise qwen_error_from_event(self._provider, data, event.comment)
        if not frame.choices:
            return self._slow_feed(event)
        values = frame.__dict__
        values["model"] = self._model
        usage = frame.usage
        if usage is not None:
            if usage.total_tokens < 0:
                usage.__dict__["total_tokens"] = usage.prompt_tokens + usage.completion_tokens
            self._usage = usage
        final = False
        for position, choice in enumerate(frame.choices):
            index = choice.index
            if index < 0:
                index = choice.__dict__["index"] = position
            delta = choice.delta.__dict__
            if delta["content"]:
                delta["content"] = self._delta(index, "content", delta["content"])
            extra = choice.delta.__pydantic_extra__
            if extra and extra.get("reasoning_content"):
                extra["reasoning_content"] = self._delta(
                    index, "reasoning", extra["reasoning_content"]
                )
            if choice.finish_reason is not None:
                self._finished.add(index)
                final = len(self._finished) >= self._n
        values["usage"] = self._usage if final else None
        attach_raw(frame, data, self._provider)
        if final:
            self.done = True
        return [frame]

    def _slow_feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        data = event.data
        try:
            body = NativeBody.model_validate_json(data)
        except ValidationError as exc:
            raise validation_error(exc, self._provider, data) from None
        if body.code:
            raise qwen_error_from_event(self._provider, data, event.comment)
        if body.usage is not None:
            self._usage = native_usage(body.usage)
        output = body.output
        if output is None:
            return []
        choices: list[ChunkChoice] = []
        final = False
        for position, choice in enumerate(output.choices or ()):
            index = choice.index if choice.index is not None else position
            message = choice.message
            delta = ChoiceDelta()
            if message is not None:
                delta = ChoiceDelta(
                    role="assistant",
                    content=self._delta(index, "content", text_of(message.content)),
                    reasoning_content=self._delta(index, "reasoning", message.reasoning_content),
                    tool_calls=_delta_calls(message.tool_calls),
                )
            finish = choice.finish_reason
            if finish and finish != "null":
                self._finished.add(index)
                final = len(self._finished) >= self._n
            choices.append(
                ChunkChoice(
                    index=index, delta=delta, finish_reason=finish, logprobs=choice.logprobs
                )
            )
        if output.choices is None and output.text is not None:  # result_format "text"
            finish = output.finish_reason
            final = bool(finish) and finish != "null"
            content = self._delta(0, "content", output.text)
            choices.append(ChunkChoice(delta=ChoiceDelta(content=content), finish_reason=finish))
        chunk = ChatCompletionChunk(
            id=body.request_id,
            model=self._model,
            choices=choices,
            usage=self._usage if final else None,
        )
        attach_raw(chunk, data, self._provider)
        if final:
            self.done = True
        return [chunk]

    def close(self) -> list[ChatCompletionChunk]:
        if not self.done:
            raise APIConnectionError(
                "the DashScope stream ended before a chunk with a finish_reason; the answer is"
                " incomplete",
                provider=self._provider,
                retryable=False,
            )
        return []


def _delta_calls(calls: list[NativeToolCall] | None) -> list[ChoiceDeltaToolCall] | None:
    if not calls:
        return None
    return [
        ChoiceDeltaToolCall(
            index=call.index,
            id=call.id or None,
            type="function",
            function=ChoiceDeltaToolCallFunction(
                name=call.function.name or None, arguments=call.function.arguments
            )
            if call.function
            else None,
        )
        for call in calls
    ]
