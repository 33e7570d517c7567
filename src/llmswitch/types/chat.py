"""Chat completion responses and stream chunks, and finish-reason normalisation."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator

from ._base import _Model, _RawModel

__all__ = [
    "ERROR_FINISH_REASONS",
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

ERROR_FINISH_REASONS = frozenset({"error", "network_error"})
"""Finish reasons that say the answer failed (an OpenAI-compatible gateway's ``"error"`` when an
upstream fails mid-answer, GLM's ``"network_error"``): adapters raise an ``APIError`` for them
(DESIGN section 3); they are never reported as a finish."""

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
    "null": None,
    "": None,
}


def normalize_finish_reason(value: object) -> str | None:
    """Map a provider's finish reason onto ``stop | length | tool_calls | content_filter`` where
    it means one of those; any other value passes through as the provider sent it (never as
    ``stop``: a finish llmswitch does not know is not a normal end). The error finishes
    (:data:`ERROR_FINISH_REASONS`) pass through too, and the adapters raise for them.

    >>> normalize_finish_reason("sensitive")
    'content_filter'
    >>> normalize_finish_reason("some_new_reason")
    'some_new_reason'
    """
    if value is None:
        return None
    if not isinstance(value, str):
        return str(value)
    return _FINISH_REASONS.get(value, value)


NormalizedFinishReason = Annotated[str | None, BeforeValidator(normalize_finish_reason)]


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
