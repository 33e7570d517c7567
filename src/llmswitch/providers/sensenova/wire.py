"""SenseNova native wire shapes (answers, stream frames, embeddings, errors) and the stream
parser: private pydantic models built once at import. Wire facts: ``spec/wire-ernie-sensenova.md``
section 3 (``data``/``error`` envelopes, string ``delta`` in stream choices, ``[DONE]``).
"""

from __future__ import annotations

from typing import Any

from pydantic import AliasPath, BaseModel, Field, ValidationError, model_validator

from ..._sse import SSEEvent
from ...errors import APIConnectionError
from ...types import (
    ChatCompletionChunk,
    ChunkChoice,
    FunctionCall,
    Usage,
    attach_raw,
)
from .._base import ErrorMapper, validation_error

__all__ = [
    "SenseNovaChunkParser",
    "_SNAnswer",
    "_SNEmbeddings",
    "_SNError",
    "_usage",
]


class _SNError(BaseModel):
    code: int | str | None = None
    message: str = ""


class _SNToolCall(BaseModel):
    id: str = ""
    type: str = "function"
    function: FunctionCall


class _SNChoice(BaseModel):
    index: int = 0
    message: str | None = None
    delta: str | None = None
    finish_reason: str | None = None
    tool_calls: list[_SNToolCall] | None = None
    reasoning_content: str | None = None


class _SNUsage(BaseModel):
    prompt_tokens: int = 0
    knowledge_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0


class _SNData(BaseModel):
    id: str = ""
    choices: list[_SNChoice] = []
    usage: _SNUsage | None = None


class _SNAnswer(BaseModel):
    data: _SNData | None = None
    error: _SNError | None = None


class _SNEmbeddingItem(BaseModel):
    index: int = 0
    embedding: list[float]


class _SNEmbeddings(BaseModel):
    embeddings: list[_SNEmbeddingItem] | None = None
    usage: _SNUsage | None = None
    error: _SNError | None = None


def _usage(usage: _SNUsage | None) -> Usage | None:
    """Knowledge-base tokens count as prompt tokens (spec S4, langchain4j)."""
    if usage is None:
        return None
    return Usage(
        prompt_tokens=usage.prompt_tokens + usage.knowledge_tokens,
        completion_tokens=usage.completion_tokens,
        total_tokens=usage.total_tokens,
    )


# One-pass parse of a stream frame straight into the OpenAI-shaped chunk (``data.choices[]``
# with a string ``delta``, ``data.usage``): one ``model_validate_json`` per frame.
class _FrameChoice(ChunkChoice):
    @model_validator(mode="before")
    @classmethod
    def _native(cls, value: Any) -> Any:
        if not isinstance(value, dict):
            return value
        delta: dict[str, Any] = {
            "content": value.get("delta") or None,
            "reasoning_content": value.get("reasoning_content"),
        }
        calls = value.get("tool_calls")
        if isinstance(calls, list) and calls:
            delta["tool_calls"] = [
                {**call, "index": i, "type": "function"} if isinstance(call, dict) else call
                for i, call in enumerate(calls)
            ]
        return {
            "index": value.get("index", 0),
            "finish_reason": value.get("finish_reason"),
            "delta": delta,
        }


class _FrameUsage(Usage):
    knowledge_tokens: int = Field(0, exclude=True, repr=False)


class _Frame(ChatCompletionChunk):
    id: str = Field("", validation_alias=AliasPath("data", "id"))
    choices: list[_FrameChoice] = Field(  # type: ignore[assignment]
        default_factory=list, validation_alias=AliasPath("data", "choices")
    )
    usage: _FrameUsage | None = Field(None, validation_alias=AliasPath("data", "usage"))
    error: _SNError | None = Field(None, exclude=True, repr=False)


class SenseNovaChunkParser:
    """``data:{"data": {...}}`` events until ``data:[DONE]``; ``data:{"error": ...}`` raises."""

    __slots__ = ("_adapter", "_model", "_started", "done")

    def __init__(self, adapter: ErrorMapper, model: str) -> None:
        self._adapter = adapter
        self._model = model
        self._started = False
        self.done = False

    def feed(self, event: SSEEvent) -> list[ChatCompletionChunk]:
        data = event.data
        if data == "[DONE]":
            self.done = True
            return []
        try:
            frame = _Frame.model_validate_json(data)
        except ValidationError as exc:
            raise validation_error(exc, self._adapter.name, data) from None
        if frame.error is not None or (not frame.choices and not frame.id):
            raise self._adapter.map_error(200, data.encode(), {})
        values = frame.__dict__
        values["model"] = self._model
        if not self._started and frame.choices:
            frame.choices[0].delta.__dict__["role"] = "assistant"
            self._started = True
        final = False
        for choice in frame.choices:
            final = final or choice.finish_reason is not None
        usage = frame.usage
        if final and usage is not None:
            # Knowledge-base tokens count as prompt tokens (spec S4, langchain4j).
            usage.__dict__["prompt_tokens"] = usage.prompt_tokens + usage.knowledge_tokens
        else:
            values["usage"] = None
        attach_raw(frame, data, self._adapter.name)
        return [frame]

    def close(self) -> list[ChatCompletionChunk]:
        if not self.done:
            raise APIConnectionError(
                "the SenseNova stream ended before its end marker (data:[DONE]); the answer is"
                " incomplete",
                provider=self._adapter.name,
                retryable=False,
            )
        return []
