"""Pydantic models of requests and responses, with OpenAI's field names.

Responses (``ChatCompletion``, ``ChatCompletionChunk``, ``CreateEmbeddingResponse``) also carry
``provider`` (who answered) and ``raw`` (the provider's own JSON, parsed on first access), so
nothing a provider sent is lost. Request-side models (messages, tools, response formats) are
optional: plain dicts with the same shape are accepted everywhere.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict

__all__ = [
    "AssistantMessage",
    "ChatCompletion",
    "ChatCompletionChunk",
    "ChatCompletionMessage",
    "ChatCompletionTool",
    "ChatMessage",
    "Choice",
    "ChoiceDelta",
    "ChoiceDeltaToolCall",
    "ChoiceDeltaToolCallFunction",
    "ChunkChoice",
    "ContentPart",
    "CreateEmbeddingResponse",
    "DeveloperMessage",
    "Embedding",
    "EmbeddingUsage",
    "FinishReason",
    "FunctionCall",
    "FunctionDefinition",
    "ImageContentPart",
    "ImageURL",
    "JSONSchemaFormat",
    "ResponseFormat",
    "ResponseFormatJSONObject",
    "ResponseFormatJSONSchema",
    "ResponseFormatText",
    "SystemMessage",
    "TextContentPart",
    "ToolCall",
    "ToolMessage",
    "Usage",
    "UserMessage",
    "attach_raw",
    "normalize_finish_reason",
]

_REQUEST_TYPES = frozenset(
    {
        "AssistantMessage", "ChatCompletionTool", "ChatMessage", "ContentPart", "DeveloperMessage",
        "FunctionDefinition", "ImageContentPart", "ImageURL", "JSONSchemaFormat", "ResponseFormat",
        "ResponseFormatJSONObject", "ResponseFormatJSONSchema", "ResponseFormatText",
        "SystemMessage", "TextContentPart", "ToolMessage", "UserMessage",
    }
)  # fmt: skip

if TYPE_CHECKING:
    from ._request_types import (
        AssistantMessage,
        ChatCompletionTool,
        ChatMessage,
        ContentPart,
        DeveloperMessage,
        FunctionDefinition,
        ImageContentPart,
        ImageURL,
        JSONSchemaFormat,
        ResponseFormat,
        ResponseFormatJSONObject,
        ResponseFormatJSONSchema,
        ResponseFormatText,
        SystemMessage,
        TextContentPart,
        ToolMessage,
        UserMessage,
    )


def __getattr__(name: str) -> Any:
    """Request-side models load on first use (see ``_request_types``)."""
    if name in _REQUEST_TYPES:
        from . import _request_types

        return getattr(_request_types, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore", populate_by_name=True)


class _RawModel(_Model):
    """A response model that remembers the provider's JSON text and parses it only on demand.

    The raw body is kept in the instance ``__dict__`` (not a pydantic private attribute, whose
    per-instance setup costs a third of a chunk's parse time); serialisation ignores it.
    """

    provider: str = ""

    @property
    def raw(self) -> dict[str, Any]:
        """The provider's own JSON for this object (parsed lazily, then cached)."""
        value = self.__dict__.get("_raw_body")
        if isinstance(value, (str, bytes, bytearray)):
            parsed = json.loads(value)
            value = parsed if isinstance(parsed, dict) else {"value": parsed}
            self.__dict__["_raw_body"] = value
        if value is None:
            return {}
        return value  # type: ignore[no-any-return,unused-ignore]

    @property
    def _raw(self) -> Any:
        return self.__dict__.get("_raw_body")

    @_raw.setter
    def _raw(self, value: Any) -> None:
        self.__dict__["_raw_body"] = value

    def with_raw(self, raw: Any, provider: str) -> Any:
        """Attach the provider's raw JSON (text or dict) and the provider name; returns self."""
        attach_raw(self, raw, provider)
        return self


def attach_raw(obj: BaseModel, raw: Any, provider: str) -> None:
    """Fast path for adapters: set ``raw`` (text, bytes or dict) and ``provider`` on a freshly
    parsed response without pydantic's ``__setattr__``."""
    values = obj.__dict__
    values["_raw_body"] = raw
    values["provider"] = provider


# ---- response side -------------------------------------------------------------------------


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


class Embedding(_Model):
    object: Literal["embedding"] = "embedding"
    index: int
    embedding: list[float]


class EmbeddingUsage(_Model):
    prompt_tokens: int = 0
    total_tokens: int = 0


class CreateEmbeddingResponse(_RawModel):
    object: Literal["list"] = "list"
    data: list[Embedding]
    model: str = ""
    usage: EmbeddingUsage | None = None
