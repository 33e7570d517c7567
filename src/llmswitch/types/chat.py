"""Chat completion responses and stream chunks, and finish-reason normalisation."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from ._base import _Model, _RawModel

__all__ = [
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChunkChoice",
    "FinishReason",
    "FunctionCall",
    "NormalizedFinishReason",
    "ToolCall",
    "Usage",
    "normalize_finish_reason",
]

FinishReason = Literal["stop", "length", "tool_calls", "content_filter"]

# Provider finish reasons and what they mean in OpenAI's vocabulary. Sources: spec/ wire files
# (DashScope "null" while running, GLM "sensitive"/"network_error", ERNIE "max_output_tokens",
# OpenAI legacy "function_call").
_FINISH_REASONS: dict[str, FinishReason | None] = {
    "stop": "stop",
    "length": "length",
    "tool_calls": "tool_calls",
    "content_filter": "content_filter",
    "function_call": "tool_calls",
    "tool_call": "tool_calls",
    "sensitive": "content_filter",
    "content_filtered": "content_filter",
    "max_tokens": "length",
    "max_output_tokens": "length",
    "model_context_window_exceeded": "length",
    "normal": "stop",
    "end_turn": "stop",
    "network_error": "stop",
    "null": None,
    "": None,
}


def normalize_finish_reason(value: object) -> FinishReason | None:
    """Map a provider's finish reason onto ``stop | length | tool_calls | content_filter``.

    The provider's own value stays in ``raw``. An unknown non-empty value maps to ``stop``.

    >>> normalize_finish_reason("sensitive")
    'content_filter'
    """
    if value is None:
        return None
    if not isinstance(value, str):
        return "stop"
    return _FINISH_REASONS.get(value, "stop")


NormalizedFinishReason = Annotated[FinishReason | None, BeforeValidator(normalize_finish_reason)]


class FunctionCall(_Model):
    name: str
    arguments: str = ""


class ToolCall(_Model):
    id: str
    type: Literal["function"] = "function"
    function: FunctionCall


class Usage(_Model):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0
    prompt_tokens_details: dict[str, Any] | None = None
    completion_tokens_details: dict[str, Any] | None = None


class ChatCompletionMessage(_Model):
    role: Literal["assistant"] = "assistant"
    content: str | None = None
    refusal: str | None = None
    tool_calls: list[ToolCall] | None = None
    reasoning_content: str | None = None
    """Reasoning text of models that return it separately (e.g. DeepSeek, Qwen, GLM)."""


class Choice(_Model):
    index: int = 0
    message: ChatCompletionMessage
    finish_reason: NormalizedFinishReason = None
    logprobs: Any | None = None


class ChatCompletion(_RawModel):
    id: str = ""
    object: Literal["chat.completion"] = "chat.completion"
    created: int = 0
    model: str = ""
    choices: list[Choice]
    usage: Usage | None = None
    system_fingerprint: str | None = None
    service_tier: str | None = None


class ChoiceDeltaToolCallFunction(_Model):
    name: str | None = None
    arguments: str | None = None


class ChoiceDeltaToolCall(_Model):
    index: int = 0
    id: str | None = None
    type: Literal["function"] | None = None
    function: ChoiceDeltaToolCallFunction | None = None


class ChoiceDelta(_Model):
    role: Literal["assistant"] | None = None
    content: str | None = None
    refusal: str | None = None
    tool_calls: list[ChoiceDeltaToolCall] | None = None
    reasoning_content: str | None = None


class ChunkChoice(_Model):
    index: int = 0
    delta: ChoiceDelta
    finish_reason: NormalizedFinishReason = None
    logprobs: Any | None = None


class ChatCompletionChunk(_RawModel):
    id: str = ""
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int = 0
    model: str = ""
    choices: list[ChunkChoice]
    usage: Usage | None = None
    system_fingerprint: str | None = None
    service_tier: str | None = None
