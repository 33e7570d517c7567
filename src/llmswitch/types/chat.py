"""Chat completion responses and stream chunks, and finish-reason normalisation."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, SerializerFunctionWrapHandler, model_serializer

from ._base import _Model, _Priced, _RawModel

__all__ = [
    "ERROR_FINISH_REASONS",
    "Annotation",
    "AnnotationURLCitation",
    "ChatCompletion",
    "ChatCompletionAudio",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionTokenLogprob",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaFunctionCall",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChoiceLogprobs",
    "ChunkChoice",
    "CompletionTokensDetails",
    "CompletionUsage",
    "FinishReason",
    "FunctionCall",
    "NormalizedFinishReason",
    "PromptTokensDetails",
    "ToolCall",
    "TopLogprob",
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
    arguments: str = ""
    name: str


class ToolCall(_Model):
    id: str
    type: Literal["function"] = "function"
    function: FunctionCall


class PromptTokensDetails(_Model):
    """Breakdown of prompt tokens (``cached_tokens``: served from the provider's prompt cache)."""

    audio_tokens: int | None = None
    cache_write_tokens: int | None = None
    cached_tokens: int | None = None
    image_tokens: int | None = None
    text_tokens: int | None = None


class CompletionTokensDetails(_Model):
    """Breakdown of completion tokens (``reasoning_tokens``: thinking the model did)."""

    accepted_prediction_tokens: int | None = None
    audio_tokens: int | None = None
    reasoning_tokens: int | None = None
    rejected_prediction_tokens: int | None = None
    text_tokens: int | None = None


class CompletionUsage(_Model):
    """Token counts of one answer (openai-python's ``CompletionUsage``; also named ``Usage``)."""

    completion_tokens: int = 0
    prompt_tokens: int = 0
    total_tokens: int = 0
    completion_tokens_details: CompletionTokensDetails | None = None
    prompt_tokens_details: PromptTokensDetails | None = None


Usage = CompletionUsage


class TopLogprob(_Model):
    token: str
    bytes: list[int] | None = None
    logprob: float


class ChatCompletionTokenLogprob(_Model):
    token: str
    bytes: list[int] | None = None
    logprob: float
    top_logprobs: list[TopLogprob] = Field(default_factory=list)


class ChoiceLogprobs(_Model):
    content: list[ChatCompletionTokenLogprob] | None = None
    refusal: list[ChatCompletionTokenLogprob] | None = None


class AnnotationURLCitation(_Model):
    end_index: int
    start_index: int
    title: str
    url: str


class Annotation(_Model):
    type: Literal["url_citation"] = "url_citation"
    url_citation: AnnotationURLCitation


class ChatCompletionAudio(_Model):
    id: str
    data: str
    expires_at: int
    transcript: str


class _Reasoning(_Model):
    """``reasoning_content``: the reasoning text of models that return it separately (DeepSeek,
    Qwen, GLM, ERNIE X1, ...). Not an OpenAI field: it is kept like any extra field the
    provider sent (so ``model_dump()`` shows it only when present) and reads ``None`` if absent.
    """

    @property
    def reasoning_content(self) -> str | None:
        extra = self.__pydantic_extra__
        value = extra.get("reasoning_content") if extra else None
        return value if isinstance(value, str) else None

    @model_serializer(mode="wrap")
    def _without_empty_reasoning(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict) and data.get("reasoning_content", "") is None:
            del data["reasoning_content"]
        return data


class ChatCompletionMessage(_Reasoning):
    content: str | None = None
    refusal: str | None = None
    role: Literal["assistant"] = "assistant"
    annotations: list[Annotation] | None = None
    audio: ChatCompletionAudio | None = None
    function_call: FunctionCall | None = None
    tool_calls: list[ToolCall] | None = None


class Choice(_Model):
    finish_reason: NormalizedFinishReason = None
    index: int = 0
    logprobs: ChoiceLogprobs | None = None
    message: ChatCompletionMessage


class ChatCompletion(_Priced):
    id: str = ""
    choices: list[Choice]
    created: int = 0
    model: str = ""
    object: Literal["chat.completion"] = "chat.completion"
    metadata: dict[str, str] | None = None
    moderation: dict[str, Any] | None = None
    service_tier: str | None = None
    system_fingerprint: str | None = None
    usage: Usage | None = None


class ChoiceDeltaFunctionCall(_Model):
    arguments: str | None = None
    name: str | None = None


class ChoiceDeltaToolCallFunction(_Model):
    arguments: str | None = None
    name: str | None = None


class ChoiceDeltaToolCall(_Model):
    index: int = 0
    id: str | None = None
    function: ChoiceDeltaToolCallFunction | None = None
    type: Literal["function"] | None = None


class ChoiceDelta(_Reasoning):
    content: str | None = None
    function_call: ChoiceDeltaFunctionCall | None = None
    refusal: str | None = None
    role: Literal["developer", "system", "user", "assistant", "tool"] | None = None
    tool_calls: list[ChoiceDeltaToolCall] | None = None


class ChunkChoice(_Model):
    delta: ChoiceDelta
    finish_reason: NormalizedFinishReason = None
    index: int = 0
    logprobs: ChoiceLogprobs | None = None


class ChatCompletionChunk(_RawModel):
    id: str = ""
    choices: list[ChunkChoice]
    created: int = 0
    model: str = ""
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    moderation: dict[str, Any] | None = None
    obfuscation: str | None = None
    service_tier: str | None = None
    system_fingerprint: str | None = None
    usage: Usage | None = None
